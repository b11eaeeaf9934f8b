package dev.rehearsal.app;

import dev.rehearsal.analysis.Engine;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.SearchHit;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything about one incident a reviewer reads: the incident, its finding with the highlighted
 * passages, the alternatives the linker weighed, the review history, and the timeline of its
 * services and the services they depend on around onset.
 */
public final class IncidentDetails {
  /** How far before onset the timeline reaches: the staging look-back of most changes. */
  static final Duration BEFORE = Duration.ofDays(7);

  /** How far after resolution (or onset) it reaches. */
  static final Duration AFTER = Duration.ofDays(1);

  private final Workspace ws;

  IncidentDetails(Workspace ws) {
    this.ws = ws;
  }

  /** An incident that no handle names, or that several do. */
  public static final class NotFound extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }

  /**
   * The key of the one incident a user's handle names: its key, source/id, or the id or reference
   * its tool shows ("OPS-126", "#1030").
   */
  public static String resolve(Workspace ws, String handle) throws IOException {
    List<String> keys = ws.records().incidentKeysFor(handle);
    if (keys.isEmpty()) {
      throw new NotFound(
          "no incident '"
              + handle
              + "' in the workspace (give its key, source/id, or the id its tool shows; "
              + "`rehearsal search --kind incident` lists them)");
    }
    if (keys.size() > 1) {
      throw new NotFound(
          "'"
              + handle
              + "' names "
              + keys.size()
              + " incidents; give one key: "
              + String.join(", ", keys));
    }
    return keys.get(0);
  }

  /** The key of the incident a handle names (see {@link #resolve(Workspace, String)}). */
  public String resolve(String handle) throws IOException {
    return resolve(ws, handle);
  }

  /**
   * One incident as a reviewer reads it.
   *
   * @param finding its analysis with the passages of its text, or null when not analysed yet
   * @param alternatives the deploys the linker weighed and did not link, best first
   * @param reviews every review of it, oldest first; the last is in force
   */
  public record Detail(
      Incident incident,
      Finding finding,
      List<DeployLink> alternatives,
      List<Review> reviews,
      Timeline timeline) {

    public boolean analysed() {
      return finding != null;
    }
  }

  /** What happened on the timeline. */
  public enum EventKind {
    PRODUCTION_DEPLOY,
    STAGING_DEPLOY,
    OTHER_DEPLOY,
    ROLLBACK,
    TEST_RUN,
    LOAD_TEST,
    ONSET,
    DETECTED,
    RESOLVED
  }

  /**
   * One mark on the timeline.
   *
   * @param key the record it stands for ("" for the incident's own moments)
   * @param label what to show beside it
   * @param failed a deploy or run that failed
   * @param linked the deploy the analysis links (or the reviewer's)
   * @param upstream of a service the incident's services depend on
   */
  public record Event(
      Instant at,
      EventKind kind,
      String key,
      String service,
      String environment,
      String label,
      boolean failed,
      boolean linked,
      boolean upstream) {}

  /** The incident's moments and its services' deploys and staging runs, in time order. */
  public record Timeline(Instant from, Instant to, List<Event> events) {}

  /** One field of a stored record, as the timeline shows it when a mark is clicked. */
  public record Field(String name, String value) {}

  /**
   * A stored incident, deploy, staging run or fact by its key, field by field as it was imported
   * (nested parts such as where it came from flattened, empty fields left out); empty when the
   * workspace has no record with that key.
   */
  public List<Field> record(String key) throws IOException {
    Class<? extends dev.rehearsal.model.ImportedRecord> type;
    String kind = key == null ? "" : key.substring(0, Math.max(0, key.indexOf('/')));
    switch (kind) {
      case "incident":
        type = Incident.class;
        break;
      case "deploy":
        type = Deploy.class;
        break;
      case "run":
        type = StagingRun.class;
        break;
      case "fact":
        type = dev.rehearsal.model.EnvironmentFact.class;
        break;
      default:
        return List.of();
    }
    var found = ws.records().get(key, type);
    if (found.isEmpty()) {
      return List.of();
    }
    List<Field> out = new ArrayList<>();
    out.add(new Field("key", key));
    flatten("", dev.rehearsal.util.Json.mapper().valueToTree(found.get()), out);
    return out;
  }

  private static void flatten(
      String prefix, com.fasterxml.jackson.databind.JsonNode node, List<Field> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  flatten(
                      prefix.isEmpty() ? words(e.getKey()) : prefix + " " + words(e.getKey()),
                      e.getValue(),
                      out));
    } else if (node.isArray()) {
      List<String> items = new ArrayList<>();
      boolean flat = true;
      for (var item : node) {
        flat &= item.isValueNode();
        items.add(item.isValueNode() ? item.asText() : item.toString());
      }
      if (!items.isEmpty()) {
        out.add(new Field(prefix, String.join(flat ? ", " : "; ", items)));
      }
    } else if (!node.isNull() && !node.asText().isEmpty()) {
      out.add(new Field(prefix, node.asText()));
    }
  }

  /** "startedAt" as "started at". */
  private static String words(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /**
   * The oldest incident called an escape (the oldest incident when none is), or none in a workspace
   * without incidents.
   */
  public java.util.Optional<Incident> oldestEscape() throws IOException {
    for (String query : List.of("verdict:escape", "")) {
      List<SearchHit> hits =
          ws.records()
              .search(
                  new SearchRequest(
                      query,
                      Set.of(DocKind.INCIDENT),
                      null,
                      null,
                      null,
                      null,
                      SearchRequest.Sort.OLDEST,
                      0,
                      1,
                      false))
              .hits();
      if (!hits.isEmpty() && hits.get(0).record() instanceof Incident i) {
        return java.util.Optional.of(i);
      }
    }
    return java.util.Optional.empty();
  }

  /** Everything about one incident. */
  public Detail of(String handle) throws IOException {
    String key = resolve(handle);
    Incident incident = ws.records().get(key, Incident.class).orElseThrow();
    Finding finding = ws.records().get("finding/" + key, Finding.class).orElse(null);
    if (finding != null) {
      finding = new Engine(ws).withPassages(finding);
    }
    List<Review> reviews = ws.records().reviewHistory(key);
    return new Detail(
        incident,
        finding,
        finding == null ? List.of() : finding.alternatives(),
        reviews,
        timeline(incident, finding));
  }

  /**
   * The timeline of an incident: its services and their upstreams, a week before to a day after.
   */
  public Timeline timeline(Incident incident, Finding finding) throws IOException {
    Instant onset = incident.startedAt();
    Instant end =
        incident.resolvedAt() != null && incident.resolvedAt().isAfter(onset)
            ? incident.resolvedAt()
            : onset;
    Instant from = onset.minus(BEFORE);
    Instant to = end.plus(AFTER);
    Set<String> own = new LinkedHashSet<>();
    if (finding != null) {
      own.addAll(finding.services());
    } else {
      for (String s : incident.services()) {
        String c = ws.services().canonical(s);
        if (!c.isEmpty()) {
          own.add(c);
        }
      }
    }
    Set<String> upstream = new LinkedHashSet<>();
    for (String s : own) {
      for (String dep : ws.settings().dependencies().getOrDefault(s, List.of())) {
        if (!own.contains(dep)) {
          upstream.add(dep);
        }
      }
    }
    Set<String> linked = new LinkedHashSet<>();
    if (finding != null) {
      linked.addAll(finding.effectiveDeployKeys());
    }
    List<Event> events = new ArrayList<>();
    events.add(new Event(onset, EventKind.ONSET, "", "", "", "onset", false, false, false));
    if (incident.detectedAt() != null) {
      events.add(
          new Event(
              incident.detectedAt(),
              EventKind.DETECTED,
              "",
              "",
              "",
              "detected",
              false,
              false,
              false));
    }
    if (incident.resolvedAt() != null) {
      events.add(
          new Event(
              incident.resolvedAt(),
              EventKind.RESOLVED,
              "",
              "",
              "",
              "resolved",
              false,
              false,
              false));
    }
    List<String> services = new ArrayList<>(own);
    services.addAll(upstream);
    Environments envs = Environments.of(ws.settings());
    for (String service : services) {
      boolean up = upstream.contains(service);
      for (SearchHit h : hits(DocKind.DEPLOY, service, from, to)) {
        Deploy d = (Deploy) h.record();
        events.add(deployEvent(d, h.key(), service, linked.contains(h.key()), up, envs));
      }
      for (SearchHit h : hits(DocKind.RUN, service, from, to)) {
        StagingRun r = (StagingRun) h.record();
        boolean load = r.type() == RunType.LOAD;
        events.add(
            new Event(
                r.startedAt(),
                load ? EventKind.LOAD_TEST : EventKind.TEST_RUN,
                h.key(),
                service,
                r.environment(),
                (r.suite().isBlank() ? (load ? "load test" : "tests") : r.suite())
                    + " "
                    + r.outcome().name().toLowerCase(Locale.ROOT)
                    + (r.version().isEmpty() ? "" : " (" + r.version() + ")"),
                r.outcome() == RunOutcome.FAILED,
                false,
                up));
      }
    }
    events.sort(Comparator.comparing(Event::at).thenComparing(Event::key));
    return new Timeline(from, to, events);
  }

  /** Which environments the analysis takes as production and as staging. */
  record Environments(Set<String> production, Set<String> staging) {
    static Environments of(dev.rehearsal.settings.Settings s) {
      return new Environments(
          Set.copyOf(s.strings("linking.productionEnvironments")),
          Set.copyOf(s.strings("linking.stagingEnvironments")));
    }
  }

  private static Event deployEvent(
      Deploy d, String key, String service, boolean linked, boolean upstream, Environments envs) {
    EventKind kind =
        d.rollback()
            ? EventKind.ROLLBACK
            : envs.production().contains(d.environment())
                ? EventKind.PRODUCTION_DEPLOY
                : envs.staging().contains(d.environment())
                    ? EventKind.STAGING_DEPLOY
                    : EventKind.OTHER_DEPLOY;
    String what = d.version().isEmpty() ? Sentences.abbreviate(d.commitSha()) : d.version();
    return new Event(
        d.time(),
        kind,
        key,
        service,
        d.environment(),
        service + " " + (what.isEmpty() ? "(no version)" : what) + " to " + d.environment(),
        d.status() == dev.rehearsal.model.DeployStatus.FAILED
            || d.status() == dev.rehearsal.model.DeployStatus.CANCELLED,
        linked,
        upstream);
  }

  private List<SearchHit> hits(DocKind kind, String service, Instant from, Instant to)
      throws IOException {
    SearchRequest q =
        new SearchRequest(
            "",
            Set.of(kind),
            service,
            null,
            from,
            to,
            SearchRequest.Sort.OLDEST,
            0,
            SearchRequest.MAX_LIMIT,
            false);
    return ws.records().search(q).hits();
  }
}
