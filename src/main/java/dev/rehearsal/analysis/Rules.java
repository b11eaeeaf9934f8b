package dev.rehearsal.analysis;

import dev.rehearsal.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The analysis rules of a workspace, read once from its settings, which were checked against the
 * settings schema when they were loaded (see docs/settings.md and
 * docs/decisions/0003-correlation-rules.md for what each means and why the defaults are what they
 * are).
 */
public final class Rules {
  final Set<String> productionEnvs;
  final Set<String> stagingEnvs;
  final long windowMs;
  final long skewMs;
  final long explicitWindowMs;
  final long rollbackWindowMs;
  final double halfLifeHours;
  final double minConfidence;
  final double relativeCutoff;
  final int maxLinks;
  final double secondLinkRatio;
  final double wExplicit;
  final double wSameService;
  final double wDependency;
  final double interveningFactor;
  final double failedDeployFactor;
  final double noChangeLanguageFactor;
  final double externalCauseFactor;
  final double afterOnsetFactor;
  final double wRolledBack;
  final double ruledOutFactor;
  final double targetPrecision;
  final double suspectExcess;
  final List<String> changeLanguage;
  final List<String> noChangeLanguage;
  final Map<String, Double> environmentWeights;
  final List<String> externalLanguage;
  final long stagingLookbackMs;
  final long runSlackMs;
  final double guessBelow;
  final double gapMinScore;
  final double secondaryRatio;
  final double wText;
  final double wStructure;
  final double wLearned;
  final double textSaturation;
  final int learnedMinExamples;
  final double trafficRatio;
  final double dataRatio;
  final int recentConfigChangeDays;
  final double recentConfigChangeScore;
  final List<Pattern> expectedDifferentKeys;
  final Map<String, List<String>> vocabulary;
  final List<List<String>> synonyms;
  final Map<String, List<String>> dependencies;

  /** Declared table ownership: service to tables, schema-qualified tables or "schema.*". */
  final Map<String, List<String>> tables;

  /** Table ownership a person rejected: service to tables, never applied. */
  final Map<String, List<String>> rejectedTables;

  final int repeatOffenderMinEscapes;
  final int fidelityMinIncidents;

  public Rules(Settings s) {
    // in the settings' order: which environment is looked at first decides ties, and an
    // immutable Set.copyOf iterates in an order that changes from one JVM to the next
    productionEnvs = ordered(s.strings("linking.productionEnvironments"));
    stagingEnvs = ordered(s.strings("linking.stagingEnvironments"));
    windowMs = (long) (s.number("linking.windowHours") * 3_600_000L);
    skewMs = (long) (s.number("linking.clockSkewMinutes") * 60_000L);
    explicitWindowMs = (long) (s.number("linking.citedChangeWindowDays") * 86_400_000L);
    rollbackWindowMs = (long) (s.number("linking.rollbackWindowHours") * 3_600_000L);
    halfLifeHours = s.number("linking.recencyHalfLifeHours");
    minConfidence = s.number("linking.minConfidence");
    relativeCutoff = s.number("linking.relativeCutoff");
    maxLinks = (int) s.number("linking.maxLinks");
    secondLinkRatio = s.number("linking.secondLinkRatio");
    wExplicit = s.number("linking.weights.explicitReference");
    wSameService = s.number("linking.weights.sameService");
    wDependency = s.number("linking.weights.dependency");
    interveningFactor = s.number("linking.weights.interveningChangeFactor");
    failedDeployFactor = s.number("linking.weights.failedDeployFactor");
    noChangeLanguageFactor = s.number("linking.weights.noChangeLanguageFactor");
    externalCauseFactor = s.number("linking.weights.externalCauseFactor");
    afterOnsetFactor = s.number("linking.weights.afterOnsetFactor");
    wRolledBack = s.number("linking.weights.rolledBackDuringIncident");
    ruledOutFactor = s.number("linking.weights.ruledOutFactor");
    targetPrecision = s.number("linking.targetPrecision");
    suspectExcess = s.number("linking.suspectExcess");
    changeLanguage = s.strings("linking.changeLanguage");
    noChangeLanguage = s.strings("linking.noChangeLanguage");
    environmentWeights = new LinkedHashMap<>();
    s.at("linking.environmentWeights")
        .fields()
        .forEachRemaining(e -> environmentWeights.put(e.getKey(), e.getValue().asDouble()));
    externalLanguage = s.strings("linking.externalCauseLanguage");
    stagingLookbackMs = (long) (s.number("verdict.stagingLookbackDays") * 86_400_000L);
    runSlackMs = (long) (s.number("verdict.runSlackMinutes") * 60_000L);
    guessBelow = s.number("verdict.guessBelowConfidence");
    repeatOffenderMinEscapes = (int) s.number("aggregates.repeatOffenderMinEscapes");
    fidelityMinIncidents = (int) s.number("aggregates.fidelityMinIncidents");
    gapMinScore = s.number("gaps.minScore");
    secondaryRatio = s.number("gaps.secondaryRatio");
    wText = s.number("gaps.weights.text");
    wStructure = s.number("gaps.weights.structure");
    wLearned = s.number("gaps.weights.learned");
    textSaturation = s.number("gaps.textSaturation");
    learnedMinExamples = (int) s.number("gaps.learnedMinExamples");
    trafficRatio = s.number("gaps.trafficRatio");
    dataRatio = s.number("gaps.dataRatio");
    recentConfigChangeDays = (int) s.number("gaps.recentConfigChangeDays");
    recentConfigChangeScore = s.number("gaps.recentConfigChangeScore");
    expectedDifferentKeys = new ArrayList<>();
    for (String g : s.strings("gaps.expectedDifferentKeys")) {
      expectedDifferentKeys.add(glob(g));
    }
    vocabulary = new LinkedHashMap<>();
    s.at("gaps.vocabulary")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> words = new ArrayList<>();
              e.getValue().forEach(v -> words.add(v.asText()));
              vocabulary.put(e.getKey(), words);
            });
    synonyms = new ArrayList<>();
    s.at("gaps.synonyms")
        .forEach(
            group -> {
              List<String> g = new ArrayList<>();
              group.forEach(v -> g.add(v.asText()));
              if (g.size() > 1) {
                synonyms.add(g);
              }
            });
    dependencies = s.dependencies();
    tables = s.tables();
    rejectedTables = s.rejectedTables();
  }

  private static Set<String> ordered(List<String> values) {
    return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(values));
  }

  private final Map<String, Boolean> expectedCache = new java.util.concurrent.ConcurrentHashMap<>();

  /** Whether a configuration key is expected to differ between environments (hosts, secrets). */
  boolean expectedToDiffer(String key) {
    return expectedCache.computeIfAbsent(
        key,
        k -> {
          String lower = k.toLowerCase(java.util.Locale.ROOT);
          for (Pattern p : expectedDifferentKeys) {
            if (p.matcher(lower).matches()) {
              return true;
            }
          }
          return false;
        });
  }

  static Pattern glob(String g) {
    StringBuilder sb = new StringBuilder();
    for (char c : g.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      sb.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(sb.toString());
  }
}
