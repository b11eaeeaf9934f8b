package dev.rehearsal.ui.incidents;

import dev.rehearsal.model.Verdict;
import java.util.Locale;

/** How verdict codes read in the app. */
final class VerdictLabels {
  private VerdictLabels() {}

  /** The verdict in a word or two, for a table's narrow column. */
  static String brief(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    switch (code.toLowerCase(Locale.ROOT)) {
      case "escape":
        return "escape";
      case "failed_but_shipped":
        return "failed, shipped";
      case "not_staged":
        return "not staged";
      case "staged_untested":
        return "untested";
      case "not_change_related":
        return "no change";
      default:
        return label(code);
    }
  }

  static String label(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    try {
      return Verdict.valueOf(code.toUpperCase(Locale.ROOT)).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }
}
