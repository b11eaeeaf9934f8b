package dev.rehearsal.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import dev.rehearsal.index.text.IncidentText;
import dev.rehearsal.index.text.TextQueries;
import dev.rehearsal.model.Gap;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the text evidence alone classifies real, public incident reports (CloudIR-Bench samples
 * shipped in the jar, with our labels): the same per-gap queries and threshold as the engine,
 * without any structural evidence, which real reports do not come with.
 */
public final class RealReports {
  private static final String BASE = "/dev/rehearsal/analysis/cloudir/";
  private static final String[] PROVIDERS = {
    "atlassian", "azure", "github", "google_cloud", "google_workspace"
  };

  /** One report: its label and what the text said. */
  public record Row(
      String provider,
      String id,
      String title,
      boolean labelledChange,
      List<Gap> labelledGaps,
      boolean saysChange,
      Gap predicted,
      Map<Gap, Double> scores,
      String reason) {
    public boolean agrees() {
      return labelledGaps.contains(predicted);
    }
  }

  /** All rows and the share where the predicted gap is among the labelled ones. */
  public record Result(List<Row> rows, double agreement, double changeAgreement) {}

  private RealReports() {}

  public static Result run(Settings settings) throws IOException {
    Rules rules = new Rules(settings);
    Map<String, String[]> labels = labels();
    List<Map.Entry<String, JsonNode>> reports = new ArrayList<>();
    for (String p : PROVIDERS) {
      try (InputStream in = RealReports.class.getResourceAsStream(BASE + p + ".json")) {
        JsonNode root = Json.mapper().readTree(in);
        root.fields()
            .forEachRemaining(e -> reports.add(Map.entry(p + "/" + e.getKey(), e.getValue())));
      }
    }
    TextQueries queries = new TextQueries(rules.vocabulary, rules.synonyms);
    TextCues cues =
        new TextCues(
            rules.changeLanguage, rules.externalLanguage, rules.noChangeLanguage, rules.synonyms);
    List<Row> rows = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (var r : reports) {
      titles.add(text(r.getValue(), "title"));
      bodies.add(body(r.getValue()));
    }
    try (IncidentText index = IncidentText.inMemory(titles, bodies)) {
      cues.score(index, k -> titles.get(k) + "\n" + bodies.get(k));
      Map<Gap, float[]> raw = index.weights(queries);
      for (int k = 0; k < reports.size(); k++) {
        var r = reports.get(k);
        Map<Gap, Double> scores = new EnumMap<>(Gap.class);
        Gap best = Gap.UNEXPLAINED;
        double bestScore = 0;
        for (Gap g : Gap.real()) {
          double rawScore = raw.get(g)[k];
          double score = 1 - Math.exp(-rawScore / rules.textSaturation);
          scores.put(g, Math.round(score * 100) / 100.0);
          if (score > bestScore) {
            bestScore = score;
            best = g;
          }
        }
        // text is the only evidence here, so it carries the engine's threshold alone
        if (bestScore < rules.gapMinScore) {
          best = Gap.UNEXPLAINED;
        }
        String[] label = labels.get(r.getKey());
        List<Gap> labelled = new ArrayList<>();
        for (String g : label[1].split(";")) {
          labelled.add(Gap.parse(g));
        }
        TextCues.Result cue = cues.at(k, text(r.getValue(), "title") + "\n" + body(r.getValue()));
        boolean says = cue.change() && !cue.external() && !cue.noChange();
        rows.add(
            new Row(
                r.getKey().substring(0, r.getKey().indexOf('/')),
                r.getKey().substring(r.getKey().indexOf('/') + 1),
                text(r.getValue(), "title"),
                label[0].equals("yes"),
                labelled,
                says,
                best,
                scores,
                label[2]));
      }
    }
    rows.sort(Comparator.comparing(Row::provider).thenComparing(Row::id));
    long agree = rows.stream().filter(Row::agrees).count();
    long change = rows.stream().filter(r -> r.saysChange() == r.labelledChange()).count();
    return new Result(
        rows,
        rows.isEmpty() ? 0 : (double) agree / rows.size(),
        rows.isEmpty() ? 0 : (double) change / rows.size());
  }

  private static String text(JsonNode n, String field) {
    String v = n.path(field).asText("");
    return v.equals("N/A") ? "" : v;
  }

  /** What a postmortem says: summary, root cause, mitigations, diagnosis (not the timeline). */
  private static String body(JsonNode n) {
    StringBuilder sb = new StringBuilder();
    for (String f :
        new String[] {
          "summary", "root cause", "impact", "diagnosis", "mitigation", "long-term mitigation"
        }) {
      String v = text(n, f);
      if (!v.isBlank()) {
        sb.append(v).append("\n\n");
      }
    }
    return sb.toString();
  }

  private static Map<String, String[]> labels() {
    Map<String, String[]> out = new LinkedHashMap<>();
    try (InputStream in = RealReports.class.getResourceAsStream(BASE + "labels.csv");
        CSVReader csv = new CSVReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] row;
      csv.readNext();
      while ((row = csv.readNext()) != null) {
        if (row.length >= 5) {
          out.put(
              row[0] + "/" + row[1],
              new String[] {row[2].toLowerCase(Locale.ROOT), row[3], row[4]});
        }
      }
    } catch (IOException | com.opencsv.exceptions.CsvException e) {
      throw new UncheckedIOException(new IOException("the bundled labels cannot be read", e));
    }
    return out;
  }
}
