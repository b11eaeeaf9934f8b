package dev.rehearsal.index;

/**
 * The order of a table's rows: by a field, ascending or descending; rows with no value come last
 * either way, and ties go newest first. The fields: {@link Schema#TIME}; any keyword field with doc
 * values ({@link Schema#SERVICE}, {@link Schema#ENV}, {@link Schema#STATUS}, {@link
 * Schema#VERSION_FIELD}, {@link Schema#SEVERITY}, {@link Schema#SUITE} ...); and for incidents what
 * their findings say: {@link Schema#VERDICT}, {@link Schema#GAP}, {@link Schema#CONFIDENCE}, {@link
 * Schema#REVIEWED}.
 */
public record RowOrder(String field, boolean descending) {
  /** Newest first: the order every table starts in. */
  public static final RowOrder NEWEST = new RowOrder(Schema.TIME, true);

  public RowOrder {
    field = field == null || field.isBlank() ? Schema.TIME : field;
  }

  public boolean byTime() {
    return field.equals(Schema.TIME);
  }

  /** Whether the order is read from the incidents' findings. */
  boolean byFinding() {
    return field.equals(Schema.VERDICT)
        || field.equals(Schema.GAP)
        || field.equals(Schema.CONFIDENCE)
        || field.equals(Schema.REVIEWED);
  }

  /**
   * A verdict's rank when incidents are ordered by verdict: the verdicts' own order ({@link
   * dev.rehearsal.model.Verdict}), not their names' alphabet; -1 for none.
   */
  public static int verdictRank(String verdict) {
    for (dev.rehearsal.model.Verdict v : dev.rehearsal.model.Verdict.values()) {
      if (v.name().equalsIgnoreCase(verdict)) {
        return v.ordinal();
      }
    }
    return -1;
  }

  /**
   * A gap's rank when incidents are ordered by their first gap ({@link dev.rehearsal.model.Gap}'s
   * order); -1 for none.
   */
  public static int gapRank(String code) {
    for (dev.rehearsal.model.Gap g : dev.rehearsal.model.Gap.values()) {
      if (g.code().equals(code)) {
        return g.ordinal();
      }
    }
    return -1;
  }
}
