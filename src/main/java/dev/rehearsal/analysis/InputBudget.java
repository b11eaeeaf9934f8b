package dev.rehearsal.analysis;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Workspace;
import java.io.IOException;
import java.util.Locale;

/**
 * Whether the analysis's input fits in this JVM's heap, decided from the record counts before it is
 * loaded: an import of any size stands, and the analysis that cannot fit says so, and how much heap
 * it needs, instead of running out of memory half way.
 *
 * <p>The figures are what loading the input took, measured with the heap made as small as it would
 * go ({@code -Xmx} lowered until the load failed): a million deploys from a generic CSV needed
 * 256-288 MB, a hundred thousand PagerDuty incidents with a paragraph of text each 144-160 MB, on a
 * base of about 48 MB. Runs and facts are counted as generously as incidents and deploys. The full
 * benchmark (a million deploys, a hundred thousand incidents, twenty thousand runs) comes to about
 * 430 MB by these figures, against a live peak of 412-420 MB measured there.
 */
public final class InputBudget {
  static final long BASE = 48L << 20;
  static final long PER_DEPLOY = 240;
  static final long PER_INCIDENT = 1_200;
  static final long PER_RUN = 1_200;
  static final long PER_FACT = 240;

  private InputBudget() {}

  /** The analysis's input does not fit in the heap this JVM may use. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long needed;

    TooLargeException(String message, long needed) {
      super(message);
      this.needed = needed;
    }

    /** Bytes of heap the estimate says the input needs. */
    public long needed() {
      return needed;
    }
  }

  /** Bytes of heap the analysis's input of these counts needs, about. */
  static long estimate(long deploys, long incidents, long runs, long facts) {
    return BASE
        + deploys * PER_DEPLOY
        + incidents * PER_INCIDENT
        + runs * PER_RUN
        + facts * PER_FACT;
  }

  /** Throws when the workspace's input would not fit in {@code maxHeap} bytes. */
  static void check(Workspace ws, long maxHeap) throws IOException {
    long deploys = ws.facets().count(DocKind.DEPLOY);
    long incidents = ws.facets().count(DocKind.INCIDENT);
    long runs = ws.facets().count(DocKind.RUN);
    long facts = ws.facets().count(DocKind.FACT);
    long need = estimate(deploys, incidents, runs, facts);
    if (need <= maxHeap) {
      return;
    }
    // a fifth more than the estimate, in whole gigabytes
    long gb = Math.max(1, (long) Math.ceil(need * 1.2 / (1L << 30)));
    throw new TooLargeException(
        String.format(
            Locale.ROOT,
            "the analysis's input (%,d deploys, %,d incidents, %,d staging runs, %,d facts) needs"
                + " about %s of heap, more than the %s this Java may use; run with -Xmx%dg"
                + " (java -Xmx%dg -jar rehearsal.jar ...). The imported records are kept.",
            deploys,
            incidents,
            runs,
            facts,
            size(need),
            size(maxHeap),
            gb,
            gb),
        need);
  }

  /**
   * Throws when the workspace's input would not fit in this JVM's heap (or in the bytes the system
   * property {@code rehearsal.analysis.maxHeap} names, which tests set to see the refusal).
   */
  static void check(Workspace ws) throws IOException {
    check(ws, Long.getLong("rehearsal.analysis.maxHeap", Runtime.getRuntime().maxMemory()));
  }

  private static String size(long bytes) {
    return bytes >= 1L << 30
        ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d MB", bytes >> 20);
  }
}
