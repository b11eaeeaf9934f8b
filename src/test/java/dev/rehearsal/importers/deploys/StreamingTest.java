package dev.rehearsal.importers.deploys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Files far larger than one record, generated on the fly and never held anywhere: the importers
 * must stream them (the surefire heap is 1 GB; these files would not fit as trees).
 */
class StreamingTest {

  /** A source whose bytes are produced on demand: a head, many copies of a record, a tail. */
  private static ImportSource generated(
      String name, String head, String record, String sep, String tail, int count) {
    return new ImportSource() {
      @Override
      public String displayName() {
        return name;
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
        Enumeration<InputStream> parts =
            new Enumeration<>() {
              int i = -1;

              @Override
              public boolean hasMoreElements() {
                return i <= count;
              }

              @Override
              public InputStream nextElement() {
                String s;
                if (i < 0) {
                  s = head;
                } else if (i == count) {
                  s = tail;
                } else {
                  s = (i > 0 ? sep : "") + record.replace("#N#", Integer.toString(i));
                }
                i++;
                return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
              }
            };
        return new SequenceInputStream(parts);
      }

      @Override
      public Path path() {
        return null;
      }

      @Override
      public ImportSource sibling(String n) {
        return null;
      }
    };
  }

  private static final class Counter implements RecordSink {
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();

    @Override
    public void accept(ImportedRecord record) {
      accepted.incrementAndGet();
    }

    @Override
    public void acceptStatus(DeployStatusEvent event) {
      accepted.incrementAndGet();
    }

    @Override
    public void reject(long line, long index, String reason) {
      rejected.incrementAndGet();
    }

    @Override
    public void warn(String message) {}
  }

  @Test
  void graphQlPageWithManyNodesStreams() throws Exception {
    String padding = "x".repeat(2000);
    String node =
        "{\"databaseId\": #N#, \"environment\": \"production\", \"createdAt\": "
            + "\"2024-04-09T10:00:00Z\", \"ref\": {\"name\": \"v1.#N#.0\", \"prefix\": "
            + "\"refs/tags/\"}, \"repository\": {\"name\": \"checkout-api\"}, \"latestStatus\": "
            + "{\"state\": \"SUCCESS\", \"updatedAt\": \"2024-04-09T10:05:00Z\"}, \"description\": \""
            + padding
            + "\"}";
    // more JSON than the heap holds: only a streaming parse gets through it
    int n = (int) Math.min(600_000, Runtime.getRuntime().maxMemory() * 11 / 10 / node.length());
    ImportSource src =
        generated(
            "big.json",
            "{\"data\": {\"repository\": {\"deployments\": " + "{\"nodes\": [",
            node,
            ",\n",
            "]}}}}",
            n);
    Counter c = new Counter();
    new GitHubDeploymentsImporter().parse(src, ImportContext.defaults(), c);
    assertEquals(n, c.accepted.get());
    assertEquals(0, c.rejected.get());
  }

  @Test
  void devLakeTableWithManyRowsStreams() throws Exception {
    String row =
        "#N#,\"{\"\"ConnectionId\"\":1,\"\"ProjectSlug\"\":\"\"gh/acme/checkout\"\"}\","
            + "\"{\"\"id\"\": \"\"w#N#\"\", \"\"name\"\": \"\"deploy-production\"\", "
            + "\"\"project_slug\"\": \"\"gh/acme/checkout\"\", \"\"status\"\": \"\"success\"\", "
            + "\"\"pipeline_number\"\": #N#, \"\"created_at\"\": \"\"2023-03-25T17:52:15Z\"\", "
            + "\"\"stopped_at\"\": \"\"2023-03-25T17:52:23Z\"\"}\",https://circleci.com,null,"
            + "2023-03-28 15:39:56.782\n";
    int n = 100_000;
    ImportSource src =
        generated(
            "_raw_circleci_api_workflows.csv",
            "id,params,data,url,input,created_at\n",
            row,
            "",
            "",
            n);
    Counter c = new Counter();
    new CircleCiWorkflowsImporter().parse(src, ImportContext.defaults(), c);
    assertEquals(n, c.accepted.get());
  }
}
