package dev.rehearsal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.task.TaskMonitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accepting and rejecting the services tables without one are taken for, as the command line and
 * the window do it: through {@link Configuration}, written to the workspace's settings, and the
 * analysis run again.
 */
class TableOwnersUseCaseTest {
  @TempDir Path dir;

  /** A JUnit report of a service's staging run with these test cases (class.name). */
  static String junit(String service, String at, String... cases) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuite name=\"")
        .append(service)
        .append("-it\" tests=\"")
        .append(cases.length)
        .append("\" errors=\"0\" skipped=\"0\" failures=\"0\" timestamp=\"")
        .append(at)
        .append("\">\n  <properties>\n    <property name=\"service\" value=\"")
        .append(service)
        .append("\"/>\n    <property name=\"version\" value=\"1.0.0\"/>\n")
        .append("    <property name=\"environment\" value=\"staging\"/>\n  </properties>\n");
    for (String c : cases) {
      int dot = c.lastIndexOf('.');
      sb.append("  <testcase classname=\"")
          .append(c, 0, dot)
          .append("\" name=\"")
          .append(c.substring(dot + 1))
          .append("\" time=\"0.1\"/>\n");
    }
    return sb.append("</testsuite>\n").toString();
  }

  private Session workspace() throws Exception {
    Path files = dir.resolve("files");
    Files.createDirectories(files);
    Files.writeString(
        files.resolve("table-rows.csv"),
        "environment,table,rows,as_of\n"
            + "production,shop.order_lines,9000000,2024-03-01\n"
            + "staging,shop.order_lines,3000,2024-03-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        files.resolve("TEST-orders.xml"),
        junit(
            "orders",
            "2024-03-02T10:00:00",
            "com.acme.orders.OrderLinesRepositoryIT.insertsLine",
            "com.acme.orders.OrderLinesRepositoryIT.deletesLine",
            "com.acme.orders.OrderLinesRepositoryIT.updatesLine"),
        StandardCharsets.UTF_8);
    Files.writeString(
        files.resolve("TEST-checkout.xml"),
        junit("checkout", "2024-03-02T11:00:00", "com.acme.checkout.CartIT.copiesOrderLines"),
        StandardCharsets.UTF_8);
    Session s = Session.openOrCreate(dir.resolve("ws"));
    s.imports().run(List.of(files), ImportOptions.defaults(), Imports.Then.ANALYSE, null);
    return s;
  }

  private static SettingsForm.TableSuggestion pair(
      List<SettingsForm.TableSuggestion> tables, String service) {
    return tables.stream().filter(t -> t.service().equals(service)).findFirst().orElseThrow();
  }

  @Test
  void theFormListsTheTablesOwnersAndADecisionIsSavedAndAnalysedAgain() throws Exception {
    try (Session s = workspace()) {
      Configuration c = s.configuration();
      SettingsForm.Form form = c.form();
      assertEquals("", form.tablesProblem());
      assertEquals(2, form.tables().size(), form.tables().toString());
      SettingsForm.TableSuggestion orders = pair(form.tables(), "orders");
      assertEquals("applied", orders.status());
      assertEquals(0.3 + 0.4 * 3 / 4, orders.score(), 1e-9);
      assertFalse(orders.declared());
      assertTrue(
          orders.evidence().get(0).startsWith("its staging test com.acme.orders.OrderLines"),
          orders.evidence().toString());
      assertEquals("suggested", pair(form.tables(), "checkout").status());

      List<String> steps = new java.util.ArrayList<>();
      TaskMonitor m =
          new TaskMonitor() {
            @Override
            public void progress(long done, long total, String message) {
              steps.add(message);
            }

            @Override
            public boolean isCancelled() {
              return false;
            }
          };
      SettingsForm.Saved saved = c.decideTable("shop.order_lines", "checkout", true, m);
      assertTrue(saved.changed());
      assertTrue(saved.analysis().startsWith("Saved. The analysis ran again"), saved.analysis());
      assertTrue(steps.contains("accepting shop.order_lines as checkout's"), steps.toString());
      assertEquals(Map.of("checkout", List.of("shop.order_lines")), c.settings().tables());
      SettingsForm.TableSuggestion checkout = pair(c.form().tables(), "checkout");
      assertEquals("applied", checkout.status());
      assertTrue(checkout.declared());
      assertEquals("suggested", pair(c.form().tables(), "orders").status());

      c.decideTable("shop.order_lines", "orders", false, null);
      assertEquals(Map.of("orders", List.of("shop.order_lines")), c.settings().rejectedTables());
      assertEquals("rejected", pair(c.form().tables(), "orders").status());
      // accepting a rejected pair takes the rejection back and moves the declaration
      c.acceptTable("shop.order_lines", "orders");
      assertEquals(Map.of("orders", List.of("shop.order_lines")), c.settings().tables());
      assertTrue(c.settings().rejectedTables().isEmpty(), c.settings().rejectedTables().toString());
      assertEquals("applied", pair(c.form().tables(), "orders").status());

      IllegalArgumentException unknown =
          assertThrows(IllegalArgumentException.class, () -> c.acceptTable("shop.carts", "orders"));
      assertTrue(unknown.getMessage().contains("no suggestion that shop.carts belongs to orders"));
      assertEquals(
          Map.of("orders", List.of("shop.order_lines")),
          c.settings().tables(),
          "a refused decision writes nothing");
    }
  }
}
