package dev.rehearsal.ui;

import dev.rehearsal.ui.incidents.IncidentsView;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Measures the app as a user meets it, for the benchmark: time from JVM launch to the first frame
 * and to the filled incident table, then the longest gap between frames (an FX-thread stall) while
 * the table scrolls from the first row to the last and while a search runs (started once the
 * scrolled table has settled: the last step's page arrives and is laid out in a frame after the
 * step, and that frame is the scroll's, not the search's); then the Records view: the time until
 * its deploys table shows its first page, and the longest stall while that table (every deploy,
 * read a page at a time) scrolls from the first row to the last. Beside each longest stall, the FX
 * thread's own CPU in its longest frame (the rest of a stall is waiting for a core or for
 * painting), and the collectors' time while scrolling and searching; for both tables' scrolls, each
 * frame over 30 ms with what the collectors, the compilers and every other thread used in it.
 * Started with {@code --probe=FILE}; writes JSON to FILE and closes the app.
 */
final class BenchProbe implements AppObserver {
  private static final int SCROLL_STEPS = 400;

  /**
   * Frames after the last scroll step, still counted as scrolling, before the search starts: a user
   * types a query after the table stopped moving, not in the frame after the last step.
   */
  private static final int SCROLL_SETTLE_FRAMES = 30;

  private final RehearsalApp app;
  private final Path out;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
  private boolean firstFrameSeen;

  BenchProbe(RehearsalApp app, Path out) {
    this.app = app;
    this.out = out;
  }

  @Override
  public void beforeShown(Scene scene) {
    scene.addPostLayoutPulseListener(
        new Runnable() {
          @Override
          public void run() {
            if (!firstFrameSeen) {
              firstFrameSeen = true;
              results.put("launchToFirstFrameMs", System.currentTimeMillis() - jvmStart);
              scene.removePostLayoutPulseListener(this);
            }
          }
        });
  }

  @Override
  public void incidentsShown(Scene scene, IncidentsView view, IncidentsViewModel vm) {
    results.put("launchToTableMs", System.currentTimeMillis() - jvmStart);
    results.put("rows", vm.rows().size());
    int rows = vm.rows().size();
    new AnimationTimer() {
      private long last = -1;
      private int step;
      private long maxScrollGap;
      private int maxScrollGapStep;
      private long maxSearchGap;
      private int frames;
      private int settle;
      private boolean searching;
      private int rowsBefore;
      private int idle;
      private long maxIdleGap;
      private final java.util.List<Long> firstGaps = new java.util.ArrayList<>();
      private final ThreadCpu cpu = new ThreadCpu();
      private long maxScrollCpu;
      private int maxScrollCpuStep;
      private long maxSearchCpu;
      private long scrollCpuNs; // all the scroll steps' together
      private long scrollStart;
      private long scrollMs;
      private long gcAtScroll;
      private long gcAtSearch;
      private long scrollGc;
      private long gcAtFrame;
      private final java.util.List<String> searchFrames = new java.util.ArrayList<>();
      // the scroll's frames over 30 ms, as for the deploys table
      private final java.util.List<String> scrollLongFrames = new java.util.ArrayList<>();
      private final ThreadsCpu threads = new ThreadsCpu();
      private long gcAtScrollFrame = gcMillis();

      @Override
      public void handle(long now) {
        // the frames right after the rows arrive lay out the filled table; they are measured
        // apart ("settle") so that scrolling is measured on a table already shown
        if (idle < 20) {
          if (last >= 0) {
            maxIdleGap = Math.max(maxIdleGap, (now - last) / 1_000_000);
            firstGaps.add((now - last) / 1_000_000);
          }
          last = now;
          idle++;
          return;
        }
        long workedNs = cpu.sinceLast();
        long worked = workedNs / 1_000_000;
        // this frame shows the scroll step asked for in the frame before
        int shown = Math.max(0, step - 1);
        if (searching) {
          maxSearchCpu = Math.max(maxSearchCpu, worked);
        } else {
          scrollCpuNs += workedNs;
          if (worked > maxScrollCpu) {
            maxScrollCpu = worked;
            maxScrollCpuStep = shown;
          }
        }
        if (last >= 0) {
          long gap = (now - last) / 1_000_000;
          if (searching) {
            maxSearchGap = Math.max(maxSearchGap, gap);
            long gcNow = gcMillis();
            searchFrames.add(gap + "/" + worked + "/" + (gcNow - gcAtFrame));
            gcAtFrame = gcNow;
          } else {
            String others = threads.sinceLast();
            long gcNow = gcMillis();
            if (gap > 30) {
              scrollLongFrames.add(
                  shown
                      + ":"
                      + gap
                      + "/"
                      + worked
                      + "/gc"
                      + (gcNow - gcAtScrollFrame)
                      + "/"
                      + others);
            }
            gcAtScrollFrame = gcNow;
            if (gap > maxScrollGap) {
              maxScrollGap = gap;
              maxScrollGapStep = shown;
            }
          }
        }
        last = now;
        frames++;
        if (!searching) {
          if (step <= SCROLL_STEPS) {
            if (step == 0) {
              scrollStart = System.nanoTime();
              gcAtScroll = gcMillis();
            }
            // as the scroll bar beside the table (it spans every row) takes the user there
            view.scroll().scrollTo((int) ((long) (rows - 1) * step / SCROLL_STEPS));
            step++;
            return;
          }
          if (step == SCROLL_STEPS + 1) {
            scrollMs = (System.nanoTime() - scrollStart) / 1_000_000;
          }
          if (step++ <= SCROLL_STEPS + SCROLL_SETTLE_FRAMES) {
            return;
          }
          searching = true;
          gcAtSearch = gcMillis();
          gcAtFrame = gcAtSearch;
          scrollGc = gcAtSearch - gcAtScroll;
          rowsBefore = vm.rows().size();
          vm.queryProperty().set("timeout OR latency OR \"connection pool\"");
          vm.search();
          return;
        }
        if (!vm.busyProperty().get() && ++settle > 30) {
          stop();
          results.put("scrollSteps", SCROLL_STEPS);
          results.put("scrollSettleFrames", SCROLL_SETTLE_FRAMES);
          results.put("maxStallFirstLayoutMs", maxIdleGap);
          results.put("firstLayoutFrameGapsMs", firstGaps.toString());
          results.put("maxStallScrollMs", maxScrollGap);
          results.put("maxStallScrollStep", maxScrollGapStep);
          results.put("scrollLongFrames", scrollLongFrames.toString());
          results.put("maxStallSearchMs", maxSearchGap);
          results.put("searchFramesGapCpuGcMs", searchFrames.toString());
          results.put("maxFxThreadCpuScrollMs", maxScrollCpu);
          results.put("maxFxThreadCpuScrollStep", maxScrollCpuStep);
          results.put("maxFxThreadCpuSearchMs", maxSearchCpu);
          results.put("fxThreadCpuScrollMs", scrollCpuNs / 1_000_000);
          results.put("scrollMs", scrollMs);
          results.put("gcMsWhileScrolling", scrollGc);
          results.put("gcMsWhileSearching", gcMillis() - gcAtSearch);
          results.put("searchRows", vm.rows().size());
          results.put("rowsBeforeSearch", rowsBefore);
          results.put("frames", frames);
          incidentsView = view;
          deploys(scene);
        }
      }
    }.start();
  }

  /**
   * Shows the Records view and scrolls its deploys table end to end, a step a frame: the time until
   * the first page shows, the longest gap between frames while scrolling, how many steps showed a
   * row whose page was not read yet, and the time until the last row is read; then writes the
   * figures and closes the app.
   */
  private void deploys(Scene scene) {
    var vm = app.views().deploys;
    long shownAt = System.nanoTime();
    app.show(RehearsalApp.View.RECORDS);
    new AnimationTimer() {
      private long last = -1;
      private int step;
      private boolean filled;
      private int idle;
      private long maxIdleGap;
      private long maxGap;
      private int maxGapStep;
      private int unfilledSteps;
      private long scrollStart;
      private long scrollEnd;
      private int frames;
      private int rows;
      private javafx.scene.control.TableView<Object> table;
      private final ThreadCpu cpu = new ThreadCpu();
      private long gcAtStart;
      private long maxCpu;
      // the frames over 30 ms: step, frame, the FX thread's CPU, collectors, the other threads
      private final java.util.List<String> longFrames = new java.util.ArrayList<>();
      private final ThreadsCpu threads = new ThreadsCpu();
      private long gcAtFrame = gcMillis();
      private int maxCpuStep;

      @Override
      public void handle(long now) {
        long gap = last < 0 ? 0 : (now - last) / 1_000_000;
        last = now;
        if (!filled) {
          // the first search of the view: its count and first page read off the FX thread
          if (vm.busyProperty().get() || vm.rows().isEmpty() || !vm.rows().loaded(0)) {
            if (System.nanoTime() - shownAt > 120_000_000_000L) {
              results.put("deploysError", "the deploys table was not filled within 2 minutes");
              finish(this);
            }
            return;
          }
          filled = true;
          rows = vm.rows().size();
          results.put("deploysRows", rows);
          results.put("deploysFillMs", (System.nanoTime() - shownAt) / 1_000_000);
          @SuppressWarnings("unchecked")
          var found =
              (javafx.scene.control.TableView<Object>) scene.lookup("#records-deploys-table");
          table = found;
          return;
        }
        if (idle < 20) {
          // the frames that lay out the filled table, measured apart as for the incidents
          maxIdleGap = Math.max(maxIdleGap, gap);
          idle++;
          return;
        }
        long worked = cpu.sinceLast() / 1_000_000;
        String others = threads.sinceLast();
        long gcNow = gcMillis();
        long collected = gcNow - gcAtFrame;
        gcAtFrame = gcNow;
        if (step > 0 && step <= SCROLL_STEPS + 1 && gap > 30) {
          longFrames.add((step - 1) + ":" + gap + "/" + worked + "/gc" + collected + "/" + others);
        }
        if (step > 0 && step <= SCROLL_STEPS + 1) {
          if (gap > maxGap) {
            maxGap = gap;
            maxGapStep = step - 1;
          }
          if (worked > maxCpu) {
            maxCpu = worked;
            maxCpuStep = step - 1;
          }
        }
        if (step <= SCROLL_STEPS) {
          if (step == 0) {
            scrollStart = System.nanoTime();
            gcAtStart = gcMillis();
          }
          int row = (int) ((long) (rows - 1) * step / SCROLL_STEPS);
          if (step > 0) {
            int before = (int) ((long) (rows - 1) * (step - 1) / SCROLL_STEPS);
            if (!vm.rows().loaded(before)) {
              unfilledSteps++; // the row scrolled to a frame ago still shows empty
            }
          }
          // as the scroll bar beside the table (it spans every row) takes the user there
          var windowed = dev.rehearsal.ui.task.WindowedScroll.of(table);
          if (windowed != null) {
            windowed.scrollTo(row);
          } else {
            table.scrollTo(row);
          }
          step++;
          frames++;
          return;
        }
        if (scrollEnd == 0) {
          scrollEnd = System.nanoTime();
          step++;
        }
        frames++;
        if (vm.rows().loaded(rows - 1) || System.nanoTime() - scrollEnd > 30_000_000_000L) {
          results.put("deploysScrollSteps", SCROLL_STEPS);
          results.put("deploysMaxStallFirstLayoutMs", maxIdleGap);
          results.put("deploysMaxStallScrollMs", maxGap);
          results.put("deploysMaxStallScrollStep", maxGapStep);
          results.put("deploysLongFrames", longFrames.toString());
          results.put("deploysMaxFxThreadCpuPerFrameMs", maxCpu);
          results.put("deploysMaxFxThreadCpuStep", maxCpuStep);
          results.put("deploysScrollMs", (scrollEnd - scrollStart) / 1_000_000);
          results.put("deploysGcMsWhileScrolling", gcMillis() - gcAtStart);
          results.put("deploysStepsShowingUnreadRows", unfilledSteps);
          results.put("deploysLastRowReadMs", (System.nanoTime() - scrollEnd) / 1_000_000);
          results.put("deploysFrames", frames);
          stop();
          opened();
        }
      }
    }.start();
  }

  /** The incident list, kept for the last phase. */
  private IncidentsView incidentsView;

  /** The incidents opened in the last phase: the first row, one in the middle, the last. */
  private static final int OPENED = 3;

  /**
   * Opens incidents from the list (the first row, one in the middle, the last: each row's page read
   * first, the incident read from the workspace when selected) and times each from its selection
   * until its detail is shown; then shows the dashboard of the newest incident's quarter and times
   * it until its figures are shown. Then writes the figures and closes the app.
   */
  private void opened() {
    var v = app.views();
    app.show(RehearsalApp.View.INCIDENTS);
    var incidents = v.incidents;
    int rows = incidents.rows().size();
    new AnimationTimer() {
      private int opened;
      private String key; // the incident being opened, once its row is read and selected
      private long startedAt;
      private long waitingSince = System.nanoTime();
      private long first = -1;
      private long max;
      private boolean dashboard;
      private long dashboardAt;
      private Object viewBefore;
      private java.time.Instant newest; // the onset of the first row, the newest incident

      @Override
      public void handle(long now) {
        if (rows == 0) {
          results.put("openIncidentError", "no incidents to open");
          finish(this);
          return;
        }
        if (System.nanoTime() - waitingSince > 60_000_000_000L) {
          results.put("openIncidentError", "an incident or the dashboard took over a minute");
          finish(this);
          return;
        }
        if (!dashboard && opened < OPENED) {
          int row = opened == 0 ? 0 : opened == 1 ? rows / 2 : rows - 1;
          if (key == null) {
            // the row's page is read first (scrolling there), so that the time is the opening's
            var item = incidents.rows().get(row);
            if (item == null) {
              incidentsView.scroll().scrollTo(row);
              return;
            }
            key = item.key();
            startedAt = System.nanoTime();
            incidents.select(row);
            return;
          }
          var d = v.detail.detailProperty().get();
          if (v.detail.busyProperty().get()
              || d == null
              || d.incident() == null
              || !key.equals(d.incident().key())) {
            return;
          }
          long ms = (System.nanoTime() - startedAt) / 1_000_000;
          if (first < 0) {
            newest = d.incident().startedAt();
          }
          first = first < 0 ? ms : first;
          max = Math.max(max, ms);
          opened++;
          key = null;
          waitingSince = System.nanoTime();
          return;
        }
        if (!dashboard) {
          results.put("openIncidentFirstMs", first);
          results.put("openIncidentMaxMs", max);
          results.put("openIncidents", OPENED);
          // the dashboard of the quarter of the newest incident
          String quarter =
              dev.rehearsal.app.Period.quarterOf(newest != null ? newest : java.time.Instant.now())
                  .label();
          dashboard = true;
          viewBefore = v.dashboard.viewProperty().get();
          dashboardAt = System.nanoTime();
          // as a user does: the dashboard opens on its period, then the quarter is chosen (which
          // reads its figures)
          app.show(RehearsalApp.View.DASHBOARD);
          v.dashboard.periodProperty().set(quarter);
          results.put("dashboardQuarter", quarter);
          waitingSince = System.nanoTime();
          return;
        }
        Object shown = v.dashboard.viewProperty().get();
        if (v.dashboard.busyProperty().get() || shown == null || shown == viewBefore) {
          return;
        }
        results.put("dashboardQuarterMs", (System.nanoTime() - dashboardAt) / 1_000_000);
        finish(this);
      }
    }.start();
  }

  /** The time the collectors have taken so far, pauses and concurrent work together. */
  private static long gcMillis() {
    long ms = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  private void finish(AnimationTimer timer) {
    timer.stop();
    write();
    Platform.exit();
  }

  /** The figures as a JSON object: numbers as they are, anything else as a string. */
  static String json(Map<String, Object> figures) {
    StringBuilder sb = new StringBuilder("{\n");
    int n = 0;
    for (var e : figures.entrySet()) {
      sb.append(n++ == 0 ? "" : ",\n").append("  \"").append(escape(e.getKey())).append("\": ");
      Object v = e.getValue();
      if (v instanceof Number) {
        sb.append(v);
      } else {
        sb.append('"').append(escape(String.valueOf(v))).append('"');
      }
    }
    return sb.append("\n}\n").toString();
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private void write() {
    try {
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, json(results));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * What every thread used between two calls, for the frames that stalled: the compilers' time (the
   * JIT's total) and each thread's CPU, named without its number, those that used 3 ms or more. A
   * stall whose FX thread worked little was spent waiting for one of these.
   */
  private static final class ThreadsCpu {
    private final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> last = new java.util.HashMap<>();
    private long compiling = -1;

    /**
     * E.g. {@code jit12 QuantumRenderer-=4 rehearsal-worker-=9}, times in ms since the last call.
     */
    String sinceLast() {
      long c = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      StringBuilder sb = new StringBuilder("jit").append(compiling < 0 ? 0 : c - compiling);
      compiling = c;
      Map<String, Long> byName = new java.util.TreeMap<>();
      for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
        if (info != null) {
          long t = bean.getThreadCpuTime(info.getThreadId());
          Long before = last.put(info.getThreadId(), t);
          long ms = before == null || t < 0 ? 0 : (t - before) / 1_000_000;
          if (ms >= 3) {
            byName.merge(info.getThreadName().replaceAll("[0-9]+$", ""), ms, Long::sum);
          }
        }
      }
      byName.forEach((name, ms) -> sb.append(' ').append(name).append('=').append(ms));
      return sb.toString();
    }
  }

  /**
   * The calling thread's own CPU time between two calls: what the FX thread worked in a frame, as
   * against how long the frame took (which also counts waiting for a core the machine's other work
   * held).
   */
  private static final class ThreadCpu {
    private final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    private long last = -1;

    /** Nanoseconds since the last call; 0 on the first, or when the JVM cannot tell. */
    long sinceLast() {
      long now = bean.getCurrentThreadCpuTime();
      long worked = last < 0 || now < 0 ? 0 : now - last;
      last = now;
      return worked;
    }
  }
}
