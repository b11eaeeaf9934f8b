package dev.rehearsal.model;

import java.util.List;

/**
 * Which service a table whose row counts came without one belongs to, how sure, and why. Applied
 * owners tie the table's row counts to the service in the analysis; others are suggestions.
 *
 * @param table the table as its row counts name it ({@code fulfilment.shipments})
 * @param service the service it is taken for
 * @param score how sure, 0 to 1
 * @param reasons why: the settings declare it, the service's configuration names its schema or the
 *     table, the service's incidents name it
 * @param applied whether the analysis uses it
 */
public record TableOwner(
    String table, String service, double score, List<Reason> reasons, boolean applied) {
  public TableOwner {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
