package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Rows;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import dev.rehearsal.ui.task.Background;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view model without a toolkit: work runs on the calling thread. */
class IncidentsViewModelTest {
  /** An escape of checkout, its gap config. */
  static IncidentRow row(String key, String title) {
    return row(key, title, "escape", List.of("config"));
  }

  static IncidentRow row(String key, String title, String verdict, List<String> gaps) {
    return new IncidentRow(
        key,
        Instant.parse("2024-01-01T00:00:00Z"),
        key,
        title,
        List.of("checkout"),
        "P2",
        "resolved",
        "pagerduty",
        verdict,
        gaps,
        0.9,
        false);
  }

  /** Rows from a list, as the workspace gives them a page at a time; counts what is closed. */
  private static final class ListSource implements Rows.Source<IncidentRow> {
    final List<IncidentRow> all;
    final List<int[]> pagesRead = new ArrayList<>();
    boolean closed;

    ListSource(List<IncidentRow> all) {
      this.all = all;
    }

    @Override
    public int size() {
      return all.size();
    }

    @Override
    public List<IncidentRow> page(int from, int count) {
      pagesRead.add(new int[] {from, count});
      return all.subList(Math.min(from, all.size()), Math.min(all.size(), from + count));
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static Rows.Source<IncidentRow> rows(List<IncidentRow> all) {
    return new ListSource(all);
  }

  @Test
  void aLargeResultIsReadAPageAtATimeAndTheLastOneIsClosedByTheNext() {
    List<IncidentRow> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(row("k" + i, "T" + i));
    }
    List<ListSource> opened = new ArrayList<>();
    IncidentsViewModel vm =
        new IncidentsViewModel(
            (q, o, m) -> {
              ListSource src = new ListSource(many);
              opened.add(src);
              return src;
            },
            Background.DIRECT);
    vm.search();
    assertEquals(1000, vm.rows().size());
    ListSource first = opened.get(0);
    assertEquals(1, first.pagesRead.size(), "only the first page is read for the status");
    assertEquals("T950", vm.rows().get(950).title());
    assertEquals(2, first.pagesRead.size(), "row 950 brings its own page only");
    int page = dev.rehearsal.ui.task.PagedList.PAGE;
    assertEquals(950 / page * page, first.pagesRead.get(1)[0], "the page that holds row 950");
    assertEquals(page, first.pagesRead.get(1)[1]);
    vm.search();
    assertTrue(first.closed, "a new search lets go of the previous rows");
    vm.close();
    assertTrue(opened.get(1).closed);
  }

  @Test
  void searchFillsRowsAndStatus() {
    List<String> asked = new ArrayList<>();
    IncidentsViewModel vm =
        new IncidentsViewModel(
            (q, o, m) -> {
              asked.add(q);
              return rows(
                  q.isEmpty() ? List.of(row("a", "A"), row("b", "B")) : List.of(row("a", "A")));
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
            (q, o, m) -> {
              if (q.contains("(")) {
                throw new Rows.QuerySyntaxException(
                    "the query \"(\" is not valid search syntax", null);
              }
              return rows(List.of(row("a", "A")));
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

  @Test
  void theSelectionIsARowOfTheWholeListThatWindowSlidesKeepAndNextAndPreviousCross() {
    List<IncidentRow> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(row("k" + i, "T" + i));
    }
    IncidentsViewModel vm =
        new IncidentsViewModel(
            (q, o, m) -> rows(many), c -> java.util.Map.of(), Background.DIRECT, 100);
    vm.search();
    assertEquals(100, vm.window().size(), "a window of the thousand rows");
    List<String> opened = new ArrayList<>();
    vm.selectedKeyProperty().addListener((o, a, key) -> opened.add(key));

    vm.select(50);
    assertEquals("k50", vm.selectedKeyProperty().get());
    // the table scrolled on: the window slides away from the row and back, the row stays selected
    vm.window().moveTo(400);
    assertEquals(50, vm.selectedIndexProperty().get());
    assertEquals("k50", vm.selected().key());
    vm.window().moveTo(0);
    assertEquals(List.of("k50"), opened, "a slide selects no other incident");

    // next across the window's last row: the window slides to hold it
    vm.select(99);
    assertEquals(0, vm.window().offset());
    vm.step(1);
    assertEquals(100, vm.selectedIndexProperty().get());
    assertEquals("k100", vm.selectedKeyProperty().get());
    int offset = vm.window().offset();
    assertTrue(offset > 0 && offset <= 100, "the window slid along: " + offset);
    assertEquals("k100", vm.window().get(100 - offset).key(), "the window holds the row");
    vm.step(-1);
    assertEquals("k99", vm.selectedKeyProperty().get());
    assertEquals(List.of("k50", "k99", "k100", "k99"), opened);

    // previous across the window's first row
    vm.select(700);
    offset = vm.window().offset();
    vm.select(offset);
    vm.step(-1);
    assertEquals("k" + (offset - 1), vm.selectedKeyProperty().get());
    assertTrue(vm.window().offset() < offset, "the window slid back");
    assertEquals("k" + (offset - 1), vm.window().get(offset - 1 - vm.window().offset()).key());

    // the ends of the whole list
    vm.select(999);
    vm.step(1);
    assertEquals("k999", vm.selectedKeyProperty().get(), "no row after the last");
    assertEquals(900, vm.window().offset());
    vm.select(0);
    vm.step(-1);
    assertEquals("k0", vm.selectedKeyProperty().get(), "no row before the first");
    assertEquals(0, vm.window().offset());

    // a new search: other rows, nothing selected
    vm.select(10);
    vm.search();
    assertEquals(-1, vm.selectedIndexProperty().get());
    assertEquals(null, vm.selectedKeyProperty().get());
    vm.step(1);
    assertEquals("k0", vm.selectedKeyProperty().get(), "next from nothing selected: the first");
  }
}
