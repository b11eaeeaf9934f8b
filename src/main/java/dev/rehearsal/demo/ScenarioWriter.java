package dev.rehearsal.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.opencsv.CSVWriter;
import dev.rehearsal.demo.Timeline.Change;
import dev.rehearsal.demo.Timeline.ConfigEvent;
import dev.rehearsal.demo.Timeline.DeployEvent;
import dev.rehearsal.demo.Timeline.FlagEvent;
import dev.rehearsal.demo.Timeline.IncidentEvent;
import dev.rehearsal.demo.Timeline.RunEvent;
import dev.rehearsal.demo.Timeline.Spike;
import dev.rehearsal.demo.World.Service;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/** Writes the planned timeline in each tool's export format, and the truth file. */
final class ScenarioWriter {
  private static final long DAY = ScenarioGenerator.DAY;
  private static final DateTimeFormatter ISO_Z =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO_MS_Z =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SUREFIRE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter JIRA =
      DateTimeFormatter.ofPattern("dd/MMM/yy h:mm a", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  /** Services whose teams run incidents in Jira Service Management instead of PagerDuty. */
  static boolean usesJira(Service s) {
    return s.index() < 12 ? List.of(0, 1, 4, 10).contains(s.index()) : s.index() % 5 == 1;
  }

  private final Path out;
  private final List<Service> services;
  private final SplittableRandom rng;
  private final Instant start;
  private final Instant end;
  private final Map<DeployEvent, Integer> herokuVersion = new HashMap<>();
  private final Map<DeployEvent, String> herokuId = new HashMap<>();
  private final Map<IncidentEvent, String> incidentIds = new HashMap<>();
  private final Map<IncidentEvent, String> cases = new HashMap<>();
  private final Style style;
  private final boolean labelled;
  private final ToolNames names;

  /** The demo's own style: files exactly as the demo has always written them. */
  private final boolean plain;

  ScenarioWriter(
      Path out,
      List<Service> services,
      SplittableRandom rng,
      Instant start,
      Instant end,
      Style style,
      boolean labelled) {
    this.out = out;
    this.services = services;
    this.rng = rng;
    this.start = start;
    this.end = end;
    this.style = style;
    this.labelled = labelled;
    this.names = new ToolNames(style.naming(), services);
    // the plain style, in whichever phrase bank its text is written
    this.plain = style.withBank(Style.PLAIN.bank()).equals(Style.PLAIN);
  }

  /** Each incident's case (the shape of its cause), once the texts are written. */
  Map<IncidentEvent, String> cases() {
    return cases;
  }

  private boolean asExported() {
    return style.facts() == Style.Facts.AS_EXPORTED;
  }

  void write(
      List<Change> changes,
      List<DeployEvent> deploys,
      List<RunEvent> runs,
      List<IncidentEvent> incidents,
      List<ConfigEvent> configEvents,
      List<FlagEvent> flagEvents,
      List<Spike> spikes,
      TaskMonitor m)
      throws IOException {
    numberHeroku(deploys);
    writeTexts(incidents, deploys);
    m.progress(25, 100, "writing incidents");
    writeIncidents(incidents);
    m.checkCancelled();
    m.progress(35, 100, "writing deploys");
    writeDeploys(deploys);
    m.checkCancelled();
    m.progress(55, 100, "writing staging runs");
    writeRuns(runs, m);
    m.checkCancelled();
    m.progress(75, 100, "writing configuration snapshots");
    writeConfig(configEvents);
    writeFlags(flagEvents);
    m.progress(85, 100, "writing traffic and data facts");
    writeTraffic(spikes, runs);
    writeDataVolume();
    writeMocks();
    writeAliasesAndSettings();
    writeTruth(incidents);
    writeReadme(changes, deploys, runs, incidents);
  }

  // ==================================================================== helpers

  private Path file(String relative) throws IOException {
    Path p = out.resolve(relative);
    Files.createDirectories(p.getParent());
    return p;
  }

  private JsonGenerator json(Path p) throws IOException {
    OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
    JsonGenerator g = Json.factory().createGenerator(os, JsonEncoding.UTF8);
    g.useDefaultPrettyPrinter();
    return g;
  }

  private Writer text(Path p) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
  }

  private static String iso(long ms) {
    return ISO_Z.format(Instant.ofEpochMilli(ms));
  }

  private static String isoMs(long ms) {
    return ISO_MS_Z.format(Instant.ofEpochMilli(ms));
  }

  private static String isoOffset(long ms, String zone) {
    return Instant.ofEpochMilli(ms)
        .atZone(ZoneId.of(zone))
        .withNano(0)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private String id14(SplittableRandom r, char first) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder sb = new StringBuilder().append(first);
    for (int i = 1; i < 14; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static String quarter(long ms) {
    LocalDate d = Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).toLocalDate();
    return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
  }

  private static String month(long ms) {
    LocalDate d = Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).toLocalDate();
    return String.format("%d-%02d", d.getYear(), d.getMonthValue());
  }

  // ==================================================================== texts

  private void numberHeroku(List<DeployEvent> deploys) {
    Map<String, Integer> next = new HashMap<>();
    SplittableRandom r = rng.split();
    for (DeployEvent d : deploys) {
      Service s = services.get(d.service);
      if (s.tool() == World.DeployTool.HEROKU) {
        String app = names.herokuApp(s, d.env);
        int v = next.merge(app, 1, Integer::sum) + 100;
        herokuVersion.put(d, v);
        herokuId.put(d, new UUID(r.nextLong(), r.nextLong()).toString());
      }
    }
  }

  private void writeTexts(List<IncidentEvent> incidents, List<DeployEvent> deploys) {
    SplittableRandom r = rng.split();
    IncidentTexts texts = new IncidentTexts(services, style, names);
    Map<Integer, List<DeployEvent>> prodByService = new HashMap<>();
    for (DeployEvent d : deploys) {
      if (d.env.equals("production") && d.success) {
        prodByService.computeIfAbsent(d.service, k -> new ArrayList<>()).add(d);
      }
    }
    IncidentTexts.Handles handles =
        new IncidentTexts.Handles() {
          @Override
          public String pipelineOrDeployId(DeployEvent d) {
            Service s = services.get(d.service);
            return s.tool() == World.DeployTool.GITLAB
                ? "pipeline #" + d.pipelineId
                : "deployment " + d.toolId;
          }

          @Override
          public String prNote(DeployEvent d) {
            Service s = services.get(d.service);
            return s.tool() == World.DeployTool.GITLAB ? "merge request !" + d.pr : "PR #" + d.pr;
          }

          @Override
          public String release(DeployEvent d) {
            return "v" + herokuVersion.getOrDefault(d, 0);
          }

          @Override
          public DeployEvent decoy(IncidentEvent inc, SplittableRandom r) {
            DeployEvent d = decoyOf(prodByService.get(inc.service), inc, r);
            if (d == null && inc.cause != null && inc.cause.service != inc.service) {
              d = decoyOf(prodByService.get(inc.cause.service), inc, r);
            }
            return d;
          }
        };
    for (IncidentEvent inc : incidents) {
      boolean latest = true;
      if (inc.cause != null) {
        for (DeployEvent d : prodByService.getOrDefault(inc.cause.service, List.of())) {
          if (d.endMs > inc.cause.endMs && d.endMs < inc.onsetMs) {
            latest = false;
            break;
          }
        }
      }
      inc.causeIsLatest = latest;
      texts.write(inc, r, handles, latest);
    }
    Map<DeployEvent, Integer> causing = new HashMap<>();
    for (IncidentEvent inc : incidents) {
      if (inc.cause != null) {
        causing.merge(inc.cause, 1, Integer::sum);
      }
    }
    for (IncidentEvent inc : incidents) {
      cases.put(inc, caseOf(inc, causing));
    }
  }

  /**
   * A production deploy of a service that someone would name to rule it out: one of the last few
   * before onset (the latest most often), within a week, not a rollback, not of the causing change.
   */
  private static DeployEvent decoyOf(
      List<DeployEvent> prod, IncidentEvent inc, SplittableRandom r) {
    if (prod == null || prod.isEmpty()) {
      return null;
    }
    int lo = 0;
    int hi = prod.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (prod.get(mid).endMs < inc.onsetMs) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<DeployEvent> candidates = new ArrayList<>();
    for (int i = lo - 1; i >= 0 && candidates.size() < 5; i--) {
      DeployEvent d = prod.get(i);
      if (d.endMs < inc.onsetMs - 7 * DAY) {
        break;
      }
      if (!d.rollback && (inc.cause == null || d.change != inc.cause.change)) {
        candidates.add(d);
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    return r.nextDouble() < 0.6 ? candidates.get(0) : candidates.get(r.nextInt(candidates.size()));
  }

  /**
   * The shape of an incident's cause, the most specific that applies: the text rules a change out
   * ({@code decoy}); no change caused it ({@code not-change}); it cites the causing change ({@code
   * cited}) or quotes its title ({@code title-quoted}); the change was to a service it calls
   * ({@code upstream}); another deploy of the service came between cause and onset ({@code
   * own-earlier-deploy}); the deploy caused other incidents too ({@code shared-deploy}); else the
   * service's own last deploy ({@code own-last-deploy}). docs/truth-format.md lists them.
   */
  private static String caseOf(IncidentEvent inc, Map<DeployEvent, Integer> causing) {
    if (inc.decoy) {
      return "decoy";
    }
    if (inc.cause == null) {
      return "not-change";
    }
    if (inc.cited) {
      return "cited";
    }
    if (inc.titleQuoted) {
      return "title-quoted";
    }
    if (inc.cause.service != inc.service) {
      return "upstream";
    }
    if (!inc.causeIsLatest) {
      return "own-earlier-deploy";
    }
    if (causing.getOrDefault(inc.cause, 0) > 1) {
      return "shared-deploy";
    }
    return "own-last-deploy";
  }

  // ==================================================================== incidents

  private void writeIncidents(List<IncidentEvent> incidents) throws IOException {
    SplittableRandom r = rng.split();
    Map<String, List<IncidentEvent>> pdByMonth = new TreeMap<>();
    Map<Integer, List<IncidentEvent>> jiraByYear = new TreeMap<>();
    int jiraKey = 100;
    for (IncidentEvent inc : incidents) {
      Service s = services.get(inc.service);
      if (usesJira(s)) {
        jiraByYear
            .computeIfAbsent(
                Instant.ofEpochMilli(inc.detectedMs).atZone(ZoneOffset.UTC).getYear(),
                k -> new ArrayList<>())
            .add(inc);
        incidentIds.put(inc, "OPS-" + (++jiraKey));
      } else {
        pdByMonth.computeIfAbsent(pagerDutyFile(s, inc), k -> new ArrayList<>()).add(inc);
        incidentIds.put(inc, id14(r, 'Q'));
      }
    }
    int number = 1000;
    for (var e : pdByMonth.entrySet()) {
      Path p = file(e.getKey());
      try (JsonGenerator g = json(p)) {
        g.writeStartObject();
        g.writeArrayFieldStart("incidents");
        for (IncidentEvent inc : e.getValue()) {
          writePagerDuty(g, inc, ++number, r);
        }
        g.writeEndArray();
        g.writeNumberField("limit", 100);
        g.writeNumberField("offset", 0);
        g.writeNumberField("total", e.getValue().size());
        g.writeBooleanField("more", false);
        g.writeEndObject();
      }
    }
    for (var e : jiraByYear.entrySet()) {
      writeJira(e.getKey(), e.getValue());
    }
  }

  /** The zone the pull of PagerDuty incidents that holds the service's exported its times in. */
  private static final String PULL_ZONE = "America/Los_Angeles";

  /**
   * The file of the month's PagerDuty pull that holds an incident: one pull per month (MIXED, UTC),
   * or two (PULLS): one exported in UTC, one in the exporting person's offset.
   */
  private String pagerDutyFile(Service s, IncidentEvent inc) {
    String folder =
        style.zones() != Style.Zones.PULLS
            ? "incidents/pagerduty/"
            : s.index() % 2 == 0 ? "incidents/pagerduty/utc/" : "incidents/pagerduty/local/";
    return folder + "incidents-" + month(inc.detectedMs) + ".json";
  }

  private String pagerDutyTime(Service s, long ms) {
    switch (style.zones()) {
      case UTC:
        return iso(ms);
      case PULLS:
        return s.index() % 2 == 0 ? iso(ms) : isoOffset(ms, PULL_ZONE);
      default:
        return s.index() % 2 == 1 ? isoOffset(ms, s.teamZone()) : iso(ms);
    }
  }

  private void writePagerDuty(JsonGenerator g, IncidentEvent inc, int number, SplittableRandom r)
      throws IOException {
    Service s = services.get(inc.service);
    String id = incidentIds.get(inc);
    String created = pagerDutyTime(s, inc.detectedMs);
    String resolved = pagerDutyTime(s, inc.resolvedMs);
    String serviceId = "P" + Integer.toString(1_000_000 + s.index() * 7919, 36).toUpperCase();
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeStringField("type", "incident");
    g.writeStringField("summary", "[#" + number + "] " + inc.title);
    g.writeStringField("self", "https://api.pagerduty.com/incidents/" + id);
    g.writeStringField("html_url", "https://acme.pagerduty.com/incidents/" + id);
    g.writeNumberField("incident_number", number);
    g.writeStringField("title", inc.title);
    g.writeStringField("description", inc.title);
    g.writeStringField("created_at", created);
    g.writeStringField("updated_at", resolved);
    g.writeStringField("status", "resolved");
    g.writeStringField("incident_key", Long.toHexString(r.nextLong()));
    g.writeObjectFieldStart("service");
    g.writeStringField("id", serviceId);
    g.writeStringField("type", "service_reference");
    g.writeStringField("summary", names.pagerDuty(s));
    g.writeStringField("self", "https://api.pagerduty.com/services/" + serviceId);
    g.writeStringField("html_url", "https://acme.pagerduty.com/service-directory/" + serviceId);
    g.writeEndObject();
    g.writeArrayFieldStart("assignments");
    g.writeEndArray();
    g.writeStringField("last_status_change_at", resolved);
    g.writeStringField("resolved_at", resolved);
    g.writeStringField(
        "urgency", inc.severity.equals("SEV1") || inc.severity.equals("SEV2") ? "high" : "low");
    g.writeObjectFieldStart("priority");
    g.writeStringField("id", "PPRIO" + inc.severity.charAt(3));
    g.writeStringField("type", "priority");
    g.writeStringField("summary", "P" + inc.severity.charAt(3));
    g.writeEndObject();
    g.writeObjectFieldStart("escalation_policy");
    g.writeStringField("id", "PESC" + s.index());
    g.writeStringField("type", "escalation_policy_reference");
    g.writeStringField("summary", World.titleCase(s.name()) + " on-call");
    g.writeEndObject();
    g.writeArrayFieldStart("teams");
    g.writeEndArray();
    g.writeObjectFieldStart("body");
    g.writeStringField("type", "incident_body");
    String details = inc.description;
    if (!inc.postmortem.isEmpty()) {
      details += "\n\nPostmortem summary: " + inc.postmortem;
    }
    if (inc.services.size() > 1) {
      StringBuilder also = new StringBuilder("\nAlso affected: ");
      for (int k = 1; k < inc.services.size(); k++) {
        also.append(k > 1 ? ", " : "").append(names.pagerDuty(services.get(inc.services.get(k))));
      }
      details += also;
    }
    g.writeStringField("details", details);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String jiraIssueId(String key) {
    return String.valueOf(20000 + Integer.parseInt(key.substring(4)));
  }

  private void writeJira(int year, List<IncidentEvent> list) throws IOException {
    Path p = file("incidents/jira/incidents-" + year + ".csv");
    int maxComponents = list.stream().mapToInt(i -> i.services.size()).max().orElse(1);
    try (Writer w = text(p);
        CSVWriter csv = dev.rehearsal.util.CsvCells.writer(w)) {
      List<String> header =
          new ArrayList<>(
              List.of(
                  "Summary",
                  "Issue key",
                  "Issue id",
                  "Issue Type",
                  "Status",
                  "Project key",
                  "Priority",
                  "Resolution",
                  "Assignee",
                  "Reporter",
                  "Created",
                  "Updated",
                  "Resolved"));
      for (int k = 0; k < maxComponents; k++) {
        header.add("Component/s");
      }
      header.addAll(
          List.of(
              "Labels",
              "Labels",
              "Description",
              "Custom field (Incident Start)",
              "Custom field (Root Cause)",
              "Custom field (Severity)"));
      csv.writeNext(header.toArray(new String[0]));
      for (IncidentEvent inc : list) {
        String key = incidentIds.get(inc);
        List<String> row = new ArrayList<>();
        row.add(inc.title);
        row.add(key);
        row.add(jiraIssueId(key));
        row.add("Incident");
        row.add("Closed");
        row.add("OPS");
        row.add(
            List.of("Highest", "High", "Medium", "Low")
                .get(Integer.parseInt(inc.severity.substring(3)) - 1));
        row.add("Done");
        row.add("oncall-" + services.get(inc.service).name());
        row.add("alertmanager");
        row.add(JIRA.format(Instant.ofEpochMilli(inc.detectedMs)));
        row.add(JIRA.format(Instant.ofEpochMilli(inc.resolvedMs + 3_600_000L)));
        row.add(JIRA.format(Instant.ofEpochMilli(inc.resolvedMs)));
        for (int k = 0; k < maxComponents; k++) {
          row.add(k < inc.services.size() ? names.jira(services.get(inc.services.get(k))) : "");
        }
        row.add("incident");
        row.add(inc.severity.toLowerCase(Locale.ROOT));
        row.add(inc.description.replace(". ", ".\n"));
        row.add(JIRA.format(Instant.ofEpochMilli(inc.onsetMs)));
        row.add(inc.postmortem);
        row.add(inc.severity);
        csv.writeNext(row.toArray(new String[0]));
      }
    }
  }

  // ==================================================================== deploys

  private void writeDeploys(List<DeployEvent> deploys) throws IOException {
    Map<String, List<DeployEvent>> gitlab = new TreeMap<>();
    Map<String, List<DeployEvent>> github = new TreeMap<>();
    Map<String, List<DeployEvent>> heroku = new TreeMap<>();
    for (DeployEvent d : deploys) {
      Service s = services.get(d.service);
      switch (s.tool()) {
        case GITLAB:
          gitlab
              .computeIfAbsent(
                  names.repo(s) + "/deployments-" + quarter(d.startMs), k -> new ArrayList<>())
              .add(d);
          break;
        case GITHUB:
          github.computeIfAbsent(names.repo(s), k -> new ArrayList<>()).add(d);
          break;
        default:
          heroku.computeIfAbsent(names.herokuApp(s, d.env), k -> new ArrayList<>()).add(d);
          break;
      }
    }
    SplittableRandom r = rng.split();
    for (var e : gitlab.entrySet()) {
      try (JsonGenerator g = json(file("deploys/gitlab/" + e.getKey() + ".json"))) {
        g.writeStartArray();
        for (DeployEvent d : e.getValue()) {
          writeGitLab(g, d, r);
        }
        g.writeEndArray();
      }
    }
    for (var e : github.entrySet()) {
      List<DeployEvent> list = new ArrayList<>(e.getValue());
      list.sort(Comparator.comparingLong((DeployEvent d) -> d.startMs).reversed());
      int pages = (list.size() + 99) / 100;
      for (int p = 0; p < pages; p++) {
        List<DeployEvent> page = list.subList(p * 100, Math.min(list.size(), (p + 1) * 100));
        String name =
            String.format("deploys/github/%s/deployments-page-%04d.json", e.getKey(), p + 1);
        try (JsonGenerator g = json(file(name))) {
          writeGitHubPage(g, e.getKey(), page, list.size(), p + 1 < pages);
        }
      }
    }
    for (var e : heroku.entrySet()) {
      List<DeployEvent> list = new ArrayList<>(e.getValue());
      list.sort(Comparator.comparingLong((DeployEvent d) -> d.startMs).reversed());
      try (JsonGenerator g = json(file("deploys/heroku/" + e.getKey() + "-releases.json"))) {
        g.writeStartArray();
        for (DeployEvent d : list) {
          writeHeroku(g, e.getKey(), d, list);
        }
        g.writeEndArray();
      }
    }
  }

  private void writeGitLab(JsonGenerator g, DeployEvent d, SplittableRandom r) throws IOException {
    Service s = services.get(d.service);
    String status = d.success ? "success" : "failed";
    String path = names.owner(s) + "/" + names.repo(s);
    String project = "https://gitlab.acme.io/" + path;
    g.writeStartObject();
    g.writeNumberField("id", d.toolId);
    g.writeNumberField("iid", (int) (d.toolId % 100_000));
    g.writeStringField("ref", d.version);
    g.writeStringField("sha", d.sha);
    g.writeStringField("created_at", isoMs(d.startMs - 5000));
    g.writeStringField("updated_at", isoMs(d.endMs));
    g.writeStringField("status", status);
    g.writeObjectFieldStart("user");
    g.writeNumberField("id", 3000 + d.service);
    g.writeStringField("username", "release-bot");
    g.writeStringField("name", "Release Bot");
    g.writeStringField("state", "active");
    g.writeEndObject();
    g.writeObjectFieldStart("environment");
    g.writeNumberField("id", 500 + d.service * 10 + d.env.length());
    g.writeStringField("name", d.env);
    g.writeStringField("slug", d.env);
    g.writeStringField("external_url", "https://" + d.env + "." + s.configName() + ".acme.io");
    g.writeEndObject();
    g.writeObjectFieldStart("deployable");
    g.writeNumberField("id", d.toolId * 3 + 7);
    g.writeStringField("status", status);
    g.writeStringField("stage", "deploy");
    g.writeStringField("name", "deploy:" + d.env);
    g.writeStringField("ref", d.version);
    g.writeBooleanField("tag", true);
    g.writeNullField("coverage");
    g.writeBooleanField("allow_failure", false);
    g.writeStringField("created_at", isoMs(d.startMs - 5000));
    g.writeStringField("started_at", isoMs(d.startMs));
    g.writeStringField("finished_at", isoMs(d.endMs));
    g.writeNumberField("duration", (d.endMs - d.startMs) / 1000.0);
    g.writeObjectFieldStart("commit");
    g.writeStringField("id", d.sha);
    g.writeStringField("short_id", d.sha.substring(0, 8));
    g.writeStringField("created_at", isoOffset(d.startMs - 3_600_000L, s.teamZone()));
    String title = d.rollback ? "Revert to " + d.rollbackTo : d.change.title;
    g.writeStringField("title", title);
    g.writeStringField(
        "message",
        "Merge branch '"
            + branch(title)
            + "' into 'main'\n\n"
            + title
            + "\n\nSee merge request "
            + path
            + "!"
            + d.pr);
    g.writeStringField("author_name", "Dev " + (char) ('A' + r.nextInt(26)));
    g.writeStringField("web_url", project + "/-/commit/" + d.sha);
    g.writeEndObject();
    g.writeObjectFieldStart("pipeline");
    g.writeNumberField("id", d.pipelineId);
    g.writeNumberField("project_id", 40 + d.service);
    g.writeStringField("sha", d.sha);
    g.writeStringField("ref", d.version);
    g.writeStringField("status", status);
    g.writeStringField("source", "push");
    g.writeStringField("created_at", isoMs(d.startMs - 600_000L));
    g.writeStringField("updated_at", isoMs(d.endMs));
    g.writeStringField("web_url", project + "/-/pipelines/" + d.pipelineId);
    g.writeEndObject();
    g.writeStringField("web_url", project + "/-/jobs/" + (d.toolId * 3 + 7));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String branch(String title) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
  }

  private void writeGitHubPage(
      JsonGenerator g, String repo, List<DeployEvent> page, int total, boolean more)
      throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("data");
    g.writeObjectFieldStart("repository");
    g.writeStringField("name", repo);
    g.writeObjectFieldStart("deployments");
    g.writeNumberField("totalCount", total);
    g.writeObjectFieldStart("pageInfo");
    g.writeStringField("endCursor", "Y3Vyc29yOnYyOpK5" + page.size());
    g.writeBooleanField("hasNextPage", more);
    g.writeEndObject();
    g.writeArrayFieldStart("nodes");
    for (DeployEvent d : page) {
      Service s = services.get(d.service);
      g.writeStartObject();
      g.writeNumberField("databaseId", d.toolId);
      g.writeStringField("id", "DE_kwDO" + Long.toString(d.toolId * 31, 36).toUpperCase());
      g.writeStringField("task", "deploy");
      g.writeStringField("environment", d.env);
      String state = d.success ? "ACTIVE" : "FAILURE";
      g.writeStringField("state", state);
      String title = d.rollback ? "Revert to " + d.rollbackTo : d.change.title;
      if (plain) {
        g.writeStringField("description", d.rollback ? "Rollback to " + d.rollbackTo : "");
        g.writeStringField("payload", "{}");
      } else {
        // what a deploy workflow passes on: the change's title, its pull request
        g.writeStringField("description", d.rollback ? "Rollback to " + d.rollbackTo : title);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("pull_request", d.pr);
        payload.put("title", title);
        payload.put("ref", d.version);
        g.writeStringField("payload", Json.mapper().writeValueAsString(payload));
      }
      g.writeStringField("commitOid", d.sha);
      g.writeObjectFieldStart("ref");
      g.writeStringField("name", d.version);
      g.writeStringField("prefix", "refs/tags/");
      g.writeEndObject();
      g.writeObjectFieldStart("statuses");
      g.writeArrayFieldStart("nodes");
      writeGhStatus(g, d.success ? "SUCCESS" : "FAILURE", d.endMs);
      writeGhStatus(g, "IN_PROGRESS", d.startMs + 2000);
      writeGhStatus(g, "QUEUED", d.startMs);
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("latestStatus");
      g.writeStringField("state", d.success ? "SUCCESS" : "FAILURE");
      g.writeStringField("updatedAt", iso(d.endMs));
      g.writeEndObject();
      g.writeObjectFieldStart("repository");
      String owner = names.owner(s);
      g.writeStringField("name", names.repo(s));
      g.writeStringField("nameWithOwner", owner + "/" + names.repo(s));
      g.writeStringField("url", "https://github.com/" + owner + "/" + names.repo(s));
      g.writeEndObject();
      g.writeStringField("createdAt", iso(d.startMs));
      g.writeStringField("updatedAt", iso(d.endMs));
      g.writeObjectFieldStart("commit");
      g.writeStringField("oid", d.sha);
      g.writeStringField(
          "message",
          "Merge pull request #" + d.pr + " from " + owner + "/" + branch(title) + "\n\n" + title);
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeGhStatus(JsonGenerator g, String state, long ms) throws IOException {
    g.writeStartObject();
    g.writeStringField("state", state);
    g.writeStringField("updatedAt", iso(ms));
    g.writeEndObject();
  }

  private void writeHeroku(JsonGenerator g, String app, DeployEvent d, List<DeployEvent> list)
      throws IOException {
    int v = herokuVersion.get(d);
    g.writeStartObject();
    g.writeArrayFieldStart("addon_plan_names");
    g.writeString("heroku-postgresql:standard-0");
    g.writeEndArray();
    g.writeObjectFieldStart("app");
    g.writeStringField(
        "id", UUID.nameUUIDFromBytes(app.getBytes(StandardCharsets.UTF_8)).toString());
    g.writeStringField("name", app);
    g.writeEndObject();
    g.writeStringField("created_at", iso(d.startMs));
    String desc;
    if (d.rollback) {
      int target = v - 1;
      for (DeployEvent o : list) {
        if (!o.rollback && o.version.equals(d.rollbackTo)) {
          target = herokuVersion.get(o);
          break;
        }
      }
      desc = "Rollback to v" + target;
    } else if (plain) {
      desc = "Deploy " + d.sha.substring(0, 8);
    } else {
      desc = "Deploy " + d.sha.substring(0, 8) + ": " + d.change.title;
    }
    g.writeStringField("description", desc);
    g.writeStringField("status", d.success ? "succeeded" : "failed");
    g.writeStringField("id", herokuId.get(d));
    g.writeObjectFieldStart("slug");
    g.writeStringField(
        "id", UUID.nameUUIDFromBytes(d.sha.getBytes(StandardCharsets.UTF_8)).toString());
    g.writeEndObject();
    g.writeStringField("updated_at", iso(d.endMs));
    g.writeObjectFieldStart("user");
    g.writeStringField("email", "release-bot@acme.io");
    g.writeStringField("id", "5d1f0b6e-0a7e-4c9a-9a3f-release0bot");
    g.writeEndObject();
    g.writeNumberField("version", v);
    g.writeBooleanField("current", list.get(0) == d);
    g.writeNullField("output_stream_url");
    g.writeEndObject();
  }

  // ==================================================================== runs

  private void writeRuns(List<RunEvent> runs, TaskMonitor m) throws IOException {
    Path manifest = file("staging/rehearsal-manifest.csv");
    try (Writer mw = text(manifest);
        CSVWriter csv = dev.rehearsal.util.CsvCells.writer(mw)) {
      csv.writeNext(
          new String[] {"file", "service", "environment", "version", "commit", "time"}, false);
      long k = 0;
      for (RunEvent run : runs) {
        if ((++k & 1023) == 0) {
          m.checkCancelled();
        }
        Service s = services.get(run.service);
        String rel;
        if (run.load) {
          rel = "k6/" + s.configName() + "/" + run.runId + ".json";
          writeK6(out.resolve("staging").resolve(rel), run, s);
        } else {
          rel =
              "junit/" + s.configName() + "/" + month(run.startMs) + "/TEST-" + run.runId + ".xml";
          writeJUnit(out.resolve("staging").resolve(rel), run, s);
          if (!run.selfDescribing) {
            boolean heroku = s.tool() == World.DeployTool.HEROKU;
            csv.writeNext(
                new String[] {
                  rel,
                  s.configName(),
                  "staging",
                  heroku ? "" : run.change.version,
                  run.change.sha,
                  iso(run.startMs)
                },
                false);
          }
        }
      }
    }
  }

  private static final String[] VERBS = {
    "creates",
    "updates",
    "rejects",
    "lists",
    "cancels",
    "refunds",
    "retries",
    "validates",
    "paginates",
    "caches",
    "exports",
    "imports"
  };
  private static final String[] NOUNS = {
    "Order",
    "Cart",
    "Payment",
    "User",
    "Item",
    "Coupon",
    "Shipment",
    "Invoice",
    "Session",
    "Address",
    "Price",
    "Stock"
  };

  private void writeJUnit(Path p, RunEvent run, Service s) throws IOException {
    Files.createDirectories(p.getParent());
    SplittableRandom r = new SplittableRandom(run.runId.hashCode() * 31L + run.startMs);
    int errors = 0;
    StringBuilder sb = new StringBuilder(256 + run.total * 120);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" name=\"")
        .append(run.suite)
        .append("\" time=\"")
        .append(String.format(Locale.ROOT, "%.3f", run.durationS))
        .append("\" tests=\"")
        .append(run.total)
        .append("\" errors=\"")
        .append(errors)
        .append("\" skipped=\"")
        .append(run.skipped)
        .append("\" failures=\"")
        .append(run.failed)
        .append("\" timestamp=\"")
        .append(SUREFIRE.format(Instant.ofEpochMilli(run.startMs)))
        .append("\" hostname=\"ci-")
        .append(r.nextInt(40))
        .append("\">\n");
    if (run.selfDescribing) {
      sb.append("  <properties>\n");
      property(sb, "service", s.configName());
      if (s.tool() != World.DeployTool.HEROKU) {
        property(sb, "version", run.change.version);
      }
      property(sb, "git.commit", run.change.sha);
      property(sb, "environment", "staging");
      property(sb, "java.version", "21.0.2");
      sb.append("  </properties>\n");
    }
    String pkg = "com.acme." + s.name().replace("-", "");
    // as exported, a third of the test classes are named after the tables they exercise
    boolean tableTests = asExported() && !s.tables().isEmpty();
    for (int i = 0; i < run.total; i++) {
      String cls =
          tableTests && (i / 7) % 3 == 0
              ? pkg + "." + camel(s.tables().get((i / 21) % s.tables().size())) + "RepositoryIT"
              : pkg + "." + NOUNS[(i / 7) % NOUNS.length] + "FlowIT";
      String name =
          VERBS[i % VERBS.length]
              + NOUNS[(i * 5) % NOUNS.length]
              + (i >= VERBS.length ? "Case" + i : "");
      sb.append("  <testcase name=\"")
          .append(name)
          .append("\" classname=\"")
          .append(cls)
          .append("\" time=\"")
          .append(String.format(Locale.ROOT, "%.3f", r.nextDouble() * 4))
          .append('"');
      if (i < run.failed) {
        sb.append(
                ">\n    <failure message=\"expected: &lt;200&gt; but was: &lt;500&gt;\" "
                    + "type=\"org.opentest4j.AssertionFailedError\">org.opentest4j."
                    + "AssertionFailedError: expected: &lt;200&gt; but was: &lt;500&gt;\n\tat ")
            .append(cls)
            .append('.')
            .append(name)
            .append("(")
            .append(cls.substring(cls.lastIndexOf('.') + 1))
            .append(".java:")
            .append(40 + i)
            .append(")\n</failure>\n  </testcase>\n");
      } else if (i >= run.total - run.skipped) {
        sb.append(">\n    <skipped message=\"quarantined\"/>\n  </testcase>\n");
      } else {
        sb.append("/>\n");
      }
    }
    sb.append("</testsuite>\n");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
  }

  /** "ledger_entries" as "LedgerEntries". */
  private static String camel(String table) {
    StringBuilder sb = new StringBuilder();
    for (String part : table.split("_")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  private static void property(StringBuilder sb, String name, String value) {
    sb.append("    <property name=\"")
        .append(name)
        .append("\" value=\"")
        .append(value)
        .append("\"/>\n");
  }

  private void writeK6(Path p, RunEvent run, Service s) throws IOException {
    Files.createDirectories(p.getParent());
    double durationS = run.durationS;
    double meanRps = run.peakRps * 0.8;
    long count = Math.round(meanRps * durationS);
    boolean handleSummary = (run.runId.hashCode() & 1) == 0;
    try (JsonGenerator g = json(p)) {
      g.writeStartObject();
      if (handleSummary) {
        g.writeObjectFieldStart("state");
        g.writeNumberField("testRunDurationMs", durationS * 1000);
        g.writeEndObject();
      }
      g.writeObjectFieldStart("metrics");
      k6Metric(
          g,
          handleSummary,
          "http_reqs",
          "counter",
          Map.of("count", (double) count, "rate", meanRps));
      k6Metric(
          g,
          handleSummary,
          "http_req_duration",
          "trend",
          Map.of(
              "avg",
              run.p95 * 0.45,
              "min",
              3.2,
              "med",
              run.p95 * 0.4,
              "max",
              run.p99 * 2.1,
              "p(90)",
              run.p95 * 0.85,
              "p(95)",
              run.p95,
              "p(99)",
              run.p99));
      k6Metric(
          g,
          handleSummary,
          "http_req_failed",
          "rate",
          Map.of(
              "rate",
              0.002,
              "passes",
              (double) Math.round(count * 0.002),
              "fails",
              (double) (count - Math.round(count * 0.002))));
      k6Metric(
          g, handleSummary, "vus_max", "gauge", Map.of("value", 50.0, "min", 50.0, "max", 50.0));
      k6Metric(
          g,
          handleSummary,
          "iterations",
          "counter",
          Map.of("count", (double) (count / 4), "rate", meanRps / 4));
      g.writeEndObject();
      g.writeObjectFieldStart("root_group");
      g.writeStringField("name", "");
      g.writeStringField("path", "");
      g.writeStringField("id", "d41d8cd98f00b204e9800998ecf8427e");
      g.writeArrayFieldStart("groups");
      g.writeEndArray();
      g.writeArrayFieldStart("checks");
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
    Path side = p.resolveSibling(p.getFileName() + ".rehearsal.json");
    try (JsonGenerator g = json(side)) {
      g.writeStartObject();
      g.writeStringField("service", s.configName());
      g.writeStringField("environment", "staging");
      if (s.tool() != World.DeployTool.HEROKU) {
        g.writeStringField("version", run.change.version);
      }
      g.writeStringField("commit", run.change.sha);
      g.writeStringField("time", iso(run.startMs));
      g.writeEndObject();
    }
  }

  private static void k6Metric(
      JsonGenerator g, boolean handleSummary, String name, String type, Map<String, Double> values)
      throws IOException {
    g.writeObjectFieldStart(name);
    if (handleSummary) {
      g.writeStringField("type", type);
      g.writeStringField("contains", name.contains("duration") ? "time" : "default");
      g.writeObjectFieldStart("values");
    }
    for (var e : new TreeMap<>(values).entrySet()) {
      String k =
          !handleSummary && type.equals("rate") && e.getKey().equals("rate") ? "value" : e.getKey();
      g.writeNumberField(k, e.getValue());
    }
    if (handleSummary) {
      g.writeEndObject();
      if (type.equals("trend") && name.equals("http_req_duration")) {
        g.writeObjectFieldStart("thresholds");
        g.writeObjectFieldStart("p(95)<800");
        g.writeBooleanField("ok", values.get("p(95)") < 800);
        g.writeEndObject();
        g.writeEndObject();
      }
    }
    g.writeEndObject();
  }

  // ==================================================================== config

  private void writeConfig(List<ConfigEvent> events) throws IOException {
    if (asExported()) {
      writeConfigAsExported(events);
      return;
    }
    long startMs = start.toEpochMilli();
    long endMs = end.toEpochMilli();
    long span = endMs - startMs;
    long step = span > 730 * DAY ? 91 * DAY : 30 * DAY;
    Path manifest = file("config/rehearsal-manifest.csv");
    try (Writer mw = text(manifest);
        CSVWriter csv = dev.rehearsal.util.CsvCells.writer(mw)) {
      csv.writeNext(new String[] {"file", "service", "environment", "time"}, false);
      for (Service s : services) {
        for (String env : List.of("staging", "production")) {
          List<Long> times = new ArrayList<>();
          for (long t = startMs; t < endMs; t += step) {
            times.add(t);
          }
          for (ConfigEvent e : events) {
            if (e.service() == s.index()
                && e.env().equals(env)
                && e.atMs() > startMs
                && e.atMs() < endMs) {
              times.add(e.atMs() + 3_600_000L);
            }
          }
          times.sort(null);
          for (long t : times) {
            Map<String, String> values = new LinkedHashMap<>();
            for (World.ConfigKey k : World.configKeys(s)) {
              values.put(k.key(), env.equals("production") ? k.prod() : k.staging());
            }
            for (ConfigEvent e : events) {
              if (e.service() == s.index() && e.env().equals(env) && e.atMs() <= t) {
                values.put(e.key(), e.value());
              }
            }
            String rel = writeSnapshot(s, env, t, values);
            csv.writeNext(new String[] {rel, s.configName(), env, iso(t)}, false);
          }
        }
      }
    }
  }

  /**
   * Configuration as an organisation has it: what each environment runs now, one file per service
   * and environment named {@code <service>.<environment>.<ext>}, with a JDBC URL that names the
   * schema of the service's tables, and no time anywhere: no manifest, no export comment, no
   * ConfigMap timestamps.
   */
  private void writeConfigAsExported(List<ConfigEvent> events) throws IOException {
    for (Service s : services) {
      for (String env : List.of("staging", "production")) {
        Map<String, String> values = new LinkedHashMap<>();
        for (World.ConfigKey k : World.configKeys(s)) {
          values.put(k.key(), env.equals("production") ? k.prod() : k.staging());
        }
        values.put(
            "db.url",
            "jdbc:postgresql://"
                + values.get("db.host")
                + ":5432/shop?currentSchema="
                + ToolNames.schema(s));
        for (ConfigEvent e : events) {
          if (e.service() == s.index() && e.env().equals(env)) {
            values.put(e.key(), e.value());
          }
        }
        String base = s.configName() + "/" + s.configName() + "." + env;
        switch (s.configStyle()) {
          case PROPERTIES:
            try (Writer w = text(file("config/" + base + ".properties"))) {
              for (var e : values.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
              }
            }
            break;
          case DOTENV:
            try (Writer w = text(file("config/" + base + ".env"))) {
              for (var e : values.entrySet()) {
                w.write(envKey(e.getKey()) + "=" + quoteEnv(e.getValue()) + "\n");
              }
            }
            break;
          case YAML:
            try (Writer w = text(file("config/" + base + ".yml"))) {
              writeNestedYaml(w, values);
            }
            break;
          default:
            try (Writer w = text(file("config/" + base + ".yaml"))) {
              w.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n");
              w.write("  name: " + s.configName() + "-config\n");
              w.write("  namespace: " + s.configName() + "-" + env + "\n");
              w.write("  labels:\n    app: " + s.configName() + "\n");
              w.write("data:\n");
              for (var e : values.entrySet()) {
                w.write(
                    "  "
                        + envKey(e.getKey())
                        + ": \""
                        + e.getValue().replace("\"", "\\\"")
                        + "\"\n");
              }
            }
            break;
        }
      }
    }
  }

  private String writeSnapshot(Service s, String env, long t, Map<String, String> values)
      throws IOException {
    String date =
        DATE.format(Instant.ofEpochMilli(t))
            + "T"
            + String.format("%02d", Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).getHour());
    String dir = s.configName() + "/" + env + "/";
    switch (s.configStyle()) {
      case PROPERTIES:
        {
          String rel = dir + "application-" + date + ".properties";
          try (Writer w = text(file("config/" + rel))) {
            w.write(
                "# " + s.configName() + " " + env + " configuration, exported " + iso(t) + "\n");
            for (var e : values.entrySet()) {
              w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
          }
          return rel;
        }
      case DOTENV:
        {
          String rel = dir + date + ".env";
          try (Writer w = text(file("config/" + rel))) {
            w.write("# exported " + iso(t) + "\n");
            for (var e : values.entrySet()) {
              w.write(envKey(e.getKey()) + "=" + quoteEnv(e.getValue()) + "\n");
            }
          }
          return rel;
        }
      case YAML:
        {
          String rel = dir + "application-" + date + ".yml";
          try (Writer w = text(file("config/" + rel))) {
            writeNestedYaml(w, values);
          }
          return rel;
        }
      default:
        {
          String rel = dir + "configmap-" + date + ".yaml";
          try (Writer w = text(file("config/" + rel))) {
            w.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n");
            w.write("  name: " + s.configName() + "-config\n");
            w.write("  namespace: " + s.configName() + "-" + env + "\n");
            w.write("  labels:\n    app: " + s.configName() + "\n");
            w.write("  creationTimestamp: \"" + iso(t) + "\"\n");
            w.write("data:\n");
            for (var e : values.entrySet()) {
              w.write(
                  "  " + envKey(e.getKey()) + ": \"" + e.getValue().replace("\"", "\\\"") + "\"\n");
            }
          }
          return rel;
        }
    }
  }

  private static String envKey(String key) {
    if (key.equals(key.toUpperCase(Locale.ROOT))) {
      return key;
    }
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static String quoteEnv(String v) {
    return v.contains(" ") || v.contains("#") ? "\"" + v + "\"" : v;
  }

  private static void writeNestedYaml(Writer w, Map<String, String> values) throws IOException {
    Map<String, Object> tree = new TreeMap<>();
    for (var e : values.entrySet()) {
      String key = e.getKey();
      String[] parts =
          key.equals(key.toUpperCase(Locale.ROOT)) ? new String[] {key} : key.split("\\.");
      Map<String, Object> node = tree;
      for (int i = 0; i < parts.length - 1; i++) {
        Object next = node.get(parts[i]);
        if (!(next instanceof Map)) {
          next = new TreeMap<String, Object>();
          node.put(parts[i], next);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) next;
        node = child;
      }
      node.put(parts[parts.length - 1], e.getValue());
    }
    writeYamlNode(w, tree, 0);
  }

  @SuppressWarnings("unchecked")
  private static void writeYamlNode(Writer w, Map<String, Object> node, int depth)
      throws IOException {
    for (var e : node.entrySet()) {
      w.write("  ".repeat(depth) + e.getKey() + ":");
      if (e.getValue() instanceof Map) {
        w.write("\n");
        writeYamlNode(w, (Map<String, Object>) e.getValue(), depth + 1);
      } else {
        w.write(" \"" + e.getValue().toString().replace("\"", "\\\"") + "\"\n");
      }
    }
  }

  // ==================================================================== flags

  private void writeFlags(List<FlagEvent> events) throws IOException {
    long startMs = start.toEpochMilli();
    long created = startMs - 30 * DAY;
    for (long t = startMs + 30 * DAY; t < end.toEpochMilli() + 30 * DAY; t += 91 * DAY) {
      long asOf = Math.min(t, end.toEpochMilli());
      Path p = file("flags/launchdarkly-flags-" + month(asOf) + ".json");
      try (JsonGenerator g = json(p)) {
        g.writeStartObject();
        g.writeObjectFieldStart("_links");
        g.writeObjectFieldStart("self");
        g.writeStringField("href", "/api/v2/flags/acme-shop?summary=0");
        g.writeStringField("type", "application/json");
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("items");
        int n = 0;
        for (Service s : services) {
          for (String flag : World.flags(s)) {
            n++;
            g.writeStartObject();
            g.writeStringField("key", flag);
            g.writeStringField("name", flag.replace('-', ' '));
            g.writeStringField("kind", "boolean");
            g.writeNumberField("_version", 3);
            g.writeNumberField("creationDate", created);
            g.writeArrayFieldStart("variations");
            for (boolean b : new boolean[] {true, false}) {
              g.writeStartObject();
              g.writeStringField(
                  "_id",
                  java.util
                      .UUID
                      .nameUUIDFromBytes((flag + b).getBytes(StandardCharsets.UTF_8))
                      .toString());
              g.writeBooleanField("value", b);
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tags");
            g.writeString("service:" + s.configName());
            g.writeEndArray();
            g.writeBooleanField("temporary", true);
            g.writeBooleanField("archived", false);
            g.writeObjectFieldStart("environments");
            for (String env : List.of("production", "staging")) {
              boolean on = false;
              long modified = created;
              for (FlagEvent e : events) {
                if (e.service() == s.index()
                    && e.flag().equals(flag)
                    && e.env().equals(env)
                    && e.atMs() <= asOf) {
                  on = e.on();
                  modified = e.atMs();
                }
              }
              g.writeObjectFieldStart(env);
              g.writeBooleanField("on", on);
              g.writeBooleanField("archived", false);
              g.writeNumberField("lastModified", modified);
              g.writeNumberField("version", 1);
              g.writeStringField("_environmentName", World.titleCase(env));
              g.writeStringField("salt", Integer.toHexString((flag + env).hashCode()));
              g.writeBooleanField("trackEvents", false);
              g.writeBooleanField("trackEventsFallthrough", false);
              g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
          }
        }
        g.writeEndArray();
        g.writeNumberField("totalCount", n);
        g.writeEndObject();
      }
    }
  }

  // ==================================================================== facts

  private void writeTraffic(List<Spike> spikes, List<RunEvent> runs) throws IOException {
    Map<Long, Double> spikeBy = new HashMap<>();
    for (Spike s : spikes) {
      spikeBy.merge(s.service() * 100_000L + s.dayMs() / DAY, s.factor(), Math::max);
    }
    SplittableRandom r = rng.split();
    try (Writer w = text(file("facts/traffic.csv"));
        CSVWriter csv = dev.rehearsal.util.CsvCells.writer(w)) {
      csv.writeNext(new String[] {"environment", "service", "peak_rps", "as_of"}, false);
      for (long day = start.toEpochMilli(); day < end.toEpochMilli(); day += DAY) {
        int dow = Instant.ofEpochMilli(day).atZone(ZoneOffset.UTC).getDayOfWeek().getValue();
        double weekly = dow >= 6 ? 0.75 : 1.0;
        for (Service s : services) {
          double peak = s.prodPeakRps() * weekly * (0.85 + r.nextDouble() * 0.3);
          Double f = spikeBy.get(s.index() * 100_000L + day / DAY);
          if (f != null) {
            peak *= f;
          }
          csv.writeNext(
              new String[] {
                "production",
                s.configName(),
                String.valueOf(Math.round(peak)),
                DATE.format(Instant.ofEpochMilli(day))
              },
              false);
          if (dow == 1) {
            csv.writeNext(
                new String[] {
                  "staging",
                  s.configName(),
                  String.valueOf(Math.round(3 + s.prodPeakRps() * 0.004 * (0.5 + r.nextDouble()))),
                  DATE.format(Instant.ofEpochMilli(day))
                },
                false);
          }
        }
      }
    }
  }

  private void writeDataVolume() throws IOException {
    if (asExported()) {
      writeTableRows();
      return;
    }
    SplittableRandom r = rng.split();
    long startMs = start.toEpochMilli();
    long span = end.toEpochMilli() - startMs;
    try (Writer w = text(file("facts/data-volume.csv"));
        CSVWriter csv = dev.rehearsal.util.CsvCells.writer(w)) {
      csv.writeNext(new String[] {"environment", "table", "rows", "as_of", "service"}, false);
      for (long t = startMs; t < end.toEpochMilli(); t += 30 * DAY) {
        double growth = 0.6 + 0.4 * (t - startMs) / (double) span;
        for (Service s : services) {
          int k = 0;
          for (String table : s.tables()) {
            long prodRows =
                Math.round(s.prodRows() * growth / (1 + k) * (0.9 + r.nextDouble() * 0.2));
            long stagingRows = 1500 + (long) (r.nextDouble() * 40_000) / (1 + k);
            String date = DATE.format(Instant.ofEpochMilli(t));
            csv.writeNext(
                new String[] {"production", table, String.valueOf(prodRows), date, s.configName()},
                false);
            csv.writeNext(
                new String[] {"staging", table, String.valueOf(stagingRows), date, s.configName()},
                false);
            k++;
          }
        }
      }
    }
  }

  /**
   * Row counts as database statistics export them: one row per schema-qualified table per
   * environment per month, no service. Which service a table belongs to shows only in incident
   * text, the JDBC URLs' schemas and test class names.
   */
  private void writeTableRows() throws IOException {
    SplittableRandom r = rng.split();
    long startMs = start.toEpochMilli();
    long span = end.toEpochMilli() - startMs;
    try (Writer w = text(file("facts/table-rows.csv"));
        CSVWriter csv = new CSVWriter(w)) {
      csv.writeNext(new String[] {"environment", "table", "rows", "as_of"}, false);
      for (long t = startMs; t < end.toEpochMilli(); t += 30 * DAY) {
        double growth = 0.6 + 0.4 * (t - startMs) / (double) span;
        String date = DATE.format(Instant.ofEpochMilli(t));
        for (String env : List.of("production", "staging")) {
          for (Service s : services) {
            int k = 0;
            for (String table : s.tables()) {
              long rows =
                  env.equals("production")
                      ? Math.round(s.prodRows() * growth / (1 + k) * (0.9 + r.nextDouble() * 0.2))
                      : 1500 + (long) (r.nextDouble() * 40_000) / (1 + k);
              csv.writeNext(
                  new String[] {env, ToolNames.schema(s) + "." + table, String.valueOf(rows), date},
                  false);
              k++;
            }
          }
        }
      }
    }
  }

  private void writeMocks() throws IOException {
    if (asExported()) {
      writeMocksPerService();
      return;
    }
    for (Service s : services) {
      for (String v : s.vendors()) {
        World.Vendor vendor = World.VENDORS.get(v);
        String dir = "mocks/staging/" + s.configName() + "/" + v + "/mappings/";
        int k = 0;
        for (String endpoint : vendor.endpoints()) {
          String method = endpoint.substring(0, endpoint.indexOf(' '));
          String path =
              endpoint
                  .substring(endpoint.indexOf(' ') + 1)
                  .replace("{id}", "[^/]+")
                  .replace("{sid}", "[^/]+")
                  .replace("{carrier}", "[^/]+");
          try (JsonGenerator g = json(file(dir + "stub-" + (++k) + ".json"))) {
            g.writeStartObject();
            g.writeStringField("name", vendor.display() + " " + endpoint);
            g.writeObjectFieldStart("request");
            g.writeStringField("method", method);
            g.writeStringField("urlPathPattern", "/" + v + path);
            g.writeEndObject();
            g.writeObjectFieldStart("response");
            g.writeNumberField("status", 200);
            g.writeObjectFieldStart("headers");
            g.writeStringField("Content-Type", "application/json");
            g.writeEndObject();
            g.writeObjectFieldStart("jsonBody");
            g.writeStringField("id", v + "_mock_" + k);
            g.writeStringField("status", "succeeded");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
          }
        }
        try (JsonGenerator g = json(file(dir + "rehearsal.json"))) {
          g.writeStartObject();
          g.writeStringField("service", s.configName());
          g.writeStringField("environment", "staging");
          g.writeStringField("time", iso(start.toEpochMilli()));
          g.writeEndObject();
        }
      }
    }
  }

  /**
   * WireMock mappings as a staging stack keeps them: one folder per service with the stubs of every
   * third party it calls, named by vendor and endpoint, and nothing saying which service,
   * environment or time they belong to.
   */
  private void writeMocksPerService() throws IOException {
    for (Service s : services) {
      for (String v : s.vendors()) {
        World.Vendor vendor = World.VENDORS.get(v);
        int k = 0;
        for (String endpoint : vendor.endpoints()) {
          String method = endpoint.substring(0, endpoint.indexOf(' '));
          String path =
              endpoint
                  .substring(endpoint.indexOf(' ') + 1)
                  .replace("{id}", "[^/]+")
                  .replace("{sid}", "[^/]+")
                  .replace("{carrier}", "[^/]+");
          String rel = "mocks/" + s.configName() + "/mappings/" + v + "-" + (++k) + ".json";
          try (JsonGenerator g = json(file(rel))) {
            g.writeStartObject();
            g.writeStringField("name", vendor.display() + " " + endpoint);
            g.writeObjectFieldStart("request");
            g.writeStringField("method", method);
            g.writeStringField("urlPathPattern", path);
            g.writeEndObject();
            g.writeObjectFieldStart("response");
            g.writeNumberField("status", 200);
            g.writeObjectFieldStart("jsonBody");
            g.writeStringField("id", v + "_stub_" + k);
            g.writeStringField("status", "succeeded");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
          }
        }
      }
    }
  }

  private void writeAliasesAndSettings() throws IOException {
    try (Writer w = text(file("aliases.csv"));
        CSVWriter csv = dev.rehearsal.util.CsvCells.writer(w)) {
      csv.writeNext(new String[] {"alias", "service"}, false);
      for (var e : names.aliases().entrySet()) {
        csv.writeNext(new String[] {e.getKey(), e.getValue()}, false);
      }
    }
    Map<String, Object> deps = new TreeMap<>();
    for (Service s : services) {
      if (!s.dependsOn().isEmpty()) {
        deps.put(s.name(), s.dependsOn());
      }
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("services", Map.of("dependencies", deps));
    Files.writeString(
        file("settings.json"), Json.pretty().writeValueAsString(settings), StandardCharsets.UTF_8);
  }

  // ==================================================================== truth

  /** Keys of a deploy as the importers name it: {@code source/sourceId}. */
  String deployTruthKey(DeployEvent d) {
    Service s = services.get(d.service);
    switch (s.tool()) {
      case GITLAB:
        return "gitlab/" + d.toolId;
      case GITHUB:
        return "github/" + d.toolId;
      default:
        return "heroku/" + herokuId.get(d);
    }
  }

  private void writeTruth(List<IncidentEvent> incidents) throws IOException {
    try (Writer w = text(file("truth.csv"));
        CSVWriter csv = dev.rehearsal.util.CsvCells.writer(w)) {
      csv.writeNext(
          labelled
              ? new String[] {"incident", "caused_by", "verdict", "gaps", "style", "case"}
              : new String[] {"incident", "caused_by", "verdict", "gaps"},
          false);
      for (IncidentEvent inc : incidents) {
        Service s = services.get(inc.service);
        // Jira incidents are keyed by the issue id, PagerDuty ones by the incident id
        String id =
            usesJira(s)
                ? "jira/" + jiraIssueId(incidentIds.get(inc))
                : "pagerduty/" + incidentIds.get(inc);
        String causedBy = inc.cause == null ? "" : deployTruthKey(inc.cause);
        String gaps = String.join(";", inc.gaps);
        csv.writeNext(
            labelled
                ? new String[] {id, causedBy, inc.verdict, gaps, style.name(), cases.get(inc)}
                : new String[] {id, causedBy, inc.verdict, gaps},
            false);
      }
    }
  }

  private void writeReadme(
      List<Change> changes,
      List<DeployEvent> deploys,
      List<RunEvent> runs,
      List<IncidentEvent> incidents)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# Rehearsal demo scenario\n\n");
    sb.append("Generated history of a fictional shop, ")
        .append(DATE.format(start))
        .append(" to ")
        .append(DATE.format(end))
        .append(", in the export formats of its ")
        .append("tools.\n\n");
    sb.append("- ")
        .append(services.size())
        .append(" services, ")
        .append(changes.size())
        .append(" changes, ")
        .append(deploys.size())
        .append(" deploys, ")
        .append(runs.size())
        .append(" staging runs, ")
        .append(incidents.size())
        .append(" incidents\n");
    sb.append("- incidents/: PagerDuty REST API JSON (one list per month) and Jira Service ")
        .append("Management CSV exports (one per year)\n");
    sb.append("- deploys/: GitLab deployments API, GitHub GraphQL deployment pages, Heroku ")
        .append("releases\n");
    sb.append("- staging/: JUnit XML (Surefire) and k6 summaries; rehearsal-manifest.csv and ")
        .append("*.rehearsal.json sidecars say what the files do not\n");
    sb.append("- config/: staging and production configuration snapshots (.properties, .env, ")
        .append("YAML, ConfigMaps) with a manifest; flags/: LaunchDarkly flag lists\n");
    sb.append("- facts/: traffic peaks and table row counts; mocks/: WireMock mappings of ")
        .append("staging\n");
    sb.append("- aliases.csv, settings.json: service aliases and dependencies for the ")
        .append("workspace\n");
    sb.append("- truth.csv: the ground truth (see docs/truth-format.md)\n");
    if (labelled) {
      sb.append("\nStyle: ")
          .append(style.name())
          .append(" (")
          .append(style.split().code())
          .append("): ")
          .append(style.summary())
          .append(".\n\n");
      for (String line : style.describe()) {
        sb.append("- ").append(line).append('\n');
      }
    }
    Files.writeString(file("README.md"), sb.toString(), StandardCharsets.UTF_8);
  }
}
