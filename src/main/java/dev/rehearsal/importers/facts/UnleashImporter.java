package dev.rehearsal.importers.facts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unleash feature exports (FORMATS.md section 13): the legacy state export ({@code GET
 * /api/admin/state/export}) in format versions 1, 2 and 3, and the current {@code POST
 * /api/admin/features-batch/export} result.
 *
 * <p>Version 1 keeps {@code enabled} inside each feature and has no environments: one FLAG fact per
 * feature, in the environment the file name or the hints give. Versions 2, 3 and the batch export
 * keep per-environment state in {@code featureEnvironments[]}: one FLAG fact per entry. The
 * environment {@code :global:} (Unleash before 4.2) names no environment of its own, so the file
 * name or hints give it. Value "on"/"off"; the strategies, constraints and variants of that
 * environment go to the record's notes. Service: the hints when they name one, else the feature's
 * {@code project}. As-of: a date in the file name, else the hints' time (the export carries no
 * export time). A feature with no per-environment state is rejected.
 */
public final class UnleashImporter implements Importer {
  static final String ID = "unleash-export";
  private static final int MAX_STRATEGIES = 5;
  private static final int MAX_NOTE = 300;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Unleash feature toggles (state or batch export JSON)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.FACT;
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (sniff.jsonStart() != '{' || !sniff.hasJsonKeys("features")) {
      return NO;
    }
    if (sniff.hasAnyJsonKey("featureEnvironments", "featureStrategies")) {
      return CERTAIN;
    }
    if (sniff.hasJsonKeys("version")
        && sniff.hasAnyJsonKey("strategies", "projects", "tagTypes")
        && sniff.hasAnyJsonKey("enabled", "stale", "impressionData")) {
      return CERTAIN;
    }
    if (sniff.hasJsonKeys("version", "enabled", "strategies")) {
      return LIKELY + 10; // the client API's feature list has the same shape as version 1
    }
    return NO;
  }

  private static final class Feature {
    String project;
    long line;
    Boolean enabled;
    String strategies;
    String variants;
    boolean stale;
    boolean archived;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    Map<String, Feature> features = new LinkedHashMap<>();
    Map<String, List<String>> strategies = new HashMap<>();
    Map<String, String> strategyProject = new HashMap<>();
    boolean[] hasFeatureEnvironments = {false};
    Integer[] version = {null};
    try {
      firstPass(
          source, sink, features, strategies, strategyProject, hasFeatureEnvironments, version);
    } catch (ImportException e) {
      // a cut-off file: the second pass imports what comes before the cut and reports it
    }

    boolean perFeature =
        !hasFeatureEnvironments[0]
            && (Integer.valueOf(1).equals(version[0])
                || features.values().stream().anyMatch(f -> f.enabled != null));
    Target base = Target.fromName(source, ctx, false).orFileTime(source, ctx);
    TargetHints h = ctx.hints();
    Set<String> stated = new HashSet<>();
    long[] index = {0};
    String listField = perFeature ? "features" : "featureEnvironments";
    read(
        source,
        sink,
        true,
        new JsonStream.FieldVisitor() {
          @Override
          public boolean wants(String field) {
            return field.equals(listField);
          }

          @Override
          public void element(String field, JsonNode n, long line, long i) {
            ctx.monitor().checkCancelled();
            long idx = index[0]++;
            String name = Texts.cleanId(JsonStream.text(n, perFeature ? "name" : "featureName"));
            if (name.isEmpty()) {
              sink.reject(
                  line,
                  idx,
                  perFeature
                      ? "a feature without 'name'"
                      : "a featureEnvironments entry without 'featureName'");
              return;
            }
            Feature f = features.get(name);
            List<String> notes = new ArrayList<>();
            JsonNode en = n.path("enabled");
            if (!en.isBoolean()) {
              sink.reject(line, idx, "feature '" + name + "': no 'enabled' (true/false)");
              stated.add(name);
              return;
            }
            String rawEnv = perFeature ? null : JsonStream.text(n, "environment");
            Target t = base.copy();
            if (rawEnv != null && !rawEnv.equals(":global:")) {
              t.environment(rawEnv, null);
            } else if (":global:".equals(rawEnv)) {
              notes.add(
                  "Unleash environment ':global:' (before Unleash 4.2: every environment "
                      + "that Unleash served)");
            }
            String project = f != null ? f.project : null;
            if (project == null) {
              project = strategyProject.get(name);
            }
            if (h.service() != null && !h.service().isBlank()) {
              t.serviceFromHintsFirst(h);
            } else if (project != null) {
              t.service(project, "the Unleash project");
            }
            t.withHints(h);
            stated.add(name);
            String problem = t.problem();
            if (problem != null) {
              sink.reject(
                  line,
                  idx,
                  "feature '"
                      + name
                      + "'"
                      + (rawEnv == null ? "" : " in '" + rawEnv + "'")
                      + ": "
                      + problem);
              return;
            }
            String assumed = t.assumedWarning();
            if (assumed != null) {
              sink.warn(assumed);
            }
            notes.addAll(0, t.notes());
            String strat =
                perFeature
                    ? (f == null ? null : f.strategies)
                    : join(
                        strategies.getOrDefault(name + "|" + rawEnv, strategies.get(name + "|")));
            if (perFeature && strat == null) {
              strat = summarise(n.path("strategies"), "name");
            }
            if (strat != null && !strat.isEmpty()) {
              notes.add(Texts.truncate("strategies: " + strat, MAX_NOTE));
            }
            String vars = perFeature ? null : variants(n.path("variants"));
            if (vars == null && f != null) {
              vars = f.variants;
            }
            if (vars != null) {
              notes.add(Texts.truncate("variants: " + vars, MAX_NOTE));
            }
            if (f == null) {
              notes.add("not in the export's list of features");
            } else {
              if (f.stale) {
                notes.add("marked stale in Unleash");
              }
              if (f.archived) {
                notes.add("archived in Unleash");
              }
            }
            sink.accept(
                Facts.fact(
                    FactType.FLAG,
                    t.service(),
                    t.environment(ctx),
                    name,
                    en.booleanValue() ? "on" : "off",
                    Double.NaN,
                    t.asOf(),
                    source,
                    line,
                    idx,
                    ID,
                    notes));
          }
        });
    if (!perFeature) {
      for (var e : features.entrySet()) {
        if (!stated.contains(e.getKey())) {
          sink.reject(
              e.getValue().line,
              index[0]++,
              "feature '"
                  + e.getKey()
                  + "' has no "
                  + "per-environment state in this export (no featureEnvironments entry), so "
                  + "whether it is on is unknown");
        }
      }
    }
  }

  private void firstPass(
      ImportSource source,
      RecordSink sink,
      Map<String, Feature> features,
      Map<String, List<String>> strategies,
      Map<String, String> strategyProject,
      boolean[] hasFeatureEnvironments,
      Integer[] version)
      throws IOException, ImportException {
    read(
        source,
        sink,
        false,
        new JsonStream.FieldVisitor() {
          @Override
          public boolean wants(String field) {
            return field.equals("version")
                || field.equals("features")
                || field.equals("featureStrategies")
                || field.equals("featureEnvironments");
          }

          @Override
          public void value(String field, JsonNode node, long line) {
            if (field.equals("version") && node.canConvertToInt()) {
              version[0] = node.asInt();
            }
          }

          @Override
          public void element(String field, JsonNode n, long line, long i) {
            switch (field) {
              case "features" -> {
                String name = JsonStream.text(n, "name");
                if (name == null) {
                  return;
                }
                Feature f = new Feature();
                f.project = JsonStream.text(n, "project");
                f.line = line;
                JsonNode en = n.path("enabled");
                f.enabled = en.isBoolean() ? en.booleanValue() : null;
                f.strategies = n.has("strategies") ? summarise(n.path("strategies"), "name") : null;
                f.variants = variants(n.path("variants"));
                f.stale = n.path("stale").asBoolean(false);
                f.archived = n.path("archived").asBoolean(false);
                features.putIfAbsent(Texts.cleanId(name), f);
              }
              case "featureStrategies" -> {
                String name = JsonStream.text(n, "featureName");
                String env = JsonStream.text(n, "environment");
                if (name == null) {
                  return;
                }
                String k = Texts.cleanId(name) + "|" + (env == null ? "" : env);
                List<String> l = strategies.computeIfAbsent(k, x -> new ArrayList<>());
                if (l.size() < MAX_STRATEGIES) {
                  l.add(strategy(n, n.has("strategyName") ? "strategyName" : "name"));
                } else if (l.size() == MAX_STRATEGIES) {
                  l.add("...");
                }
                String proj = JsonStream.firstText(n, "projectId", "projectName");
                if (proj != null) {
                  strategyProject.putIfAbsent(Texts.cleanId(name), proj);
                }
              }
              case "featureEnvironments" -> hasFeatureEnvironments[0] = true;
              default -> {}
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

  private static String join(List<String> l) {
    return l == null ? null : String.join("; ", l);
  }

  private static String summarise(JsonNode list, String nameField) {
    if (!list.isArray()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode s : list) {
      if (out.size() == MAX_STRATEGIES) {
        out.add("...");
        break;
      }
      out.add(strategy(s, nameField));
    }
    return String.join("; ", out);
  }

  private static String strategy(JsonNode s, String nameField) {
    StringBuilder sb = new StringBuilder(Texts.cleanId(s.path(nameField).asText("?")));
    List<String> params = new ArrayList<>();
    var it = s.path("parameters").fields();
    while (it.hasNext()) {
      var p = it.next();
      params.add(p.getKey() + "=" + Texts.cleanId(p.getValue().asText()));
    }
    if (!params.isEmpty()) {
      sb.append('(').append(String.join(", ", params)).append(')');
    }
    int c = s.path("constraints").size();
    if (c > 0) {
      sb.append(" with ").append(c).append(c == 1 ? " constraint" : " constraints");
    }
    return sb.toString();
  }

  private static String variants(JsonNode list) {
    if (!list.isArray() || list.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode v : list) {
      names.add(Texts.cleanId(v.path("name").asText("?")));
    }
    return String.join(", ", names);
  }
}
