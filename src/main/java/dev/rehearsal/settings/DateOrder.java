package dev.rehearsal.settings;

import java.util.Locale;

/** How numeric dates with slashes or dots are read: day first, month first, or decided per file. */
public enum DateOrder {
  /** Decide from the file; values that could be read either way are refused, never guessed. */
  AUTO,
  /** 03/04/2024 is 3 April. */
  DMY,
  /** 03/04/2024 is 4 March. */
  MDY;

  public static DateOrder parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("date order must be AUTO, DMY or MDY, not '" + s + "'", e);
    }
  }
}
