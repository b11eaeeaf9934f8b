package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;

/** PagerDuty incidents in Apache DevLake's raw table CSV ({@code _raw_pagerduty_incidents}). */
public final class PagerDutyDevLakeCsvImporter extends DevLakeRawCsvImporter {

  @Override
  public String id() {
    return "pagerduty-devlake-csv";
  }

  @Override
  public String displayName() {
    return "PagerDuty incidents (Apache DevLake raw table CSV)";
  }

  @Override
  String source() {
    return "pagerduty";
  }

  @Override
  String what() {
    return "PagerDuty incident";
  }

  @Override
  boolean isRecord(JsonNode data) {
    return PagerDutyMapping.looksLikeIncident(PagerDutyMapping.unwrap(data));
  }

  @Override
  boolean markers(String unquoted) {
    return unquoted.contains("incident_number:")
        && (unquoted.contains("escalation_policy:") || unquoted.contains("urgency:"));
  }

  @Override
  IncidentDraft map(JsonNode data, ImportContext ctx, RecordSink sink) throws RecordProblem {
    return PagerDutyMapping.map(PagerDutyMapping.unwrap(data), ctx);
  }
}
