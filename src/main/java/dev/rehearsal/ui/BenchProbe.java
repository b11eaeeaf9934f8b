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
 * the table scrolls from the first row to the last and while a search runs. Started with {@code
 * --probe=FILE}; writes JSON to FILE and closes the app.
 */
final class BenchProbe implements AppObserver {
  private static final int SCROLL_STEPS = 400;

  private final Path out;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
  private boolean firstFrameSeen;

  BenchProbe(Path out) {
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
        if (last >= 0) {
          long gap = (now - last) / 1_000_000;
          if (searching) {
            maxSearchGap = Math.max(maxSearchGap, gap);
          } else if (gap > maxScrollGap) {
            maxScrollGap = gap;
            maxScrollGapStep = step;
          }
        }
        last = now;
        frames++;
        if (!searching) {
          if (step <= SCROLL_STEPS) {
            view.table().scrollTo((int) ((long) (rows - 1) * step / SCROLL_STEPS));
            step++;
            return;
          }
          searching = true;
          rowsBefore = vm.rows().size();
          vm.queryProperty().set("timeout OR latency OR \"connection pool\"");
          vm.search();
          return;
        }
        if (!vm.busyProperty().get() && ++settle > 30) {
          stop();
          results.put("scrollSteps", SCROLL_STEPS);
          results.put("maxStallFirstLayoutMs", maxIdleGap);
          results.put("firstLayoutFrameGapsMs", firstGaps.toString());
          results.put("maxStallScrollMs", maxScrollGap);
          results.put("maxStallScrollStep", maxScrollGapStep);
          results.put("maxStallSearchMs", maxSearchGap);
          results.put("searchRows", vm.rows().size());
          results.put("rowsBeforeSearch", rowsBefore);
          results.put("frames", frames);
          write();
          Platform.exit();
        }
      }
    }.start();
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
}
