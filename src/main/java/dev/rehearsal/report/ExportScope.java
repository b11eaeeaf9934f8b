package dev.rehearsal.report;

import dev.rehearsal.app.Period;
import java.util.Objects;

/**
 * What an export covers: a period (a quarter or from–to) narrowed by a service and a search, or one
 * incident.
 *
 * @param period the period, by incident onset (for {@link Kind#PERIOD})
 * @param service only this service, or null
 * @param query only the incidents this search matches (Lucene syntax), or "" for all
 * @param incident the incident's key, source/id or tool id (for {@link Kind#INCIDENT})
 */
public record ExportScope(Kind kind, Period period, String service, String query, String incident) {
  /** Whether an export covers a period or one incident. */
  public enum Kind {
    PERIOD,
    INCIDENT
  }

  public ExportScope {
    Objects.requireNonNull(kind, "kind");
    query = query == null ? "" : query.strip();
    if (kind == Kind.PERIOD) {
      period = period == null ? Period.ALL : period;
    } else if (incident == null || incident.isBlank()) {
      throw new IllegalArgumentException("an incident scope names the incident");
    }
  }

  /** A period, every service, every incident. */
  public static ExportScope of(Period period) {
    return new ExportScope(Kind.PERIOD, period, null, "", null);
  }

  /** A period narrowed to a service and a search. */
  public static ExportScope of(Period period, String service, String query) {
    return new ExportScope(Kind.PERIOD, period, service, query, null);
  }

  /** One incident. */
  public static ExportScope incident(String incident) {
    return new ExportScope(Kind.INCIDENT, null, null, "", incident);
  }
}
