package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.index.IncidentRow;
import dev.rehearsal.index.SearchSyntaxException;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import dev.rehearsal.ui.task.Background;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view model without a toolkit: work runs on the calling thread. */
class IncidentsViewModelTest {
  private static IncidentRow row(String key, String title) {
    return new IncidentRow(
        key,
        Instant.parse("2024-01-01T00:00:00Z"),
        key,
        title,
        List.of("checkout"),
        "P2",
        "resolved",
        "pagerduty",
        "escape",
        List.of("config"));
  }

  @Test
  void searchFillsRowsAndStatus() {
    List<String> asked = new ArrayList<>();
    IncidentsViewModel vm =
        new IncidentsViewModel(
            (q, m) -> {
              asked.add(q);
              return q.isEmpty() ? List.of(row("a", "A"), row("b", "B")) : List.of(row("a", "A"));
            },
            Background.DIRECT);
    vm.search();
    assertEquals(2, vm.rows().size());
    assertTrue(vm.statusProperty().get().startsWith("2 incidents"), vm.statusProperty().get());
    vm.queryProperty().set("  timeout ");
    vm.search();
    assertEquals(List.of("", "timeout"), asked, "the query is trimmed");
    assertEquals(1, vm.rows().size());
    assertTrue(
        vm.statusProperty().get().startsWith("1 incident match \"timeout\""),
        vm.statusProperty().get());
    assertFalse(vm.busyProperty().get());
  }

  @Test
  void aSyntaxErrorKeepsTheRowsAndShowsTheMessage() {
    IncidentsViewModel vm =
        new IncidentsViewModel(
            (q, m) -> {
              if (q.contains("(")) {
                throw new SearchSyntaxException("the query \"(\" is not valid search syntax", null);
              }
              return List.of(row("a", "A"));
            },
            Background.DIRECT);
    vm.search();
    vm.queryProperty().set("(");
    vm.search();
    assertEquals(1, vm.rows().size(), "the last good result stays visible");
    assertTrue(vm.errorProperty().get().contains("not valid search syntax"));
    vm.queryProperty().set("ok");
    vm.search();
    assertEquals("", vm.errorProperty().get(), "a good query clears the error");
  }
}
