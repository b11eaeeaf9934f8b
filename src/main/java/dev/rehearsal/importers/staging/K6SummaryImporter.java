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
import dev.rehearsal.model.LoadSummary;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.RunType;
import dev.rehearsal.util.Json;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * k6's end-of-test summary as JSON, in both shapes k6 writes: the {@code handleSummary()} data
 * object ({@code metrics.NAME.values.count}, thresholds as {@code {"ok": false}}) and the older
 * {@code --summary-export} file ({@code metrics.NAME.count}, thresholds as {@code true} when the
 * threshold FAILED: k6 kept that inverted boolean for compatibility). One file is one load run.
 *
 * <p>Requests are {@code http_reqs} plus {@code grpc_reqs}; failed requests come from {@code
 * http_req_failed} (its {@code passes} are the failed requests); latency from {@code
 * http_req_duration} (else {@code grpc_req_duration}). A summary has no per-second data and no time
 * of day: peak rps is the mean rate (noted), and the run time must come from the hints.
 */
public final class K6SummaryImporter implements Importer {
  static final String SOURCE = "k6";

  private static final Set<String> KNOWN_METRICS =
      Set.of(
          "http_reqs",
          "iterations",
          "vus",
          "vus_max",
          "grpc_reqs",
          "http_req_duration",
          "checks",
          "data_received",
          "data_sent",
          "iteration_duration",
          "http_req_failed");

  @Override
  public String id() {
    return "k6-summary-json";
  }

  @Override
  public String displayName() {
    return "k6 end-of-test summary (handleSummary JSON or --summary-export)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.STAGING_RUN;
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (!sniff.looksLikeJson() || sniff.jsonStart() != '{' || !sniff.hasJsonKeys("metrics")) {
      return NO;
    }
    var k = sniff.jsonKeys();
    long known = KNOWN_METRICS.stream().filter(k::contains).count();
    if (known >= 2 || known >= 1 && (k.contains("root_group") || k.contains("state"))) {
      return CERTAIN;
    }
    return k.contains("root_group") ? LIKELY : NO;
  }

  /** One metric as the summary states it: its values and its thresholds. */
  private record Metric(
      String base, Map<String, String> tags, JsonNode values, JsonNode thresholds) {}

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    RunDraft run = new RunDraft();
    run.type = RunType.LOAD;
    run.noTimeReason = "a k6 summary does not record when the test ran";
    Map<String, Metric> metrics = new LinkedHashMap<>();
    boolean sawMetrics = false;
    Decoding.Decoded d = Decoding.open(source.open());
    JsonParser p = null;
    try (Reader reader = d.reader()) {
      p = Json.factory().createParser(reader);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ImportException("expected a JSON object (a k6 summary)", 1);
      }
      JsonToken k;
      while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("metrics") && v == JsonToken.START_OBJECT) {
          sawMetrics = true;
          JsonToken m;
          while ((m = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            JsonNode node = JsonTrees.read(p, Set.of());
            Metric metric = metric(name, node);
            if (metric != null) {
              metrics.put(name, metric);
            }
          }
          if (m != JsonToken.END_OBJECT) {
            throw new IOException("the metrics object is cut off");
          }
        } else if (field.equals("options") && v == JsonToken.START_OBJECT) {
          JsonNode options = JsonTrees.read(p, Set.of());
          JsonNode tags = options.path("tags");
          tags.fields()
              .forEachRemaining(
                  e ->
                      run.facts.offer(
                          e.getKey(),
                          e.getValue().asText(),
                          "test tag '" + e.getKey() + "' in options"));
        } else if (field.equals("state") && v == JsonToken.START_OBJECT) {
          JsonNode state = JsonTrees.read(p, Set.of());
          JsonNode ms = state.get("testRunDurationMs");
          if (ms != null && ms.isNumber() && ms.asDouble() >= 0) {
            run.durationSeconds = ms.asDouble() / 1000.0;
          }
        } else {
          p.skipChildren();
        }
      }
      if (k != JsonToken.END_OBJECT) {
        throw new IOException("the JSON object is cut off");
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
    if (!sawMetrics) {
      throw new ImportException("the JSON has no 'metrics' object: this is not a k6 summary", 1);
    }
    for (Metric m : metrics.values()) {
      m.tags()
          .forEach(
              (tk, tv) ->
                  run.facts.offer(tk, tv, "tag " + tk + ":" + tv + " of metric " + m.base()));
    }
    run.load = summarise(metrics, run);
    run.emit(this, SOURCE, source, ctx, sink);
  }

  /** Splits "http_req_duration{expected_response:true}" into its name and tags. */
  private static Metric metric(String name, JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    String base = name;
    Map<String, String> tags = new LinkedHashMap<>();
    int brace = name.indexOf('{');
    if (brace > 0 && name.endsWith("}")) {
      base = name.substring(0, brace);
      for (String part : name.substring(brace + 1, name.length() - 1).split(",")) {
        int colon = part.indexOf(':');
        if (colon > 0) {
          tags.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
        }
      }
    }
    JsonNode values = node.get("values");
    boolean dataStyle = values != null && values.isObject();
    return new Metric(base, tags, dataStyle ? values : node, node.get("thresholds"));
  }

  private static LoadSummary summarise(Map<String, Metric> metrics, RunDraft run) {
    Metric http = untagged(metrics, "http_reqs");
    Metric grpc = untagged(metrics, "grpc_reqs");
    long requests = 0;
    double rate = 0;
    boolean anyRate = false;
    for (Metric m : new Metric[] {http, grpc}) {
      if (m != null) {
        requests += Math.max(0, m.values().path("count").asLong(0));
        JsonNode r = m.values().get("rate");
        if (r != null && r.isNumber()) {
          rate += r.asDouble();
          anyRate = true;
        }
      }
    }
    if (http == null && grpc == null) {
      run.note("the summary has neither http_reqs nor grpc_reqs: no requests counted");
    }
    double meanRps = anyRate ? rate : Double.NaN;
    if (!anyRate && requests > 0 && run.durationSeconds > 0) {
      meanRps = requests / run.durationSeconds;
      run.note("mean rps computed from the request count and the test duration");
    }

    long failed = 0;
    Metric fail = untagged(metrics, "http_req_failed");
    if (fail != null) {
      JsonNode passes = fail.values().get("passes");
      if (passes != null && passes.isNumber()) {
        // http_req_failed is a rate of "request failed" = true: its passes are the failures
        failed = passes.asLong();
      } else {
        JsonNode r =
            fail.values().has("rate") ? fail.values().get("rate") : fail.values().get("value");
        long httpCount = http == null ? 0 : Math.max(0, http.values().path("count").asLong(0));
        if (r != null && r.isNumber()) {
          failed = Math.round(r.asDouble() * httpCount);
          run.note(
              "failed requests computed from the http_req_failed rate ("
                  + r.asDouble()
                  + ") times http_reqs");
        }
      }
    } else if (requests > 0) {
      run.note(
          "the summary has no http_req_failed metric: failed requests are not known "
              + "(recorded as 0)");
    }

    Metric latency = untagged(metrics, "http_req_duration");
    if (latency == null) {
      latency = untagged(metrics, "grpc_req_duration");
    }
    if (latency == null) {
      for (Metric m : metrics.values()) {
        if (m.base().equals("http_req_duration")) {
          latency = m;
          run.note(
              "latency percentiles are those of http_req_duration"
                  + tagText(m)
                  + " (the untagged metric is missing)");
          break;
        }
      }
    }
    double p95 = Double.NaN;
    double p99 = Double.NaN;
    if (latency != null) {
      p95 = number(latency.values().get("p(95)"));
      p99 = number(latency.values().get("p(99)"));
      if (Double.isNaN(p99)) {
        run.note(
            "the summary has no p(99) for "
                + latency.base()
                + " (add it to "
                + "summaryTrendStats)");
      }
    } else {
      run.note("the summary has no request duration metric: latency unknown");
    }

    double maxVus = Double.NaN;
    Metric vusMax = untagged(metrics, "vus_max");
    if (vusMax != null) {
      maxVus = firstNumber(vusMax.values(), "max", "value");
    }
    if (Double.isNaN(maxVus)) {
      Metric vus = untagged(metrics, "vus");
      if (vus != null) {
        maxVus = firstNumber(vus.values(), "max", "value");
      }
    }

    List<String> failedThresholds = new ArrayList<>();
    for (var e : metrics.entrySet()) {
      JsonNode th = e.getValue().thresholds();
      if (th == null || !th.isObject()) {
        continue;
      }
      th.fields()
          .forEachRemaining(
              t -> {
                JsonNode v = t.getValue();
                boolean bad;
                if (v.isObject()) {
                  bad = v.has("ok") && !v.path("ok").asBoolean(true);
                } else {
                  // --summary-export writes true for a threshold that FAILED
                  bad = v.isBoolean() && v.asBoolean();
                }
                if (bad) {
                  failedThresholds.add("'" + t.getKey() + "' on " + e.getKey());
                }
              });
    }
    if (!failedThresholds.isEmpty()) {
      run.note(
          "k6 thresholds failed: " + Texts.truncate(String.join(", ", failedThresholds), 1000));
    }
    if (requests > 0) {
      run.note("peak rps is the mean rate: a k6 summary has no per-second counts");
    }
    return new LoadSummary(
        requests, failed, meanRps, meanRps, p95, p99, maxVus, !failedThresholds.isEmpty());
  }

  private static String tagText(Metric m) {
    StringBuilder sb = new StringBuilder("{");
    m.tags()
        .forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(k).append(':').append(v));
    return sb.append('}').toString();
  }

  private static Metric untagged(Map<String, Metric> metrics, String base) {
    return metrics.get(base);
  }

  private static double number(JsonNode n) {
    return n != null && n.isNumber() ? n.asDouble() : Double.NaN;
  }

  private static double firstNumber(JsonNode values, String... keys) {
    for (String k : keys) {
      double d = number(values.get(k));
      if (!Double.isNaN(d)) {
        return d;
      }
    }
    return Double.NaN;
  }
}
