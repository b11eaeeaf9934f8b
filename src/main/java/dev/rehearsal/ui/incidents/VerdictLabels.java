package dev.rehearsal.ui.incidents;

import dev.rehearsal.model.Verdict;
import java.util.Locale;

/** How verdict codes read in the app. */
final class VerdictLabels {
  private VerdictLabels() {}

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
