package dev.rehearsal.importers.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.model.StagingRun;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Large inputs generated on the fly (never held in memory by the test): the importers stream them,
 * keep bounded lists and still count everything.
 */
class StagingStreamingTest {

  /** A source whose bytes are a header, N generated records and a footer. */
  private static ImportSource generated(
      String name, String header, long n, LongFunction<String> record, String footer) {
    return new ImportSource() {
      @Override
      public String displayName() {
        return "generated/" + name;
      }

      @Override
      public String fileName() {
        return name;
      }

      @Override
      public long size() {
        return -1;
      }

      @Override
      public InputStream open() {
        return new InputStream() {
          private long next = -1;
          private byte[] buf = header.getBytes(StandardCharsets.UTF_8);
          private int pos;
          private boolean done;

          @Override
          public int read() {
            while (pos >= buf.length) {
              if (done) {
                return -1;
              }
              next++;
              if (next < n) {
                buf = record.apply(next).getBytes(StandardCharsets.UTF_8);
              } else {
                buf = footer.getBytes(StandardCharsets.UTF_8);
                done = true;
              }
              pos = 0;
            }
            return buf[pos++] & 0xff;
          }
        };
      }

      @Override
      public Path path() {
        return null;
      }

      @Override
      public ImportSource sibling(String other) {
        return null;
      }
    };
  }

  @Test
  void aJunitReportWith200000Cases() {
    long n = 200_000;
    ImportSource src =
        generated(
            "big.xml",
            "<?xml version=\"1.0\"?>\n<testsuite name=\"big\" timestamp=\"2024-03-01T10:00:00Z\">\n",
            n,
            i ->
                i % 1000 == 0
                    ? "<testcase classname=\"c\" name=\"t"
                        + i
                        + "\"><failure message=\"m"
                        + i
                        + "\">"
                        + "x".repeat(5000)
                        + "</failure></testcase>\n"
                    : "<testcase classname=\"c\" name=\"t" + i + "\"/>\n",
            "</testsuite>\n");
    var r = ImporterHarness.parse(new JUnitXmlImporter(), src, ImportContext.defaults());
    StagingRun run = StagingTestSupport.onlyRun(r);
    assertEquals(n, run.tests().total());
    assertEquals(200, run.tests().failed());
    assertEquals(200, run.tests().failures().size());
    assertEquals(500, run.tests().caseNames().size());
    assertTrue(run.tests().failures().get(0).length() < 400, "no failure body kept");
  }

  @Test
  void aJmeterFileWith500000Samples() {
    long n = 500_000;
    ImportSource src =
        generated(
            "big.jtl",
            "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
                + "bytes,allThreads\n",
            n,
            i ->
                (1_700_000_000_000L + i * 2)
                    + ","
                    + (i % 997)
                    + ",req,200,OK,T 1-"
                    + (i % 50)
                    + ",text,"
                    + (i % 100 == 0 ? "false" : "true")
                    + ",100,"
                    + (1 + i % 50)
                    + "\n",
            "");
    var r = ImporterHarness.parse(new JMeterCsvImporter(), src, ImportContext.defaults());
    StagingRun run = StagingTestSupport.onlyRun(r);
    assertEquals(n, run.load().requests());
    assertEquals(n / 100, run.load().failedRequests());
    assertEquals(500.0, run.load().peakRps(), 0.0, "one sample every 2 ms");
    assertEquals(50.0, run.load().maxVus(), 0.0);
    assertEquals(947.0, run.load().p95Ms(), 0.0);
  }
}
