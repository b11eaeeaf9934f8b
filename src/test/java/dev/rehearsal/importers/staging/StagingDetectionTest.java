package dev.rehearsal.importers.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.Sniff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Detection by content: each sample picks its importer; other families' samples pick none. */
class StagingDetectionTest {

  @Test
  void registeredOnceEachWithStableIds() {
    List<String> ids = StagingImporters.all().stream().map(Importer::id).toList();
    assertEquals(
        List.of(
            "junit-xml",
            "testng-xml",
            "cucumber-json",
            "allure-json",
            "k6-summary-json",
            "jmeter-jtl-csv",
            "jmeter-jtl-xml",
            "gatling-simulation-log",
            "locust-stats-csv"),
        ids);
    assertEquals(ids.size(), new HashSet<>(ids).size());
    for (Importer i : StagingImporters.all()) {
      assertEquals(dev.rehearsal.model.RecordKind.STAGING_RUN, i.kind());
      assertTrue(ImporterRegistry.standard().byId(i.id()).isPresent(), i.id());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "jenkins-junit-plugin/JENKINS-48583/TESTS-TestSuites.xml, junit-xml",
    "jenkins-junit-plugin/eclipse-plugin-test-report.xml, junit-xml",
    "jenkins-junit-plugin/gh-237/TEST-io.olamy.FlakyTest.xml, junit-xml",
    "jenkins-junit-plugin/junit-report-1233.xml, junit-xml",
    "jenkins-junit-plugin/junit-report-nested-testsuites.xml, junit-xml",
    "dorny-test-reporter/__tests__/fixtures/external/jest/jest-test-results.xml, junit-xml",
    "dorny-test-reporter/__tests__/fixtures/empty/java-junit.xml, junit-xml",
    "dorny-test-reporter/__tests__/fixtures/python-xunit-pytest.xml, junit-xml",
    "enricomi-publish-unit-test-result/python/test/files/junit-xml/xunit/xunit.xml, junit-xml",
    "enricomi-publish-unit-test-result/python/test/files/junit-xml/mocha/latex-utensils.xml, junit-xml",
    "enricomi-publish-unit-test-result/python/test/files/junit-xml/pytest/corrupt-xml.xml, junit-xml",
    "enricomi-publish-unit-test-result/python/test/files/junit-xml/bazel/suite-logs.xml, junit-xml",
    "enricomi-publish-unit-test-result/python/test/files/junit-xml/scalatest/TEST-uk.co.gresearch.spark.diff.DiffOptionsSuite.xml, junit-xml",
    "rehearsal-made/demo-junit/TEST-checkout.CheckoutApiIT.xml, junit-xml",
    "jenkins-testng-plugin/testng-results-testng.xml, testng-xml",
    "jenkins-testng-plugin/testng-precheckins.xml, testng-xml",
    "cucumber-reporting/sample.json, cucumber-json",
    "cucumber-reporting/simple.json, cucumber-json",
    "cucumber-reporting/invalid-report.json, cucumber-json",
    "cucumber-reporting/timestamped/part1.json, cucumber-json",
    "allure2/allure2data/1649989e-8043-4906-b645-a317a7fc3e72-result.json, allure-json",
    "allure2/allure2data/04642ae7-159a-4dcd-baef-8db98884d041-container.json, allure-json",
    "allure2/allure2/flaky.json, allure-json",
    "allure2/allure2/invalid-status.json, allure-json",
    "allure2/allure2/null-status.json, allure-json",
    "allure2/allure2/parameters.json, allure-json",
    "allure2/allure2/simple-testcase.json, allure-json",
    "k6-reporter/tests/data/simple.json, k6-summary-json",
    "k6-reporter/tests/data/grpc.json, k6-summary-json",
    "rehearsal-made/demo-k6/checkout-load.json, k6-summary-json",
    "rehearsal-made/demo-k6/payments-load.json, k6-summary-json",
    "jenkins-performance-plugin/filewithtransactions.csv, jmeter-jtl-csv",
    "jenkins-performance-plugin/JENKINS-16627_CSV_instead_of_XML.jtl, jmeter-jtl-csv",
    "jenkins-performance-plugin/JMeterPublisher_formatted_timeStamp.csv, jmeter-jtl-csv",
    "jenkins-performance-plugin/multiLineCSV.jtl, jmeter-jtl-csv",
    "jenkins-performance-plugin/JMeterResults.jtl, jmeter-jtl-xml",
    "jenkins-performance-plugin/JMeterResultsMultiLevel.jtl, jmeter-jtl-xml",
    "jenkins-performance-plugin/whitespace-followed-by-xml.jtl, jmeter-jtl-xml",
    "taurus-gatling-logs/tests/resources/gatling/gatling-302-000/simulation.log, gatling-simulation-log",
    "taurus-gatling-logs/tests/resources/gatling/gatling-331-000/simulation.log, gatling-simulation-log",
    "taurus-gatling-logs/tests/resources/gatling/gatling-351-000/simulation.log, gatling-simulation-log",
    "taurus-gatling-logs/tests/resources/gatling/gatling-6-314/simulation.log, gatling-simulation-log",
    "taurus-gatling-logs/tests/resources/gatling/gatling-8-314/simulation.log, gatling-simulation-log",
    "rehearsal-made/gatling-text/simulation.log, gatling-simulation-log",
    "jenkins-performance-plugin/test_results_stats.csv, locust-stats-csv",
    "rehearsal-made/locust-0.13/example_requests.csv, locust-stats-csv",
    "rehearsal-made/locust-0.14/example_stats.csv, locust-stats-csv",
    "rehearsal-made/locust-1.0/na_stats.csv, locust-stats-csv"
  })
  void eachSamplePicksItsImporter(String resource, String id) {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), "fixtures/" + resource, id);
  }

  @Test
  void nonJunitXmlIsNotRecognised() throws Exception {
    String res =
        "fixtures/enricomi-publish-unit-test-result/python/test/files/junit-xml/" + "non-junit.xml";
    Sniff s = Sniff.of(new FileSource(ImporterHarness.resource(res), res));
    for (Importer i : StagingImporters.all()) {
      assertEquals(Importer.NO, i.recognizes(s), i.id());
    }
  }

  /**
   * The other families' real samples (incidents, deploys, facts) must not be taken for staging
   * results. Read from the project's copy of the real fixtures, or from the folder the build points
   * at with -Drehearsal.fixtures.
   */
  @Test
  void otherFamiliesSamplesAreNotStagingResults() throws Exception {
    String base = System.getProperty("rehearsal.fixtures", "");
    if (base.isEmpty() || !Files.isDirectory(Path.of(base))) {
      base = "src/test/resources/fixtures"; // the project's copy, present in every clone
    }
    assertTrue(Files.isDirectory(Path.of(base)), base + " is missing");
    List<String> mine =
        List.of(
            "jenkins-junit-plugin",
            "dorny-test-reporter",
            "enricomi-publish-unit-test-result",
            "jenkins-testng-plugin",
            "cucumber-reporting",
            "allure2",
            "k6-reporter",
            "jenkins-performance-plugin",
            "taurus-gatling-logs",
            "rehearsal-made"); // the project's copy also holds staging samples made for tests
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> walk = Files.walk(Path.of(base))) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Path rel = Path.of(base).relativize(p);
        String top = rel.getName(0).toString();
        String name = p.getFileName().toString();
        if (rel.getNameCount() < 2
            || mine.contains(top)
            || name.equals("LICENSE")
            || name.equals("SOURCE_COMMIT")
            || name.startsWith("LICEN")
            || name.equals("NOTICE")
            || name.endsWith(".md")) {
          continue;
        }
        checked++;
        Sniff s = Sniff.of(new FileSource(p, rel.toString()));
        for (Importer i : StagingImporters.all()) {
          int score = i.recognizes(s);
          if (score > Importer.NO) {
            wrong.add(rel + " -> " + i.id() + " (" + score + ")");
          }
        }
      }
    }
    assertTrue(checked > 20, "checked " + checked + " files");
    assertEquals(List.of(), wrong);
  }
}
