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
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Json;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cucumber's JSON report (cucumber-jvm, cucumber-js, Behave and others write the same shape): a
 * list of features, each with {@code elements} (backgrounds and scenarios) made of steps and hooks
 * with a {@code result.status}. One file is one run; each scenario is a test case, its background
 * and hooks included. The worst step decides: {@code failed} fails the scenario, {@code ambiguous}
 * and {@code undefined} make it errored (it could not run), {@code pending}, {@code skipped} and a
 * step without result make it skipped, otherwise it passed.
 *
 * <p>Streaming: features and scenarios are read one at a time and attachments ({@code embeddings}),
 * captured output and data tables are skipped unread.
 */
public final class CucumberJsonImporter implements Importer {
  static final String SOURCE = "cucumber";

  private static final Set<String> SKIP =
      Set.of(
          "embeddings",
          "output",
          "doc_string",
          "rows",
          "attachments",
          "match",
          "arguments",
          "comments",
          "description");

  @Override
  public String id() {
    return "cucumber-json";
  }

  @Override
  public String displayName() {
    return "Cucumber JSON report";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.STAGING_RUN;
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (!sniff.looksLikeJson()) {
      return NO;
    }
    var k = sniff.jsonKeys();
    boolean elements = k.contains("elements");
    boolean featureish = k.contains("keyword") || k.contains("uri");
    boolean stepish = k.contains("steps") || k.contains("result");
    if (elements && featureish && stepish) {
      return CERTAIN;
    }
    if (elements && (featureish || stepish)) {
      return LIKELY;
    }
    return NO;
  }

  /** One scenario's result, kept until its feature's name is known. */
  private record Scenario(String name, CaseTally.Outcome outcome, String message) {}

  /** Ranks of step statuses, worst highest. */
  private static int rank(String status) {
    return switch (status) {
      case "passed" -> 0;
      case "skipped", "" -> 1;
      case "pending" -> 2;
      case "undefined", "ambiguous" -> 4;
      case "failed" -> 5;
      default -> 3;
    };
  }

  /** Running state over one run. */
  private final class State {
    final RunDraft run = new RunDraft();
    final CaseTally tally = new CaseTally();
    final List<String> problems = new ArrayList<>();
    final ImportContext ctx;
    Attrs.Timed earliest;
    Instant latestEnd;
    int noResult;
    int unknownStatus;
    int features;
    String firstFeature;

    State(ImportContext ctx) {
      this.ctx = ctx;
    }
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    State s = new State(ctx);
    s.run.noTimeReason =
        "no scenario has a 'start_timestamp' (most Cucumber versions do not " + "write one)";
    Decoding.Decoded d = Decoding.open(source.open());
    JsonParser p = null;
    try (Reader reader = d.reader()) {
      p = Json.factory().createParser(reader);
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ImportException("the file is empty: it holds no Cucumber report", 1);
      }
      if (t == JsonToken.START_ARRAY) {
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == null) {
            throw new ImportException(
                "the JSON list of features is cut off before its end",
                p.currentLocation().getLineNr());
          }
          if (t == JsonToken.START_OBJECT) {
            readFeature(p, s);
          } else {
            p.skipChildren();
            s.problems.add("an entry of the feature list is not a JSON object; left out");
          }
          ctx.monitor().checkCancelled();
        }
      } else if (t == JsonToken.START_OBJECT) {
        readFeature(p, s);
      } else {
        throw new ImportException("expected a JSON list of features but found " + t, 1);
      }
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
    RunDraft run = s.run;
    if (s.earliest != null) {
      run.startedAt = s.earliest.instant();
      s.earliest.notes().forEach(run::note);
      if (s.latestEnd != null && !s.latestEnd.isBefore(run.startedAt)) {
        run.durationSeconds = (s.latestEnd.toEpochMilli() - run.startedAt.toEpochMilli()) / 1000.0;
      }
    }
    s.problems.forEach(run::note);
    if (s.features == 0) {
      run.note("the report holds no features");
    }
    if (s.noResult > 0) {
      run.note(
          s.noResult
              + " step(s) or hook(s) have no result; their scenarios count as "
              + "skipped unless another step failed");
    }
    if (s.unknownStatus > 0) {
      run.note(
          s.unknownStatus
              + " step(s) have a status Cucumber does not write; their "
              + "scenarios count as errored");
    }
    s.tally.addNotes(run.notes);
    run.tests = s.tally.summary();
    if (s.firstFeature != null) {
      run.suite =
          s.features > 1
              ? s.firstFeature + " (+" + (s.features - 1) + " more features)"
              : s.firstFeature;
    }
    run.emit(this, SOURCE, source, ctx, sink);
  }

  private void readFeature(JsonParser p, State s) throws IOException {
    s.features++;
    String name = null;
    String uri = null;
    List<Scenario> scenarios = new ArrayList<>();
    List<String> featureTags = new ArrayList<>();
    JsonToken k;
    while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "name" -> name = v.isScalarValue() ? p.getText() : skip(p);
        case "uri" -> uri = v.isScalarValue() ? p.getText() : skip(p);
        case "tags" -> {
          JsonNode tags = JsonTrees.read(p, SKIP);
          for (JsonNode t : tags) {
            String tag = t.isTextual() ? t.asText() : JsonTrees.text(t, "name");
            if (tag != null) {
              featureTags.add(tag);
            }
          }
        }
        case "elements" -> {
          if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            break;
          }
          JsonNode background = null;
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e == null) {
              throw new IOException("the JSON list of scenarios is cut off");
            }
            JsonNode el = JsonTrees.read(p, SKIP);
            if (!el.isObject()) {
              continue;
            }
            String type = JsonTrees.text(el, "type");
            if ("background".equalsIgnoreCase(type)) {
              background = el;
              continue;
            }
            scenarios.add(scenario(el, background, s));
            background = null;
          }
        }
        default -> p.skipChildren();
      }
    }
    if (k != JsonToken.END_OBJECT) {
      throw new IOException("the JSON feature is cut off");
    }
    String featureName = Texts.cleanId(name);
    if (featureName.isEmpty()) {
      featureName = Texts.cleanId(uri);
    }
    if (s.firstFeature == null && !featureName.isEmpty()) {
      s.firstFeature = featureName;
    }
    for (String tag : featureTags) {
      s.run.facts.offerTag(tag, "tag " + Texts.cleanId(tag) + " of feature '" + featureName + "'");
    }
    for (Scenario sc : scenarios) {
      s.tally.add(CaseTally.caseName(featureName, sc.name), sc.outcome, sc.message);
    }
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  /** The worst result among a scenario's hooks, background steps and steps. */
  private Scenario scenario(JsonNode el, JsonNode background, State s) {
    String name = JsonTrees.text(el, "name");
    for (JsonNode t : el.path("tags")) {
      String tag = t.isTextual() ? t.asText() : JsonTrees.text(t, "name");
      s.run.facts.offerTag(
          tag, "tag " + Texts.cleanId(tag) + " of scenario '" + Texts.cleanId(name) + "'");
    }
    int[] worst = {-1};
    String[] message = {null};
    long[] nanos = {0};
    List<JsonNode> items = new ArrayList<>();
    el.path("before").forEach(items::add);
    if (background != null) {
      background.path("before").forEach(items::add);
      background.path("steps").forEach(items::add);
    }
    for (JsonNode step : el.path("steps")) {
      step.path("before").forEach(items::add);
      items.add(step);
      step.path("after").forEach(items::add);
    }
    el.path("after").forEach(items::add);
    for (JsonNode step : items) {
      JsonNode result = step.get("result");
      String status;
      if (result == null || !result.isObject()) {
        s.noResult++;
        status = "";
      } else {
        status = Texts.cleanId(JsonTrees.text(result, "status")).toLowerCase(Locale.ROOT);
        if (rank(status) == 3) {
          s.unknownStatus++;
        }
        JsonNode dur = result.get("duration");
        if (dur != null && dur.isNumber() && dur.asLong() > 0) {
          nanos[0] += dur.asLong();
        }
      }
      int r = rank(status);
      if (r > worst[0]) {
        worst[0] = r;
        message[0] = stepMessage(step, result, status);
      }
    }
    Attrs.Timed start =
        Attrs.time(
            s.ctx,
            JsonTrees.text(el, "start_timestamp"),
            "the start_timestamp of scenario '" + Texts.cleanId(name) + "'",
            s.problems);
    if (start != null) {
      if (s.earliest == null || start.instant().isBefore(s.earliest.instant())) {
        s.earliest = start;
      }
      Instant end = start.instant().plusNanos(nanos[0]);
      if (s.latestEnd == null || end.isAfter(s.latestEnd)) {
        s.latestEnd = end;
      }
    }
    CaseTally.Outcome outcome =
        switch (worst[0]) {
          case 5 -> CaseTally.Outcome.FAILED;
          case 3, 4 -> CaseTally.Outcome.ERRORED;
          case 1, 2 -> CaseTally.Outcome.SKIPPED;
          default -> CaseTally.Outcome.PASSED;
        };
    return new Scenario(
        name,
        outcome,
        outcome == CaseTally.Outcome.PASSED || outcome == CaseTally.Outcome.SKIPPED
            ? null
            : message[0]);
  }

  private static String stepMessage(JsonNode step, JsonNode result, String status) {
    String err = result == null ? null : JsonTrees.text(result, "error_message");
    if (err != null && !CaseTally.firstLine(err).isEmpty()) {
      return err;
    }
    String kw = Texts.cleanId(JsonTrees.text(step, "keyword"));
    String name = Texts.cleanId(JsonTrees.text(step, "name"));
    String what = (kw + " " + name).strip();
    if (what.isEmpty()) {
      what = "a hook";
    } else {
      what = "step '" + what + "'";
    }
    return switch (status) {
      case "undefined" -> what + " is undefined";
      case "ambiguous" -> what + " matches more than one step definition";
      case "failed" -> what + " failed";
      default -> what + " has status '" + status + "'";
    };
  }
}
