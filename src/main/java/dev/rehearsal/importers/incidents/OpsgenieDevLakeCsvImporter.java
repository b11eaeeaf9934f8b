package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;

/** Opsgenie incidents in Apache DevLake's raw table CSV ({@code _raw_opsgenie_incidents}). */
public final class OpsgenieDevLakeCsvImporter extends DevLakeRawCsvImporter {

  @Override
  public String id() {
    return "opsgenie-devlake-csv";
  }

  @Override
  public String displayName() {
    return "Opsgenie incidents (Apache DevLake raw table CSV)";
  }

  @Override
  String source() {
    return "opsgenie";
  }

  @Override
  String what() {
    return "Opsgenie incident";
  }

  @Override
  boolean isRecord(JsonNode data) {
    return OpsgenieMapping.looksLikeRecord(OpsgenieMapping.unwrap(data));
  }

  @Override
  boolean markers(String unquoted) {
    return unquoted.contains("tinyId:") && unquoted.contains("message:");
  }

  @Override
  IncidentDraft map(JsonNode data, ImportContext ctx, RecordSink sink) throws RecordProblem {
    return OpsgenieMapping.map(OpsgenieMapping.unwrap(data), ctx, sink);
  }
}
