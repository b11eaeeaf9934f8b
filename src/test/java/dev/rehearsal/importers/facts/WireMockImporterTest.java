package dev.rehearsal.importers.facts;

import static dev.rehearsal.importers.facts.FactTests.AT;
import static dev.rehearsal.importers.facts.FactTests.countsAddUp;
import static dev.rehearsal.importers.facts.FactTests.facts;
import static dev.rehearsal.importers.facts.FactTests.hints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.FactType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WireMock stub mappings (FORMATS.md section 14): real mapping files from WireMock's own tests in
 * fixtures/wiremock-mappings, and written ones in fixtures/facts-samples/wiremock that follow the
 * same section and WireMock's JSON schema (metadata, proxyBaseUrl, a broken file).
 */
class WireMockImporterTest {
  static final String REAL = "fixtures/wiremock-mappings/src/test/resources/";
  static final String SEVERAL =
      REAL + "remoteloader/mappings/with-several-mappings-in-one-file.json";
  static final String ONE = REAL + "remoteloader/mappings/two.json";
  static final String STRIPE = "fixtures/facts-samples/wiremock/stripe/mappings/charges.json";

  static ImporterHarness.Result parse(String resource) {
    return ImporterHarness.parse(
        new WireMockImporter(), resource, hints("checkout", "staging", AT));
  }

  @Test
  void severalMappingsInOneFileGolden() {
    var r = parse(SEVERAL);
    ImporterHarness.assertGolden(r, "facts/wiremock-several-mappings");
    countsAddUp(r);
    EnvironmentFact f = facts(r).get(0);
    assertEquals(FactType.MOCK, f.type());
    assertEquals("remoteloader", f.subject(), "the folder above mappings/");
    assertEquals(
        "wiremock: 3 stubs (GET /todo/items x2, POST /todo/items) "
            + "(file with-several-mappings-in-one-file.json)",
        f.value());
    assertEquals("checkout", f.service());
    assertEquals("staging", f.environment());
    assertEquals(AT, f.asOf());
    assertEquals(3, f.provenance().line());
  }

  @Test
  void oneStubPerFileGolden() {
    var r = parse(ONE);
    ImporterHarness.assertGolden(r, "facts/wiremock-single-stub");
    assertEquals("wiremock: 1 stub (GET /remote-load/2) (file two.json)", facts(r).get(0).value());
    assertEquals(1, facts(r).get(0).provenance().line());
  }

  @Test
  void everyRealMappingFileGivesOneFact() {
    for (String f :
        List.of(
            "classpath-filesource/mappings/slow-response.json",
            "remoteloader/mappings/with-text-body-file-header.json",
            "test-file-root/mappings/testjsonmapping.json",
            "test-file-root/mappings/testmapping.json")) {
      var r = parse(REAL + f);
      countsAddUp(r);
      assertEquals(1, r.records().size(), f);
      assertTrue(r.rejections().isEmpty(), f + ": " + r.rejections());
    }
    assertEquals(
        "wiremock: 1 stub (ANY /text-file-from-header) " + "(file with-text-body-file-header.json)",
        facts(parse(REAL + "remoteloader/mappings/with-text-body-file-header.json"))
            .get(0)
            .value());
    assertEquals(
        "test-file-root",
        facts(parse(REAL + "test-file-root/mappings/testmapping.json")).get(0).subject());
  }

  @Test
  void dependencyFromMetadataAndProxyAndBadStubs() {
    var r = parse(STRIPE);
    ImporterHarness.assertGolden(r, "facts/wiremock-stripe-charges");
    countsAddUp(r);
    assertEquals(
        List.of("stripe", "stripe-connect"),
        facts(r).stream().map(EnvironmentFact::subject).toList());
    assertEquals(
        "wiremock: 3 stubs (POST /v1/charges x2, GET /v1/charges/[a-z0-9_]+) "
            + "(file charges.json)",
        facts(r).get(0).value());
    assertEquals(1, r.rejections().size());
    assertEquals(12, r.rejections().get(0).line());
    assertTrue(r.rejections().get(0).reason().contains("without a 'request'"));

    var proxy = parse("fixtures/facts-samples/wiremock/mixed/mappings/proxy-easypost.json");
    EnvironmentFact p = facts(proxy).get(0);
    assertEquals("easypost", p.subject());
    assertEquals(
        "wiremock: 1 stub (ANY /shipments/.* -> proxy https://api.easypost.com:443) "
            + "(file proxy-easypost.json)",
        p.value());
    assertFalse(p.toString().contains("s3cret"), "no proxy credentials in the fact");
  }

  @Test
  void truncatedFileKeepsTheStubsBefore() {
    var r = parse("fixtures/facts-samples/wiremock/mixed/mappings/broken.json");
    assertEquals(1, facts(r).size());
    assertEquals("wiremock: 1 stub (GET /ok) (file broken.json)", facts(r).get(0).value());
    assertEquals("mixed", facts(r).get(0).subject());
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().contains("the rest of the file could not be read"));
  }

  @Test
  void withoutHintsStagingAndTheFilesTimeAreAssumedAndSaid() throws Exception {
    var r = ImporterHarness.parse(new WireMockImporter(), SEVERAL);
    assertTrue(r.rejections().isEmpty(), r.rejections().toString());
    assertEquals(1, r.records().size());
    var f = facts(r).get(0);
    assertEquals("staging", f.environment());
    assertEquals(
        java.nio.file.Files.getLastModifiedTime(ImporterHarness.resource(SEVERAL))
            .toInstant()
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
        f.asOf());
    assertTrue(f.provenance().notes().contains(WireMockImporter.ENVIRONMENT_ASSUMED_NOTE));
    assertTrue(f.provenance().notes().stream().anyMatch(n -> n.startsWith(Target.ASSUMED_NOTE)));
    assertEquals(3, f.provenance().line());
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no time of its own")));
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("taken as staging")));
  }

  @Test
  void sameDependencyInTwoFilesSharesTheFactKey() {
    var a = facts(parse(STRIPE)).get(0);
    var b =
        facts(
                ImporterHarness.parse(
                    new WireMockImporter(),
                    new dev.rehearsal.importers.FileSource(
                        ImporterHarness.resource(STRIPE),
                        "mocks/staging/checkout/stripe/mappings/refunds.json"),
                    hints("checkout", "staging", AT)))
            .get(0);
    assertEquals(a.key(), b.key());
  }
}
