package dev.rehearsal.importers.facts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.TimeParser;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LaunchDarkly flag lists as the REST API v2 returns them ({@code GET /api/v2/flags/{project}}:
 * {@code {"items": [FeatureFlag], "totalCount": n}}), or one flag ({@code GET
 * /api/v2/flags/{project}/{key}}). FORMATS.md section 12.
 *
 * <p>One FLAG fact per flag per environment in {@code environments}: value "on"/"off" from the
 * environment's {@code on}; for multivariate flags, the variation served when it is one fixed
 * variation (the fallthrough when on, the off variation when off). As-of: the environment's {@code
 * lastModified} (epoch milliseconds, a number or a string), else a date in the file name, else the
 * hints. Service: a tag {@code service:NAME} (or {@code service=NAME}), else the hints, else none
 * (an environment-wide flag).
 */
public final class LaunchDarklyImporter implements Importer {
  static final String ID = "launchdarkly-flags";
  private static final int MAX_VARIATION = 200;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "LaunchDarkly feature flags (REST API JSON)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.FACT;
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (sniff.jsonStart() != '{') {
      return NO;
    }
    boolean ldFlag =
        sniff.hasJsonKeys("key", "environments")
            && sniff.hasAnyJsonKey(
                "variations",
                "_maintainer",
                "_version",
                "_environmentName",
                "salt",
                "trackEventsFallthrough");
    if (!ldFlag) {
      return NO;
    }
    return sniff.hasAnyJsonKey("items") ? CERTAIN : LIKELY + 20;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    Target base = Target.fromName(source, ctx, false).orFileTime(source, ctx);
    long[] index = {0};
    JsonStream.records(
        source,
        sink,
        Set.of("items"),
        (flag, line, i) -> {
          ctx.monitor().checkCancelled();
          flag(flag, line, base, ctx, source, sink, index);
        });
  }

  private void flag(
      JsonNode flag,
      long line,
      Target base,
      ImportContext ctx,
      ImportSource source,
      RecordSink sink,
      long[] index) {
    String key = flag.isObject() ? Texts.cleanId(JsonStream.text(flag, "key")) : "";
    if (key.isEmpty()) {
      sink.reject(line, index[0]++, "a flag without 'key'");
      return;
    }
    JsonNode envs = flag.path("environments");
    if (!envs.isObject() || envs.isEmpty()) {
      sink.reject(
          line,
          index[0]++,
          "flag '"
              + key
              + "' has no 'environments' (export the "
              + "flags without an env filter, or with one env=... per environment)");
      return;
    }
    Target ft = base.copy();
    String tagService = null;
    for (JsonNode tag : flag.path("tags")) {
      String s = tag.asText("");
      if (s.startsWith("service:") || s.startsWith("service=")) {
        tagService = s.substring(8);
        break;
      }
    }
    if (tagService != null && !tagService.isBlank()) {
      ft.service(tagService, "tag service:" + tagService);
    }
    ft.withHints(
        new dev.rehearsal.importers.TargetHints(
            ctx.hints().service(), null, null, null, null, ctx.hints().origin()));
    boolean multivariate = "multivariate".equals(JsonStream.text(flag, "kind"));
    JsonNode variations = flag.path("variations");
    Iterator<Map.Entry<String, JsonNode>> it = envs.fields();
    while (it.hasNext()) {
      var en = it.next();
      long i = index[0]++;
      String envKey = Texts.cleanId(en.getKey());
      JsonNode env = en.getValue();
      JsonNode on = env.path("on");
      if (!on.isBoolean()) {
        sink.reject(line, i, "flag '" + key + "' in '" + envKey + "': no 'on' (true/false)");
        continue;
      }
      Target t = ft.copy().environment(envKey, null);
      List<String> notes = new ArrayList<>();
      JsonNode lm = env.path("lastModified");
      if (!lm.isMissingNode() && !lm.isNull()) {
        try {
          long millis = lm.isNumber() ? lm.longValue() : Long.parseLong(lm.asText().strip());
          t.asOf(TimeParser.epochNumber(millis), null, null);
        } catch (NumberFormatException | DateTimeException e) {
          sink.reject(
              line,
              i,
              "flag '"
                  + key
                  + "' in '"
                  + envKey
                  + "': 'lastModified' '"
                  + lm.asText()
                  + "' is not epoch milliseconds");
          continue;
        }
      }
      t.withHints(
          new dev.rehearsal.importers.TargetHints(
              null, null, null, null, ctx.hints().at(), ctx.hints().origin()));
      String problem = t.problem();
      if (problem != null) {
        sink.reject(line, i, "flag '" + key + "' in '" + envKey + "': " + problem);
        continue;
      }
      String assumed = t.assumedWarning();
      if (assumed != null) {
        sink.warn(assumed);
      }
      String value = on.booleanValue() ? "on" : "off";
      String served =
          on.booleanValue()
              ? variationAt(variations, env.path("fallthrough").path("variation"))
              : variationAt(variations, env.path("offVariation"));
      if (multivariate && served != null) {
        value = served;
        if (!on.booleanValue()) {
          notes.add("off: everyone gets its off variation");
        }
      } else if (served != null && on.booleanValue() && !served.equals("true")) {
        notes.add("on, but its fallthrough serves variation " + served);
      }
      if (on.booleanValue() && env.path("fallthrough").has("rollout")) {
        notes.add("the fallthrough is a percentage rollout");
      }
      if (flag.path("archived").asBoolean(false) || env.path("archived").asBoolean(false)) {
        notes.add("archived in LaunchDarkly");
      }
      String envName = JsonStream.text(env, "_environmentName");
      if (envName != null && !envName.equals(envKey)) {
        notes.add("LaunchDarkly environment '" + Texts.cleanId(envName) + "'");
      }
      notes.addAll(0, t.notes());
      Instant asOf = t.asOf();
      sink.accept(
          Facts.fact(
              FactType.FLAG,
              t.service(),
              t.environment(ctx),
              key,
              value,
              Double.NaN,
              asOf,
              source,
              line,
              i,
              ID,
              notes));
    }
  }

  private static String variationAt(JsonNode variations, JsonNode idx) {
    if (!idx.isInt() || !variations.isArray()) {
      return null;
    }
    JsonNode v = variations.path(idx.intValue()).path("value");
    if (v.isMissingNode()) {
      return null;
    }
    String s = v.isValueNode() ? v.asText() : v.toString();
    return Texts.cleanId(Texts.truncate(s, MAX_VARIATION));
  }
}
