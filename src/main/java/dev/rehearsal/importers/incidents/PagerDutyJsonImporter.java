package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import java.util.Set;

/**
 * PagerDuty REST API v2 incidents: a list response {"incidents": [...], "limit", "offset", "more",
 * "total"}, a show response {"incident": {...}}, a bare incident object, a bare list, or JSON Lines
 * of incidents. Mapping in {@link PagerDutyMapping}.
 */
public final class PagerDutyJsonImporter extends JsonIncidentImporter {

  @Override
  public String id() {
    return "pagerduty-json";
  }

  @Override
  public String displayName() {
    return "PagerDuty incidents (REST API JSON)";
  }

  @Override
  String source() {
    return "pagerduty";
  }

  @Override
  Set<String> listKeys() {
    return Set.of("incidents");
  }

  @Override
  public int recognizes(Sniff s) {
    if (!s.looksLikeJson()) {
      return NO;
    }
    boolean pdWords = s.hasAnyJsonKey("escalation_policy", "urgency", "incident_key");
    if (s.hasJsonKeys("incident_number") && pdWords) {
      return CERTAIN;
    }
    if (s.hasAnyJsonKey("incidents", "incident") && pdWords && s.hasJsonKeys("service")) {
      return LIKELY;
    }
    if (s.jsonStart() == '{' && s.hasJsonKeys("incidents", "limit", "offset", "more")) {
      return LIKELY; // a page of the REST API's list, with or without incidents on it
    }
    return NO;
  }

  @Override
  String singleKey() {
    return "incident";
  }

  @Override
  JsonNode unwrap(JsonNode node) {
    return PagerDutyMapping.unwrap(node);
  }

  @Override
  IncidentDraft map(JsonNode record, ImportContext ctx, RecordSink sink) throws RecordProblem {
    return PagerDutyMapping.map(record, ctx);
  }
}
