package dev.rehearsal.importers.staging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.importers.support.TimeParser;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Json;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Allure 2 results ({@code allure-results/}): each {@code *-result.json} holds one test and becomes
 * one run with one test case; {@code *-container.json} files describe fixtures (before and after
 * hooks) and hold no test, so they import no run (the hooks' failures already show in the results
 * they broke, as status {@code broken}).
 *
 * <p>Why one run per result file: an importer sees one file at a time and a run cannot be merged
 * across files (a second file with the same key replaces the first). The alternative, one run per
 * results folder, needs the import runner to hand a whole folder to one importer; until it can,
 * each result is its own run, named by its Allure suite labels so the runs of one suite group
 * together. Statuses: passed, failed, broken (errored), skipped; {@code unknown}, an invalid status
 * and a null status are kept as errored with a note, never dropped.
 */
public final class AllureJsonImporter implements Importer {
  static final String SOURCE = "allure";

  private static final Set<String> SKIP =
      Set.of(
          "steps",
          "attachments",
          "befores",
          "afters",
          "trace",
          "descriptionHtml",
          "description",
          "links");

  @Override
  public String id() {
    return "allure-json";
  }

  @Override
  public String displayName() {
    return "Allure 2 result (*-result.json, *-container.json)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.STAGING_RUN;
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (!sniff.looksLikeJson() || sniff.jsonStart() != '{') {
      return NO;
    }
    var k = sniff.jsonKeys();
    boolean container = k.contains("children") && (k.contains("befores") || k.contains("afters"));
    if (sniff.nameEndsWith("-result.json") && k.contains("status")) {
      return CERTAIN;
    }
    if (sniff.nameEndsWith("-container.json") && k.contains("children")) {
      return CERTAIN;
    }
    if (container && k.contains("uuid")) {
      return 60;
    }
    boolean result =
        k.contains("status")
            && k.contains("name")
            && (k.contains("statusDetails")
                || k.contains("historyId")
                || k.contains("testCaseId")
                || k.contains("fullName")
                || k.contains("labels") && k.contains("stage"));
    if (result) {
      return 60;
    }
    if (k.contains("uuid")
        && k.contains("status")
        && k.contains("name")
        && k.contains("start")
        && k.contains("stop")) {
      return 55;
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    JsonNode node;
    Decoding.Decoded d = Decoding.open(source.open());
    JsonParser p = null;
    try (Reader reader = d.reader()) {
      p = Json.factory().createParser(reader);
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new ImportException(
            t == null
                ? "the file is empty"
                : "expected one JSON object (an Allure result) but found " + t,
            1);
      }
      node = JsonTrees.read(p, SKIP);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw JsonTrees.failure(p, e);
    } catch (IOException e) {
      if (p != null && e.getMessage() != null && e.getMessage().contains("cut off")) {
        throw JsonTrees.failure(p, e);
      }
      throw e;
    } finally {
      d.notes().forEach(sink::warn);
      if (p != null) {
        p.close();
      }
    }
    if (node.has("children") && !node.has("status")) {
      sink.warn(
          "an Allure container file: it describes fixtures (before/after hooks) of "
              + node.path("children").size()
              + " result(s) and holds no test of its own; the tests "
              + "are imported from the *-result.json files");
      return;
    }
    RunDraft run = new RunDraft();
    run.noTimeReason = "the result has no 'start' time";
    String name = JsonTrees.text(node, "name");
    String fullName = JsonTrees.text(node, "fullName");
    String suite = null;
    String parentSuite = null;
    String subSuite = null;
    String testClass = null;
    for (JsonNode label : node.path("labels")) {
      String ln = JsonTrees.text(label, "name");
      String lv = JsonTrees.text(label, "value");
      if (ln == null || lv == null) {
        continue;
      }
      switch (ln) {
        case "suite" -> suite = suite == null ? lv : suite;
        case "parentSuite" -> parentSuite = parentSuite == null ? lv : parentSuite;
        case "subSuite" -> subSuite = subSuite == null ? lv : subSuite;
        case "testClass", "class" -> testClass = testClass == null ? lv : testClass;
        case "tag" -> run.facts.offerTag(lv, "Allure tag '" + Texts.cleanId(lv) + "'");
        default -> run.facts.offer(ln, lv, "Allure label '" + Texts.cleanId(ln) + "'");
      }
    }
    for (JsonNode param : node.path("parameters")) {
      String pn = JsonTrees.text(param, "name");
      run.facts.offer(
          pn, JsonTrees.text(param, "value"), "Allure parameter '" + Texts.cleanId(pn) + "'");
    }
    readEnvironment(source, run, sink);
    StringBuilder s = new StringBuilder();
    for (String part : new String[] {parentSuite, suite, subSuite}) {
      if (part != null && !part.isBlank()) {
        if (s.length() > 0) {
          s.append(" / ");
        }
        s.append(Texts.cleanId(part));
      }
    }
    run.suite = s.toString();

    Long start = longValue(node, "start", run);
    Long stop = longValue(node, "stop", run);
    if (start != null && start > 0) {
      run.startedAt = TimeParser.epochNumber(start);
      if (stop != null && stop >= start) {
        run.durationSeconds =
            (TimeParser.epochNumber(stop).toEpochMilli() - run.startedAt.toEpochMilli()) / 1000.0;
      }
    }

    JsonNode statusNode = node.get("status");
    String status =
        statusNode == null || statusNode.isNull()
            ? null
            : statusNode.asText().strip().toLowerCase(Locale.ROOT);
    JsonNode details = node.path("statusDetails");
    String message = JsonTrees.text(details, "message");
    CaseTally.Outcome outcome;
    if (status == null) {
      outcome = CaseTally.Outcome.ERRORED;
      run.note("the result has no status (null or missing); counted as errored");
      message = message == null ? "no status" : message;
    } else {
      switch (status) {
        case "passed" -> outcome = CaseTally.Outcome.PASSED;
        case "failed" -> outcome = CaseTally.Outcome.FAILED;
        case "broken" -> outcome = CaseTally.Outcome.ERRORED;
        case "skipped" -> outcome = CaseTally.Outcome.SKIPPED;
        case "unknown" -> {
          outcome = CaseTally.Outcome.ERRORED;
          run.note("Allure status 'unknown': the test's result is not known; counted as errored");
          message = message == null ? "status unknown" : message;
        }
        default -> {
          outcome = CaseTally.Outcome.ERRORED;
          String raw = Texts.truncate(Texts.cleanId(statusNode.asText()), 100);
          run.note("status '" + raw + "' is not an Allure status; counted as errored");
          message = message == null ? "invalid status '" + raw + "'" : message;
        }
      }
    }
    if (details.path("flaky").asBoolean(false)) {
      run.note("Allure marks this test flaky");
    }
    if (details.path("known").asBoolean(false)) {
      run.note("Allure marks this failure as known");
    }
    if (details.path("muted").asBoolean(false)) {
      run.note("Allure marks this test muted");
    }
    String caseName =
        fullName != null ? Texts.cleanId(fullName) : CaseTally.caseName(testClass, name);
    CaseTally tally = new CaseTally();
    tally.add(caseName, outcome, message);
    run.tests = tally.summary();
    run.line = 1;
    run.idParts.add(Texts.cleanId(JsonTrees.text(node, "uuid")));
    run.idParts.add(Texts.cleanId(JsonTrees.text(node, "historyId")));
    run.idParts.add(caseName);
    run.emit(this, SOURCE, source, ctx, sink);
  }

  private static Long longValue(JsonNode node, String field, RunDraft run) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    Long l = Attrs.longOrNull(v.asText());
    if (l == null) {
      run.note("'" + field + "' is not an epoch time: '" + Texts.truncate(v.asText(), 60) + "'");
    }
    return l;
  }

  /**
   * Allure's {@code environment.properties} next to the results (the "Environment" widget): its
   * service, environment and version keys count as the file's own, after the result's labels.
   */
  private static void readEnvironment(ImportSource source, RunDraft run, RecordSink sink) {
    ImportSource env = source.sibling("environment.properties");
    if (env == null || env.size() > 1_000_000) {
      return;
    }
    try (InputStream in = env.open()) {
      Properties props = new Properties();
      props.load(new StringReader(Decoding.readAll(in)));
      for (String key : new java.util.TreeSet<>(props.stringPropertyNames())) {
        run.facts.offer(key, props.getProperty(key), "environment.properties of the results");
      }
    } catch (IOException | IllegalArgumentException e) {
      sink.warn("environment.properties next to the results cannot be read: " + e.getMessage());
    }
  }
}
