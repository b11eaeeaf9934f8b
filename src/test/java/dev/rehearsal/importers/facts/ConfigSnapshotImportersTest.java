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
 * Configuration snapshots: .properties, .env, YAML and JSON. No real export of these exists in the
 * shared fixtures; the samples in fixtures/facts-samples/config were written from the documents
 * their README names (java.util.Properties#load, Docker Compose env_file / dotenv, Spring Boot
 * "Externalized Configuration" with YAML 1.1 anchors, ASP.NET Core appsettings).
 */
class ConfigSnapshotImportersTest {
  static final String PROPS =
      "fixtures/facts-samples/config/checkout.staging.2024-03-01.properties";
  static final String ENV = "fixtures/facts-samples/config/payments.staging.env";
  static final String YAML = "fixtures/facts-samples/config/application.yml";
  static final String JSON = "fixtures/facts-samples/config/appsettings.Production.json";

  @TempDir Path tmp;

  // ------------------------------------------------------------------ .properties

  @Test
  void propertiesGolden() {
    var r = ImporterHarness.parse(new PropertiesImporter(), PROPS);
    ImporterHarness.assertGolden(r, "facts/properties-checkout-staging");
  }

  @Test
  void propertiesReadsJavaSyntaxAndTakesTargetFromTheFileName() {
    var r = ImporterHarness.parse(new PropertiesImporter(), PROPS);
    countsAddUp(r);
    // 18 entries (server.port twice), 1 malformed escape, and 3 derived MOCK facts
    assertEquals(18, FactTests.facts(r, FactType.CONFIG).size());
    assertEquals(1, r.rejections().size());
    EnvironmentFact port = fact(r, FactType.CONFIG, "server.port");
    assertEquals("checkout", port.service());
    assertEquals("staging", port.environment());
    assertEquals(Instant.parse("2024-03-01T00:00:00Z"), port.asOf());
    assertEquals("8081", port.value(), "the later of two equal keys is the last record");
    assertEquals(24, port.provenance().line());
    assertTrue(
        port.provenance().notes().contains("date without time or zone, read as midnight UTC"),
        port.provenance().notes().toString());
    assertEquals("checkout", fact(r, FactType.CONFIG, "spring.application.name").value());
    assertEquals("Grüße aus Staging", fact(r, FactType.CONFIG, "app.greeting").value());
    EnvironmentFact desc = fact(r, FactType.CONFIG, "app.description");
    assertEquals("A long value that continues on the next line and the one after", desc.value());
    assertEquals(11, desc.provenance().line());
    assertEquals(
        "http://localhost:9000/collect", fact(r, FactType.CONFIG, "analytics.url").value());
    assertEquals("2500", fact(r, FactType.CONFIG, "feature.timeout.ms").value());
    assertEquals("C:\\checkout\\data", fact(r, FactType.CONFIG, "app.path").value());
    assertEquals("value", fact(r, FactType.CONFIG, "key=with:separators").value());
    assertEquals("", fact(r, FactType.CONFIG, "app.empty").value());
    Rejection bad = rejection(r, "malformed");
    assertEquals(21, bad.line());
    assertTrue(bad.reason().contains("\\u12G4"), bad.reason());
  }

  @Test
  void propertiesNeverStoresSecretsInClear() {
    var r = ImporterHarness.parse(new PropertiesImporter(), PROPS);
    EnvironmentFact pw = fact(r, FactType.CONFIG, "spring.datasource.password");
    assertEquals(Secrets.digest("s3cr3t-Staging!"), pw.value());
    assertTrue(pw.value().matches("sha256:[0-9a-f]{16}"));
    assertTrue(pw.provenance().notes().stream().anyMatch(n -> n.contains("secret-looking key")));
    assertEquals(
        Secrets.digest("sk_test_51H8abcdefghijklmnopqrstuv"),
        fact(r, FactType.CONFIG, "payments.stripe.api-key").value());
    EnvironmentFact dsn = fact(r, FactType.CONFIG, "reporting.dsn");
    assertTrue(dsn.value().startsWith("sha256:"), "a DSN with a password: " + dsn.value());
    for (var rec : r.records()) {
      String all = rec.toString();
      assertFalse(
          all.contains("s3cr3t") || all.contains("hunter2") || all.contains("abcdefghijklmnop"),
          "clear secret in " + all);
    }
  }

  @Test
  void propertiesDeriveMocksFromSandboxAndLocalHosts() {
    var r = ImporterHarness.parse(new PropertiesImporter(), PROPS);
    List<EnvironmentFact> mocks = FactTests.facts(r, FactType.MOCK);
    assertEquals(
        List.of("stripe", "paypal", "shipping"),
        mocks.stream().map(EnvironmentFact::subject).toList());
    assertEquals(
        "Stripe test-mode key (sk_test_...) in payments.stripe.api-key", mocks.get(0).value());
    assertEquals(
        "sandbox host api-m.sandbox.paypal.com in payments.paypal.base-url", mocks.get(1).value());
    assertEquals("local address localhost:8089 in shipping.api.url", mocks.get(2).value());
    assertEquals("staging", mocks.get(2).environment());
    assertEquals(16, mocks.get(2).provenance().line());
  }

  @Test
  void propertiesWithoutEnvironmentOrAsOfRejectEveryEntryNamingTheWays() throws Exception {
    var src = FactTests.file(tmp, "service.properties", "a=1\nb=2\n");
    var r = ImporterHarness.parse(new PropertiesImporter(), src, ImportContext.defaults());
    assertEquals(2, r.rejections().size());
    assertTrue(r.records().isEmpty());
    String reason = r.rejections().get(0).reason();
    assertTrue(reason.contains("no environment") && reason.contains("--env"), reason);
    assertTrue(reason.contains("no as-of time") && reason.contains("--at"), reason);
    assertEquals(1, r.rejections().get(0).line());

    var withHints =
        ImporterHarness.parse(new PropertiesImporter(), src, hints("billing", "prod", AT));
    assertEquals(2, withHints.records().size());
    EnvironmentFact a = facts(withHints).get(0);
    assertEquals("billing", a.service());
    assertEquals("production", a.environment());
    assertEquals(AT, a.asOf());
    assertEquals("billing|production|a|" + AT.toEpochMilli(), a.sourceId());
    assertEquals("fact/config/billing|production|a|" + AT.toEpochMilli(), a.key());
  }

  @Test
  void theFileNameWinsOverHints() {
    var r =
        ImporterHarness.parse(
            new PropertiesImporter(),
            PROPS,
            hints("billing", "production", Instant.parse("2020-01-01T00:00:00Z")));
    EnvironmentFact port = fact(r, FactType.CONFIG, "server.port");
    assertEquals("checkout", port.service());
    assertEquals("staging", port.environment());
    assertEquals(Instant.parse("2024-03-01T00:00:00Z"), port.asOf());
  }

  @Test
  void reimportingGivesTheSameKeys() {
    var a = ImporterHarness.parse(new PropertiesImporter(), PROPS);
    var b = ImporterHarness.parse(new PropertiesImporter(), PROPS);
    assertEquals(
        a.records().stream().map(x -> x.key()).toList(),
        b.records().stream().map(x -> x.key()).toList());
  }

  // ------------------------------------------------------------------ .env

  @Test
  void dotenvGolden() {
    var r = ImporterHarness.parse(new DotenvImporter(), ENV, hints(null, null, AT));
    ImporterHarness.assertGolden(r, "facts/dotenv-payments-staging");
  }

  @Test
  void dotenvReadsQuotesCommentsAndKeepsReferences() {
    var r = ImporterHarness.parse(new DotenvImporter(), ENV, hints(null, null, AT));
    countsAddUp(r);
    assertEquals("staging", fact(r, FactType.CONFIG, "NODE_ENV").value());
    assertEquals("payments", fact(r, FactType.CONFIG, "NODE_ENV").service());
    assertEquals("staging", fact(r, FactType.CONFIG, "NODE_ENV").environment());
    assertEquals("Hello, ${USER}", fact(r, FactType.CONFIG, "GREETING").value());
    assertEquals("Hi\n\"friend\"", fact(r, FactType.CONFIG, "WELCOME").value());
    EnvironmentFact multi = fact(r, FactType.CONFIG, "MULTILINE");
    assertEquals("line one\nline two", multi.value());
    assertEquals(11, multi.provenance().line());
    assertEquals("info", fact(r, FactType.CONFIG, "LOG_LEVEL").value());
    assertEquals("", fact(r, FactType.CONFIG, "EMPTY").value());
    assertEquals("${REDIS_HOST}:6379", fact(r, FactType.CONFIG, "REDIS_URL").value());
    assertEquals("", fact(r, FactType.CONFIG, "INHERITED").value());
    assertTrue(
        Secrets.digest("postgres://payments:st4g-Pa55@db.staging.internal:5432/payments")
            .equals(fact(r, FactType.CONFIG, "DATABASE_URL").value()));
    Rejection notEntry = rejection(r, "not a KEY=value line");
    assertEquals(16, notEntry.line());
    Rejection unclosed = rejection(r, "never closed");
    assertEquals(19, unclosed.line());
    // the entries after the bad line still import
    assertEquals("mailhog:1025", fact(r, FactType.CONFIG, "SMTP_HOST").value());
  }

  @Test
  void dotenvUnclosedQuoteInTheMiddleLosesOnlyItsOwnLine() throws Exception {
    var src = FactTests.file(tmp, "svc.staging.env", "A=1\nB=\"never closed\nC=3\nD='x'\n");
    var r = ImporterHarness.parse(new DotenvImporter(), src, hints(null, null, AT));
    countsAddUp(r);
    assertEquals(List.of("A", "C", "D"), facts(r).stream().map(EnvironmentFact::subject).toList());
    assertEquals(List.of(1L, 3L, 4L), facts(r).stream().map(f -> f.provenance().line()).toList());
    Rejection b = rejection(r, "never closed");
    assertEquals(2, b.line());
    assertEquals(1, b.index());
  }

  @Test
  void dotenvMocks() {
    var r = ImporterHarness.parse(new DotenvImporter(), ENV, hints(null, null, AT));
    List<EnvironmentFact> mocks = FactTests.facts(r, FactType.MOCK);
    assertEquals(
        List.of("stripe", "paypal", "smtp"), mocks.stream().map(EnvironmentFact::subject).toList());
    assertEquals(
        "Stripe test-mode key (sk_test_...) in STRIPE_SECRET_KEY; mock host "
            + "stripe-mock:12111 in STRIPE_API_BASE",
        mocks.get(0).value());
    assertEquals("PAYPAL_MODE=sandbox", mocks.get(1).value());
    assertEquals("mock host mailhog:1025 in SMTP_HOST", mocks.get(2).value());
  }

  // ------------------------------------------------------------------ YAML

  @Test
  void yamlGolden() {
    var r = ImporterHarness.parse(new YamlConfigImporter(), YAML, hints("orders", "staging", AT));
    ImporterHarness.assertGolden(r, "facts/yaml-application-orders");
  }

  @Test
  void yamlFlattensResolvesAnchorsAndSplitsProfileDocuments() {
    var r = ImporterHarness.parse(new YamlConfigImporter(), YAML, hints("orders", "staging", AT));
    countsAddUp(r);
    assertTrue(r.rejections().isEmpty(), r.rejections().toString());
    List<EnvironmentFact> all = facts(r, FactType.CONFIG);
    EnvironmentFact pool =
        all.stream()
            .filter(f -> f.subject().equals("spring.datasource.hikari.maximum-pool-size"))
            .findFirst()
            .orElseThrow();
    assertEquals("5", pool.value(), "an explicit key beats the merged one");
    EnvironmentFact timeout =
        fact(r, FactType.CONFIG, "spring.datasource.hikari.connection-timeout");
    assertEquals("30000", timeout.value());
    assertTrue(timeout.provenance().notes().contains("value merged from a YAML anchor (<<)"));
    assertEquals(
        1,
        all.stream()
            .filter(f -> f.subject().equals("spring.datasource.hikari.maximum-pool-size"))
            .count(),
        "merged key not repeated");
    assertEquals("3", fact(r, FactType.CONFIG, "orders.refund-retry").value());
    assertEquals("GBP", fact(r, FactType.CONFIG, "orders.allowed-currencies[2]").value());
    assertEquals("Orders service\n(c) ACME", fact(r, FactType.CONFIG, "orders.banner").value());
    assertEquals("[]", fact(r, FactType.CONFIG, "orders.empty-list").value());
    assertEquals("", fact(r, FactType.CONFIG, "orders.nothing").value());
    // the prod document is production's configuration; the default one takes the hints
    List<EnvironmentFact> urls =
        all.stream().filter(f -> f.subject().equals("spring.datasource.url")).toList();
    assertEquals(
        List.of("staging", "staging", "production"),
        urls.stream().map(EnvironmentFact::environment).toList());
    assertEquals("jdbc:postgresql://orders-db.prod.internal:5432/orders", urls.get(2).value());
    assertEquals(44, urls.get(2).provenance().line());
    // a profile that names no environment keeps its keys apart
    EnvironmentFact docker = fact(r, FactType.CONFIG, "server.port [profile docker]");
    assertEquals("8090", docker.value());
    assertEquals("staging", docker.environment());
    assertTrue(
        Secrets.digest("st4ging-Pw")
            .equals(fact(r, FactType.CONFIG, "spring.datasource.password").value()));
    EnvironmentFact shipping = fact(r, FactType.MOCK, "shipping");
    assertEquals("staging", shipping.environment());
    assertEquals(
        "mock host wiremock.staging.internal:8080 in clients.shipping.base-url", shipping.value());
    assertEquals(1, facts(r, FactType.MOCK).size(), "production's real host is no mock");
  }

  /** Nested anchors, each level ten aliases to the one before: 10^9 values from 300 bytes. */
  static String aliasBomb() {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        y.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    return y.toString();
  }

  @Test
  void yamlAliasBombIsRefusedWholeNamingTheLimit() throws Exception {
    var src = FactTests.file(tmp, "bomb.staging.yml", aliasBomb());
    var r = ImporterHarness.parse(new YamlConfigImporter(), src, hints(null, null, AT));
    assertEquals(0, r.records().size(), "nothing of an alias bomb is imported");
    assertEquals(1, r.rejections().size());
    String reason = r.rejections().get(0).reason();
    assertTrue(reason.contains("limit of " + YamlEvents.MAX_ALIAS_VALUES + " values"), reason);
    assertTrue(reason.contains("alias bomb"), reason);
    assertTrue(reason.contains("at line 4"), reason);
  }

  @Test
  void yamlAliasesToCollectionsAreLimitedToo() throws Exception {
    StringBuilder y = new StringBuilder("defaults: &d {pool: 5, timeout: 30}\n");
    for (int i = 0; i <= YamlEvents.MAX_COLLECTION_ALIASES; i++) {
      y.append("svc").append(i).append(":\n  <<: *d\n  name: s").append(i).append('\n');
    }
    var src = FactTests.file(tmp, "many.staging.yml", y.toString());
    var r = ImporterHarness.parse(new YamlConfigImporter(), src, hints(null, null, AT));
    assertEquals(0, r.records().size());
    String reason = r.rejections().get(0).reason();
    assertTrue(
        reason.contains("the limit is " + YamlEvents.MAX_COLLECTION_ALIASES + " per file"), reason);
    // one fewer is a configuration like any other
    String ok = y.substring(0, y.lastIndexOf("svc"));
    var fine =
        ImporterHarness.parse(
            new YamlConfigImporter(),
            FactTests.file(tmp, "fine.staging.yml", ok),
            hints(null, null, AT));
    assertEquals(0, fine.rejections().size(), fine.rejections().toString());
    assertEquals(2 + 3 * YamlEvents.MAX_COLLECTION_ALIASES, fine.records().size());
  }

  @Test
  void yamlNestedTooDeepIsRefusedNotFlattened() throws Exception {
    // JSON is YAML: an object nested 100,000 deep would build 100,000 keys of up to 100,000 parts
    int depth = 100_000;
    var src =
        FactTests.file(tmp, "deep.staging.yml", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    var r = ImporterHarness.parse(new YamlConfigImporter(), src, hints(null, null, AT));
    assertEquals(0, r.records().size());
    assertTrue(
        r.rejections().get(0).reason().contains("more than " + YamlEvents.MAX_DEPTH + " levels"),
        r.rejections().toString());
  }

  @Test
  void yamlCutOffKeepsWhatCameBefore() throws Exception {
    var src = FactTests.file(tmp, "cut.staging.yaml", "a: 1\nb:\n  c: 2\n  d: [1, 2\n");
    var r = ImporterHarness.parse(new YamlConfigImporter(), src, hints(null, null, AT));
    assertEquals(
        List.of("a", "b.c", "b.d[0]", "b.d[1]"),
        facts(r).stream().map(EnvironmentFact::subject).toList());
    assertEquals(1, r.rejections().size());
    assertTrue(
        r.rejections()
            .get(0)
            .reason()
            .startsWith("the rest of the file could not be " + "read: invalid YAML at line"),
        r.rejections().get(0).reason());
  }

  @Test
  void yamlDocumentThatIsNotAMapIsRejectedAlone() throws Exception {
    var src = FactTests.file(tmp, "x.staging.yaml", "a: 1\n---\n- just\n- a list\n---\nb: 2\n");
    var r = ImporterHarness.parse(new YamlConfigImporter(), src, hints(null, null, AT));
    countsAddUp(r);
    assertEquals(List.of("a", "b"), facts(r).stream().map(EnvironmentFact::subject).toList());
    assertEquals(3, r.rejections().get(0).line());
    assertTrue(r.rejections().get(0).reason().contains("is a list"));
  }

  // ------------------------------------------------------------------ JSON

  @Test
  void jsonGolden() {
    var r = ImporterHarness.parse(new JsonConfigImporter(), JSON, hints("orders", null, AT));
    ImporterHarness.assertGolden(r, "facts/json-appsettings-production");
  }

  @Test
  void jsonFlattensAndFindsTheAdyenTestEndpointInProduction() {
    var r = ImporterHarness.parse(new JsonConfigImporter(), JSON, hints("orders", null, AT));
    countsAddUp(r);
    assertTrue(r.rejections().isEmpty());
    EnvironmentFact level = fact(r, FactType.CONFIG, "Logging.LogLevel.Microsoft.AspNetCore");
    assertEquals("Warning", level.value());
    assertEquals("production", level.environment(), "from appsettings.Production.json");
    assertEquals("orders", level.service(), "appsettings is no service name; hints give it");
    assertEquals(5, level.provenance().line());
    assertEquals("400", fact(r, FactType.CONFIG, "RetryDelaysMs[2]").value());
    assertEquals("{}", fact(r, FactType.CONFIG, "Limits").value());
    assertEquals("", fact(r, FactType.CONFIG, "Owner").value());
    assertEquals("true", fact(r, FactType.CONFIG, "FeatureManagement.NewCheckout").value());
    assertTrue(fact(r, FactType.CONFIG, "ConnectionStrings.Orders").value().startsWith("sha256:"));
    assertTrue(fact(r, FactType.CONFIG, "Payments.Adyen.ApiKey").value().startsWith("sha256:"));
    EnvironmentFact adyen = fact(r, FactType.MOCK, "adyen");
    assertEquals("production", adyen.environment());
    assertEquals("sandbox host checkout-test.adyen.com in Payments.Adyen.Endpoint", adyen.value());
  }

  @Test
  void jsonTruncatedKeepsWhatCameBefore() throws Exception {
    var src = FactTests.file(tmp, "cfg.prod.json", "{\"a\": 1, \"b\": {\"c\": \"x\", \"d\": ");
    var r = ImporterHarness.parse(new JsonConfigImporter(), src, hints(null, null, AT));
    assertEquals(List.of("a", "b.c"), facts(r).stream().map(EnvironmentFact::subject).toList());
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().contains("cut off"), r.rejections().toString());
  }

  @Test
  void timeWithoutZoneFromHintsIsFlaggedOnEveryRecord() throws Exception {
    var src = FactTests.file(tmp, "svc.staging.2024-03-01T09-30-00.properties", "a=1\n");
    var r =
        ImporterHarness.parse(
            new PropertiesImporter(),
            src,
            ImportContext.defaults()
                .withOptions(
                    ImportContext.defaults()
                        .options()
                        .withNaiveZone(java.time.ZoneId.of("Europe/Paris"))));
    EnvironmentFact a = facts(r).get(0);
    assertEquals(Instant.parse("2024-03-01T08:30:00Z"), a.asOf());
    assertTrue(
        a.provenance().notes().contains("time without zone, read as Europe/Paris"),
        a.provenance().notes().toString());
  }
}
