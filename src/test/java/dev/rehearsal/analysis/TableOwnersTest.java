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
}
