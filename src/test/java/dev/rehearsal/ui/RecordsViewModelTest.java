package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Rows;
import dev.rehearsal.ui.records.RecordsViewModel;
import dev.rehearsal.ui.task.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecordsViewModelTest {
  /** Rows "row 0" … "row n-1" whose text contains the query. */
  private static Rows.Source<String> rows(String query, int n, List<int[]> pagesRead) {
    List<String> all =
        IntStream.range(0, n)
            .mapToObj(i -> "row " + i)
            .filter(r -> query.isEmpty() || r.contains(query))
            .toList();
    return new Rows.Source<>() {
      @Override
      public int size() {
        return all.size();
      }

      @Override
      public List<String> page(int from, int count) {
        pagesRead.add(new int[] {from, count});
        return all.subList(from, Math.min(all.size(), from + count));
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void recordsAreReadOnceShownThenAPageAtATimeAndASearchNarrowsThem() {
    List<String> queries = new ArrayList<>();
    List<int[]> pages = new ArrayList<>();
    RecordsViewModel<String> vm =
        new RecordsViewModel<>(
            (q, m) -> {
              queries.add(q);
              return rows(q, 1000, pages);
            },
            Background.DIRECT,
            "deploy",
            "deploys");
    vm.refresh();
    assertTrue(queries.isEmpty(), "nothing is read before the table is shown");
    vm.loadOnce();
    vm.loadOnce();
    assertEquals(List.of(""), queries, "shown once, read once");
    assertEquals(1000, vm.rows().size());
    assertTrue(vm.statusProperty().get().startsWith("1,000 deploys ("), vm.statusProperty().get());
    assertEquals(1, pages.size(), "the first page only");
    assertEquals("row 999", vm.rows().get(999), "a later row is read with its page");
    vm.queryProperty().set("  row 99 ");
    vm.search();
    assertEquals("row 99", queries.get(queries.size() - 1), "the query as typed, trimmed");
    assertEquals(11, vm.rows().size(), "row 99 and row 990-999");
    assertTrue(
        vm.statusProperty().get().startsWith("11 deploys match \"row 99\""),
        vm.statusProperty().get());
    vm.refresh();
    assertEquals(3, queries.size(), "read again after an import");
  }

  @Test
  void aSearchThatFailsSaysWhyAndKeepsTheRows() {
    RecordsViewModel<String> vm =
        new RecordsViewModel<>(
            (q, m) -> {
              if (q.contains("(")) {
                throw new Rows.QuerySyntaxException("Cannot parse '(': unexpected end", null);
              }
              return rows(q, 5, new ArrayList<>());
            },
            Background.DIRECT,
            "fact",
            "facts");
    vm.loadOnce();
    vm.queryProperty().set("(");
    vm.search();
    assertEquals(5, vm.rows().size(), "the rows shown before stay");
    assertTrue(!vm.errorProperty().get().isEmpty(), "the error is said");
    assertTrue(!vm.busyProperty().get());
  }
}
