package dev.rehearsal.model;

import java.time.Instant;
import java.util.List;

/**
 * One piece of evidence a reviewer can check, as data: the words of the incident that match a gap,
 * the configuration keys and flags that differ between staging and production with both values,
 * traffic and data figures with where each came from, the dependency staging mocks, what staging's
 * deploys and runs said, the vote of reviewed incidents, the change an incident cites. Front ends
 * render it (the command line and the reports as sentences, the window as tables and marks); none
 * of them parses text back.
 */
public sealed interface Evidence {

  /**
   * What the evidence is about when it carried a gap's score: the configuration key or flag the
   * incident names or that changed just before, the table, the mocked dependency, "production
   * traffic peak"; empty for context. Aggregates rank a service's biggest contributors by it.
   */
  String subject();

  /** A span of marked characters in a passage, [start, end). */
  record Span(int start, int end) {}

  /**
   * A passage of an incident's text with the words that matched marked.
   *
   * @param field which part of the incident it comes from (title, body)
   * @param text the passage, plain text
   * @param marks the matched words, in order
   */
  record Passage(String field, String text, List<Span> marks) {
    public Passage {
      text = text == null ? "" : text;
      marks = marks == null ? List.of() : List.copyOf(marks);
    }
  }

  /**
   * The incident's words match a gap's vocabulary.
   *
   * @param gap the gap whose vocabulary matched
   * @param weight the summed weight of the matched cues (before saturation)
   * @param passages the passages that matched, with the words marked; empty until a finding is
   *     opened (the analysis keeps none)
   */
  record TextMatch(Gap gap, double weight, List<Passage> passages) implements Evidence {
    public TextMatch {
      passages = passages == null ? List.of() : List.copyOf(passages);
    }

    public TextMatch withPassages(List<Passage> p) {
      return new TextMatch(gap, weight, p);
    }

    @Override
    public String subject() {
      return "";
    }
  }

  /**
   * The text model of the gaps, trained on labelled incident write-ups, votes for this gap
   * (decision 0014).
   *
   * @param probability the model's probability of this gap for the incident's text; the four gaps
   *     and "none" sum to 1
   * @param words the words of the text that carried the vote, most first, as written
   * @param passages the passages that hold them, with the words marked; empty until a finding is
   *     opened (the analysis keeps none)
   * @param model how the model was made (what it was trained on)
   */
  record TextVote(
      Gap gap, double probability, List<String> words, List<Passage> passages, String model)
      implements Evidence {
    public TextVote {
      words = words == null ? List.of() : List.copyOf(words);
      passages = passages == null ? List.of() : List.copyOf(passages);
    }

    public TextVote withPassages(List<Passage> p) {
      return new TextVote(gap, probability, words, p, model);
    }

    @Override
    public String subject() {
      return "";
    }
  }

  /**
   * A configuration key whose value differs between the production and staging snapshots compared
   * (a null value: not set there).
   *
   * @param named whether the incident names the key
   */
  record ConfigDrift(
      String key,
      String production,
      String staging,
      Instant productionAsOf,
      Instant stagingAsOf,
      boolean named)
      implements Evidence {
    @Override
    public String subject() {
      return named ? key : "";
    }
  }

  /**
   * Production's value of a drifted key changed within the days before the deploy while staging's
   * stayed as it was: someone changed production by hand, staging did not follow.
   */
  record RecentConfigChange(String key, int days) implements Evidence {
    @Override
    public String subject() {
      return key;
    }
  }

  /** A feature flag set one way in production and another in staging. */
  record FlagDrift(String flag, String production, String staging, boolean named)
      implements Evidence {
    @Override
    public String subject() {
      return named ? flag : "";
    }
  }

  /**
   * Production's traffic at onset against its usual level, and against the highest peak a staging
   * load test of the version that shipped reached, each figure with where it came from.
   *
   * @param service the service whose traffic this is
   * @param peakRps production's peak requests per second at the time (the traffic facts imported
   *     for the service in production)
   * @param at when that peak was recorded (the last figure at or before onset)
   * @param medianRps production's median of the 28 days before
   * @param stagingPeakRps the highest peak a staging load test of the shipped version reached, NaN
   *     when none ran
   * @param carriesScore whether the traffic counted for the traffic gap: a spike over the median
   *     that the load test did not reach
   * @param load the load test that reached {@code stagingPeakRps}; null when none ran
   */
  record TrafficPeak(
      String service,
      double peakRps,
      Instant at,
      double medianRps,
      double stagingPeakRps,
      boolean carriesScore,
      LoadTest load)
      implements Evidence {

    /** Production's peak over the load test's; NaN when no load test ran. */
    public double overLoadTest() {
      return stagingPeakRps > 0 ? peakRps / stagingPeakRps : Double.NaN;
    }

    /** Production's peak over its 28-day median; NaN when there is no median. */
    public double overMedian() {
      return medianRps > 0 ? peakRps / medianRps : Double.NaN;
    }

    @Override
    public String subject() {
      return carriesScore ? "production traffic peak" : "";
    }
  }

  /**
   * Where a staging load-test figure came from.
   *
   * @param tool the tool whose export it is (k6, JMeter, Gatling, Locust)
   * @param suite the script, plan or simulation
   * @param version the version it exercised
   * @param at when it ran
   * @param location the file and line it was read from
   */
  record LoadTest(String tool, String suite, String version, Instant at, String location) {}

  /**
   * A figure in production against the same figure in staging, each with where it came from.
   *
   * @param metric what is compared ("rows", "peak rps")
   * @param measuredOn what it is measured on (a table, a service)
   * @param named whether the incident names it
   */
  record Ratio(
      String metric,
      String measuredOn,
      double production,
      String productionSource,
      double staging,
      String stagingSource,
      Instant asOf,
      boolean named)
      implements Evidence {
    /** Production over staging; NaN when staging's figure is unknown or zero. */
    public double ratio() {
      return staging > 0 ? production / staging : Double.NaN;
    }

    @Override
    public String subject() {
      return named ? measuredOn : "";
    }
  }

  /** How an incident points at a dependency. */
  enum PointedBy {
    /** The incident names the dependency. */
    NAME,
    /** The incident names it as the alias table also calls it. */
    ALIAS,
    /** The incident cites a call the mock stands in for ("POST /v1/refunds"). */
    CALL,
    /** The incident quotes an error code or exception carrying its name ("StripeCardError"). */
    ERROR_CODE
  }

  /**
   * Staging replaces a dependency with a mock or sandbox, and the incident points at it. A mocked
   * dependency the incident does not point at is no evidence, and is not recorded.
   *
   * @param mockedBy how staging mocks it (the mapping file, the sandbox host)
   * @param pointedBy how the incident points at it
   * @param pointer what the incident says that points at it: the name, the alias, the call or the
   *     error code as written
   */
  record MockedDependency(String dependency, String mockedBy, PointedBy pointedBy, String pointer)
      implements Evidence {
    @Override
    public String subject() {
      return dependency;
    }
  }

  /**
   * The incident's words speak of mocks or sandboxes, but staging's mocks are known and the
   * incident points at none of them: the words describe the failure, not a mock, and do not count
   * for the mocks gap.
   *
   * @param mocked the dependencies staging mocks for the incident's services (empty: none)
   */
  record MockWordsAlone(List<String> mocked) implements Evidence {
    public MockWordsAlone {
      mocked = mocked == null ? List.of() : List.copyOf(mocked);
    }

    @Override
    public String subject() {
      return "";
    }
  }

  /**
   * Sentences of the incident's text not read for the gaps' words: they check something and find it
   * normal or not the cause, or tell the remedy or the follow-up (decision 0024). Shown with the
   * gaps whose word score they lowered.
   *
   * @param sentences the sentences or clauses set aside, as written
   */
  record SetAside(List<String> sentences) implements Evidence {
    public SetAside {
      sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    @Override
    public String subject() {
      return "";
    }
  }

  /**
   * A sentence of the incident's text that sets production against staging and names nothing of the
   * other gaps: a cue for the config gap (decision 0024).
   *
   * @param sentence the sentence, as written
   */
  record EnvironmentsCompared(String sentence) implements Evidence {
    public EnvironmentsCompared {
      sentence = sentence == null ? "" : sentence;
    }

    @Override
    public String subject() {
      return "";
    }
  }

  /** A staging deploy of the change, before it shipped to production. */
  record StagingDeploy(
      String deployKey,
      String service,
      String version,
      String environment,
      Instant at,
      long beforeProductionMs)
      implements Evidence {
    @Override
    public String subject() {
      return "";
    }
  }

  /** No staging deploy of the change was found. */
  record NotStaged(String service, String change) implements Evidence {
    @Override
    public String subject() {
      return "";
    }
  }

  /** The change reached staging but no run tested it. */
  record Untested(String service, String change) implements Evidence {
    @Override
    public String subject() {
      return "";
    }
  }

  /**
   * What one staging run of the change said (the latest of its suite before production).
   *
   * @param total tests in the run (0 for a load test)
   * @param skipped tests skipped
   * @param failed failed and errored tests
   * @param firstFailure the first failure's message, or ""
   * @param requests load tests: requests made (0 otherwise)
   * @param environmentStated whether the run's file said which environment it ran in
   * @param location file and line of the run
   */
  record RunResult(
      String suite,
      RunType type,
      RunOutcome outcome,
      Instant at,
      int total,
      int skipped,
      int failed,
      String firstFailure,
      long requests,
      double peakRps,
      double p95Ms,
      boolean thresholdsFailed,
      boolean environmentStated,
      String location)
      implements Evidence {
    public boolean loadTest() {
      return type == RunType.LOAD;
    }

    /** The reason the run gives a verdict: its fields as arguments. */
    public Reason reason() {
      return Reason.of(
          Reason.Code.RUN,
          "suite",
          suite,
          "type",
          type.name(),
          "outcome",
          outcome.name(),
          "at",
          at,
          "total",
          total,
          "skipped",
          skipped,
          "failed",
          failed,
          "firstFailure",
          firstFailure,
          "requests",
          requests,
          "peakRps",
          peakRps,
          "p95Ms",
          p95Ms,
          "thresholdsFailed",
          thresholdsFailed,
          "environmentStated",
          environmentStated,
          "location",
          location);
    }

    @Override
    public String subject() {
      return "";
    }
  }

  /**
   * The most similar reviewed escapes were of this gap.
   *
   * @param share the share of those neighbours that were
   * @param neighbours how the vote was made
   */
  record LearnedVote(Gap gap, double share, String neighbours) implements Evidence {
    @Override
    public String subject() {
      return "";
    }
  }

  /**
   * Names the tools wrote that were taken for a service without the alias table saying so.
   *
   * @param name the name as it read before ("notifications-fan-out-prod")
   * @param written how the tools wrote it
   * @param service the service it was taken for
   * @param score how sure the inference was
   * @param reasons why (words, shared releases, incidents after deploys)
   */
  record ServiceAlias(
      String name, List<String> written, String service, double score, List<Reason> reasons)
      implements Evidence {
    public ServiceAlias {
      written = written == null ? List.of() : List.copyOf(written);
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @Override
    public String subject() {
      return "";
    }
  }

  /**
   * A change the incident cites.
   *
   * @param kind commit, version, id (PR, pipeline, deploy number, URL) or title
   * @param text what the incident says
   * @param deployKey the deploy it matched
   */
  record CitedReference(String kind, String text, String deployKey) implements Evidence {
    @Override
    public String subject() {
      return "";
    }
  }
}
