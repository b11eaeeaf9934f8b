package dev.rehearsal.store.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.settings.ServiceNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The values of the fields the local search reads its own way ({@code service:}, {@code verdict:},
 * {@code gap:}, {@code reviewed:}, {@code confidence:}) are sent to the team store as it holds
 * them.
 */
class StoreTermsTest {
  private static final ServiceNames NAMES =
      new ServiceNames(
          Map.of("Notifications Fan-out", "notif-fanout"),
          Map.of("storefront", "web"),
          ServiceNames.defaultSuffixes());

  private static String c(String q) {
    return StoreTerms.asStored(q, NAMES);
  }

  @Test
  void aServiceNameBecomesItsCanonicalName() {
    assertEquals("service:\"payments\"", c("service:payments-api"));
    assertEquals("service:\"payments\"", c("service:\"Payments API\""));
    assertEquals("service:\"notif-fanout\"", c("service:\"Notifications Fan-out\""));
    assertEquals("service:\"web\"", c("service:storefront"), "an inferred name too");
    assertEquals(
        "timeout AND (service:\"payments\" OR -service:\"checkout\")",
        c("timeout AND (service:Payments-API OR -service:checkout-svc)"));
  }

  @Test
  void whatIsNotAPlainNameIsLeftAsWritten() {
    for (String q :
        List.of(
            "service:pay*",
            "service:(payments OR checkout)",
            "\"service:payments-api\"",
            "title:\"the service:payments-api page\"",
            "myservice:payments-api",
            "verdict:(escape OR caught)",
            "gap:conf*",
            "confidence:[0.5 TO 0.8]",
            "confidence:{0.5 TO *}",
            "verdict:unheard-of",
            "reviewed:maybe",
            "confidence:high",
            "\"verdict:passed\"",
            "service:payments\\-api~1",
            "",
            "checkout")) {
      assertEquals(q, c(q), q);
    }
  }

  @Test
  void findingsValuesAreWrittenAsAPushWritesThem() {
    assertEquals("verdict:\"escape\"", c("verdict:passed"));
    assertEquals("verdict:\"escape\"", c("verdict:\"passed staging\""));
    assertEquals("verdict:\"failed_but_shipped\"", c("verdict:failed-staging"));
    assertEquals("gap:\"mocks\"", c("gap:mock"));
    assertEquals("gap:\"config\"", c("gap:CONFIG"));
    assertEquals("reviewed:\"yes\"", c("reviewed:true"));
    assertEquals("reviewed:\"no\"", c("reviewed:0"));
    assertEquals("reviewer:\"dana\"", c("reviewer:Dana"));
    assertEquals("reviewer:\"dana o'neil\"", c("reviewer:\"Dana O'Neil\""));
    assertEquals(
        "latency AND (verdict:\"escape\" OR -gap:\"data\")",
        c("latency AND (verdict:escape OR -gap:data)"));
  }

  @Test
  void aConfidenceAloneMeansAtLeastIt() {
    assertEquals("confidence:[0.9 TO *]", c("confidence:0.9"));
    assertEquals("confidence:[0.75 TO *] AND checkout", c("confidence:\"0.75\" AND checkout"));
  }
}
