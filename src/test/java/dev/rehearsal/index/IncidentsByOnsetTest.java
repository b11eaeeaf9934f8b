package dev.rehearsal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.Records;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incidents of a span read a slice at a time: every one once, in the exact order of onset and
 * key across slices (several incidents to a millisecond, with their sub-millisecond onsets against
 * the order of their keys), each with its own finding, read lean.
 */
class IncidentsByOnsetTest {
  @TempDir Path dir;

  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  /**
   * 30 incidents, six to a millisecond: within one the later onset has the smaller key; in the
   * third, all six share one instant and only their keys order them. Even ids are analysed.
   */
  private static List<Incident> incidents() {
    List<Incident> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long micros = (i / 6) * 1000L + (i / 6 == 2 ? 0 : (5 - i % 6) * 100L);
      Instant onset = T.plusNanos(micros * 1000);
      String id = String.format("%02d", (i * 7) % 30);
      Incident r =
          Records.incident(
              id, "incident " + id, "long description " + id, "svc", "2026-03-01T10:00:00Z");
      out.add(
          new Incident(
              r.source(),
              r.sourceId(),
              r.reference(),
              r.title(),
              r.description(),
              "a postmortem",
              r.services(),
              r.environment(),
              r.severity(),
              r.status(),
              onset,
              null,
              null,
              List.of("label"),
              "https://example.invalid/" + id,
              r.provenance()));
    }
    return out;
  }

  private static Finding finding(Incident i) {
    DeployLink link =
        new DeployLink(
            "deploy/gitlab/1",
            "svc",
            "1.0",
            "abc",
            "production",
            T.minusSeconds(600),
            0.9,
            false,
            false,
            List.of(new Reason(Reason.Code.SAME_SERVICE, Map.of("service", "svc"))),
            List.of(new Evidence.CitedReference("version", "1.0", "deploy/gitlab/1")));
    return new Finding(
        i.key(),
        i.startedAt(),
        List.of("svc"),
        List.of(link),
        0.9,
        false,
        Verdict.ESCAPE,
        List.of(new Reason(Reason.Code.TEXT_SILENT, Map.of())),
        List.of(Gap.CONFIG),
        List.of(
            new GapScore(
                Gap.CONFIG,
                0.8,
                0.5,
                0.9,
                Double.NaN,
                List.of(new Evidence.RecentConfigChange("db.pool.max", 3)))),
        List.of(new Evidence.NotStaged("svc", "1.0")),
        null,
        List.of(link));
  }

  private static final Comparator<Incident> ORDER =
      Comparator.comparing(Incident::startedAt).thenComparing(Incident::key);

  private void fill(List<Incident> all) throws IOException {
    List<Incident> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(7));
    try (Workspace w = Workspace.open(dir)) {
      int n = 0;
      for (Incident i : shuffled) {
        w.writes().upsert(i);
        if (Integer.parseInt(i.sourceId()) % 2 == 0) {
          w.writes().putFinding(finding(i));
        }
        // several segments, so that a slice reads from more than one
        if (++n % 7 == 0) {
          w.writes().commit();
        }
      }
      w.writes().commit();
    }
  }

  private static List<IncidentsByOnset.Analysed> read(
      Workspace w, Instant from, Instant to, Set<String> among) throws IOException {
    List<IncidentsByOnset.Analysed> out = new ArrayList<>();
    try (IncidentsByOnset rows = w.records().incidentsByOnset(from, to, among, 4)) {
      rows.forEach(out::add);
    }
    return out;
  }

  @Test
  void everyIncidentOnceInOrderOfOnsetAndKeyAcrossSlices() throws IOException {
    List<Incident> all = incidents();
    fill(all);
    List<Incident> expected = new ArrayList<>(all);
    expected.sort(ORDER);
    try (Workspace w = Workspace.open(dir)) {
      List<IncidentsByOnset.Analysed> read = read(w, null, null, null);
      assertEquals(
          expected.stream().map(Incident::key).toList(),
          read.stream().map(a -> a.incident().key()).toList());
      assertEquals(
          expected.stream().map(Incident::startedAt).toList(),
          read.stream().map(a -> a.incident().startedAt()).toList(),
          "onsets are read to the nanosecond");
      for (IncidentsByOnset.Analysed a : read) {
        Incident i = a.incident();
        if (Integer.parseInt(i.sourceId()) % 2 == 0) {
          assertNotNull(a.finding(), i.key());
          assertEquals(i.key(), a.finding().incidentKey());
        } else {
          assertNull(a.finding(), i.key());
        }
      }
    }
  }

  @Test
  void readLeanWithoutWhatNoReportShows() throws IOException {
    fill(incidents());
    try (Workspace w = Workspace.open(dir)) {
      IncidentsByOnset.Analysed a =
          read(w, null, null, null).stream().filter(x -> x.finding() != null).findFirst().get();
      assertEquals("", a.incident().description());
      assertEquals("", a.incident().postmortem());
      assertTrue(a.incident().labels().isEmpty());
      assertTrue(a.finding().alternatives().isEmpty());
      assertTrue(a.finding().stagingEvidence().isEmpty());
      assertTrue(a.finding().verdictReasons().isEmpty());
      assertTrue(a.finding().links().get(0).reasons().isEmpty());
      // what the reports show stays
      assertEquals(finding(a.incident()).scores(), a.finding().scores());
      assertEquals("deploy/gitlab/1", a.finding().links().get(0).deployKey());
      assertEquals(T.minusSeconds(600), a.finding().links().get(0).at());
      assertEquals("incident " + a.incident().sourceId(), a.incident().title());
    }
  }

  @Test
  void aSpanAndKeysNarrowTheIncidents() throws IOException {
    List<Incident> all = incidents();
    fill(all);
    List<Incident> expected = new ArrayList<>(all);
    expected.sort(ORDER);
    Instant from = expected.get(8).startedAt();
    Instant to = expected.get(20).startedAt();
    try (Workspace w = Workspace.open(dir)) {
      List<String> inSpan = new ArrayList<>();
      for (IncidentsByOnset.Analysed a : read(w, from, to, null)) {
        Instant t = a.incident().startedAt();
        // whole milliseconds: the span's first and last may bring a few just outside it
        assertTrue(
            t.toEpochMilli() >= from.toEpochMilli() && t.toEpochMilli() <= to.toEpochMilli());
        if (!t.isBefore(from) && t.isBefore(to)) {
          inSpan.add(a.incident().key());
        }
      }
      assertEquals(
          expected.stream()
              .filter(i -> !i.startedAt().isBefore(from) && i.startedAt().isBefore(to))
              .map(Incident::key)
              .toList(),
          inSpan);
      Set<String> some = Set.of(expected.get(3).key(), expected.get(17).key());
      assertEquals(
          List.of(expected.get(3).key(), expected.get(17).key()),
          read(w, null, null, some).stream().map(a -> a.incident().key()).toList());
    }
  }
}
