package dev.rehearsal.importers.support;

import dev.rehearsal.settings.DateOrder;

/**
 * Decides the day/month order of a whole file from its numeric dates: one value with a first number
 * over 12 says day-first, one with a second number over 12 says month-first. A file where every
 * value could be read either way is ambiguous; a file with both kinds is inconsistent.
 */
public final class DateOrderDetector {
  private long dayFirst;
  private long monthFirst;
  private long either;
  private String dayFirstExample;
  private String monthFirstExample;
  private String eitherExample;

  public void add(String value) {
    switch (TimeParser.orderEvidence(value)) {
      case 'D':
        dayFirst++;
        if (dayFirstExample == null) {
          dayFirstExample = value.strip();
        }
        break;
      case 'M':
        monthFirst++;
        if (monthFirstExample == null) {
          monthFirstExample = value.strip();
        }
        break;
      case '?':
        either++;
        if (eitherExample == null) {
          eitherExample = value.strip();
        }
        break;
      default:
        break;
    }
  }

  /** The outcome for the whole file. */
  public Result result() {
    if (dayFirst > 0 && monthFirst > 0) {
      return new Result(
          null,
          "the file mixes day-first dates ("
              + dayFirstExample
              + ") and month-first dates ("
              + monthFirstExample
              + ")");
    }
    if (dayFirst > 0) {
      return new Result(DateOrder.DMY, null);
    }
    if (monthFirst > 0) {
      return new Result(DateOrder.MDY, null);
    }
    if (either > 0) {
      return new Result(
          null,
          "all "
              + either
              + " numeric dates in the file could be read as "
              + "day/month or month/day (for example "
              + eitherExample
              + "); set the date order (DMY or MDY) to import them");
    }
    return new Result(DateOrder.AUTO, null);
  }

  /** The decided order (AUTO when the file has no numeric dates), or a problem. */
  public record Result(DateOrder order, String problem) {
    public boolean decided() {
      return order != null;
    }
  }
}
