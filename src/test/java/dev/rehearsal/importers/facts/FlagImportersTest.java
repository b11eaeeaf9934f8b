package dev.rehearsal.importers.facts;

import static dev.rehearsal.importers.facts.FactTests.AT;
import static dev.rehearsal.importers.facts.FactTests.countsAddUp;
import static dev.rehearsal.importers.facts.FactTests.facts;
import static dev.rehearsal.importers.facts.FactTests.hints;
import static dev.rehearsal.importers.facts.FactTests.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Feature-flag exports: Rehearsal's flags JSON (docs/formats/facts.md), LaunchDarkly (FORMATS.md
 * section 12; sample written from it, no real export exists), Unleash (FORMATS.md section 13; real
 * state exports in fixtures/unleash-state-export, the batch export written from
 * export-result-schema.ts as that section describes it).
 */
class FlagImportersTest {
  static final String OURS = "fixtures/facts-samples/flags/flags.json";
  static final String LD = "fixtures/facts-samples/flags/launchdarkly-flags.json";
  static final String BATCH = "fixtures/facts-samples/flags/unleash-features-batch-export.json";
  static final String UNLEASH = "fixtures/unleash-state-export/src/test/examples/";

  @TempDir Path tmp;

  static EnvironmentFact flag(ImporterHarness.Result r, String key, String env) {
    return facts(r, FactType.FLAG).stream()
        .filter(f -> f.subject().equals(key) && f.environment().equals(env))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no flag " + key + " in " + env + " among " + facts(r)));
  }

  // ------------------------------------------------------------------ flags-json

  @Test
  void oursGolden() {
    var r = ImporterHarness.parse(new FlagsJsonImporter(), OURS);
    ImporterHarness.assertGolden(r, "facts/flags-json");
  }

  @Test
  void oursOneFactPerFlagPerEnvironment() {
    var r = ImporterHarness.parse(new FlagsJsonImporter(), OURS);
    countsAddUp(r);
    EnvironmentFact nf = flag(r, "new-checkout-flow", "staging");
    assertEquals("on", nf.value());
    assertEquals("checkout", nf.service(), "the file's service");
    assertEquals(Instant.parse("2024-03-01T12:00:00Z"), nf.asOf(), "exportedAt");
    assertEquals(5, nf.provenance().line());
    assertEquals("off", flag(r, "new-checkout-flow", "production").value());
    assertEquals("v2", flag(r, "pricing-engine", "staging").value());
    assertEquals("pricing", flag(r, "pricing-engine", "staging").service());
    EnvironmentFact strict = flag(r, "fraud-rules", "production");
    assertEquals("strict", strict.value());
    assertEquals(Instant.parse("2024-02-28T09:00:00Z"), strict.asOf());
    assertEquals("off", flag(r, "fraud-rules", "staging").value());
    assertEquals("on", flag(r, "dark-launch", "staging").value(), "\"ON\" read as on");
    assertEquals(7, facts(r).size());
    assertEquals(21, rejection(r, "without 'key'").line());
    assertTrue(rejection(r, "'dark-launch' in 'production': no state").line() > 0);
    assertTrue(rejection(r, "'dark-launch' in 'qa'").reason().contains("no state"));
    assertTrue(rejection(r, "'no-envs' has no 'environments'").line() > 0);
    assertEquals(11, r.seen());
  }

  @Test
  void oursWithoutExportedAtIsTakenAsOfTheFilesTimeMarkedAssumed() throws Exception {
    var src =
        FactTests.file(
            tmp,
            "flags.json",
            "{\"flags\": [{\"key\": \"a\", \"environments\": {\"staging\": true}}]}");
    java.time.Instant modified = java.time.Instant.parse("2024-05-06T07:08:09Z");
    java.nio.file.Files.setLastModifiedTime(
        tmp.resolve("flags.json"), java.nio.file.attribute.FileTime.from(modified));
    var r = ImporterHarness.parse(new FlagsJsonImporter(), src, hints(null, null, null));
    assertTrue(r.rejections().isEmpty(), r.rejections().toString());
    assertEquals(modified, facts(r).get(0).asOf());
    assertTrue(
        facts(r).get(0).provenance().notes().stream()
            .anyMatch(n -> n.startsWith(Target.ASSUMED_NOTE)));
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no time of its own")));
    var ok = ImporterHarness.parse(new FlagsJsonImporter(), src, hints(null, null, AT));
    assertEquals(AT, facts(ok).get(0).asOf());
    assertEquals("", facts(ok).get(0).service(), "an environment-wide flag");
  }

  @Test
  void oursTruncatedKeepsTheFlagsBefore() throws Exception {
    var src =
        FactTests.file(
            tmp,
            "flags.json",
            "{\"exportedAt\": \"2024-03-01T00:00:00Z\", "
                + "\"flags\": [{\"key\": \"a\", \"environments\": {\"staging\": true}},\n"
                + "{\"key\": \"b\", \"environments\": {\"sta");
    var r = ImporterHarness.parse(new FlagsJsonImporter(), src, hints(null, null, null));
    assertEquals(List.of("a"), facts(r).stream().map(EnvironmentFact::subject).toList());
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().contains("the rest of the file could not be read"));
  }

  // ------------------------------------------------------------------ LaunchDarkly

  @Test
  void launchDarklyGolden() {
    var r = ImporterHarness.parse(new LaunchDarklyImporter(), LD);
    ImporterHarness.assertGolden(r, "facts/launchdarkly-flags");
  }

  @Test
  void launchDarklyOnOffVariationsAndLastModified() {
    var r = ImporterHarness.parse(new LaunchDarklyImporter(), LD);
    countsAddUp(r);
    EnvironmentFact prod = flag(r, "new-checkout-flow", "production");
    assertEquals("off", prod.value());
    assertEquals("checkout", prod.service(), "tag service:checkout");
    assertEquals(Instant.ofEpochMilli(1709251200000L), prod.asOf(), "lastModified as number");
    EnvironmentFact staging = flag(r, "new-checkout-flow", "staging");
    assertEquals("on", staging.value());
    assertEquals(Instant.ofEpochMilli(1709164800000L), staging.asOf(), "lastModified as string");
    assertTrue(rejection(r, "'new-checkout-flow' in 'test': no 'on'").line() > 0);
    assertEquals(
        "v1",
        flag(r, "pricing-engine", "production").value(),
        "multivariate: the fallthrough variation");
    EnvironmentFact rollout = flag(r, "pricing-engine", "staging");
    assertEquals("on", rollout.value());
    assertTrue(rollout.provenance().notes().contains("the fallthrough is a percentage rollout"));
    assertEquals("v0", flag(r, "pricing-engine", "qa").value(), "off: the off variation");
    assertEquals("", flag(r, "pricing-engine", "production").service(), "no service tag");
    Rejection bad = rejection(r, "'broken-dates' in 'production'");
    assertTrue(bad.reason().contains("'yesterday' is not epoch milliseconds"), bad.reason());
    assertEquals(5, facts(r).size());
    assertEquals(7, r.seen());
  }

  @Test
  void launchDarklyServiceFromHintsWhenNoTag() {
    var r =
        ImporterHarness.parse(
            new LaunchDarklyImporter(),
            LD,
            hints("pricing", "development", Instant.parse("2020-01-01T00:00:00Z")));
    EnvironmentFact p = flag(r, "pricing-engine", "production");
    assertEquals("pricing", p.service());
    assertEquals("production", p.environment(), "the flag's own environment, not the hint");
    assertEquals(Instant.ofEpochMilli(1709251200000L), p.asOf(), "lastModified beats hints");
    assertEquals("checkout", flag(r, "new-checkout-flow", "production").service());
  }

  // ------------------------------------------------------------------ Unleash

  @Test
  void unleashVersion1Golden() {
    var r =
        ImporterHarness.parse(
            new UnleashImporter(),
            UNLEASH + "exported405-enterprise.json",
            hints(null, "production", AT));
    ImporterHarness.assertGolden(r, "facts/unleash-v1-exported405");
  }

  @Test
  void unleashVersion1IsOneFactPerFeatureInTheHintedEnvironment() {
    var r =
        ImporterHarness.parse(
            new UnleashImporter(),
            UNLEASH + "exported-3175-enterprise.json",
            hints(null, "production", AT));
    countsAddUp(r);
    assertEquals(4, facts(r).size());
    EnvironmentFact f = flag(r, "in-another-project", "production");
    assertEquals("on", f.value());
    assertEquals("someother", f.service(), "the project");
    assertEquals(AT, f.asOf());
    assertEquals(4, f.provenance().line());
    assertTrue(
        f.provenance()
            .notes()
            .contains("strategies: gradualRolloutRandom(percentage=29)" + " with 2 constraints"),
        f.provenance().notes().toString());
    var none =
        ImporterHarness.parse(new UnleashImporter(), UNLEASH + "exported-3175-enterprise.json");
    assertEquals(4, none.rejections().size());
    String reason = none.rejections().get(0).reason();
    assertTrue(reason.contains("no environment") && !reason.contains("no as-of time"), reason);
  }

  @Test
  void unleashVersion2GlobalEnvironmentGolden() {
    var r =
        ImporterHarness.parse(
            new UnleashImporter(),
            UNLEASH + "exported412-enterprise.json",
            hints(null, "staging", AT));
    ImporterHarness.assertGolden(r, "facts/unleash-v2-exported412");
  }

  @Test
  void unleashVersion2GlobalNeedsTheEnvironmentFromHints() {
    var r =
        ImporterHarness.parse(
            new UnleashImporter(),
            UNLEASH + "exported412-enterprise.json",
            hints(null, "staging", AT));
    countsAddUp(r);
    assertEquals(6, facts(r).size());
    EnvironmentFact t = flag(r, "toggle-created-in-4-1", "staging");
    assertEquals("default", t.service());
    assertTrue(t.provenance().notes().stream().anyMatch(n -> n.contains("':global:'")));
    assertTrue(
        t.provenance().notes().contains("strategies: applicationHostname(hostNames=" + "vg.no)"),
        t.provenance().notes().toString());
    var none =
        ImporterHarness.parse(
            new UnleashImporter(), UNLEASH + "exported412-enterprise.json", hints(null, null, AT));
    assertEquals(6, none.rejections().size());
    assertTrue(none.rejections().get(0).reason().contains("no environment"));
  }

  @Test
  void unleashVersion3Golden() {
    var r =
        ImporterHarness.parse(
            new UnleashImporter(), UNLEASH + "variantsexport_v3.json", hints("shop", null, AT));
    ImporterHarness.assertGolden(r, "facts/unleash-v3-variantsexport");
  }

  @Test
  void unleashVersion3PerEnvironment() {
    var r =
        ImporterHarness.parse(
            new UnleashImporter(), UNLEASH + "variantsexport_v3.json", hints("shop", null, AT));
    countsAddUp(r);
    assertEquals(4, facts(r).size());
    EnvironmentFact p = flag(r, "UX-toggle1", "production");
    assertEquals("on", p.value());
    assertEquals("shop", p.service(), "hints name the service, so the project does not");
    assertTrue(
        p.provenance()
            .notes()
            .contains(
                "strategies: flexibleRollout(groupId=UX-toggle1,"
                    + " rollout=50, stickiness=default)"),
        p.provenance().notes().toString());
    EnvironmentFact v = flag(r, "variants-tester", "development");
    assertTrue(v.provenance().notes().contains("variants: azure, lilac, maroon, purple"));
  }

  @Test
  void unleashSegmentsExportGolden() {
    var r =
        ImporterHarness.parse(
            new UnleashImporter(), UNLEASH + "exported-segments.json", hints(null, null, AT));
    ImporterHarness.assertGolden(r, "facts/unleash-v3-segments");
    countsAddUp(r);
    EnvironmentFact f = flag(r, "seed_feature_1", "default");
    assertEquals("default", f.service());
    assertEquals(29, f.provenance().line());
  }

  @Test
  void unleashBatchExportGolden() {
    var r = ImporterHarness.parse(new UnleashImporter(), BATCH, hints(null, null, AT));
    ImporterHarness.assertGolden(r, "facts/unleash-batch-export");
  }

  @Test
  void unleashBatchExport() {
    var r = ImporterHarness.parse(new UnleashImporter(), BATCH, hints(null, null, AT));
    countsAddUp(r);
    EnvironmentFact a = flag(r, "checkout.new-flow", "production");
    assertEquals("on", a.value());
    assertEquals("checkout", a.service());
    assertTrue(
        a.provenance()
            .notes()
            .contains(
                "strategies: flexibleRollout(groupId="
                    + "checkout.new-flow, rollout=25, stickiness=default)"),
        a.provenance().notes().toString());
    EnvironmentFact b = flag(r, "search.semantic", "production");
    assertEquals("off", b.value());
    assertTrue(b.provenance().notes().contains("variants: blue, green"));
    assertTrue(b.provenance().notes().contains("marked stale in Unleash"));
    assertTrue(rejection(r, "no 'enabled'").line() > 0);
    Rejection orphan = rejection(r, "'orphan-toggle' has no per-environment state");
    assertEquals(21, orphan.line());
    assertEquals(2, facts(r).size());
    assertEquals(4, r.seen());
  }
}
