package dev.rehearsal;

import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.model.TestSummary;
import java.time.Instant;
import java.util.List;

/** Small builders for records in tests. */
public final class Records {
  private Records() {}

  public static Provenance prov(String format, String id) {
    return new Provenance("test/" + format + ".json", 1, 0, format, id, List.of());
  }

  public static Incident incident(
      String id, String title, String description, String service, String onset) {
    return new Incident(
        "pagerduty",
        id,
        "#" + id,
        title,
        description,
        "",
        List.of(service),
        "production",
        "P2",
        "resolved",
        Instant.parse(onset),
        null,
        null,
        List.of(),
        "",
        prov("pagerduty-json", id));
  }

  public static Deploy deploy(
      String id,
      String service,
      String env,
      String version,
      String sha,
      String at,
      DeployStatus status) {
    Instant t = Instant.parse(at);
    return new Deploy(
        "gitlab",
        id,
        service,
        env,
        env,
        version,
        sha,
        version,
        status,
        t.minusSeconds(120),
        t,
        false,
        "",
        "bot",
        List.of("pipeline:" + id),
        "",
        prov("gitlab-json", id));
  }

  public static StagingRun run(
      String id, String service, String version, String at, int total, int failed) {
    return new StagingRun(
        "junit",
        id,
        service,
        "staging",
        version,
        "",
        RunType.TESTS,
        "com.acme.IT",
        Instant.parse(at),
        12.5,
        new TestSummary(
            total,
            total - failed,
            failed,
            0,
            0,
            failed > 0 ? List.of("OrderIT.places: expected 200") : List.of(),
            List.of("OrderIT.places", "OrderIT.cancels")),
        null,
        prov("junit-xml", id));
  }

  public static EnvironmentFact config(
      String service, String env, String key, String value, String at) {
    return new EnvironmentFact(
        FactType.CONFIG,
        service,
        env,
        key,
        value,
        Double.NaN,
        Instant.parse(at),
        prov("properties", key));
  }
}
