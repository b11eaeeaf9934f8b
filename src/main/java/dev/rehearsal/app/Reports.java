package dev.rehearsal.app;

import dev.rehearsal.analysis.Aggregates;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.IncidentsByOnset;
import dev.rehearsal.index.SortedRows;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.task.TaskMonitor;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the reports hold, worked out once for every front end: the incidents of a period with their
 * findings (one line each in the CSV), the figures and history of the quarterly report, and
 * everything the postmortem pack of one incident shows. Reviews win over the engine throughout. The
 * reports turn this into files; the words come from {@link Sentences}.
 */
public final class Reports {
  /** Quarters the quarterly report's charts reach back, the period's own included. */
  public static final int HISTORY_QUARTERS = 8;

  private final Session session;
  private final Workspace ws;

  Reports(Session session) {
    this.session = session;
    this.ws = session.workspace();
  }

  /**
   * One incident as the reports list it.
   *
   * @param services the incident's services as the workspace names them (canonical)
   * @param finding its analysis (with the review in force), or null when not analysed yet
   */
  public record Entry(Incident incident, List<String> services, Finding finding) {
    public Instant onset() {
      return incident.startedAt();
    }

    /** The verdict in force, or null before the analysis. */
    public Verdict verdict() {
      return finding == null ? null : finding.effectiveVerdict();
    }

    public boolean escape() {
      return verdict() == Verdict.ESCAPE;
    }

    /** The gaps in force (empty unless an escape). */
    public List<Gap> gaps() {
      return finding == null || !escape() ? List.of() : finding.effectiveGaps();
    }

    /** The service the figures count it for: its linked change's, else the first it names. */
    public String service() {
      if (finding != null) {
        return Aggregates.serviceOf(finding);
      }
      return services.isEmpty() ? "(no service)" : services.get(0);
    }

    /** The reviewer's decision, or null. */
    public Review review() {
      return finding == null ? null : finding.review();
    }
  }

  /**
   * The production change held responsible for an incident, as the reviewer left it: the engine's
   * link when the review did not change it, else the deploy the reviewer named.
   *
   * @param link the engine's link to it, or null when the reviewer named a deploy the engine did
   *     not link
   * @param deploy the deploy record, when the reviewer named one the engine did not link
   */
  public record Change(String deployKey, DeployLink link, Deploy deploy) {
    public String service() {
      return link != null ? link.service() : deploy != null ? deploy.service() : "";
    }

    public String version() {
      return link != null ? link.version() : deploy != null ? deploy.version() : "";
    }

    public String commit() {
      return link != null ? link.commitSha() : deploy != null ? deploy.commitSha() : "";
    }

    public Instant at() {
      return link != null ? link.at() : deploy != null ? deploy.time() : null;
    }

    /** The deploy's id as its tool gave it ("gitlab/2042757"). */
    public String deployId() {
      return Sentences.shortKey(deployKey);
    }
  }

  /** The change in force for a finding, or empty when none is linked. */
  public Optional<Change> change(Finding f) throws IOException {
    if (f == null) {
      return Optional.empty();
    }
    List<String> keys = f.effectiveDeployKeys();
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    String key = keys.get(0);
    for (DeployLink l : f.links()) {
      if (l.deployKey().equals(key)) {
        return Optional.of(new Change(key, l, null));
      }
    }
    return Optional.of(new Change(key, null, ws.records().get(key, Deploy.class).orElse(null)));
  }

  /**
   * The incidents of a period (by onset), oldest first, narrowed to a service (as the incident
   * names it or as the figures count it; null for all) and a search (Lucene syntax; blank for all).
   * All at once: {@link #forEachEntry} takes them one at a time instead.
   */
  public List<Entry> entries(Period period, String service, String query, TaskMonitor monitor)
      throws IOException {
    List<Entry> out = new ArrayList<>();
    forEachEntry(period, service, query, monitor, out::add);
    return out;
  }

  /** Takes the entries of a report one at a time. */
  @FunctionalInterface
  public interface EntryVisitor {
    void accept(Entry e) throws IOException;
  }

  /**
   * Takes the incidents of a period (by onset) one at a time, oldest first (by key at the same
   * onset), narrowed to a service (as the incident names it or as the figures count it; null for
   * all) and a search (Lucene syntax; blank for all): however many there are, only a slice of them
   * is in memory at a time. The incidents and findings are read without what no report shows
   * (descriptions, postmortems, the linker's alternatives, staging evidence; see {@link
   * dev.rehearsal.index.IncidentsByOnset}). Reports progress as incidents are taken.
   *
   * @return how many incidents were taken
   */
  public long forEachEntry(
      Period period, String service, String query, TaskMonitor monitor, EntryVisitor visitor)
      throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    m.progress(0, -1, "finding the incidents");
    Set<String> matching = query == null || query.isBlank() ? null : matching(query);
    m.checkCancelled();
    var names = ws.services();
    long[] taken = {0};
    try (IncidentsByOnset incidents =
        ws.records().incidentsByOnset(period.from(), period.to(), matching)) {
      int total = incidents.size();
      int[] seen = {0};
      incidents.forEach(
          a -> {
            if (++seen[0] % 1000 == 0) {
              m.checkCancelled();
              m.progress(seen[0], total, "reading incidents");
            }
            Incident i = a.incident();
            if (!period.contains(i.startedAt())) {
              return;
            }
            List<String> canonical = new ArrayList<>();
            for (String s : i.services()) {
              String c = names.canonical(s);
              if (!c.isEmpty() && !canonical.contains(c)) {
                canonical.add(c);
              }
            }
            // a finding counts when its own onset is in the period too
            Finding f = a.finding();
            if (f != null && (f.onset() == null || !period.contains(f.onset()))) {
              f = null;
            }
            Entry e = new Entry(i, canonical, f);
            if (service == null
                || service.isBlank()
                || canonical.contains(service)
                || e.service().equals(service)
                || (f != null && f.services().contains(service))) {
              taken[0]++;
              visitor.accept(e);
            }
          });
      m.progress(total, total, "read");
    }
    return taken[0];
  }

  private Set<String> matching(String query) throws IOException {
    Set<String> keys = new HashSet<>();
    try (SortedRows<IncidentRow> rows = ws.records().incidentRows(query)) {
      int n = rows.size();
      for (int from = 0; from < n; from += 1000) {
        for (IncidentRow r : rows.page(from, 1000)) {
          keys.add(r.key());
        }
      }
    } catch (dev.rehearsal.index.SearchSyntaxException e) {
      throw new Rows.QuerySyntaxException(e.getMessage(), e);
    }
    return keys;
  }

  /**
   * The findings of a period (by onset), narrowed like {@link #entries}, without reading the
   * incidents themselves: what the figures need. All at once: {@link #forEachFinding} takes them
   * one at a time instead.
   */
  public List<Finding> findings(Period period, String service, String query) throws IOException {
    List<Finding> out = new ArrayList<>();
    forEachFinding(period, service, query, out::add);
    return out;
  }

  /**
   * Takes the findings of a period (by onset) one at a time, narrowed to a service (as the finding
   * names it or as the figures count it) and a search, in no particular order; read without what no
   * report or figure shows (the linker's alternatives, staging evidence, reasons).
   */
  public void forEachFinding(
      Period period, String service, String query, Consumer<Finding> consumer) throws IOException {
    forEachFinding(period, service, query, true, consumer);
  }

  /**
   * Takes the findings of a period like {@link #forEachFinding}, read with only what counting them
   * needs: without the gaps' scores and their evidence, so a figure built from them names no
   * contributors.
   */
  public void forEachFindingToCount(
      Period period, String service, String query, Consumer<Finding> consumer) throws IOException {
    forEachFinding(period, service, query, false, consumer);
  }

  /** {@link #forEachFinding}, with the gaps' scores or, to count the findings only, without. */
  private void forEachFinding(
      Period period, String service, String query, boolean scores, Consumer<Finding> consumer)
      throws IOException {
    Set<String> matching = query == null || query.isBlank() ? null : matching(query);
    Consumer<Finding> narrowed =
        f -> {
          if ((matching == null || matching.contains(f.incidentKey()))
              && (service == null
                  || service.isBlank()
                  || f.services().contains(service)
                  || Aggregates.serviceOf(f).equals(service))) {
            consumer.accept(f);
          }
        };
    if (scores) {
      ws.records().forEachLeanFinding(period.from(), period.to(), narrowed);
    } else {
      ws.records().forEachFindingToCount(period.from(), period.to(), narrowed);
    }
  }

  // ------------------------------------------------------------------ the quarterly report

  /**
   * What the quarterly report shows.
   *
   * @param period the report's period
   * @param service the service it is narrowed to, or null
   * @param query the search it is narrowed to, or ""
   * @param madeAt when it was made
   * @param figures the period's figures
   * @param previous the previous period's figures (same length), or null for an open period; its
   *     counts only (its fidelity names no contributors)
   * @param history the figures of the quarters up to the period's end (at most {@link
   *     #HISTORY_QUARTERS}), for the charts; counts only (its fidelity names no contributors)
   * @param incidents how many incidents the period holds
   * @param escapes the period's escapes, newest first (by key at the same onset)
   * @param agreement how often the engine agreed with reviewers, over every reviewed incident of
   *     the workspace
   * @param settings the rules in force, flattened ("linking.windowHours" to "72"), with the keys
   *     the workspace changed from the defaults
   * @param inventory what the workspace holds and where it came from
   */
  public record Quarterly(
      String workspace,
      Period period,
      String service,
      String query,
      Instant madeAt,
      Aggregates figures,
      Aggregates previous,
      Aggregates history,
      long incidents,
      List<Entry> escapes,
      Agreement agreement,
      Map<String, String> settings,
      Set<String> changedSettings,
      Inventory.Summary inventory) {

    public Quarterly {
      escapes = List.copyOf(escapes);
    }

    public boolean empty() {
      return incidents == 0;
    }
  }

  /**
   * How often the engine's answer stood when a reviewer looked: of the reviewed incidents that
   * judged each part, how many kept the engine's.
   */
  public record Agreement(
      long reviewed,
      long changeJudged,
      long changeKept,
      long verdictJudged,
      long verdictKept,
      long gapJudged,
      long gapKept) {}

  /** The quarterly report of a period, narrowed to a service and a search. */
  public Quarterly quarterly(Period period, String service, String query, TaskMonitor monitor)
      throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    Instant histFrom = historyStart(period);
    Period prev = period.previous();
    // the figures are counted as the findings are read, and of the incidents only the escapes
    // are kept: the report lists no other
    Aggregates.Tally figures = new Aggregates.Tally(period.from(), period.to());
    // of the quarters before, the report shows counts only: their findings are read without scores
    Aggregates.Tally previous =
        prev == null ? null : new Aggregates.Tally(prev.from(), prev.to(), false);
    Aggregates.Tally history = new Aggregates.Tally(histFrom, period.to(), false);
    Consumer<Finding> count =
        f -> {
          figures.add(f);
          if (previous != null) {
            previous.add(f);
          }
          history.add(f);
        };
    List<Entry> escapes = new ArrayList<>();
    long incidents =
        forEachEntry(
            period,
            service,
            query,
            m,
            e -> {
              if (e.finding() != null) {
                count.accept(e.finding());
              }
              if (e.escape()) {
                escapes.add(e);
              }
            });
    // newest first; by key at the same onset, as read
    escapes.sort(Comparator.comparing(Entry::onset).reversed());
    m.progress(0, -1, "reading the quarters before");
    // the charts' history needs only the findings of the quarters before, not their incidents
    if (histFrom != null && period.from() != null && histFrom.isBefore(period.from())) {
      forEachFinding(new Period(histFrom, period.from(), "before"), service, query, false, count);
    }
    m.checkCancelled();
    m.progress(0, -1, "working out the figures");
    String svc = service == null || service.isBlank() ? null : service;
    List<Aggregates> counted =
        Aggregates.Tally.figures(ws, svc, java.util.Arrays.asList(figures, previous, history));
    Settings s = ws.settings();
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", s.tree(), flat);
    Map<String, String> overridden = new LinkedHashMap<>();
    flatten("", s.overrides(), overridden);
    return new Quarterly(
        ws.dir().toAbsolutePath().toString(),
        period,
        svc,
        query == null ? "" : query.strip(),
        Instant.now(),
        counted.get(0),
        counted.get(1),
        counted.get(2),
        incidents,
        escapes,
        agreement(),
        flat,
        overridden.keySet(),
        Inventory.of(session));
  }

  /** Where the charts' history starts: {@link #HISTORY_QUARTERS} quarters back, or the period's. */
  private static Instant historyStart(Period p) {
    if (p.from() == null || p.to() == null) {
      return p.from();
    }
    LocalDate end = LocalDate.ofInstant(p.from(), ZoneOffset.UTC);
    LocalDate q = LocalDate.of(end.getYear(), ((end.getMonthValue() - 1) / 3) * 3 + 1, 1);
    return q.minusMonths(3L * (HISTORY_QUARTERS - 1)).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * How often reviewers kept the engine's change, verdict and first gap: over the reviews in force
   * (a few, read one by one with their findings, rather than every finding of the workspace).
   */
  public Agreement agreement() throws IOException {
    long[] c = new long[7];
    for (Review r : ws.records().list(DocKind.REVIEW, Review.class)) {
      Finding f = ws.records().get("finding/" + r.incidentKey(), Finding.class).orElse(null);
      if (f == null) {
        continue;
      }
      c[0]++;
      if (r.deployKeys() != null) {
        c[1]++;
        List<String> engine = f.links().stream().map(DeployLink::deployKey).toList();
        if (Set.copyOf(engine).equals(Set.copyOf(r.deployKeys()))) {
          c[2]++;
        }
      }
      if (r.verdict() != null) {
        c[3]++;
        if (r.verdict() == f.verdict()) {
          c[4]++;
        }
      }
      if (r.gaps() != null && !r.gaps().isEmpty() && f.verdict() == Verdict.ESCAPE) {
        c[5]++;
        if (!f.gaps().isEmpty() && f.gaps().get(0) == r.gaps().get(0)) {
          c[6]++;
        }
      }
    }
    return new Agreement(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
  }

  private static void flatten(
      String prefix, com.fasterxml.jackson.databind.JsonNode node, Map<String, String> out) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = node.fields();
      while (it.hasNext()) {
        var e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
      return;
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(n -> items.add(n.isValueNode() ? n.asText() : n.toString()));
      out.put(prefix, String.join(", ", items));
      return;
    }
    out.put(prefix, node.asText());
  }

  // ------------------------------------------------------------------ the postmortem pack

  /**
   * What the postmortem pack of one incident shows.
   *
   * @param detail the incident, its finding with passages, alternatives, reviews and timeline
   * @param change the change in force, or null
   * @param services the incident's services as the workspace names them
   */
  public record Postmortem(
      String workspace,
      Instant madeAt,
      IncidentDetails.Detail detail,
      Change change,
      List<String> services) {}

  /** The postmortem pack of the incident a handle names (key, source/id, or its tool's id). */
  public Postmortem postmortem(String handle) throws IOException {
    IncidentDetails.Detail d = new IncidentDetails(ws).of(handle);
    List<String> canonical = new ArrayList<>();
    for (String s : d.incident().services()) {
      String c = ws.services().canonical(s);
      if (!c.isEmpty() && !canonical.contains(c)) {
        canonical.add(c);
      }
    }
    return new Postmortem(
        ws.dir().toAbsolutePath().toString(),
        Instant.now(),
        d,
        change(d.finding()).orElse(null),
        canonical);
  }
}
