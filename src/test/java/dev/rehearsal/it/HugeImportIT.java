package dev.rehearsal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.util.Json;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 2 GB CSV of ten million deploys, read through a saved column mapping by the packaged jar in a
 * JVM of 1 GB: the import streams and stands, and the analysis's input, which cannot fit, is
 * refused with the heap it needs instead of an OutOfMemoryError. Not part of {@code mvn verify}:
 * run it with {@code mvn -B -ntp -Phuge verify -Dit.test=HugeImportIT} (about half an hour on two
 * cores; without {@code -Dit.test}, {@link HugePagerDutyImportIT} runs too). Its time and peak
 * resident size go to {@code target/huge-import.txt} and to the test's output.
 */
@Tag("huge")
class HugeImportIT {
  static final int ROWS = Integer.getInteger("rehearsal.huge.rows", 10_000_000);

  private static void write(Path file) throws Exception {
    String[] services = {
      "checkout", "payments", "search", "inventory", "shipping",
      "orders", "catalog", "auth", "notify", "pricing"
    };
    java.util.SplittableRandom r = new java.util.SplittableRandom(42);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "Deploy ID,Started At,Service Name,Env,Release,Git SHA,Result,Triggered By,"
              + "Pipeline URL,Notes\n");
      long base = 1_672_531_200L;
      StringBuilder sb = new StringBuilder(256);
      for (int i = 0; i < ROWS; i++) {
        sb.setLength(0);
        sb.append(String.format("DEP-%09d", i)).append(',').append(base + i * 3L).append(',');
        sb.append(services[i % 10])
            .append(',')
            .append((i / 10) % 2 == 0 ? "production" : "staging");
        sb.append(",2024.").append(i / 1000).append('.').append(i % 1000).append(',');
        sb.append(String.format("%016x%016x%08x", r.nextLong(), r.nextLong(), r.nextInt()));
        sb.append(',').append(i % 17 == 0 ? "failed" : "success");
        sb.append(",user").append(i % 97).append("@acme.example");
        sb.append(",https://ci.acme.example/pipelines/").append(i);
        sb.append(",\"rolled out by pipeline, batch ").append(i / 500).append("\"\n");
        w.append(sb);
      }
    }
  }

  @Test
  void twoGigabytesImportInAGigabyteOfHeapAndTheAnalysisSaysWhatItNeeds() throws Exception {
    Path work = HugeRun.work("huge");
    Path csv = work.resolve("deploys.csv");
    if (!Files.isRegularFile(csv) || Files.size(csv) < ROWS * 150L) {
      write(csv);
    }
    Path ws = HugeRun.empty(work.resolve("ws"));
    Files.createDirectories(ws.resolve("mappings"));
    Files.writeString(
        ws.resolve("mappings").resolve("deploy-log.json"),
        "{\"name\": \"deploy-log\", \"kind\": \"DEPLOY\", \"columns\": {\"id\": \"Deploy ID\","
            + " \"time\": \"Started At\", \"service\": \"Service Name\", \"environment\": \"Env\","
            + " \"version\": \"Release\", \"commit\": \"Git SHA\", \"status\": \"Result\","
            + " \"actor\": \"Triggered By\", \"url\": \"Pipeline URL\", \"description\":"
            + " \"Notes\"}}");

    HugeRun.Result run =
        HugeRun.rehearsal(
            work,
            "import",
            "1g",
            List.of(
                "import",
                "--format",
                "generic-csv",
                "--mapping",
                "deploy-log",
                csv.toString(),
                "--workspace",
                ws.toString(),
                "--json"));
    String stderr = run.stderr();
    assertEquals(0, run.exit(), stderr);
    assertTrue(!stderr.contains("OutOfMemoryError"), stderr);

    JsonNode summary = Json.mapper().readTree(run.out().toFile());
    JsonNode file = summary.path("files").get(0);
    assertEquals(ROWS, file.path("seen").asLong());
    assertEquals(ROWS, file.path("accepted").asLong());
    assertTrue(stderr.contains("needs about"), "the analysis says what it needs: " + stderr);
    Matcher xmx = Pattern.compile("run with -Xmx(\\d+)g").matcher(stderr);
    assertTrue(xmx.find(), stderr);

    HugeRun.report(
        "huge-import.txt",
        String.format(
            "rows %,d, file %,d bytes: import %.0f s (its own %,d ms), peak RSS %s; the analysis"
                + " asks for -Xmx%sg%n",
            ROWS,
            Files.size(csv),
            run.seconds(),
            summary.path("millis").asLong(),
            run.peakRss(),
            xmx.group(1)));
  }
}
