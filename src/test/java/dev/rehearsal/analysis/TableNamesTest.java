package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When an incident's text names a table ({@link GapClassifier#namesTable}). */
class TableNamesTest {

  private static boolean names(String text, String table) {
    return GapClassifier.namesTable(new GapClassifier.Narrative(text), table);
  }

  @Test
  void anIdentifierIsNamedAsWritten() {
    assertTrue(names("Timeouts reading product_variants for big tenants.", "product_variants"));
    assertTrue(names("the product variants were slow", "product_variants"));
    assertFalse(names("the products were slow", "product_variants"));
  }

  @Test
  void aPlainWordIsATableOnlyInASentenceThatSpeaksOfData() {
    assertTrue(names("The orders table grew past a billion rows.", "orders"));
    // the data word is further than a few words away, in the same sentence
    assertTrue(
        names(
            "Counting categories is cheap at a thousand records and ruinous at a billion.",
            "categories"));
    // the word names the service, the data word is in another sentence
    assertFalse(names("Orders failing since the deploy. The database was fine.", "orders"));
    assertFalse(names("orders page slow after the release", "orders"));
    // part of a longer word is not the word
    assertFalse(names("The preorders table grew.", "orders"));
  }

  @Test
  void aPluralOfTheTableNameCounts() {
    assertTrue(names("Old invoices rows had no currency.", "invoice"));
  }
}
