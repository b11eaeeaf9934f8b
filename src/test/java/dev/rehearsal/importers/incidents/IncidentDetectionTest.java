package dev.rehearsal.importers.incidents;

import static dev.rehearsal.importers.incidents.IncidentTests.DOC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.RecordKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Detection across the whole family: every sample is taken by its own importer, no other incident
 * importer claims it with a score as high, and files of other families that look alike (other
 * DevLake raw tables, GitHub deployment lists, incident reports that are not a tool's export) are
 * left alone.
 */
class IncidentDetectionTest {
  static final Map<String, String> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put("fixtures/devlake/pagerduty/_raw_pagerduty_incidents.csv", "pagerduty-devlake-csv");
    SAMPLES.put(DOC + "pagerduty/incidents-list.json", "pagerduty-json");
    SAMPLES.put(DOC + "pagerduty/incident-show.json", "pagerduty-json");
    SAMPLES.put(DOC + "pagerduty/incidents.csv", "pagerduty-csv");
    SAMPLES.put("fixtures/devlake/opsgenie/_raw_opsgenie_incidents.csv", "opsgenie-devlake-csv");
    SAMPLES.put(DOC + "opsgenie/incidents-list.json", "opsgenie-json");
    SAMPLES.put(DOC + "opsgenie/alert-single.json", "opsgenie-json");
    SAMPLES.put(DOC + "opsgenie/alerts.csv", "opsgenie-csv");
    SAMPLES.put(
        "fixtures/incident-io-openapi/extracted-examples/GET_v2_incidents.200.json",
        "incident-io-json");
    SAMPLES.put(
        "fixtures/incident-io-openapi/extracted-examples/GET_v2_incidents_id.200.json",
        "incident-io-json");
    SAMPLES.put(DOC + "incident-io/incidents.csv", "incident-io-csv");
    SAMPLES.put(DOC + "firehydrant/incidents.json", "firehydrant-json");
    SAMPLES.put(DOC + "rootly/incidents.json", "rootly-json");
    SAMPLES.put(DOC + "rootly/incident-single.json", "rootly-json");
    SAMPLES.put("fixtures/jira-csv-export-fr/JIRA.csv", "jira-csv");
    SAMPLES.put(DOC + "jira/issues-fr.csv", "jira-csv");
    SAMPLES.put(DOC + "jira/issues-en.csv", "jira-csv");
    SAMPLES.put(DOC + "jira/issues-de.csv", "jira-csv");
    SAMPLES.put(DOC + "jira/issues-es.csv", "jira-csv");
    SAMPLES.put(DOC + "jira/search.json", "jira-json");
    SAMPLES.put(DOC + "servicenow/incidents.csv", "servicenow-csv");
    SAMPLES.put(DOC + "servicenow/incidents-cp1252.csv", "servicenow-csv");
    SAMPLES.put(DOC + "servicenow/table-api.json", "servicenow-json");
    SAMPLES.put(DOC + "servicenow/single.json", "servicenow-json");
    SAMPLES.put(DOC + "servicenow/jsonv2.json", "servicenow-json");
  }

  @Test
  void everySampleIsTakenByItsImporterAndNoOtherIncidentImporterTies() throws Exception {
    for (var e : SAMPLES.entrySet()) {
      ImporterHarness.assertDetected(ImporterRegistry.standard(), e.getKey(), e.getValue());
      Sniff s =
          Sniff.of(new dev.rehearsal.importers.FileSource(ImporterHarness.resource(e.getKey())));
      int own = -1;
      for (Importer i : IncidentImporters.all()) {
        if (i.id().equals(e.getValue())) {
          own = i.recognizes(s);
        }
      }
      for (Importer i : IncidentImporters.all()) {
        if (!i.id().equals(e.getValue())) {
          int other = i.recognizes(s);
          assertTrue(
              other < own,
              i.id() + " scores " + other + " on " + e.getKey() + " (owner " + own + ")");
        }
      }
    }
  }

  @Test
  void otherFamiliesFilesAreNotClaimed() throws Exception {
    for (String res :
        new String[] {
          "fixtures/devlake/gitlab/_raw_gitlab_api_deployments.csv",
          "fixtures/devlake/github/_raw_github_api_runs.csv",
          "fixtures/devlake/opsgenie/_raw_opsgenie_teams.csv",
          "fixtures/devlake/opsgenie/_raw_opsgenie_users.csv",
          "fixtures/github-rest-openapi/extracted-examples/deployment-items.json",
          "fixtures/cloudir-bench-samples/data-samples/github/annotations/final.json",
          "fixtures/incident-io-openapi/extracted-examples/GET_v2_incident_updates.200.json"
        }) {
      IncidentTests.assertNotOurs(res);
    }
  }

  @Test
  void contractBasics() {
    var ids = new java.util.HashSet<String>();
    Pattern kebab = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    for (Importer i : IncidentImporters.all()) {
      assertTrue(ids.add(i.id()), "duplicate id " + i.id());
      assertTrue(kebab.matcher(i.id()).matches(), i.id());
      assertEquals(RecordKind.INCIDENT, i.kind());
      assertTrue(!i.displayName().isBlank());
      // a recogniser never fails on odd input
      for (String text : new String[] {"", "{", "[1,2", "a,b\n", "\u0000\u0001", "<x/>"}) {
        i.recognizes(Sniff.ofText("odd.txt", text));
      }
    }
    assertEquals(14, ids.size());
  }
}
