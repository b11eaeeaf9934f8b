package dev.rehearsal.importers.staging;

import static dev.rehearsal.importers.staging.StagingTestSupport.hasNote;
import static dev.rehearsal.importers.staging.StagingTestSupport.onlyRun;
import static dev.rehearsal.importers.staging.StagingTestSupport.parseBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.model.LoadSummary;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMeter JTL as CSV and XML: the jenkins-performance-plugin samples and broken variants. */
class JMeterImportersTest {
  private static final JMeterCsvImporter CSV = new JMeterCsvImporter();
  private static final JMeterXmlImporter XML = new JMeterXmlImporter();
  private static final String DIR = "fixtures/jenkins-performance-plugin/";

  @TempDir Path tmp;

  @Test
  void csvWithTransactionsMatchesGolden() {
    var r = ImporterHarness.parse(CSV, DIR + "filewithtransactions.csv");
    ImporterHarness.assertGolden(r, "staging/jmeter-csv-transactions");
    StagingRun run = onlyRun(r);
    assertEquals(RunType.LOAD, run.type());
    LoadSummary l = run.load();
    // 313 rows, 103 of them Transaction Controller summaries (checked with a script)
    assertEquals(210, l.requests());
    assertEquals(0, l.failedRequests());
    assertEquals(8.0, l.peakRps(), 0.0, "most requests started within one second");
    assertEquals(1894.0, l.p95Ms(), 0.0);
    assertEquals(2405.0, l.p99Ms(), 0.0);
    assertEquals(5.0, l.maxVus(), 0.0, "allThreads column");
    assertEquals(116.768, run.durationSeconds(), 1e-9);
    assertEquals(210 / 116.768, l.meanRps(), 1e-9);
    assertEquals(
        Instant.ofEpochMilli(1547676357242L),
        run.startedAt(),
        "the earliest request; the earlier Transaction Controller row is not a request");
    assertTrue(hasNote(run, "103 Transaction Controller row(s)"));
  }

  @Test
  void csvWithoutHeaderUsesTheDefaultColumnOrder() {
    var r = ImporterHarness.parse(CSV, DIR + "JENKINS-16627_CSV_instead_of_XML.jtl");
    ImporterHarness.assertGolden(r, "staging/jmeter-csv-headerless");
    StagingRun run = onlyRun(r);
    assertEquals(3, run.load().requests());
    assertEquals(Instant.parse("2014-02-24T07:42:21.256Z"), run.startedAt());
    assertTrue(hasNote(run, "no header line"));
  }

  @Test
  void formattedTimestampsWithoutZoneAreFlagged() {
    var r = ImporterHarness.parse(CSV, DIR + "JMeterPublisher_formatted_timeStamp.csv");
    ImporterHarness.assertGolden(r, "staging/jmeter-csv-formatted-time");
    StagingRun run = onlyRun(r);
    assertEquals(Instant.parse("2014-02-24T07:42:21.256Z"), run.startedAt());
    assertTrue(hasNote(run, "time without zone"));
    assertEquals(1, run.load().failedRequests());
    assertEquals(3.0, run.load().peakRps(), 0.0);
  }

  @Test
  void multilineQuotedLabelIsOneSample() {
    StagingRun run = onlyRun(ImporterHarness.parse(CSV, DIR + "multiLineCSV.jtl"));
    assertEquals(2, run.load().requests());
    assertEquals(1, run.load().failedRequests());
    assertEquals(1.0, run.load().maxVus(), 0.0, "allThreads");
    StagingRun plain = onlyRun(ImporterHarness.parse(CSV, DIR + "JMeterCsvResults.csv"));
    assertEquals(3, plain.load().requests());
  }

  @Test
  void badRowIsRejectedAndTheRunStillImports() throws Exception {
    String csv =
        "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success,bytes\n"
            + "1393227741256,1425,login,200,OK,TG 1-1,text,true,3478\n"
            + "\n"
            + "1393227741300,oops,login,200,OK,TG 1-1,text,true,3478\n"
            + "1393227741400,120,cart,500,ERR,TG 1-2,text,false,10\n"
            + "1393227741500,80,cart,200,OK,TG 1-2,text,maybe,10\n";
    var r =
        parseBytes(
            CSV, tmp, "bad.csv", csv.getBytes(StandardCharsets.UTF_8), ImportContext.defaults());
    StagingRun run = onlyRun(r);
    assertEquals(2, run.load().requests());
    assertEquals(1, run.load().failedRequests());
    assertEquals(2, r.rejections().size());
    assertEquals(4, r.rejections().get(0).line());
    assertTrue(r.rejections().get(0).reason().contains("'elapsed' is 'oops'"));
    assertEquals(6, r.rejections().get(1).line());
    assertTrue(r.rejections().get(1).reason().contains("'success' is 'maybe'"));
    assertEquals(3, r.seen());
    assertTrue(hasNote(run, "2 sample row(s) could not be read"));
  }

  @Test
  void truncatedCsvKeepsWhatCameBefore() throws Exception {
    String csv =
        "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success\n"
            + "1393227741256,100,a,200,OK,T 1-1,text,true\n"
            + "1393227742256,200,b,200,OK,T 1-1,text,true\n"
            + "1393227743256,300,\"c is cut off in the mid";
    var r =
        parseBytes(
            CSV, tmp, "cut.csv", csv.getBytes(StandardCharsets.UTF_8), ImportContext.defaults());
    StagingRun run = onlyRun(r);
    assertEquals(2, run.load().requests());
    assertTrue(hasNote(run, "1 sample row(s) could not be read"));
    assertEquals(1, r.rejections().size());
    assertEquals(4, r.rejections().get(0).line());
    assertTrue(r.rejections().get(0).reason().contains("never closed"));
  }

  @Test
  void xmlMatchesGolden() {
    var r = ImporterHarness.parse(XML, DIR + "JMeterResults.jtl");
    ImporterHarness.assertGolden(r, "staging/jmeter-xml");
    StagingRun run = onlyRun(r);
    assertEquals(8, run.load().requests());
    assertEquals(Instant.ofEpochMilli(1296846792004L), run.startedAt());
    assertEquals(15902.0, run.load().p95Ms(), 0.0);
    assertEquals(2.0, run.load().maxVus(), 0.0, "two thread names");
  }

  @Test
  void assertionResultsInsideSamplesAreNotSamples() {
    StagingRun run = onlyRun(ImporterHarness.parse(XML, DIR + "JMeterResultsMultiLevel.jtl"));
    assertEquals(10, run.load().requests());
    assertEquals(0, run.load().failedRequests());
  }

  @Test
  void whitespaceBeforeTheXmlDeclarationIsSkipped() throws Exception {
    byte[] body = StagingTestSupport.bytes(DIR + "whitespace-followed-by-xml.jtl");
    byte[] padded = new byte[body.length + 4];
    padded[0] = '\n';
    padded[1] = ' ';
    padded[2] = '\n';
    padded[3] = '\t';
    System.arraycopy(body, 0, padded, 4, body.length);
    StagingRun run = onlyRun(parseBytes(XML, tmp, "ws.jtl", padded, ImportContext.defaults()));
    assertEquals(8, run.load().requests());
    assertEquals(4, run.provenance().line(), "lines before the declaration still count");
  }

  @Test
  void transactionParentsCountTheirChildren() throws Exception {
    String xml =
        "<?xml version=\"1.0\"?>\n<testResults version=\"1.2\">\n"
            + "<sample t=\"300\" ts=\"1700000000000\" s=\"false\" lb=\"checkout\" "
            + "rm=\"Number of samples in transaction : 2, number of failing samples : 1\" na=\"4\">\n"
            + "  <httpSample t=\"100\" ts=\"1700000000000\" s=\"true\" lb=\"cart\" na=\"4\">\n"
            + "    <httpSample t=\"20\" ts=\"1700000000010\" s=\"true\" lb=\"cart-redirect\"/>\n"
            + "  </httpSample>\n"
            + "  <httpSample t=\"200\" ts=\"1700000000100\" s=\"false\" lb=\"pay\" na=\"6\"/>\n"
            + "</sample>\n"
            + "<httpSample t=\"x\" ts=\"1700000001000\" s=\"true\" lb=\"bad\"/>\n"
            + "<httpSample t=\"50\" ts=\"1700000002000\" s=\"true\" lb=\"home\" na=\"2\"/>\n"
            + "</testResults>\n";
    var r =
        parseBytes(
            XML, tmp, "tx.jtl", xml.getBytes(StandardCharsets.UTF_8), ImportContext.defaults());
    StagingRun run = onlyRun(r);
    assertEquals(3, run.load().requests(), "cart, pay, home; not the redirect, not the parent");
    assertEquals(1, run.load().failedRequests());
    assertEquals(6.0, run.load().maxVus(), 0.0);
    assertEquals(1, r.rejections().size());
    assertEquals(9, r.rejections().get(0).line());
    assertTrue(hasNote(run, "1 Transaction Controller sample(s)"));
  }

  @Test
  void truncatedXmlKeepsTheSamplesBeforeTheBreak() throws Exception {
    byte[] whole = StagingTestSupport.bytes(DIR + "JMeterResults.jtl");
    String s = new String(whole, StandardCharsets.UTF_8);
    int cut = s.indexOf("<httpSample", s.indexOf("<httpSample t=\"598\"") + 1);
    var r =
        parseBytes(
            XML,
            tmp,
            "cut.jtl",
            s.substring(0, cut + 20).getBytes(StandardCharsets.UTF_8),
            ImportContext.defaults());
    StagingRun run = onlyRun(r);
    assertEquals(5, run.load().requests());
    assertTrue(hasNote(run, "the figures cover the 5 samples before it"));
    assertEquals(1, r.rejections().size());
  }

  @Test
  void aHeaderlessResultIsRecognisedByItsSuccessCellAndALongLineCostsOnePass() {
    assertEquals(
        dev.rehearsal.importers.Importer.LIKELY,
        CSV.recognizes(
            dev.rehearsal.importers.Sniff.ofText(
                "results.jtl", "1700000000000,512,checkout,200,OK,Thread 1-1,text,true,1234\n")));
    assertEquals(
        dev.rehearsal.importers.Importer.NO,
        CSV.recognizes(
            dev.rehearsal.importers.Sniff.ofText(
                "results.jtl", "1700000000000,512,checkout,200,OK,Thread 1-1,text,yes,1234\n")));
    // a first line of 200,000 characters with a separator every other one and no true or false:
    // matched as "anything, a boolean cell, anything" it took minutes; found in one pass it takes
    // well under a second (the bound only catches the quadratic case on a busy machine)
    String line = "1700000000000,512," + ",x".repeat(100_000) + "\n";
    int answer =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(20),
            () -> CSV.recognizes(dev.rehearsal.importers.Sniff.ofText("long.jtl", line)));
    assertEquals(dev.rehearsal.importers.Importer.NO, answer);
  }
}
