package dev.rehearsal.importers.facts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.importers.support.TimeParseException;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rehearsal's own feature-flag export (docs/formats/facts.md, "flags-json"), for flag systems
 * without an importer of their own:
 *
 * <pre>
 * {"exportedAt": "2024-03-01T12:00:00Z", "service": "checkout",
 *  "flags": [
 *    {"key": "new-checkout-flow", "service": "checkout",
 *     "environments": {"staging": true, "production": false}},
 *    {"key": "pricing-engine", "environments": {"staging": "v2", "production": "v1"}},
 *    {"key": "fraud-rules", "environments": {"production":
 *       {"on": true, "variation": "strict", "asOf": "2024-02-28T09:00:00Z"}}}]}
 * </pre>
 *
 * One FLAG fact per flag per environment: value "on"/"off" for booleans, the variation text
 * otherwise. Service: the flag's, else the file's, else the hints. As-of: the environment's {@code
 * asOf}, else {@code exportedAt}, else a date in the file name, else the hints.
 */
public final class FlagsJsonImporter implements Importer {
  static final String ID = "flags-json";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Feature flags (Rehearsal flags JSON)";
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
    if (sniff.hasJsonKeys("flags", "key", "environments")) {
      return sniff.hasAnyJsonKey("exportedAt") ? CERTAIN : LIKELY + 20;
    }
    if (sniff.hasJsonKeys("flags", "exportedAt")) {
      return LIKELY;
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String[] header = new String[2];
    long[] headerLine = new long[1];
    try {
      header(source, sink, header, headerLine);
    } catch (ImportException e) {
      // a cut-off file: the second pass imports the flags before the cut and reports it
    }
    Target base = Target.fromName(source, ctx, false).orFileTime(source, ctx);
    if (header[1] != null) {
      base.service(header[1], "'service' of the file");
    }
    if (header[0] != null && !header[0].isBlank()) {
      try {
        List<String> n = new ArrayList<>();
        base.asOf(ctx.instant(header[0], n), "'exportedAt'", n);
      } catch (TimeParseException e) {
        sink.warn("'exportedAt' (line " + headerLine[0] + ") is not a time: " + e.getMessage());
      }
    }
    base.withHints(ctx.hints());
    long[] index = {0};
    read(
        source,
        sink,
        true,
        new JsonStream.FieldVisitor() {
          @Override
          public boolean wants(String field) {
            return field.equals("flags");
          }

          @Override
          public void element(String field, JsonNode flag, long line, long i) {
            ctx.monitor().checkCancelled();
            flag(flag, line, base, ctx, source, sink, index);
          }
        });
  }

  private void header(ImportSource source, RecordSink sink, String[] header, long[] headerLine)
      throws IOException, ImportException {
    read(
        source,
        sink,
        false,
        new JsonStream.FieldVisitor() {
          @Override
          public boolean wants(String field) {
            return field.equals("exportedAt") || field.equals("service");
          }

          @Override
          public void value(String field, JsonNode node, long line) {
            if (field.equals("exportedAt") && node.isValueNode() && !node.isNull()) {
              header[0] = node.asText();
              headerLine[0] = line;
            } else if (field.equals("service") && node.isValueNode() && !node.isNull()) {
              header[1] = node.asText();
            }
          }
        });
  }

  private void read(ImportSource source, RecordSink sink, boolean warn, JsonStream.FieldVisitor v)
      throws IOException, ImportException {
    Decoding.Decoded d = Decoding.open(source.open());
    try (Reader r = d.reader()) {
      JsonStream.fields(r, v);
    } finally {
      if (warn) {
        d.notes().forEach(sink::warn);
      }
    }
  }

  private static final Set<String> ON = Set.of("true", "on", "enabled", "yes");
  private static final Set<String> OFF = Set.of("false", "off", "disabled", "no");

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
      sink.reject(line, index[0]++, "flag '" + key + "' has no 'environments' map");
      return;
    }
    Target ft = base.copy();
    String svc = JsonStream.text(flag, "service");
    if (svc != null) {
      ft.service(svc, null);
    }
    Iterator<Map.Entry<String, JsonNode>> it = envs.fields();
    while (it.hasNext()) {
      var en = it.next();
      long i = index[0]++;
      String rawEnv = Texts.cleanId(en.getKey());
      JsonNode state = en.getValue();
      Target t = ft.copy().environment(rawEnv, null);
      List<String> notes = new ArrayList<>();
      String value;
      if (state.isBoolean()) {
        value = state.booleanValue() ? "on" : "off";
      } else if (state.isNumber()) {
        value = state.asText();
      } else if (state.isTextual()) {
        String s = Texts.cleanId(state.asText());
        String l = s.toLowerCase(java.util.Locale.ROOT);
        value = ON.contains(l) ? "on" : OFF.contains(l) ? "off" : s;
        if (value.isEmpty()) {
          sink.reject(line, i, "flag '" + key + "' in '" + rawEnv + "': empty state");
          continue;
        }
      } else if (state.isObject()) {
        JsonNode on = state.path("on");
        String variation = JsonStream.text(state, "variation");
        if (!on.isBoolean() && variation == null) {
          sink.reject(
              line,
              i,
              "flag '"
                  + key
                  + "' in '"
                  + rawEnv
                  + "': the state object has "
                  + "neither 'on' (true/false) nor 'variation'");
          continue;
        }
        if (on.isBoolean() && !on.booleanValue()) {
          value = "off";
        } else {
          value = variation != null ? Texts.cleanId(variation) : "on";
        }
        String at = JsonStream.text(state, "asOf");
        if (at != null) {
          try {
            List<String> n = new ArrayList<>();
            t.asOf(ctx.instant(at, n), "the environment's 'asOf'", n);
          } catch (TimeParseException e) {
            sink.reject(
                line, i, "flag '" + key + "' in '" + rawEnv + "': 'asOf' " + e.getMessage());
            continue;
          }
        }
      } else {
        sink.reject(
            line,
            i,
            "flag '"
                + key
                + "' in '"
                + rawEnv
                + "': no state (expected true, "
                + "false, a variation or an object)");
        continue;
      }
      String problem = t.problem();
      if (problem != null) {
        sink.reject(line, i, "flag '" + key + "' in '" + rawEnv + "': " + problem);
        continue;
      }
      String assumed = t.assumedWarning();
      if (assumed != null) {
        sink.warn(assumed);
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
}
