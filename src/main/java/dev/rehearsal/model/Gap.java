package dev.rehearsal.model;

import java.util.Locale;

/** The four ways staging differs from production that let a change through, and "unexplained". */
public enum Gap {
  DATA,
  TRAFFIC,
  CONFIG,
  MOCKS,
  UNEXPLAINED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Gap parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.equals("MOCK")) {
      return MOCKS;
    }
    if (t.isEmpty() || t.equals("NONE")) {
      return UNEXPLAINED;
    }
    try {
      return Gap.valueOf(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown gap '" + text + "' (expected data, traffic, config, mocks or unexplained)", e);
    }
  }

  /** The four real gaps, without UNEXPLAINED. */
  public static Gap[] real() {
    return new Gap[] {DATA, TRAFFIC, CONFIG, MOCKS};
  }
}
