package dev.rehearsal.app;

import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.StagingRun;
import java.io.IOException;
import java.util.Map;

/**
 * The tables of a workspace, wherever it is kept: the incidents with what their findings say, the
 * deploys, staging runs and facts, each the rows a search in the local syntax matches in a table's
 * order, read a page at a time; and the values a column holds, with how many rows hold each, for
 * its filter. A local workspace answers from its index ({@link Rows}); a team workspace from its
 * OpenSearch indexes ({@link TeamTables}), with the same rows in the same order.
 */
public interface Tables {
  Rows.Source<IncidentRow> incidents(String query, Rows.Order order) throws IOException;

  Rows.Source<Deploy> deploys(String query, Rows.Order order) throws IOException;

  Rows.Source<StagingRun> runs(String query, Rows.Order order) throws IOException;

  Rows.Source<EnvironmentFact> facts(String query, Rows.Order order) throws IOException;

  /** A column's values with how many rows hold each, most first (then by value). */
  Map<String, Long> values(Rows.Table table, String column) throws IOException;
}
