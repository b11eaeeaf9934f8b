package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.DateOrderDetector;
import dev.rehearsal.importers.support.TimeParseException;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.settings.DateOrder;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rehearsal's own CSV formats for numeric environment facts: header names matched without case,
 * with spaces, dashes and underscores alike, and a few synonyms each; numbers with thousands
 * separators accepted; one fact per row, or a rejection with the row's line and the reason.
 */
abstract class FactCsvImporter implements Importer {

  /** A column role and the header names that fill it. */
  record Column(String role, List<String> names) {}

  static final Column ENVIRONMENT =
      new Column("environment", List.of("environment", "env", "environment_name"));
  static final Column SERVICE =
      new Column("service", List.of("service", "service_name", "app", "application"));
  static final Column AS_OF =
      new Column(
          "as_of",
          List.of("as_of", "asof", "date", "time", "timestamp", "measured_at", "snapshot_date"));

  abstract FactType type();

  /** The column holding the number. */
  abstract Column numberColumn();

  /** The column holding the subject, or null when the subject is fixed. */
  abstract Column subjectColumn();

  /** The subject when there is no subject column. */
  String fixedSubject() {
    return "";
  }

  /** Whether the service is required (traffic peaks are per service). */
  abstract boolean serviceRequired();

  abstract boolean wholeNumbers();

  @Override
  public RecordKind kind() {
    return RecordKind.FACT;
  }

  static String norm(String header) {
    return header == null
        ? ""
        : header
            .replace('\uFEFF', ' ')
            .strip()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[\\s_\\-./]+", "_")
            .replaceAll("^_|_$", "");
  }

  static int find(List<String> normHeader, Column c) {
    for (String n : c.names()) {
      int i = normHeader.indexOf(n);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Detection: the number column and the subject (or service) column must both be there. */
  int score(Sniff sniff) {
    if (sniff.isBinary() || sniff.looksLikeJson() || sniff.looksLikeXml()) {
      return NO;
    }
    List<String> h = new ArrayList<>();
    for (String c : sniff.csvHeader()) {
      h.add(norm(c));
    }
    if (h.size() < 2 || find(h, numberColumn()) < 0) {
      return NO;
    }
    Column key = subjectColumn() != null ? subjectColumn() : SERVICE;
    if (find(h, key) < 0) {
      return NO;
    }
    return find(h, ENVIRONMENT) >= 0 ? CERTAIN : LIKELY;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    Map<String, Integer> col = new HashMap<>();
    String asOfHeader = null;
    try (CsvTable t = CsvTable.scan(source)) {
      List<String> h = new ArrayList<>();
      for (String c : t.header()) {
        h.add(norm(c));
      }
      for (Column c : columns()) {
        int i = find(h, c);
        if (i >= 0) {
          col.put(c.role(), i);
        }
      }
      if (col.containsKey(AS_OF.role())) {
        asOfHeader = t.header()[col.get(AS_OF.role())];
      }
      List<String> missing = new ArrayList<>();
      if (!col.containsKey(numberColumn().role())) {
        missing.add(
            numberColumn().role() + " (or " + String.join(", ", numberColumn().names()) + ")");
      }
      if (subjectColumn() != null && !col.containsKey(subjectColumn().role())) {
        missing.add(
            subjectColumn().role() + " (or " + String.join(", ", subjectColumn().names()) + ")");
      }
      if (!missing.isEmpty()) {
        throw new ImportException(
            "the header has no column for "
                + String.join(" and ", missing)
                + "; header: "
                + String.join(",", t.header()),
            1);
      }
    }
    ImportContext rowCtx = ctx;
    if (asOfHeader != null && ctx.options().dateOrder() == DateOrder.AUTO) {
      DateOrderDetector.Result r = CsvDates.order(source, List.of(asOfHeader));
      if (r.decided() && r.order() != DateOrder.AUTO) {
        rowCtx = ctx.withOptions(ctx.options().withDateOrder(r.order()));
        sink.warn(
            "numeric dates in '"
                + asOfHeader
                + "' read as "
                + r.order()
                + " (decided from the file's own dates)");
      } else if (!r.decided()) {
        sink.warn(r.problem());
      }
    }
    Target base = Target.fromName(source, ctx, false).withHints(ctx.hints());
    try (CsvTable t = CsvTable.open(source, sink)) {
      t.notes().forEach(sink::warn);
      CsvTable.Row row;
      while ((row = t.next()) != null) {
        ctx.monitor().checkCancelled();
        row(row, col, t.header(), base, rowCtx, source, sink);
      }
    }
  }

  private List<Column> columns() {
    List<Column> l = new ArrayList<>(List.of(ENVIRONMENT, SERVICE, AS_OF, numberColumn()));
    if (subjectColumn() != null) {
      l.add(subjectColumn());
    }
    return l;
  }

  private static String cell(CsvTable.Row row, Map<String, Integer> col, String role) {
    Integer i = col.get(role);
    if (i == null) {
      return null;
    }
    String v = row.cell(i);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private void row(
      CsvTable.Row row,
      Map<String, Integer> col,
      String[] header,
      Target base,
      ImportContext ctx,
      ImportSource source,
      RecordSink sink) {
    long line = row.line();
    long idx = row.index();
    Target t = base.copy();
    List<String> notes = new ArrayList<>();
    String env = cell(row, col, ENVIRONMENT.role());
    if (env != null) {
      t.environment(env, null);
    }
    String svc = cell(row, col, SERVICE.role());
    if (svc != null) {
      t.service(svc, null);
    }
    String at = cell(row, col, AS_OF.role());
    if (at != null) {
      try {
        List<String> n = new ArrayList<>();
        t.asOf(ctx.instant(at, n), null, n);
      } catch (TimeParseException e) {
        sink.reject(line, idx, "'" + header[col.get(AS_OF.role())] + "': " + e.getMessage());
        return;
      }
    }
    String subject =
        subjectColumn() == null
            ? fixedSubject()
            : Texts.cleanId(cell(row, col, subjectColumn().role()));
    if (subject == null || subject.isEmpty()) {
      sink.reject(line, idx, "no value in '" + header[col.get(subjectColumn().role())] + "'");
      return;
    }
    String rawNumber = cell(row, col, numberColumn().role());
    String numberHeader = header[col.get(numberColumn().role())];
    if (rawNumber == null) {
      sink.reject(line, idx, "no value in '" + numberHeader + "'");
      return;
    }
    Numbers.Read n;
    try {
      n = Numbers.parse(rawNumber, numberHeader, wholeNumbers());
    } catch (IllegalArgumentException e) {
      sink.reject(line, idx, e.getMessage());
      return;
    }
    if (n.note() != null) {
      notes.add(n.note());
    }
    if (serviceRequired() && t.service().isEmpty()) {
      sink.reject(
          line,
          idx,
          "no service: fill the 'service' column, or give it with " + "--service or a sidecar");
      return;
    }
    String problem = t.problem();
    if (problem != null) {
      sink.reject(line, idx, problem.replace("for this snapshot", "in this row or for the file"));
      return;
    }
    notes.addAll(0, t.notes());
    Instant asOf = t.asOf();
    sink.accept(
        Facts.fact(
            type(),
            t.service(),
            t.environment(ctx),
            subject,
            plain(n.value()),
            n.value(),
            asOf,
            source,
            line,
            idx,
            id(),
            notes));
  }

  private static String plain(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
