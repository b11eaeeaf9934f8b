package dev.rehearsal.importers.facts;

import static dev.rehearsal.importers.facts.FactTests.AT;
import static dev.rehearsal.importers.facts.FactTests.countsAddUp;
import static dev.rehearsal.importers.facts.FactTests.fact;
import static dev.rehearsal.importers.facts.FactTests.facts;
import static dev.rehearsal.importers.facts.FactTests.hints;
import static dev.rehearsal.importers.facts.FactTests.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.Rejection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubernetes ConfigMaps and Secrets. No real ConfigMap export is in the shared fixtures; the
 * samples in fixtures/facts-samples/k8s follow the Kubernetes documentation ("ConfigMaps",
 * "Secrets", ObjectMeta managedFields) and kubectl's List wrapper (FORMATS.md section 3).
 */
class ConfigMapImporterTest {
  static final String YAML = "fixtures/facts-samples/k8s/checkout-config.yaml";
  static final String LIST = "fixtures/facts-samples/k8s/production-configmaps.json";
  static final String MULTI = "fixtures/facts-samples/k8s/search-manifests.yaml";

  @TempDir Path tmp;

  @Test
  void singleConfigMapGolden() {
    var r = ImporterHarness.parse(new ConfigMapImporter(), YAML);
    ImporterHarness.assertGolden(r, "facts/configmap-checkout-staging");
  }

  @Test
  void singleConfigMapTakesWhomAndWhenFromItsMetadata() {
    var r = ImporterHarness.parse(new ConfigMapImporter(), YAML);
    countsAddUp(r);
    EnvironmentFact level = fact(r, FactType.CONFIG, "LOG_LEVEL");
    assertEquals("checkout", level.service(), "label app.kubernetes.io/name");
    assertEquals("staging", level.environment(), "namespace checkout-staging");
    assertEquals(
        Instant.parse("2024-02-27T10:15:00Z"), level.asOf(), "the latest managedFields time");
    assertEquals("debug", level.value());
    assertEquals(33, level.provenance().line());
    assertEquals("10", fact(r, FactType.CONFIG, "DB_POOL_SIZE").value());
    EnvironmentFact props = fact(r, FactType.CONFIG, "application.properties");
    assertTrue(props.value().startsWith("sha256:"), "holds spring.datasource.password");
    assertTrue(
        props.provenance().notes().stream()
            .anyMatch(n -> n.contains("line 3: spring.datasource.password")),
        props.provenance().notes().toString());
    assertEquals("Welcome to checkout (staging)", fact(r, FactType.CONFIG, "banner.txt").value());
    Rejection bin = rejection(r, "binaryData key 'truststore.jks'");
    assertEquals(45, bin.line());
    assertEquals(6, facts(r, FactType.CONFIG).size());
    assertEquals(
        List.of("paypal", "fraud-check", "shipping"),
        facts(r, FactType.MOCK).stream().map(EnvironmentFact::subject).toList());
    assertEquals(
        "sandbox host api.sandbox.paypal.com in PAYMENT_PROVIDER_URL",
        fact(r, FactType.MOCK, "paypal").value());
    assertEquals(
        "mock host wiremock:8080 in application.properties (shipping.base-url)",
        fact(r, FactType.MOCK, "shipping").value());
  }

  @Test
  void listGolden() {
    var r = ImporterHarness.parse(new ConfigMapImporter(), LIST, hints(null, null, AT));
    ImporterHarness.assertGolden(r, "facts/configmap-production-list");
  }

  @Test
  void listOfConfigMapsSecretsAndOtherObjects() {
    var r = ImporterHarness.parse(new ConfigMapImporter(), LIST, hints(null, null, AT));
    countsAddUp(r);
    assertEquals(5, facts(r).size());
    EnvironmentFact pool = fact(r, FactType.CONFIG, "DB_POOL_SIZE");
    assertEquals("production", pool.environment(), "namespace prod");
    assertEquals("checkout", pool.service(), "label app");
    assertEquals(AT, pool.asOf(), "no managedFields: the hints' time");
    assertEquals(8, pool.provenance().line());
    EnvironmentFact pw = fact(r, FactType.CONFIG, "DATABASE_PASSWORD");
    assertEquals(Secrets.digest("pr0d-secret"), pw.value(), "digest of the decoded value");
    assertTrue(pw.provenance().notes().stream().anyMatch(n -> n.contains("Kubernetes Secret")));
    assertEquals(
        Secrets.digest("sk_live_51H8zyxwvutsrqponml"),
        fact(r, FactType.CONFIG, "STRIPE_KEY").value());
    Rejection dep = rejection(r, "Deployment 'checkout'");
    assertEquals(38, dep.line());
    assertEquals(1, r.rejections().size());
    assertTrue(facts(r, FactType.MOCK).isEmpty(), "production points at the real PayPal");
  }

  @Test
  void listWithoutAsOfIsRejectedNamingTheWays() {
    var r = ImporterHarness.parse(new ConfigMapImporter(), LIST);
    countsAddUp(r);
    assertTrue(r.records().isEmpty());
    assertEquals(6, r.rejections().size());
    assertTrue(rejection(r, "DB_POOL_SIZE").reason().contains("no as-of time"));
    assertTrue(rejection(r, "DB_POOL_SIZE").reason().contains("--at"));
    assertFalse(rejection(r, "DB_POOL_SIZE").reason().contains("no environment"));
  }

  @Test
  void multiDocumentManifestsGolden() {
    var r = ImporterHarness.parse(new ConfigMapImporter(), MULTI);
    ImporterHarness.assertGolden(r, "facts/configmap-search-manifests");
  }

  @Test
  void multiDocumentManifests() {
    var r = ImporterHarness.parse(new ConfigMapImporter(), MULTI);
    countsAddUp(r);
    EnvironmentFact shards = fact(r, FactType.CONFIG, "INDEX_SHARDS");
    assertEquals("staging", shards.environment(), "label environment: uat");
    assertEquals("search", shards.service());
    assertEquals(
        Instant.parse("2024-03-01T06:00:00Z"), shards.asOf(), "annotation rehearsal.dev/as-of");
    assertEquals(
        Secrets.digest("elastic-uat"),
        fact(r, FactType.CONFIG, "ELASTIC_PASSWORD").value(),
        "stringData is not base64");
    assertEquals(17, rejection(r, "Service 'search'").line());
    assertEquals(3, facts(r).size());
  }

  @Test
  void truncatedYamlKeepsWhatCameBefore() throws Exception {
    var src =
        FactTests.file(
            tmp,
            "cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                + "  name: a\n  namespace: staging\ndata:\n  A: \"1\"\n---\napiVersion: v1\n"
                + "kind: ConfigMap\nmetadata:\n  name: b\ndata:\n  B: \"unclosed\n");
    var r = ImporterHarness.parse(new ConfigMapImporter(), src, hints(null, null, AT));
    assertEquals(List.of("A"), facts(r).stream().map(EnvironmentFact::subject).toList());
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().contains("invalid YAML"), r.rejections().toString());
  }

  @Test
  void anAliasBombInAConfigMapIsRefusedNamingTheLimit() throws Exception {
    String bomb =
        ConfigSnapshotImportersTest.aliasBomb()
            .replaceAll("(?m)^", "    ")
            .replace("    a:", "    a:");
    var src =
        FactTests.file(
            tmp,
            "cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: staging\n"
                + "data:\n  A: \"1\"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n"
                + "  annotations:\n"
                + bomb
                + "data:\n  B: \"2\"\n");
    var r = ImporterHarness.parse(new ConfigMapImporter(), src, hints(null, null, AT));
    assertEquals(List.of("A"), facts(r).stream().map(EnvironmentFact::subject).toList());
    assertEquals(1, r.rejections().size());
    String reason = r.rejections().get(0).reason();
    assertTrue(reason.contains("limit of " + YamlEvents.MAX_ALIAS_VALUES + " values"), reason);
  }

  @Test
  void environmentFromHintsWhenTheNamespaceSaysNothing() throws Exception {
    var src =
        FactTests.file(
            tmp,
            "cm.json",
            "{\"kind\": \"ConfigMap\", \"metadata\": "
                + "{\"name\": \"x\", \"namespace\": \"default\"}, \"data\": {\"K\": \"v\"}}");
    var none = ImporterHarness.parse(new ConfigMapImporter(), src, hints(null, null, AT));
    assertTrue(rejection(none, "K").reason().contains("no environment"));
    var r = ImporterHarness.parse(new ConfigMapImporter(), src, hints("svc", "preprod", AT));
    assertEquals("staging", facts(r).get(0).environment());
    assertEquals("svc", facts(r).get(0).service());
    assertEquals(1, facts(r).get(0).provenance().line());
  }

  @Test
  void defaultsContextHasNoHiddenAssumptions() {
    var r = ImporterHarness.parse(new ConfigMapImporter(), YAML, ImportContext.defaults());
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
  }
}
