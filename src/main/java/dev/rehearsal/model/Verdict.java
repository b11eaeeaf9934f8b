package dev.rehearsal.model;

/** What staging said about the change behind an incident. */
public enum Verdict {
  /** The change was deployed to staging, tested there, passed, and still broke production. */
  ESCAPE("passed staging (escape)"),
  /** Staging runs of the change failed and it shipped anyway. */
  FAILED_BUT_SHIPPED("failed staging but shipped"),
  /** The change never reached staging before production. */
  NOT_STAGED("never deployed to staging"),
  /** The change was deployed to staging but no run tested that version. */
  STAGED_UNTESTED("staged but untested"),
  /** No production change plausibly caused the incident. */
  NOT_CHANGE_RELATED("not change-related"),
  /** A change is linked but the evidence does not settle what staging said. */
  UNKNOWN("unknown");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Verdict parse(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
    switch (t) {
      case "ESCAPE":
      case "PASSED":
      case "PASSED_STAGING":
        return ESCAPE;
      case "FAILED_BUT_SHIPPED":
      case "FAILED_STAGING":
      case "SHIPPED_FAILING":
        return FAILED_BUT_SHIPPED;
      case "NOT_STAGED":
      case "NEVER_STAGED":
      case "SKIPPED_STAGING":
        return NOT_STAGED;
      case "STAGED_UNTESTED":
      case "UNTESTED":
        return STAGED_UNTESTED;
      case "NOT_CHANGE_RELATED":
      case "NO_CHANGE":
      case "NONE":
        return NOT_CHANGE_RELATED;
      case "UNKNOWN":
        return UNKNOWN;
      default:
        throw new IllegalArgumentException(
            "unknown verdict '"
                + text
                + "' (expected one of "
                + "escape, failed_but_shipped, not_staged, staged_untested, not_change_related, unknown)");
    }
  }
}
