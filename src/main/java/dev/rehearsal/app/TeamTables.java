package dev.rehearsal.app;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.QuerySyntax;
import dev.rehearsal.index.SearchSyntaxException;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.store.opensearch.OpenSearchIncidentIndex;
import dev.rehearsal.store.opensearch.OpenSearchRecords;
import dev.rehearsal.util.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a team workspace, read from its OpenSearch indexes without a copy: deploys, staging
 * runs and facts from its records; incidents from the push in force, with what their findings say
 * (from its records, with none, before anything was pushed); the values of a column counted there.
 * A query the local search cannot parse is refused here, with the local search's message, before
 * anything is sent. Close when done: it holds the connections.
 */
public final class TeamTables implements Tables, Closeable {
  /** The columns whose values come from the incidents' findings. */
  private static final Set<String> FROM_FINDINGS = Set.of(Rows.VERDICT, Rows.GAP, Rows.REVIEWED);

  private final OpenSearchRecords records;
  private final OpenSearchIncidentIndex incidents;

  TeamTables(OpenSearchRecords records, OpenSearchIncidentIndex incidents) {
    this.records = records;
    this.incidents = incidents;
  }

  @Override
  public Rows.Source<IncidentRow> incidents(String query, Rows.Order order) throws IOException {
    checked(query);
    if (!incidents.exists()) {
      ServiceNames names = records.filingNames();
      return records(
          DocKind.INCIDENT,
          query,
          order,
          json -> {
            Incident i = Json.mapper().readValue(json, Incident.class);
            List<String> canonical = new ArrayList<>();
            for (String s : i.services()) {
              String c = names.canonical(s);
              if (!c.isEmpty() && !canonical.contains(c)) {
                canonical.add(c);
              }
            }
            return IncidentRow.of(i, canonical, null, List.of(), Double.NaN, false);
          });
    }
    OpenSearchIncidentIndex.Rows rows = incidents.rows(query, order.index());
    return source(
        rows.total(),
        (from, count) -> {
          List<OpenSearchIncidentIndex.Row> page = rows.page(from, count);
          Map<String, String> json =
              records.storedJson(page.stream().map(OpenSearchIncidentIndex.Row::key).toList());
          List<IncidentRow> out = new ArrayList<>(page.size());
          for (OpenSearchIncidentIndex.Row r : page) {
            String stored = json.get(r.key());
            if (stored == null) {
              // pushed without its record (a push's incident whose record was since replaced)
              out.add(
                  new IncidentRow(
                      r.key(),
                      null,
                      "",
                      "",
                      r.services(),
                      "",
                      "",
                      "",
                      r.verdict(),
                      r.gaps(),
                      r.confidence(),
                      r.reviewed()));
              continue;
            }
            Incident i = Json.mapper().readValue(stored, Incident.class);
            out.add(
                IncidentRow.of(
                    i, r.services(), r.verdict(), r.gaps(), r.confidence(), r.reviewed()));
          }
          return out;
        },
        rows);
  }

  @Override
  public Rows.Source<Deploy> deploys(String query, Rows.Order order) throws IOException {
    return records(
        DocKind.DEPLOY, query, order, json -> Json.mapper().readValue(json, Deploy.class));
  }

  @Override
  public Rows.Source<StagingRun> runs(String query, Rows.Order order) throws IOException {
    return records(
        DocKind.RUN, query, order, json -> Json.mapper().readValue(json, StagingRun.class));
  }

  @Override
  public Rows.Source<EnvironmentFact> facts(String query, Rows.Order order) throws IOException {
    return records(
        DocKind.FACT, query, order, json -> Json.mapper().readValue(json, EnvironmentFact.class));
  }

  @Override
  public Map<String, Long> values(Rows.Table table, String column) throws IOException {
    if (table == Rows.Table.INCIDENTS) {
      boolean pushed = incidents.exists();
      if (pushed) {
        return Rows.mostFirst(incidents.values(column));
      }
      if (FROM_FINDINGS.contains(column)) {
        return Map.of(); // nothing analysed yet
      }
    }
    return Rows.mostFirst(records.values(table.kind(), column));
  }

  /** How a stored record is read back. */
  private interface Decoder<T> {
    T decode(String json) throws IOException;
  }

  private <T> Rows.Source<T> records(
      DocKind kind, String query, Rows.Order order, Decoder<T> decoder) throws IOException {
    checked(query);
    OpenSearchRecords.Paged rows = records.rows(kind, query, order.index());
    return source(
        rows.total(),
        (from, count) -> {
          List<T> out = new ArrayList<>();
          for (String json : rows.page(from, count)) {
            out.add(decoder.decode(json));
          }
          return out;
        },
        rows);
  }

  /** How a table's page is read from the store. */
  private interface Pages<T> {
    List<T> page(int from, int count) throws IOException;
  }

  /** A table of the store as the tables' contract gives it. */
  private static <T> Rows.Source<T> source(long total, Pages<T> pages, Closeable connection) {
    return new Rows.Source<>() {
      @Override
      public int size() {
        return (int) total;
      }

      @Override
      public List<T> page(int from, int count) {
        try {
          return pages.page(from, count);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void close() throws IOException {
        connection.close();
      }
    };
  }

  private static void checked(String query) {
    try {
      QuerySyntax.check(query);
    } catch (SearchSyntaxException e) {
      throw new Rows.QuerySyntaxException(e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      records.close();
    } finally {
      incidents.close();
    }
  }
}
