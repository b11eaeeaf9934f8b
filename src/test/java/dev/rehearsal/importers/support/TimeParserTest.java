package dev.rehearsal.importers.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.settings.DateOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeParserTest {
  private final TimeParser utc = TimeParser.utc();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-03T12:40:13Z|2024-01-03T12:40:13Z",
        "2024-01-03T12:40:13+00:00|2024-01-03T12:40:13Z",
        "2024-01-03T14:40:13+02:00|2024-01-03T12:40:13Z",
        "2024-01-03T14:40:13+0200|2024-01-03T12:40:13Z",
        "2024-01-03T14:40:13+02|2024-01-03T12:40:13Z",
        "2024-01-03T07:40:13-05:00|2024-01-03T12:40:13Z",
        "2022-11-03T06:23:06.000000Z|2022-11-03T06:23:06Z",
        "2019-03-13T14:14:24.109Z|2019-03-13T14:14:24.109Z",
        "2021-08-17T13:28:57.801578Z|2021-08-17T13:28:57.801578Z",
        "2021-03-07T10:36:56 UTC|2021-03-07T10:36:56Z",
        "2021-03-07 10:36:56 GMT|2021-03-07T10:36:56Z",
        "2024-03-04 23:00:06 +0100 CET|2024-03-04T22:00:06Z",
        "2024-03-04 23:00:06.123456789 -0700 MST|2024-03-05T06:00:06.123456789Z",
        "2024-03-04 23:00:06 -0300 -03|2024-03-05T02:00:06Z",
        "Tue, 3 Jun 2008 11:05:30 GMT|2008-06-03T11:05:30Z",
        "Tue, 03 Jun 2008 11:05:30 +0200|2008-06-03T09:05:30Z",
        "1700000000|2023-11-14T22:13:20Z",
        "1700000000123|2023-11-14T22:13:20.123Z",
        "1700000000123456|2023-11-14T22:13:20.123456Z",
        "1700000000.5|2023-11-14T22:13:20.500Z",
        "2024-01-01T10:00:00+01:00[Europe/Paris]|2024-01-01T09:00:00Z",
        "20240103T124013Z|2024-01-03T12:40:13Z",
      })
  void readsZonedTimes(String raw, String expected) throws Exception {
    TimeParser.Parsed p = utc.parse(raw);
    assertEquals(Instant.parse(expected), p.instant());
    assertFalse(p.zoneAssumed(), "the zone was written, not assumed: " + raw);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-03T 12:40:13|2024-01-03T12:40:13Z",
        "2024-01-03T12:40:13|2024-01-03T12:40:13Z",
        "2024-01-03 12:40:13|2024-01-03T12:40:13Z",
        "2014-02-24 07:42:21.256|2014-02-24T07:42:21.256Z",
        "2024-01-03T12:40:13.12|2024-01-03T12:40:13.120Z",
        "2024-01-03T12:40:13.123456|2024-01-03T12:40:13.123456Z",
        "10/oct./16 11:54 AM|2016-10-10T11:54:00Z",
        "03/août/17 3:05 PM|2017-08-03T15:05:00Z",
        "5/févr./18 12:00 AM|2018-02-05T00:00:00Z",
        "4 März 2024 10:00|2024-03-04T10:00:00Z",
        "Mar 4, 2024 10:00 PM|2024-03-04T22:00:00Z",
        "04-Mar-2024 09:15|2024-03-04T09:15:00Z",
        "13/04/2024 10:00|2024-04-13T10:00:00Z",
        "04/13/2024 10:00|2024-04-13T10:00:00Z",
        "03.04.2024 10:00|2024-04-03T10:00:00Z",
        "12/Mar/24 2:15 PM|2024-03-12T14:15:00Z",
      })
  void readsNaiveTimesInTheChosenZoneAndSaysSo(String raw, String expected) throws Exception {
    TimeParser.Parsed p = utc.parse(raw);
    assertEquals(Instant.parse(expected), p.instant());
    assertTrue(p.zoneAssumed(), "no zone was written: " + raw);
  }

  @Test
  void naiveTimesFollowTheUsersZone() throws Exception {
    TimeParser berlin = new TimeParser(ZoneId.of("Europe/Berlin"), DateOrder.AUTO);
    assertEquals(
        Instant.parse("2024-07-01T08:00:00Z"), berlin.parse("2024-07-01 10:00:00").instant());
    assertEquals(Instant.parse("2024-01-01T09:00:00Z"), berlin.parse("2024-01-01 10:00").instant());
    // a written offset is not affected by the user's zone
    assertEquals(
        Instant.parse("2024-07-01T10:00:00Z"), berlin.parse("2024-07-01T10:00:00Z").instant());
  }

  @Test
  void dateOnlyIsMidnightAndFlagged() throws Exception {
    TimeParser.Parsed p = utc.parse("2024-01-03");
    assertEquals(Instant.parse("2024-01-03T00:00:00Z"), p.instant());
    assertTrue(p.dateOnly());
    assertTrue(p.zoneAssumed());
  }

  @Test
  void ambiguousDayMonthIsRefusedUnlessTheOrderIsGiven() throws Exception {
    TimeParseException e =
        assertThrows(TimeParseException.class, () -> utc.parse("03/04/2024 10:00"));
    assertTrue(e.getMessage().contains("day/month"), e.getMessage());
    assertEquals(
        Instant.parse("2024-04-03T10:00:00Z"),
        utc.withOrder(DateOrder.DMY).parse("03/04/2024 10:00").instant());
    assertEquals(
        Instant.parse("2024-03-04T10:00:00Z"),
        utc.withOrder(DateOrder.MDY).parse("03/04/2024 10:00").instant());
  }

  @Test
  void twelveHourClockEdges() throws Exception {
    assertEquals(Instant.parse("2024-03-12T00:05:00Z"), utc.parse("12/Mar/24 12:05 AM").instant());
    assertEquals(Instant.parse("2024-03-12T12:05:00Z"), utc.parse("12/Mar/24 12:05 PM").instant());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not a date",
        "2024-13-45T10:00:00Z",
        "'   '",
        "2024-02-30",
        "12345",
        "2024-01-03T25:00:00Z",
        "10/foo/16 11:54 AM",
        "2024-03-04 23:00:06 IST"
      })
  void refusesWhatIsNotATime(String raw) {
    assertThrows(TimeParseException.class, () -> utc.parse(raw));
  }

  @Test
  void epochUnitByMagnitude() {
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), TimeParser.epochNumber(1_700_000_000L));
    assertEquals(
        Instant.ofEpochMilli(1_700_000_000_123L), TimeParser.epochNumber(1_700_000_000_123L));
    assertEquals(
        Instant.ofEpochSecond(1_700_000_000L, 123_456_000),
        TimeParser.epochNumber(1_700_000_000_123_456L));
    assertEquals(
        Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
        TimeParser.epochNumber(1_700_000_000_123_456_789L));
  }

  @Test
  void detectorDecidesPerFile() {
    DateOrderDetector d = new DateOrderDetector();
    d.add("03/04/2024 10:00");
    d.add("25/04/2024 10:00");
    assertEquals(DateOrder.DMY, d.result().order());

    DateOrderDetector m = new DateOrderDetector();
    m.add("03/04/2024");
    m.add("04/25/2024");
    assertEquals(DateOrder.MDY, m.result().order());

    DateOrderDetector amb = new DateOrderDetector();
    amb.add("03/04/2024");
    amb.add("05/06/2024");
    assertFalse(amb.result().decided());
    assertTrue(amb.result().problem().contains("day/month or month/day"));

    DateOrderDetector mixed = new DateOrderDetector();
    mixed.add("25/04/2024");
    mixed.add("04/25/2024");
    assertFalse(mixed.result().decided());
    assertTrue(mixed.result().problem().contains("mixes"));

    DateOrderDetector none = new DateOrderDetector();
    none.add("2024-04-03");
    assertEquals(DateOrder.AUTO, none.result().order());
  }

  @Test
  void offsetZeroAndUtcAgree() throws Exception {
    assertEquals(
        utc.parse("2024-01-01T00:00:00Z").instant(),
        new TimeParser(ZoneOffset.ofHours(5), DateOrder.AUTO)
            .parse("2024-01-01T05:00:00+05:00")
            .instant());
  }
}
