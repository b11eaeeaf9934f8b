package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.index.ServiceEvidence;
import dev.rehearsal.model.AliasSuggestion;
import dev.rehearsal.model.Reason;
import dev.rehearsal.settings.ServiceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which names are one service, from the words, the releases and the incidents' timing. */
class ServiceIdentityTest {
  private static final long HOUR = 3_600_000L;

  /** Evidence with these written names: each deploys (d), has incidents (i) or runs (r). */
  private static ServiceEvidence evidence(Map<String, String> names) {
    Map<String, Map<String, Long>> uses = new TreeMap<>();
    Map<String, long[]> deploys = new TreeMap<>();
    Map<String, long[]> onsets = new TreeMap<>();
    names.forEach(
        (name, kinds) -> {
          Map<String, Long> u = new TreeMap<>();
          if (kinds.contains("d")) {
            u.put("deploy", 50L);
            long[] t = new long[50];
            for (int k = 0; k < t.length; k++) {
              t[k] = k * 48 * HOUR + name.length() * HOUR;
            }
            deploys.put(name, t);
          }
          if (kinds.contains("i")) {
            u.put("incident", 5L);
          }
          uses.put(name, u);
        });
    return new ServiceEvidence(uses, deploys, onsets, Map.of(), Map.of());
  }

  private static Map<String, AliasSuggestion> byName(List<AliasSuggestion> list) {
    Map<String, AliasSuggestion> out = new TreeMap<>();
    list.forEach(s -> out.put(s.name(), s));
    return out;
  }

  @Test
  void eachToolsNameIsTakenForTheRepositoryItMeans() {
    Map<String, String> names = new TreeMap<>();
    names.put("acme/notif-fanout", "d");
    names.put("acme/pay-svc", "d");
    names.put("acme/catalog-api", "d");
    names.put("acme/recs", "d");
    names.put("Notifications Fan-out (prod)", "i");
    names.put("[P1] Payments – production", "i");
    names.put("Product Catalog", "i");
    names.put("Recommendations", "i");
    Map<String, AliasSuggestion> s =
        byName(ServiceIdentity.suggest(evidence(names), ServiceNames.defaults(), Set.of()));
    assertEquals("notif-fanout", s.get("notifications-fan-out-prod").service());
    assertTrue(s.get("notifications-fan-out-prod").applied(), s.toString());
    assertEquals("pay", s.get("p1-payments-production").service(), s.toString());
    assertEquals("catalog", s.get("product-catalog").service());
    assertEquals("recs", s.get("recommendations").service());
    assertEquals(4, s.size(), "deploy services keep their own names: " + s.keySet());
  }

  @Test
  void theDependencyTablesNamesAreTakenForTheServicesTheyMeanThoughNoRecordUsesThem() {
    Map<String, String> names = new TreeMap<>();
    names.put("acme/storefront-web", "d");
    names.put("acme/catalog-api", "d");
    names.put("Storefront", "i");
    Map<String, AliasSuggestion> s =
        byName(
            ServiceIdentity.suggest(
                evidence(names),
                CitedServices.Counts.NONE,
                ServiceNames.defaults(),
                Set.of(),
                List.of("web", "catalog", "search")));
    assertEquals("storefront-web", s.get("web").service(), s.toString());
    assertTrue(s.get("web").applied(), s.toString());
    assertEquals(List.of("web"), s.get("web").written());
    assertFalse(s.containsKey("catalog"), "a deploy service keeps its own name: " + s.keySet());
    assertFalse(s.containsKey("search"), "a name nothing fits is not guessed: " + s.keySet());
    // without the table, no record writes "web"
    assertFalse(
        byName(ServiceIdentity.suggest(evidence(names), ServiceNames.defaults(), Set.of()))
            .containsKey("web"));
  }

  @Test
  void aNameThatFitsTwoServicesAlikeIsOnlySuggested() {
    Map<String, String> names = new TreeMap<>();
    names.put("payments-eu", "d");
    names.put("payments-us", "d");
    names.put("Payments", "i");
    AliasSuggestion s =
        ServiceIdentity.suggest(evidence(names), ServiceNames.defaults(), Set.of()).get(0);
    assertEquals(AliasSuggestion.Status.SUGGESTED, s.status());
    assertTrue(
        s.reasons().stream().anyMatch(r -> r.code() == Reason.Code.AMBIGUOUS_NAME), s.toString());
  }

  @Test
  void thePersonsTableWinsAndARejectionSticks() {
    Map<String, String> names = new TreeMap<>();
    names.put("checkout", "d");
    names.put("Checkout Web", "i");
    names.put("Checkout Mobile", "i");
    ServiceNames table = new ServiceNames(Map.of("Checkout Web", "checkout"), List.of("api"));
    List<AliasSuggestion> out =
        ServiceIdentity.suggest(evidence(names), table, Set.of("checkout-mobile"));
    assertEquals(1, out.size(), "the table decides Checkout Web: " + out);
    assertEquals(AliasSuggestion.Status.REJECTED, out.get(0).status());
  }

  @Test
  void incidentsThatFollowAServicesDeploysTieANameWithNoWordsInCommon() {
    Map<String, Map<String, Long>> uses = new TreeMap<>();
    uses.put("web-frontend", Map.of("deploy", 40L));
    uses.put("payments", Map.of("deploy", 40L));
    uses.put("Storefront", Map.of("incident", 30L));
    long[] web = new long[40];
    long[] pay = new long[40];
    List<Long> on = new ArrayList<>();
    for (int k = 0; k < 40; k++) {
      web[k] = k * 100 * HOUR;
      pay[k] = k * 100 * HOUR + 50 * HOUR;
      if (k < 30) {
        on.add(web[k] + 2 * HOUR); // two hours after each of web-frontend's deploys
      }
    }
    ServiceEvidence e =
        new ServiceEvidence(
            uses,
            Map.of("web-frontend", web, "payments", pay),
            Map.of("Storefront", on.stream().mapToLong(Long::longValue).toArray()),
            Map.of(),
            Map.of());
    AliasSuggestion s = ServiceIdentity.suggest(e, ServiceNames.defaults(), Set.of()).get(0);
    assertEquals("web-frontend", s.service(), s.toString());
    assertTrue(
        s.reasons().stream().anyMatch(r -> r.code() == Reason.Code.FOLLOWS_DEPLOYS), s.toString());
  }

  @Test
  void wordsMatchByPrefixPluralAbbreviationAndJoining() {
    assertEquals(0.85, ServiceIdentity.word("notif", "notifications").score());
    assertEquals(0.95, ServiceIdentity.word("order", "orders").score());
    assertEquals(0.7, ServiceIdentity.word("recs", "recommendations").score());
    assertEquals(0.0, ServiceIdentity.word("search", "shipping").score());
    assertEquals(
        1.0, ServiceIdentity.match(List.of("fan", "out"), List.of("fanout")).score(), 1e-9);
  }

  @Test
  void oneSharedWordIsEnoughWhenNoOtherServiceHasIt() {
    double pricing =
        ServiceIdentity.match(
                ServiceIdentity.words("[P2] Pricing Engine – production", Set.of()),
                ServiceIdentity.words("pricing-rules", Set.of()))
            .score();
    assertTrue(pricing >= ServiceIdentity.CONFIDENT, "" + pricing);
    // the group before a repository is shared by its services: it is not the service's word
    assertEquals(
        List.of("recs", "engine"), ServiceIdentity.words("discovery/recs-engine", Set.of()));
    assertEquals(
        List.of("accounts", "identity"),
        ServiceIdentity.words("Accounts / Identity", Set.of()),
        "a name with spaces around its slash is not a repository path");
  }

  @Test
  void incidentsThatCiteOneServicesChangesTieANameWithNoWordsInCommon() {
    Map<String, Map<String, Long>> uses = new TreeMap<>();
    uses.put("inv-svc", Map.of("deploy", 40L));
    uses.put("pay-svc", Map.of("deploy", 40L));
    uses.put("Stock", Map.of("incident", 12L));
    ServiceEvidence e =
        new ServiceEvidence(
            uses,
            Map.of("inv-svc", new long[] {1}, "pay-svc", new long[] {2}),
            Map.of(),
            Map.of(),
            Map.of());
    CitedServices.Counts cited =
        new CitedServices.Counts(
            Map.of("Stock", Map.of("inv-svc", 7L, "pay-svc", 1L)), Map.of("Stock", 8L));
    AliasSuggestion s = ServiceIdentity.suggest(e, cited, ServiceNames.defaults(), Set.of()).get(0);
    assertEquals("inv", s.service(), s.toString());
    assertTrue(s.applied(), s.toString());
    assertTrue(
        s.reasons().stream().anyMatch(r -> r.code() == Reason.Code.CITES_CHANGES), s.toString());
    // without the citations nothing ties them
    assertTrue(
        ServiceIdentity.suggest(e, ServiceNames.defaults(), Set.of()).stream()
            .noneMatch(x -> x.name().equals("stock")));
  }

  /**
   * Twelve services shipping alike, and "Team Stock" whose incidents cite changes of {@code
   * inv-svc} 7 times of 10 (the others cite upstream services): under three in four of its
   * citations are its own, which alone would not apply it, yet chance would put under one of the
   * ten on it.
   */
  private static AliasSuggestion citedSevenOfTen(boolean invShipsMost) {
    Map<String, Map<String, Long>> uses = new TreeMap<>();
    Map<String, long[]> deploys = new TreeMap<>();
    String[] others = {
      "pay-svc", "oms", "chk", "srch", "ship", "idp", "catalog", "recs", "price", "web", "notif"
    };
    for (String o : others) {
      uses.put(o, Map.of("deploy", 40L));
      deploys.put(o, new long[40]);
    }
    long inv = invShipsMost ? 4000 : 40;
    uses.put("inv-svc", Map.of("deploy", inv));
    deploys.put("inv-svc", new long[(int) inv]);
    uses.put("Team Stock", Map.of("incident", 20L));
    ServiceEvidence e = new ServiceEvidence(uses, deploys, Map.of(), Map.of(), Map.of());
    CitedServices.Counts cited =
        new CitedServices.Counts(
            Map.of("Team Stock", Map.of("inv-svc", 7L, "pay-svc", 1L, "oms", 1L, "chk", 1L)),
            Map.of("Team Stock", 10L));
    return ServiceIdentity.suggest(e, cited, ServiceNames.defaults(), Set.of()).stream()
        .filter(x -> x.written().contains("Team Stock"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void citationsFarAboveChanceTieANameEvenWhenSomeCiteUpstreamServices() {
    AliasSuggestion s = citedSevenOfTen(false);
    assertEquals("inv", s.service(), s.toString());
    assertTrue(s.applied(), s.toString());
    Reason cites =
        s.reasons().stream()
            .filter(r -> r.code() == Reason.Code.CITES_CHANGES)
            .findFirst()
            .orElseThrow();
    assertEquals(0.83, cites.decimal("expected"), 0.01, cites.toString()); // 10 x 40 / 480
    // the same counts for a service that ships nearly every change: chance explains them
    AliasSuggestion busy = citedSevenOfTen(true);
    assertEquals("inv", busy.service(), busy.toString());
    assertTrue(!busy.applied(), busy.toString());
  }

  @Test
  void incidentsThatNameTheServiceInTheirWordsTieTheirName() {
    Map<String, Map<String, Long>> uses = new TreeMap<>();
    Map<String, long[]> deploys = new TreeMap<>();
    for (String o : new String[] {"web-frontend", "pricing", "inventory", "catalog"}) {
      uses.put(o, Map.of("deploy", 40L));
      deploys.put(o, new long[40]);
    }
    uses.put("[P1] Storefront – production", Map.of("incident", 60L));
    uses.put("Team Stock", Map.of("incident", 60L));
    ServiceEvidence e = new ServiceEvidence(uses, deploys, Map.of(), Map.of(), Map.of());
    // a quarter of the storefront's incidents say "web-frontend"; the other name's rarely do, and
    // the storefront's name other services now and then (incidents caused upstream)
    CitedServices.Counts counts =
        new CitedServices.Counts(
            Map.of(),
            Map.of(),
            Map.of(
                "[P1] Storefront – production",
                Map.of("web-frontend", 15L, "pricing", 2L, "inventory", 1L),
                "Team Stock",
                Map.of("web-frontend", 1L, "inventory", 2L)),
            Map.of("[P1] Storefront – production", 60L, "Team Stock", 60L));
    AliasSuggestion s =
        ServiceIdentity.suggest(e, counts, ServiceNames.defaults(), Set.of()).stream()
            .filter(x -> x.written().contains("[P1] Storefront – production"))
            .findFirst()
            .orElseThrow();
    assertEquals("web-frontend", s.service(), s.toString());
    assertTrue(s.applied(), s.toString());
    Reason named =
        s.reasons().stream()
            .filter(r -> r.code() == Reason.Code.NAMED_IN_INCIDENTS)
            .findFirst()
            .orElseThrow();
    assertEquals(15, named.number("named", -1));
    // two mentions in sixty are what the other name's incidents give too: no tie
    assertTrue(
        ServiceIdentity.suggest(e, counts, ServiceNames.defaults(), Set.of()).stream()
            .filter(x -> x.written().contains("Team Stock"))
            .noneMatch(x -> x.applied()));
  }

  @Test
  void aDeployServiceIsNamedOnlyAsAWordOfItsOwn() {
    Map<String, String> deploys = Map.of("web-frontend", "web-frontend", "oms", "OMS");
    assertEquals(
        Set.of("web-frontend", "OMS"),
        CitedServices.deployServicesNamed("Web-Frontend errors after the oms- rollout", deploys));
    assertEquals(
        Set.of(),
        CitedServices.deployServicesNamed("web-frontend-v2 and roomservice are others", deploys));
    // the words of one incident are looked up as written there, a path's parts one by one
    assertEquals(
        Set.of("OMS"), CitedServices.deployServicesNamed("see acme/oms and OMS_", deploys));
  }
}
