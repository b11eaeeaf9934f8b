package dev.rehearsal.importers.facts;

import static dev.rehearsal.importers.facts.FactTests.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.Sniff;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Detection picks the right fact importer by content, and leaves other families' files alone. */
class FactDetectionTest {

  @ParameterizedTest
  @CsvSource({
    "fixtures/facts-samples/config/checkout.staging.2024-03-01.properties, config-properties",
    "fixtures/facts-samples/config/payments.staging.env, config-env",
    "fixtures/facts-samples/config/application.yml, config-yaml",
    "fixtures/facts-samples/config/appsettings.Production.json, config-json",
    "fixtures/facts-samples/k8s/checkout-config.yaml, k8s-configmap",
    "fixtures/facts-samples/k8s/production-configmaps.json, k8s-configmap",
    "fixtures/facts-samples/k8s/search-manifests.yaml, k8s-configmap",
    "fixtures/facts-samples/flags/flags.json, flags-json",
    "fixtures/facts-samples/flags/launchdarkly-flags.json, launchdarkly-flags",
    "fixtures/facts-samples/flags/unleash-features-batch-export.json, unleash-export",
    "fixtures/unleash-state-export/src/test/examples/exported-3175-enterprise.json, unleash-export",
    "fixtures/unleash-state-export/src/test/examples/exported405-enterprise.json, unleash-export",
    "fixtures/unleash-state-export/src/test/examples/exported412-enterprise.json, unleash-export",
    "fixtures/unleash-state-export/src/test/examples/exported-segments.json, unleash-export",
    "fixtures/unleash-state-export/src/test/examples/variantsexport_v3.json, unleash-export",
    "fixtures/facts-samples/csv/data-volume.csv, data-volume-csv",
    "fixtures/facts-samples/csv/traffic-peaks.csv, traffic-csv",
    "fixtures/wiremock-mappings/src/test/resources/classpath-filesource/mappings/slow-response.json, wiremock-mappings",
    "fixtures/wiremock-mappings/src/test/resources/remoteloader/mappings/two.json, wiremock-mappings",
    "fixtures/wiremock-mappings/src/test/resources/remoteloader/mappings/with-several-mappings-in-one-file.json, wiremock-mappings",
    "fixtures/wiremock-mappings/src/test/resources/remoteloader/mappings/with-text-body-file-header.json, wiremock-mappings",
    "fixtures/wiremock-mappings/src/test/resources/test-file-root/mappings/testjsonmapping.json, wiremock-mappings",
    "fixtures/wiremock-mappings/src/test/resources/test-file-root/mappings/testmapping.json, wiremock-mappings",
    "fixtures/facts-samples/wiremock/stripe/mappings/charges.json, wiremock-mappings",
  })
  void picksTheFactImporter(String resource, String id) {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), resource, id);
  }

  /** Other families' real files: no fact importer claims them above WEAK. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "fixtures/argo-cd-testdata/controller/testdata/diff-cache.yaml",
        "fixtures/k9s-testdata/internal/render/testdata/dp.json",
        "fixtures/k6-reporter/tests/data/simple.json",
        "fixtures/allure2/allure2/simple-testcase.json",
        "fixtures/incident-io-openapi/extracted-examples/GET_v2_incidents.200.json",
        "fixtures/spinnaker-deck-fixtures/ecs/pipelines/pipelines.json",
        "fixtures/cloudir-bench-samples/data-samples/github/annotations/final.json",
        "fixtures/github-rest-openapi/extracted-examples/deployment-items.json",
        "fixtures/github-rest-openapi/extracted-examples/environments.json",
        "fixtures/github-rest-openapi/extracted-examples/workflow-run.json",
        "fixtures/jira-csv-export-fr/JIRA.csv",
        "fixtures/jenkins-performance-plugin/test_results_stats.csv",
        "fixtures/jenkins-performance-plugin/JMeterCsvResults.csv",
        "fixtures/jenkins-performance-plugin/summary.log",
        "fixtures/devlake/jenkins/_raw_jenkins_api_builds.csv",
        "fixtures/wiremock-mappings/schemas/wiremock-stub-mapping-or-mappings.json",
      })
  void leavesOtherFamiliesFilesToThem(String resource) {
    Set<String> weakOnly = Set.of("config-json", "config-yaml");
    for (Importer i : FactImporters.all()) {
      int s = score(i, resource);
      if (weakOnly.contains(i.id())) {
        assertTrue(s <= Importer.WEAK, i.id() + " scored " + s + " on " + resource);
      } else {
        assertEquals(Importer.NO, s, i.id() + " claims " + resource);
      }
    }
  }

  /** API pages, test reports, schemas and manifests are JSON objects, not configuration. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "fixtures/github-rest-openapi/extracted-examples/check-run.json",
        "fixtures/github-rest-openapi/extracted-examples/environment.json",
        "fixtures/github-rest-openapi/package.json",
        "fixtures/incident-io-openapi/extracted-examples/GET_v1_severities.200.json",
        "fixtures/incident-io-openapi/extracted-examples/GET_v2_incident_updates.200.json",
        "fixtures/octokit-webhooks-examples/package.json",
        "fixtures/wiremock-mappings/schemas/wiremock-stub-mapping-or-mappings.json",
      })
  void jsonThatIsNotConfigurationIsNotClaimedAsConfiguration(String resource) {
    assertEquals(Importer.NO, score(new JsonConfigImporter(), resource));
  }

  @Test
  void configurationJsonIsClaimedByItsNameAndShape() {
    JsonConfigImporter json = new JsonConfigImporter();
    String settings = "{\"Logging\": {\"Level\": \"Warning\"}, \"Pool\": 5}";
    assertEquals(Importer.WEAK, json.recognizes(Sniff.ofText("appsettings.json", settings)));
    assertEquals(Importer.WEAK, json.recognizes(Sniff.ofText("checkout.staging.json", settings)));
    assertEquals(
        Importer.NO, json.recognizes(Sniff.ofText("data.json", "{\"some\":\"json\",\"n\":1}")));
    String report =
        "{\"stats\": {\"tests\": 2}, \"tests\": [{\"title\": \"a\"}, {\"title\": \"b\"}]}";
    assertEquals(Importer.NO, json.recognizes(Sniff.ofText("mocha-test-results.json", report)));
  }

  @Test
  void argoApplicationWithAConfigMapInItsStatusIsNotAConfigMap() {
    String argo = "fixtures/argo-cd-testdata/controller/testdata/diff-cache.yaml";
    assertEquals(Importer.NO, score(new ConfigMapImporter(), argo));
    assertEquals(Importer.NO, score(new YamlConfigImporter(), argo));
  }

  @Test
  void genericImportersNeverWinDetection() {
    for (Importer i : dev.rehearsal.importers.generic.GenericImporters.all()) {
      for (String r :
          List.of(
              "fixtures/jira-csv-export-fr/JIRA.csv",
              "fixtures/github-rest-openapi/extracted-examples/deployment-items.json",
              "fixtures/facts-samples/csv/data-volume.csv")) {
        assertEquals(Importer.NO, score(i, r), i.id() + " on " + r);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.properties|# only a comment\\n|config-properties",
        "settings.conf|server.port=8080\\nspring.datasource.url=jdbc:x\\napp.name=x\\n|config-properties",
        "x.txt|DATABASE_URL=postgres://x\\nPORT=3000\\nexport NODE_ENV=production\\n|config-env",
        ".env.production|PORT=3000\\n|config-env",
        "values.txt|server:\\n  port: 8080\\nlogging:\\n  level: info\\n|config-yaml",
        "cm.txt|{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {}}|k8s-configmap",
        "list.yaml|apiVersion: v1\\nitems:\\n- apiVersion: v1\\n  kind: ConfigMap\\n  data: {}\\nkind: List\\n|k8s-configmap",
        "r.csv|Environment;Table Name;Row Count;Date\\n|data-volume-csv",
        "t.csv|env,service,peak rps,date\\n|traffic-csv",
        // a Kubernetes Deployment is rollout history (deploys family), never configuration
        "k.yaml|apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: x\\n|kubernetes-rollouts",
      })
  void recognisesByContent(String name, String content, String id) {
    var d = ImporterRegistry.standard().detect(Sniff.ofText(name, content.replace("\\n", "\n")));
    assertEquals(id, d.map(x -> x.importer().id()).orElse("(none)"), name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app.log|time=2024-03-01T10:00:00Z level=info msg=started user=a\\ntime=2024-03-01T10:00:01Z level=warn msg=slow user=b\\n",
        "notes.txt|Hello there,\\nthis is a letter.\\n",
        "rows.jsonl|{\"a\": 1}\\n{\"a\": 2}\\n",
      })
  void recognisesNothingInOtherText(String name, String content) {
    var d = ImporterRegistry.standard().detect(Sniff.ofText(name, content.replace("\\n", "\n")));
    assertEquals("(none)", d.map(x -> x.importer().id()).orElse("(none)"), name);
  }
}
