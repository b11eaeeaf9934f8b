package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.support.TimeParseException;
import dev.rehearsal.importers.support.TimeParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/** Reading the times of one record, with the field named in every reason. */
final class Times {
  private Times() {}

  /** A time the record must have; blank or unreadable rejects the record. */
  static Instant required(ImportContext ctx, String raw, String field, List<String> notes)
      throws RecordProblem {
    if (raw == null || raw.isBlank()) {
      throw new RecordProblem("no '" + field + "' time");
    }
    return optional(ctx, raw, field, notes);
  }

  /** A time the record may lack (null); an unreadable value still rejects the record. */
  static Instant optional(ImportContext ctx, String raw, String field, List<String> notes)
      throws RecordProblem {
    try {
      return ctx.optionalInstant(raw, notes);
    } catch (TimeParseException e) {
      throw new RecordProblem("'" + field + "': " + e.getMessage());
    }
  }

  /** A JSON value that is a time: text through the context, a number as epoch. */
  static Instant node(ImportContext ctx, JsonNode n, String field, List<String> notes)
      throws RecordProblem {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      try {
        return TimeParser.epochNumber(n.asLong());
      } catch (DateTimeException e) {
        throw new RecordProblem("'" + field + "': " + e.getMessage());
      }
    }
    if (n.isContainerNode()) {
      throw new RecordProblem(
          "'" + field + "' is " + (n.isArray() ? "a list" : "an object") + ", not a time");
    }
    return optional(ctx, n.asText(), field, notes);
  }

  /**
   * A time documented as UTC though written without a zone (ServiceNow raw values): read as UTC and
   * not flagged.
   */
  static Instant documentedUtc(ImportContext ctx, String raw, String field) throws RecordProblem {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return ctx.time().withNaiveZone(java.time.ZoneOffset.UTC).parse(raw).instant();
    } catch (TimeParseException e) {
      throw new RecordProblem("'" + field + "': " + e.getMessage());
    }
  }
}
