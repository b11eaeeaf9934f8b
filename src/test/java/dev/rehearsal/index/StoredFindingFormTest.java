package dev.rehearsal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.settings.ServiceNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class StoredFindingFormTest {
  private final RecordCodec codec = new RecordCodec(new ServiceNames(Map.of(), List.of()));

  private static final Instant AT = Instant.parse("2024-03-01T10:12:30Z");

  /** A deploy's six arguments, as the analysis names a deploy in a reason. */
  private static Map<String, String> deploy(String prefix, String key, String version, Instant at) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(prefix + (prefix.isEmpty() ? "deploy" : "Deploy"), key);
    m.put(prefix + (prefix.isEmpty() ? "service" : "Service"), "checkout");
    m.put(prefix + (prefix.isEmpty() ? "version" : "Version"), version);
    m.put(
        prefix + (prefix.isEmpty() ? "commit" : "Commit"),
        "0e87fbd14b3413ff246ba860ce87980c8c4210bc");
    m.put(prefix + (prefix.isEmpty() ? "env" : "Env"), "production");
    m.put(prefix + (prefix.isEmpty() ? "at" : "At"), at.toString());
    return m;
  }

  private static Reason reason(
      Reason.Code code, Map<String, String> before, Map<String, String> d) {
    Map<String, String> all = new LinkedHashMap<>(before);
    all.putAll(d);
    return new Reason(code, all);
  }

  private static DeployLink link(String key, String version, List<Reason> reasons) {
    return new DeployLink(
        key,
        "checkout",
        version,
        "0e87fbd14b3413ff246ba860ce87980c8c4210bc",
        "production",
        AT,
        0.8,
        false,
        false,
        reasons,
        List.of(new Evidence.CitedReference("version", version, key)));
  }

  private static Finding finding(List<DeployLink> links, List<DeployLink> alternatives) {
    return new Finding(
        "incident/pagerduty/Q1",
        AT.plusSeconds(1800),
        List.of("checkout"),
        links,
        0.8,
        false,
        Verdict.ESCAPE,
        List.of(
            reason(
                Reason.Code.STAGED_BEFORE, Map.of("beforeMs", "5"), deploy("", "d/s", "1.2", AT))),
        List.of(Gap.CONFIG),
        List.of(),
        List.of(),
        null,
        alternatives);
  }

  /** A finding with one link, whose one reason names the link's deploy in full. */
  private static Finding linkedBySameService(String key) {
    return finding(
        List.of(
            link(
                key,
                "1.2",
                List.of(
                    reason(
                        Reason.Code.SAME_SERVICE,
                        Map.of("beforeMs", "1800000"),
                        deploy("", key, "1.2", AT))))),
        List.of());
  }

  private Finding roundTrip(Finding f) {
    byte[] json = codec.json(f);
    return codec.decode(new BytesRef(json), Finding.class);
  }

  @Test
  void aFindingReadBackEqualsTheOneStored() {
    String key = "deploy/github/1";
    List<Reason> reasons =
        List.of(
            Reason.of(Reason.Code.CITED, "cited", "version", "text", "v1.2"),
            reason(
                Reason.Code.SAME_SERVICE,
                Map.of("beforeMs", "1800000"),
                deploy("", key, "1.2", AT)),
            Reason.of(Reason.Code.TEXT_SILENT));
    // an alternative whose reason names another deploy, and one whose arguments run in another
    // order: neither is shortened, and both come back as they were
    Map<String, String> shuffled = new LinkedHashMap<>();
    deploy("", "deploy/github/2", "1.1", AT).entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> shuffled.put(e.getKey(), e.getValue()));
    DeployLink other =
        link(
            "deploy/github/2",
            "1.1",
            List.of(
                reason(
                    Reason.Code.UPSTREAM, Map.of("services", "a, b"), deploy("", key, "1.2", AT)),
                new Reason(Reason.Code.TIMING, shuffled),
                reason(
                    Reason.Code.CITED, Map.of("cited", "id"), deploy("staged", "d/s", "1.1", AT))));
    Finding f = finding(List.of(link(key, "1.2", reasons)), List.of(other));

    Finding back = roundTrip(f);

    assertEquals(f, back);
    for (int i = 0; i < f.links().get(0).reasons().size(); i++) {
      assertEquals(
          new ArrayList<>(f.links().get(0).reasons().get(i).args().keySet()),
          new ArrayList<>(back.links().get(0).reasons().get(i).args().keySet()),
          "the arguments come back in their order");
    }
  }

  @Test
  void theStoredFormNamesTheLinksDeployOnce() {
    String key = "deploy/github/1";
    Finding f = linkedBySameService(key);
    String stored = new String(codec.json(f), StandardCharsets.UTF_8);
    assertTrue(stored.contains("\"@deploy\":\"\""), stored);
    assertFalse(stored.contains("\"deploy\":\"" + key + "\""), stored);
    assertEquals(f, roundTrip(f));
  }

  @Test
  void theVerdictsRunReasonsAreStoredOnceAndReadBackInFull() {
    Evidence.RunResult passed =
        new Evidence.RunResult(
            "com.acme.IntegrationTests",
            dev.rehearsal.model.RunType.TESTS,
            dev.rehearsal.model.RunOutcome.PASSED,
            AT,
            135,
            0,
            0,
            "",
            0,
            Double.NaN,
            Double.NaN,
            false,
            true,
            "staging/junit/TEST-run-1.xml:2");
    Evidence.RunResult load =
        new Evidence.RunResult(
            "checkout-peak",
            dev.rehearsal.model.RunType.LOAD,
            dev.rehearsal.model.RunOutcome.FAILED,
            AT.plusSeconds(60),
            0,
            0,
            1,
            "p95 over 300 ms",
            120_000,
            410.5,
            312.0,
            true,
            false,
            "staging/k6/summary.json:1");
    // the second run's reason differs from its evidence (another location): kept in full
    Reason changed =
        new Reason(
            Reason.Code.RUN,
            new LinkedHashMap<>(load.reason().args()) {
              {
                put("location", "elsewhere.json:1");
              }
            });
    Finding f =
        new Finding(
            "incident/pagerduty/Q2",
            AT.plusSeconds(3600),
            List.of("checkout"),
            List.of(),
            0,
            false,
            Verdict.ESCAPE,
            List.of(Reason.of(Reason.Code.TEXT_SILENT), passed.reason(), load.reason(), changed),
            List.of(),
            List.of(),
            List.of(new Evidence.NotStaged("checkout", "1.2"), passed, load),
            null,
            List.of());
    String stored = new String(codec.json(f), StandardCharsets.UTF_8);
    assertTrue(stored.contains("{\"code\":\"RUN\",\"args\":{\"evidence\":\"1\"}}"), stored);
    assertTrue(stored.contains("{\"code\":\"RUN\",\"args\":{\"evidence\":\"2\"}}"), stored);
    assertTrue(stored.contains("elsewhere.json:1"), stored);
    assertEquals(
        1, stored.split("TEST-run-1.xml", -1).length - 1, "the run is named once: " + stored);
    assertEquals(f, roundTrip(f));
  }

  @Test
  void aFindingStoredInFullReadsTheSame() throws Exception {
    String key = "deploy/github/1";
    Finding f = linkedBySameService(key);
    // as workspaces written before the stored form hold it
    byte[] full = dev.rehearsal.util.Json.mapper().writeValueAsBytes(f);
    assertEquals(f, codec.decode(new BytesRef(full), Finding.class));
  }
}
