package dev.rehearsal.store.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.settings.ServiceNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code service:} terms sent to the team store are read as the local search reads them. */
class ServiceTermsTest {
  private static final ServiceNames NAMES =
      new ServiceNames(
          Map.of("Notifications Fan-out", "notif-fanout"),
          Map.of("storefront", "web"),
          ServiceNames.defaultSuffixes());

  private static String c(String q) {
    return ServiceTerms.canonical(q, NAMES);
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
            "service:payments\\-api~1",
            "",
            "checkout")) {
      assertEquals(q, c(q), q);
    }
  }
}
