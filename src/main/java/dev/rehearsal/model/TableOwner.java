package dev.rehearsal.model;

import java.util.List;

/**
 * Which service a table whose row counts came without one belongs to, how sure, and why. Applied
 * owners tie the table's row counts to the service in the analysis; others are suggestions a person
 * may accept (the table is then declared the service's) or reject (the pair never applies).
 *
 * @param table the table as its row counts name it ({@code fulfilment.shipments})
 * @param service the service it is taken for
 * @param score how sure, 0 to 1
 * @param reasons why: the settings declare it, the service's configuration names its schema or the
 *     table, the service's incidents or staging tests name it
 * @param status whether the analysis uses it
 */
public record TableOwner(
    String table, String service, double score, List<Reason> reasons, Status status) {

  /** Whether a pair applies. */
  public enum Status {
    /** Declared, or confident and clear of other services: the analysis uses it. */
    APPLIED,
    /** Not confident or clear enough to apply on its own; a person may accept it. */
    SUGGESTED,
    /** A person rejected it: it never applies. */
    REJECTED
  }

  public TableOwner {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  public boolean applied() {
    return status == Status.APPLIED;
  }

  /** Whether the settings declare it ({@code services.tables}). */
  public boolean declared() {
    return reasons.stream().anyMatch(r -> r.code() == Reason.Code.TABLE_DECLARED);
  }
}
