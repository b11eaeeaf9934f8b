package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.model.Reason;
import dev.rehearsal.model.TableOwner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableOwnersTest {
  private static TableOwners.IncidentNames incident(String service, String text) {
    return new TableOwners.IncidentNames(List.of(service), new GapClassifier.Narrative(text));
  }

  private static final Map<String, Map<String, Map<String, String>>> CONFIG =
      Map.of(
          "shipping",
          Map.of(
              "production",
              Map.of(
                  "db_url",
                  "jdbc:postgresql://shipping-db.prod:5432/shop?currentschema=fulfilment",
                  "log_level",
                  "info")),
          "checkout",
          Map.of(
              "production",
              Map.of(
                  "spring.datasource.url",
                  "jdbc:postgresql://checkout-db.prod:5432/shop?currentSchema=checkout",
                  "orders.table",
                  "orders_v2")));

  @Test
  void aJdbcUrlsSchemaTiesTheSchemasTablesToTheService() {
    TableOwners owners =
        new TableOwners(
            Set.of("fulfilment.shipments", "checkout.carts"), Map.of(), CONFIG, List.of());
    assertEquals("shipping", owners.ownerOf("fulfilment.shipments"));
    assertEquals("checkout", owners.ownerOf("checkout.carts"));
    TableOwner s =
        owners.suggestions().stream()
            .filter(o -> o.table().equals("fulfilment.shipments"))
            .findFirst()
            .orElseThrow();
    assertTrue(s.applied());
    Reason r = s.reasons().get(0);
    assertEquals(Reason.Code.TABLE_SCHEMA_IN_CONFIG, r.code());
    assertEquals("db_url", r.arg("key"));
    assertEquals("fulfilment", r.arg("schema"));
  }

  @Test
  void aDatabaseEveryServiceSharesIsAmbiguousAndOnlySuggested() {
    // both services use the database "shop": a table "shop.carts" could be either's
    TableOwners owners = new TableOwners(Set.of("shop.carts"), Map.of(), CONFIG, List.of());
    assertNull(owners.ownerOf("shop.carts"));
    assertEquals(2, owners.suggestions().size());
    assertTrue(owners.suggestions().stream().noneMatch(TableOwner::applied));
  }

  @Test
  void aKeyAboutATableNamesIt() {
    TableOwners owners = new TableOwners(Set.of("orders_v2"), Map.of(), CONFIG, List.of());
    assertEquals("checkout", owners.ownerOf("orders_v2"));
    assertEquals(Reason.Code.TABLE_IN_CONFIG, owners.suggestions().get(0).reasons().get(0).code());
  }

  @Test
  void incidentsOfOneServiceNamingTheTableTieItThere() {
    List<TableOwners.IncidentNames> incidents =
        List.of(
            incident("shipping", "A full table scan on labels made the query time out."),
            incident("shipping", "Rows in labels grew past what staging holds."),
            incident("checkout", "Basket totals were wrong."),
            incident("search", "The labels table was locked by a migration."));
    TableOwners owners = new TableOwners(Set.of("labels"), Map.of(), Map.of(), incidents);
    // two of the three incidents naming it: suggested, not applied
    TableOwner s = owners.suggestions().get(0);
    assertEquals("shipping", s.service());
    assertEquals(0.3 + 0.4 * 2 / 3, s.score(), 1e-9);
    assertFalse(s.applied());
    assertNull(owners.ownerOf("labels"));
    assertEquals("2", s.reasons().get(0).arg("named"));
    assertEquals("3", s.reasons().get(0).arg("of"));
    // three of four: applied
    List<TableOwners.IncidentNames> more = new java.util.ArrayList<>(incidents);
    more.add(incident("shipping", "The labels table had millions of rows."));
    assertEquals(
        "shipping", new TableOwners(Set.of("labels"), Map.of(), Map.of(), more).ownerOf("labels"));
    // one incident is not enough
    TableOwners once =
        new TableOwners(Set.of("labels"), Map.of(), Map.of(), incidents.subList(0, 1));
    assertNull(once.ownerOf("labels"));
    assertTrue(once.suggestions().isEmpty());
  }

  @Test
  void aDeclaredOwnerAlwaysWins() {
    TableOwners owners =
        new TableOwners(
            Set.of("fulfilment.shipments", "fulfilment.returns"),
            Map.of("returns", List.of("fulfilment.returns")),
            CONFIG,
            List.of());
    assertEquals("returns", owners.ownerOf("fulfilment.returns"), "declared beats the schema");
    assertEquals("shipping", owners.ownerOf("fulfilment.shipments"));
    assertTrue(TableOwners.matchesPattern("fulfilment.returns", "fulfilment.*"));
    assertTrue(TableOwners.matchesPattern("fulfilment.returns", "returns"));
    assertFalse(TableOwners.matchesPattern("fulfilment.returns", "fulfil.*"));
  }

  @Test
  void schemasInDatabaseUrlsAndSchemaKeys() {
    assertEquals(
        List.of("shop", "billing", "public"),
        TableOwners.schemasIn(
            "db.url", "jdbc:postgresql://db:5432/shop?ssl=true&currentschema=billing,public"));
    assertEquals(List.of("inventory"), TableOwners.schemasIn("url", "mysql://db/inventory"));
    assertEquals(List.of("stock"), TableOwners.schemasIn("DB_SCHEMA", "stock"));
    assertEquals(List.of(), TableOwners.schemasIn("LOG_LEVEL", "info"));
  }

  private static TableOwners.TableTest test(String table, String service, String name, int day) {
    return new TableOwners.TableTest(
        table,
        service,
        name,
        service + "-it",
        java.time.Instant.parse("2024-03-01T00:00:00Z").plusSeconds(86_400L * day));
  }

  @Test
  void testNamesNameTablesInSnakeAndCamelCaseSingularOrPlural() {
    assertTrue(
        TableOwners.testNamesTable(
            "com.acme.OrderLinesRepositoryTest.insertsIntoOrderLines", "shop.order_lines"));
    assertTrue(
        TableOwners.testNamesTable(
            "tests/test_orders.py::test_order_lines_migration", "order_lines"));
    assertTrue(TableOwners.testNamesTable("order_lines", "order_lines"));
    assertTrue(TableOwners.testNamesTable("OrderLineMapperTest.maps", "order_lines"));
    assertTrue(TableOwners.testNamesTable("LedgerEntryIT.books", "billing.ledger_entries"));
    assertTrue(TableOwners.testNamesTable("AddressBookTest.addsAddresses", "addresses"));
    assertTrue(TableOwners.testNamesTable("CartsApiTest.empty", "carts"));
    // words are matched whole, and in order
    assertFalse(TableOwners.testNamesTable("ReorderLinesTest.reorders", "order_lines"));
    assertFalse(TableOwners.testNamesTable("LinesOrderTest.x", "order_lines"));
    assertFalse(TableOwners.testNamesTable("OrderTest.cancelsLines", "order_lines"));
    assertFalse(TableOwners.testNamesTable("CartographyTest.draws", "carts"));
  }

  @Test
  void tinyAndGenericTableNamesAreNeverLookedFor() {
    assertNull(TableOwners.testKey("id"));
    assertNull(TableOwners.testKey("ops.log"));
    assertNull(TableOwners.testKey("logs"));
    assertNull(TableOwners.testKey("users"));
    assertNull(TableOwners.testKey("public.events"));
    assertNull(TableOwners.testKey("a_b"));
    assertFalse(TableOwners.testNamesTable("UserServiceTest.logsIn", "users"));
    assertFalse(TableOwners.testNamesTable("LogTest.idIsSet", "id"));
    // a generic word is fine as part of a longer name
    assertEquals("useraddress", TableOwners.testKey("accounts.user_addresses"));
    assertEquals("orderitem", TableOwners.testKey("order_items"));
  }

  @Test
  void aTestNamingALongerTableDoesNotNameTheShorterOneInside() {
    List<String> words = TableOwners.words("OrderLinesRepositoryTest.insertsOrderLines");
    assertEquals(
        List.of("order", "lines", "repository", "test", "inserts", "order", "lines"), words);
    assertEquals(List.of("orderline"), TableOwners.namedKeys(words, List.of("order", "orderline")));
    assertEquals(
        List.of("order", "orderline"),
        TableOwners.namedKeys(
            TableOwners.words("OrderLinesTest.cancelsOrder"), List.of("order", "orderline")));
    assertEquals(List.of("http", "server"), TableOwners.words("HTTPServer"));
  }

  @Test
  void testsOfOneServiceNamingATableTieItThereWithTheTestAndRunAsReason() {
    List<TableOwners.TableTest> tests =
        List.of(
            test("shop.order_lines", "orders", "OrderLinesRepositoryIT.insertsLine", 3),
            test("shop.order_lines", "orders", "OrderLinesRepositoryIT.deletesLine", 1));
    TableOwners owners =
        new TableOwners(Set.of("shop.order_lines"), Map.of(), Map.of(), Map.of(), List.of(), tests);
    assertEquals("orders", owners.ownerOf("shop.order_lines"));
    TableOwner s = owners.suggestions().get(0);
    assertEquals(0.7, s.score(), 1e-9);
    assertEquals(TableOwner.Status.APPLIED, s.status());
    Reason r = s.reasons().get(0);
    assertEquals(Reason.Code.TABLE_NAMED_IN_TESTS, r.code());
    assertEquals("OrderLinesRepositoryIT.deletesLine", r.arg("test"), "the earliest run's case");
    assertEquals("orders-it", r.arg("run"));
    assertEquals("2", r.arg("cases"));
    assertEquals("2", r.arg("of"));
  }

  @Test
  void testsOfSeveralServicesShareTheEvidence() {
    List<TableOwners.TableTest> tests =
        List.of(
            test("payments", "billing", "PaymentsRepositoryIT.saves", 0),
            test("payments", "billing", "PaymentsRepositoryIT.refunds", 0),
            test("payments", "checkout", "CheckoutFlowIT.createsPayment", 0));
    TableOwners owners =
        new TableOwners(Set.of("payments"), Map.of(), Map.of(), Map.of(), List.of(), tests);
    // two of three: 0.3 + 0.4 * 2/3 = 0.567, under the threshold: suggested only
    assertNull(owners.ownerOf("payments"));
    assertEquals("billing", owners.suggestions().get(0).service());
    assertEquals(0.3 + 0.4 * 2 / 3, owners.suggestions().get(0).score(), 1e-9);
    assertEquals(0.3 + 0.4 / 3, owners.suggestions().get(1).score(), 1e-9);
    // with the incidents agreeing, applied: the evidence combines
    List<TableOwners.IncidentNames> incidents =
        List.of(
            incident("billing", "The payments table was locked."),
            incident("billing", "Rows in payments doubled."));
    TableOwners both =
        new TableOwners(Set.of("payments"), Map.of(), Map.of(), Map.of(), incidents, tests);
    assertEquals("billing", both.ownerOf("payments"));
    assertEquals(2, both.suggestions().get(0).reasons().size());
  }

  @Test
  void aTableEveryServicesTestsNameGetsNoVoteFromThem() {
    List<TableOwners.TableTest> tests = new java.util.ArrayList<>();
    for (String service : List.of("web", "checkout", "orders", "search", "catalog")) {
      tests.add(test("carts", service, "com.acme." + service + ".CartFlowIT.refundsCart", 0));
    }
    tests.add(test("carts", "checkout", "com.acme.checkout.CartsRepositoryIT.saves", 0));
    TableOwners owners =
        new TableOwners(Set.of("carts"), Map.of(), Map.of(), Map.of(), List.of(), tests);
    // checkout: 2 of 6 (a third), a vote of 0.3 + 0.4 / 3; the others 1 of 6, under a quarter
    assertEquals(1, owners.suggestions().size(), owners.suggestions().toString());
    assertEquals("checkout", owners.suggestions().get(0).service());
    assertEquals(0.3 + 0.4 / 3, owners.suggestions().get(0).score(), 1e-9);
    assertNull(owners.ownerOf("carts"));
  }

  @Test
  void aRejectedPairNeverAppliesAndIsShownAsRejected() {
    List<TableOwners.TableTest> tests =
        List.of(test("shop.order_lines", "orders", "OrderLinesRepositoryIT.insertsLine", 0));
    Map<String, List<String>> rejected = Map.of("orders", List.of("shop.order_lines"));
    TableOwners owners =
        new TableOwners(Set.of("shop.order_lines"), Map.of(), rejected, Map.of(), List.of(), tests);
    assertNull(owners.ownerOf("shop.order_lines"));
    assertEquals(TableOwner.Status.REJECTED, owners.suggestions().get(0).status());
    // rejected wins over a schema the settings declare; the table goes to no one else by it
    TableOwners declared =
        new TableOwners(
            Set.of("fulfilment.returns", "fulfilment.shipments"),
            Map.of("shipping", List.of("fulfilment.*")),
            Map.of("shipping", List.of("returns")),
            Map.of(),
            List.of(),
            List.of());
    assertNull(declared.ownerOf("fulfilment.returns"));
    assertEquals("shipping", declared.ownerOf("fulfilment.shipments"));
    // the next service may be applied once the first is rejected
    TableOwners next =
        new TableOwners(
            Set.of("fulfilment.returns"),
            Map.of(),
            Map.of("shipping", List.of("fulfilment.returns")),
            Map.of(
                "shipping",
                Map.of("production", Map.of("db_schema", "fulfilment")),
                "returns",
                Map.of("production", Map.of("db_schema", "fulfilment"))),
            List.of(),
            List.of());
    assertEquals("returns", next.ownerOf("fulfilment.returns"));
  }
}
