package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import java.util.Set;

/**
 * Opsgenie REST API incidents or alerts: a list response {"data": [...], "took", "requestId", ...},
 * a single response {"data": {...}}, a bare object or list. Mapping in {@link OpsgenieMapping}.
 */
public final class OpsgenieJsonImporter extends JsonIncidentImporter {

  @Override
  public String id() {
    return "opsgenie-json";
  }

  @Override
  public String displayName() {
    return "Opsgenie incidents and alerts (REST API JSON)";
  }

  @Override
  String source() {
    return "opsgenie";
  }

  @Override
  Set<String> listKeys() {
    return Set.of("data");
  }

  @Override
  public int recognizes(Sniff s) {
    if (!s.looksLikeJson() || !s.hasJsonKeys("tinyId")) {
      return NO;
    }
    if (s.hasAnyJsonKey(
        "impactedServices", "impactStartDate", "ownerTeam", "alias", "requestId", "responders")) {
      return CERTAIN;
    }
    return s.hasAnyJsonKey("message", "createdAt") ? LIKELY : NO;
  }

  @Override
  String singleKey() {
    return "data";
  }

  @Override
  JsonNode unwrap(JsonNode node) {
    return OpsgenieMapping.unwrap(node);
  }

  @Override
  IncidentDraft map(JsonNode record, ImportContext ctx, RecordSink sink) throws RecordProblem {
    if (!OpsgenieMapping.looksLikeRecord(record)) {
      throw new RecordProblem("not an Opsgenie incident or alert (no 'tinyId')");
    }
    return OpsgenieMapping.map(record, ctx, sink);
  }
}
