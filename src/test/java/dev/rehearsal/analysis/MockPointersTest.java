package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.model.Evidence.PointedBy;
import dev.rehearsal.settings.ServiceNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MockPointersTest {
  private static final String STUBS =
      "wiremock: 3 stubs (POST /stripe/v1/payment_intents, POST /stripe/v1/refunds, "
          + "GET /stripe/v1/charges/[^/]+) (file stub-1.json)";

  private final MockPointers pointers =
      new MockPointers(
          new ServiceNames(
              Map.of("Ledger Gateway", "ledger", "Book-keeping", "ledger"),
              ServiceNames.defaultSuffixes()));

  private MockPointers.Pointer find(String text, String dependency, String how) {
    return pointers.find(new GapClassifier.Narrative(text), text, dependency, how);
  }

  @Test
  void theDependencyNamedInTheTextPointsAtIt() {
    MockPointers.Pointer p = find("Stripe answered 429 to the new code", "stripe", STUBS);
    assertEquals(PointedBy.NAME, p.by());
    assertEquals("stripe", p.text());
  }

  @Test
  void anIncidentThatNeverTouchesTheDependencyDoesNotPointAtIt() {
    assertNull(find("The orders table grew and the query planner gave up", "stripe", STUBS));
    assertNull(find("Stripey banners rendered wrong after the release", "stripe", STUBS));
    assertNull(find("Calls to GET /v1/orders/42 timed out", "stripe", STUBS));
  }

  @Test
  void anAliasFromTheAliasTablePointsAtAnInternalDependency() {
    MockPointers.Pointer p =
        find(
            "The Book-keeping service rejected the new payload",
            "ledger",
            "mock host ledger-mock:8080");
    assertEquals(PointedBy.ALIAS, p.by());
    assertEquals("book-keeping", p.text());
    assertTrue(pointers.aliases("ledger").contains("ledger-gateway"));
  }

  @Test
  void aCallTheMockStandsInForPointsAtItEvenWithoutTheStubsOwnPrefix() {
    MockPointers.Pointer p =
        find("Calls to POST /v1/refunds started failing after the release", "stripe", STUBS);
    assertEquals(PointedBy.CALL, p.by());
    assertEquals("/v1/refunds", p.text());
    // a pattern segment of the stub matches any one segment of the cited call
    assertEquals(
        "/v1/charges/ch_123", find("GET /v1/charges/ch_123 returned 500", "stripe", STUBS).text());
  }

  @Test
  void oneSharedSegmentIsNotTheSameCall() {
    assertFalse(MockPointers.sameCall(new String[] {"v1"}, new String[] {"stripe", "v1"}));
    assertFalse(
        MockPointers.sameCall(
            new String[] {"v2", "refunds"}, new String[] {"stripe", "v1", "refunds"}));
    assertTrue(
        MockPointers.sameCall(
            new String[] {"v1", "refunds"}, new String[] {"stripe", "v1", "refunds"}));
    assertEquals(
        List.of("/stripe/v1/payment_intents", "/stripe/v1/refunds", "/stripe/v1/charges/[^/]+"),
        MockPointers.stubbedPaths(STUBS));
    assertEquals(List.of("/v1/refunds"), MockPointers.stubbedPaths("wiremock: post /v1/refunds"));
  }

  @Test
  void anErrorCodeCarryingTheNamePointsAtIt() {
    MockPointers.Pointer p =
        find("Checkout raised StripeCardError for every saved card", "stripe", STUBS);
    assertEquals(PointedBy.ERROR_CODE, p.by());
    assertEquals("StripeCardError", p.text());
    assertEquals(
        "twilio.exceptions.TwilioRestException",
        MockPointers.errorCode("got twilio.exceptions.TwilioRestException back", "twilio"));
    assertNull(MockPointers.errorCode("the Stripey widget", "stripe"));
  }
}
