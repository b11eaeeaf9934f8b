package dev.rehearsal.importers.generic;

import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.importers.facts.Facts;
import dev.rehearsal.importers.facts.Numbers;
import dev.rehearsal.importers.support.Ids;
import dev.rehearsal.importers.support.TimeParseException;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.LoadSummary;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.model.TestSummary;
import dev.rehearsal.util.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds incidents, deploys, staging runs or facts from rows through a saved {@link ColumnMapping}:
 * each field from its mapped column (a CSV header or a JSON path), else the mapping's constant for
 * it, else (service, environment, version, commit, time) the hints. A row missing a required value
 * is rejected with the column it should have come from.
 */
final class MappedRecords {
  /** Narrative fields are cut to this many characters (and the cut noted). */
  static final int MAX_TEXT = 200_000;

  /** One row of the input, by column name or JSON path. */
  interface Row {
    long line();

    long index();

    /** The raw text under a column, or null when absent or blank. */
    String get(String column);
  }

  private final ColumnMapping mapping;
  private final ImportContext ctx;
  private final ImportSource source;
  private final RecordSink sink;
  private final String format;
  private final String tool;

  MappedRecords(
      ColumnMapping mapping,
      ImportContext ctx,
      ImportSource source,
      RecordSink sink,
      String format) {
    this.mapping = mapping;
    this.ctx = ctx;
    this.source = source;
    this.sink = sink;
    this.format = format;
    String s = mapping.constants().get("source");
    String t = Texts.slug(s != null && !s.isBlank() ? s : mapping.name());
    this.tool = t.isEmpty() ? "generic" : t;
  }

  /** The mapping the user chose for this import, checked. */
  static ColumnMapping chosen(ImportContext ctx) throws ImportException {
    String name = ctx.options().mapping();
    Map<String, ColumnMapping> saved = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    saved.putAll(ctx.mappings());
    String known =
        saved.isEmpty() ? "none is saved yet" : "saved: " + String.join(", ", saved.keySet());
    if (name == null || name.isBlank()) {
      throw new ImportException(
          "the generic importers read a file through a saved column "
              + "mapping: choose one with --mapping NAME ("
              + known
              + ")",
          0);
    }
    ColumnMapping m = saved.get(name.strip());
    if (m == null) {
      throw new ImportException(
          "no saved column mapping is named '" + name + "' (" + known + ")", 0);
    }
    List<String> problems = m.problems();
    if (!problems.isEmpty()) {
      throw new ImportException(
          "the column mapping '" + m.name() + "' cannot be used: " + String.join("; ", problems),
          0);
    }
    return m;
  }

  /** Time-like fields, whose columns the date-order pass looks at. */
  static final List<String> TIME_FIELDS = List.of("time", "resolved", "started");

  /** The columns of the time fields this mapping maps. */
  List<String> timeColumns() {
    List<String> out = new ArrayList<>();
    for (String f : TIME_FIELDS) {
      String c = mapping.column(f);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** A value that could not be read, with the reason to reject the row. */
  private static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Builds and sends the record for one row, or rejects it. */
  void row(Row row, ImportContext rowCtx) {
    List<String> notes = new ArrayList<>();
    ImportedRecord rec;
    try {
      rec =
          switch (mapping.kind()) {
            case INCIDENT -> incident(row, rowCtx, notes);
            case DEPLOY -> deploy(row, rowCtx, notes);
            case STAGING_RUN -> run(row, rowCtx, notes);
            case FACT -> fact(row, rowCtx, notes);
          };
    } catch (Rejected e) {
      sink.reject(row.line(), row.index(), e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      sink.reject(row.line(), row.index(), e.getMessage());
      return;
    }
    sink.accept(rec);
  }

  // ------------------------------------------------------------------ values

  /** Where a field's column is named in messages: "column 'Created' (time)". */
  private String where(String field) {
    String c = mapping.column(field);
    return c != null ? "column '" + c + "' (" + field + ")" : "'" + field + "'";
  }

  /** The field's text: its column, else its constant; null when neither has one. */
  private String raw(Row row, String field) {
    String c = mapping.column(field);
    if (c != null) {
      String v = row.get(c);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    String k = mapping.constants().get(field);
    return k == null || k.isBlank() ? null : k;
  }

  private String required(Row row, String field) throws Rejected {
    String v = raw(row, field);
    if (v == null) {
      throw new Rejected(missing(field));
    }
    return v;
  }

  private String missing(String field) {
    return mapping.column(field) != null
        ? "no value in " + where(field)
        : "no '"
            + field
            + "': the mapping '"
            + mapping.name()
            + "' has no column or constant "
            + "for it";
  }

  private String id(Row row) throws Rejected {
    if (mapping.column("id") != null || mapping.constants().containsKey("id")) {
      return Texts.cleanId(required(row, "id"));
    }
    return null;
  }

  private Instant time(Row row, String field, ImportContext c, List<String> notes, boolean required)
      throws Rejected {
    String v = required ? required(row, field) : raw(row, field);
    if (v == null) {
      return null;
    }
    try {
      return c.instant(v, notes);
    } catch (TimeParseException e) {
      throw new Rejected(where(field) + ": " + e.getMessage());
    }
  }

  private String idText(Row row, String field) {
    return Texts.cleanId(raw(row, field));
  }

  private String hinted(Row row, String field, String hint) {
    String v = idText(row, field);
    if (v.isEmpty() && hint != null && !hint.isBlank()) {
      return Texts.cleanId(hint);
    }
    return v;
  }

  private String narrative(Row row, String field, List<String> notes) {
    String v = Texts.cleanText(raw(row, field));
    if (v.length() > MAX_TEXT) {
      notes.add(field + " of " + v.length() + " characters cut to " + MAX_TEXT);
      return Texts.truncate(v, MAX_TEXT);
    }
    return v;
  }

  private Double number(Row row, String field, boolean whole, List<String> notes) throws Rejected {
    String v = raw(row, field);
    if (v == null) {
      return null;
    }
    try {
      Numbers.Read r = Numbers.parse(v, field, whole);
      if (r.note() != null) {
        notes.add(r.note());
      }
      return r.value();
    } catch (IllegalArgumentException e) {
      throw new Rejected(where(field) + ": " + e.getMessage());
    }
  }

  private Provenance provenance(Row row, String sourceId, List<String> notes) {
    return new Provenance(source.displayName(), row.line(), row.index(), format, sourceId, notes);
  }

  // ------------------------------------------------------------------ kinds

  private Incident incident(Row row, ImportContext c, List<String> notes) throws Rejected {
    String id = id(row);
    Instant start = time(row, "time", c, notes, true);
    Instant resolved = time(row, "resolved", c, notes, false);
    String title = narrative(row, "title", notes);
    String services = Texts.cleanId(raw(row, "service"));
    List<String> svc = new ArrayList<>();
    for (String s : services.split("[,;|]")) {
      if (!s.isBlank()) {
        svc.add(s.strip());
      }
    }
    if (svc.isEmpty() && ctx.hints().service() != null && !ctx.hints().service().isBlank()) {
      svc.add(Texts.cleanId(ctx.hints().service()));
    }
    String reference = idText(row, "reference");
    String rawEnv = hinted(row, "environment", ctx.hints().environment());
    if (id == null) {
      id = Ids.digest(start.toString(), title, String.join(",", svc), reference);
      notes.add("no id column: the id is a digest of time, title, service and reference");
    }
    return new Incident(
        tool,
        id,
        reference,
        title,
        narrative(row, "description", notes),
        narrative(row, "postmortem", notes),
        svc,
        ctx.environment(rawEnv),
        idText(row, "severity"),
        idText(row, "status"),
        start,
        null,
        resolved,
        List.of(),
        idText(row, "url"),
        provenance(row, id, notes));
  }

  private Deploy deploy(Row row, ImportContext c, List<String> notes) throws Rejected {
    TargetHints h = ctx.hints();
    String id = id(row);
    Instant finished = time(row, "time", c, notes, true);
    Instant started = time(row, "started", c, notes, false);
    String service = hinted(row, "service", h.service());
    if (service.isEmpty()) {
      throw new Rejected(
          missing("service") + (mapping.column("service") == null ? " (or give --service)" : ""));
    }
    String rawEnv = hinted(row, "environment", h.environment());
    if (rawEnv.isEmpty()) {
      throw new Rejected(
          missing("environment")
              + (mapping.column("environment") == null ? " (or give --env)" : ""));
    }
    String version = hinted(row, "version", h.version());
    String commit = hinted(row, "commit", h.commit());
    String statusText = idText(row, "status");
    DeployStatus status = DeployStatus.fromText(statusText);
    if (!statusText.isEmpty() && status == DeployStatus.UNKNOWN) {
      notes.add("status '" + statusText + "' is not one Rehearsal knows; kept as unknown");
    }
    boolean rollback = false;
    String rb = idText(row, "rollback").toLowerCase(Locale.ROOT);
    if (!rb.isEmpty()) {
      if (List.of("true", "yes", "y", "1", "rollback", "rolled back").contains(rb)) {
        rollback = true;
      } else if (!List.of("false", "no", "n", "0", "").contains(rb)) {
        notes.add("rollback '" + rb + "' is not true/false; read as not a rollback");
      }
    }
    if (id == null) {
      id = Ids.digest(finished.toString(), service, rawEnv, version, commit);
      notes.add(
          "no id column: the id is a digest of time, service, environment, version "
              + "and commit");
    }
    return new Deploy(
        tool,
        id,
        service,
        ctx.environment(rawEnv),
        rawEnv,
        version,
        commit,
        idText(row, "ref"),
        status,
        started,
        finished,
        rollback,
        narrative(row, "description", notes),
        idText(row, "actor"),
        List.of(),
        idText(row, "url"),
        provenance(row, id, notes));
  }

  private StagingRun run(Row row, ImportContext c, List<String> notes) throws Rejected {
    TargetHints h = ctx.hints();
    String id = id(row);
    Instant start = time(row, "time", c, notes, true);
    String service = hinted(row, "service", h.service());
    String rawEnv = hinted(row, "environment", h.environment());
    String version = hinted(row, "version", h.version());
    String commit = hinted(row, "commit", h.commit());
    String suite = Texts.cleanId(raw(row, "suite"));
    Double total = number(row, "total", true, notes);
    Double failed = number(row, "failed", true, notes);
    Double skipped = number(row, "skipped", true, notes);
    Double peak = number(row, "peak_rps", false, notes);
    Double p95 = number(row, "p95_ms", false, notes);
    Double p99 = number(row, "p99_ms", false, notes);
    Double requests = number(row, "requests", true, notes);
    String typeText = idText(row, "type").toLowerCase(Locale.ROOT);
    RunType type;
    if (typeText.isEmpty()) {
      type =
          peak != null || p95 != null || p99 != null || requests != null
              ? RunType.LOAD
              : RunType.TESTS;
    } else if (List.of(
            "load", "perf", "performance", "stress", "soak", "k6", "jmeter", "gatling", "locust")
        .contains(typeText)) {
      type = RunType.LOAD;
    } else if (List.of(
            "tests",
            "test",
            "functional",
            "unit",
            "integration",
            "e2e",
            "acceptance",
            "smoke",
            "regression")
        .contains(typeText)) {
      type = RunType.TESTS;
    } else {
      throw new Rejected(
          where("type")
              + ": '"
              + typeText
              + "' is neither a load test nor "
              + "tests (expected load, perf, tests, functional, ...)");
    }
    TestSummary tests = TestSummary.NONE;
    LoadSummary load = null;
    if (type == RunType.TESTS) {
      if (total == null) {
        throw new Rejected(missing("total") + ": a test run needs its test count");
      }
      if (failed == null) {
        throw new Rejected(
            missing("failed")
                + ": a test run needs its failure count "
                + "(set a constant \"failed\": \"0\" if the tool only exports passing runs)");
      }
      int t = (int) Math.min(Integer.MAX_VALUE, total);
      int f = (int) Math.min(Integer.MAX_VALUE, failed);
      int s = skipped == null ? 0 : (int) Math.min(Integer.MAX_VALUE, skipped);
      if (skipped == null) {
        notes.add("no skipped count given; passed = total - failed");
      }
      if (f + s > t) {
        throw new Rejected(
            "failed (" + f + ") and skipped (" + s + ") are more than total (" + t + ")");
      }
      tests = new TestSummary(t, t - f - s, f, 0, s, List.of(), List.of());
    } else {
      if (requests == null) {
        throw new Rejected(missing("requests") + ": a load test needs its request count");
      }
      if (failed == null) {
        throw new Rejected(missing("failed") + ": a load test needs its failed request count");
      }
      load =
          new LoadSummary(
              requests.longValue(),
              failed.longValue(),
              Double.NaN,
              peak == null ? Double.NaN : peak,
              p95 == null ? Double.NaN : p95,
              p99 == null ? Double.NaN : p99,
              Double.NaN,
              false);
    }
    if (id == null) {
      id = Ids.digest(start.toString(), service, rawEnv, version, suite);
      notes.add(
          "no id column: the id is a digest of time, service, environment, version " + "and suite");
    }
    return new StagingRun(
        tool,
        id,
        service,
        ctx.environment(rawEnv),
        version,
        commit,
        type,
        suite,
        start,
        Double.NaN,
        tests,
        load,
        provenance(row, id, notes));
  }

  private ImportedRecord fact(Row row, ImportContext c, List<String> notes) throws Rejected {
    TargetHints h = ctx.hints();
    String typeText = required(row, "type");
    FactType type = factType(typeText);
    if (type == null) {
      throw new Rejected(
          where("type")
              + ": '"
              + typeText
              + "' is not a fact type (config, "
              + "flag, data_volume, traffic_peak or mock)");
    }
    Instant asOf = time(row, "time", c, notes, true);
    String service = hinted(row, "service", h.service());
    String rawEnv = hinted(row, "environment", h.environment());
    if (rawEnv.isEmpty()) {
      throw new Rejected(
          missing("environment")
              + (mapping.column("environment") == null ? " (or give --env)" : ""));
    }
    String subject = Texts.cleanId(required(row, "subject"));
    String rawValue = raw(row, "value");
    Double number = number(row, "number", type == FactType.DATA_VOLUME, notes);
    if ((type == FactType.DATA_VOLUME || type == FactType.TRAFFIC_PEAK) && number == null) {
      throw new Rejected(missing("number"));
    }
    String value;
    if (type == FactType.CONFIG) {
      value = Facts.storedConfigValue(subject, rawValue, notes);
    } else if (type == FactType.FLAG) {
      String v = Texts.cleanId(rawValue);
      String l = v.toLowerCase(Locale.ROOT);
      value =
          List.of("true", "on", "enabled", "yes").contains(l)
              ? "on"
              : List.of("false", "off", "disabled", "no").contains(l) ? "off" : v;
    } else {
      value = Texts.cleanText(rawValue);
    }
    return Facts.fact(
        type,
        service,
        ctx.environment(rawEnv),
        subject,
        value,
        number == null ? Double.NaN : number,
        asOf,
        source,
        row.line(),
        row.index(),
        format,
        notes);
  }

  static FactType factType(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return switch (t) {
      case "config", "configuration", "setting" -> FactType.CONFIG;
      case "flag", "feature_flag", "toggle" -> FactType.FLAG;
      case "data_volume", "rows", "row_count", "data" -> FactType.DATA_VOLUME;
      case "traffic_peak", "traffic", "peak_rps", "rps" -> FactType.TRAFFIC_PEAK;
      case "mock", "mocks", "sandbox" -> FactType.MOCK;
      default -> null;
    };
  }

  RecordKind kind() {
    return mapping.kind();
  }
}
