package dev.rehearsal.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A fact about one environment at one time: a configuration value, a flag state, a table's row
 * count, a traffic peak, or a mocked dependency.
 *
 * @param service the service the fact belongs to; empty when it is environment-wide
 * @param subject the configuration key, flag key, table name or dependency name
 * @param value the text value (configuration value, "on"/"off", how a dependency is mocked);
 *     secret-looking configuration values are stored as a digest, never in clear
 * @param number the numeric value (rows, requests per second), NaN when not numeric
 */
public record EnvironmentFact(
    FactType type,
    String service,
    String environment,
    String subject,
    String value,
    double number,
    Instant asOf,
    Provenance provenance)
    implements ImportedRecord {

  public EnvironmentFact {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(provenance, "provenance");
    service = service == null ? "" : service.strip();
    environment = environment == null ? "" : environment.strip();
    value = value == null ? "" : value;
  }

  @Override
  public RecordKind kind() {
    return RecordKind.FACT;
  }

  @Override
  public String source() {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** Facts are identified by what they say about whom and when, not by the file they came in. */
  @Override
  public String sourceId() {
    return service + "|" + environment + "|" + subject + "|" + asOf.toEpochMilli();
  }

  @Override
  public Instant time() {
    return asOf;
  }
}
