package dev.rehearsal.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A production incident as an incident tool recorded it.
 *
 * @param reference the human handle ("INC-123", "#4512", "PD-Q1ABC")
 * @param services raw service names as the tool wrote them; canonical names come from the
 *     workspace's alias table
 * @param startedAt onset (impact start) when known, else creation time
 * @param postmortem postmortem or resolution text when the export carries it
 */
public record Incident(
    String source,
    String sourceId,
    String reference,
    String title,
    String description,
    String postmortem,
    List<String> services,
    String environment,
    String severity,
    String status,
    Instant startedAt,
    Instant detectedAt,
    Instant resolvedAt,
    List<String> labels,
    String url,
    Provenance provenance)
    implements ImportedRecord {

  public Incident {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(provenance, "provenance");
    reference = nz(reference);
    title = nz(title);
    description = nz(description);
    postmortem = nz(postmortem);
    services = services == null ? List.of() : List.copyOf(services);
    environment = environment == null || environment.isBlank() ? "production" : environment;
    severity = nz(severity);
    status = nz(status);
    labels = labels == null ? List.of() : List.copyOf(labels);
    url = nz(url);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  @Override
  public RecordKind kind() {
    return RecordKind.INCIDENT;
  }

  @Override
  public Instant time() {
    return startedAt;
  }

  /** Title, description and postmortem in one text, for analysis. */
  public String narrative() {
    StringBuilder sb = new StringBuilder(title);
    if (!description.isEmpty()) {
      sb.append("\n").append(description);
    }
    if (!postmortem.isEmpty()) {
      sb.append("\n").append(postmortem);
    }
    return sb.toString();
  }
}
