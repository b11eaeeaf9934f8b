package dev.rehearsal.analysis;

import dev.rehearsal.analysis.References.Ref;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Facets.ReleaseMatch;
import dev.rehearsal.index.ServiceEvidence;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Incident;
import dev.rehearsal.settings.ServiceNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which deploy services the incidents of a name cite the changes of: evidence for service-name
 * inference ({@link ServiceIdentity}) that no spelling gives. Incidents filed under "Stock" that
 * cite merge request !968 and version v2.13.5 of the repository {@code inv-svc} say that "Stock" is
 * that service, however different the words.
 *
 * <p>Only names no deploy uses are looked at (a deploy service is its own name). A reference counts
 * when it points at production deploys of exactly one service, shipped in the cited-change window
 * before onset (up to the clock skew after it): a version many services share, or a number that
 * matches several repositories, says nothing about which service the incident is.
 */
final class CitedServices {

  /**
   * What the incidents of each name cite.
   *
   * @param cites raw incident name to the raw deploy services its incidents cite, and how many of
   *     its incidents cite each
   * @param citing raw incident name to how many of its incidents cite any change
   * @param named raw incident name to the raw deploy services its incidents name in their words
   *     ("web-frontend errors, investigating" filed under "[P1] Storefront – production"), and how
   *     many of its incidents name each
   * @param incidents raw incident name to how many of its incidents were read
   */
  record Counts(
      Map<String, Map<String, Long>> cites,
      Map<String, Long> citing,
      Map<String, Map<String, Long>> named,
      Map<String, Long> incidents) {
    static final Counts NONE = new Counts(Map.of(), Map.of());

    /** Citations only: no incident names a deploy service in its words. */
    Counts(Map<String, Map<String, Long>> cites, Map<String, Long> citing) {
      this(cites, citing, Map.of(), Map.of());
    }

    /** How many of a name's incidents cite changes of a deploy service (raw names). */
    long cites(String incidentName, String deployName) {
      return cites.getOrDefault(incidentName, Map.of()).getOrDefault(deployName, 0L);
    }
  }

  private record Citing(Set<String> names, long onset, List<Ref> refs) {}

  private CitedServices() {}

  static Counts of(Workspace ws, ServiceEvidence e, ServiceNames names, Rules rules)
      throws IOException {
    Set<String> deployNames = new HashSet<>();
    for (String raw : e.productionDeploys().keySet()) {
      deployNames.add(names.canonical(raw));
    }
    Set<String> wanted = new HashSet<>();
    e.uses()
        .forEach(
            (raw, byKind) -> {
              if (byKind.getOrDefault(DocKind.INCIDENT.code(), 0L) > 0
                  && !deployNames.contains(names.canonical(raw))) {
                wanted.add(raw);
              }
            });
    if (wanted.isEmpty()) {
      return Counts.NONE;
    }
    // deploy services by how their names are written in lower case, to find them in the words;
    // a repository path by its last part too ("acme/oms" is written "oms")
    Map<String, String> deployWords = new HashMap<>();
    for (String raw : e.productionDeploys().keySet()) {
      String lower = raw.toLowerCase(Locale.ROOT);
      deployWords.putIfAbsent(lower.substring(lower.lastIndexOf('/') + 1), raw);
    }
    Map<String, Map<String, Long>> named = new TreeMap<>();
    Map<String, Long> read = new TreeMap<>();
    List<Citing> incidents = new ArrayList<>();
    ws.records()
        .forEach(
            DocKind.INCIDENT,
            Incident.class,
            i -> {
              Set<String> of = new TreeSet<>(i.services());
              of.retainAll(wanted);
              if (of.isEmpty()) {
                return;
              }
              Set<String> services = deployServicesNamed(i.narrative(), deployWords);
              for (String name : of) {
                read.merge(name, 1L, Long::sum);
                for (String d : services) {
                  named.computeIfAbsent(name, x -> new TreeMap<>()).merge(d, 1L, Long::sum);
                }
              }
              List<Ref> refs = new ArrayList<>();
              for (Ref r : References.extract(i.narrative())) {
                if (!r.negated() && usable(r)) {
                  refs.add(r);
                }
              }
              if (!refs.isEmpty()) {
                // an incident that cites nothing adds nothing to the counts, so it is not held
                incidents.add(new Citing(of, i.startedAt().toEpochMilli(), refs));
              }
            });
    Map<String, List<ReleaseMatch>> byRef = deploysCited(ws, incidents, rules);

    Map<String, Map<String, Long>> cites = new TreeMap<>();
    Map<String, Long> citing = new TreeMap<>();
    for (Citing c : incidents) {
      Set<String> services = new TreeSet<>();
      for (Ref r : c.refs()) {
        Set<String> of = new TreeSet<>();
        for (ReleaseMatch m : byRef.getOrDefault(key(r), List.of())) {
          if (m.time() >= c.onset() - rules.explicitWindowMs
              && m.time() <= c.onset() + rules.skewMs) {
            of.add(m.service());
          }
        }
        if (of.size() == 1) {
          services.addAll(of);
        }
      }
      for (String name : c.names()) {
        citing.merge(name, 1L, Long::sum);
        for (String s : services) {
          cites.computeIfAbsent(name, x -> new TreeMap<>()).merge(s, 1L, Long::sum);
        }
      }
    }
    return new Counts(cites, citing, named, read);
  }

  /**
   * The deploy services a text names as a word of its own, as the deploys write them ("web-frontend
   * errors"): words are runs of letters, digits, '-' and '_', compared in lower case.
   */
  static Set<String> deployServicesNamed(String text, Map<String, String> deployWords) {
    Set<String> out = new TreeSet<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !wordChar(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && wordChar(text.charAt(i))) {
        i++;
      }
      int end = i;
      while (end > start && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '_')) {
        end--;
      }
      if (end > start) {
        String raw = deployWords.get(text.substring(start, end).toLowerCase(Locale.ROOT));
        if (raw != null) {
          out.add(raw);
        }
      }
    }
    return out;
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }

  /** Commits, versions and change numbers; not titles, rollbacks or addresses. */
  private static boolean usable(Ref r) {
    switch (r.type()) {
      case SHA:
      case VERSION:
        return true;
      case ID:
        return !r.title();
      default:
        return false;
    }
  }

  private static String key(Ref r) {
    return r.type() + ":" + r.value();
  }

  /** The production deploys each reference points at, by {@link #key}. */
  private static Map<String, List<ReleaseMatch>> deploysCited(
      Workspace ws, List<Citing> incidents, Rules rules) throws IOException {
    Set<String> versions = new HashSet<>();
    Set<String> commits = new HashSet<>();
    Set<Integer> commitLengths = new TreeSet<>();
    Set<String> ids = new HashSet<>();
    for (Citing c : incidents) {
      for (Ref r : c.refs()) {
        switch (r.type()) {
          case SHA:
            commits.add(r.value());
            commitLengths.add(r.value().length());
            break;
          case VERSION:
            versions.add(r.value());
            break;
          default:
            ids.add(r.value());
        }
      }
    }
    Map<String, List<ReleaseMatch>> out = new HashMap<>();
    if (versions.isEmpty() && commits.isEmpty() && ids.isEmpty()) {
      return out;
    }
    List<ReleaseMatch> matches =
        ws.facets()
            .deploysWith(
                v -> versions.contains(AnalysisData.normaliseVersion(v)),
                sha -> prefixOf(sha, commits, commitLengths) != null,
                ids::contains);
    for (ReleaseMatch m : matches) {
      if (!rules.productionEnvs.contains(m.environment())) {
        continue;
      }
      String version = AnalysisData.normaliseVersion(m.value());
      if (versions.contains(version)) {
        out.computeIfAbsent("VERSION:" + version, x -> new ArrayList<>()).add(m);
      }
      for (int length : commitLengths) {
        if (m.value().length() >= length && commits.contains(m.value().substring(0, length))) {
          out.computeIfAbsent("SHA:" + m.value().substring(0, length), x -> new ArrayList<>())
              .add(m);
        }
      }
      if (ids.contains(m.value())) {
        out.computeIfAbsent("ID:" + m.value(), x -> new ArrayList<>()).add(m);
      }
    }
    return out;
  }

  private static String prefixOf(String sha, Set<String> prefixes, Set<Integer> lengths) {
    for (int length : lengths) {
      if (sha.length() >= length && prefixes.contains(sha.substring(0, length))) {
        return sha.substring(0, length);
      }
    }
    return null;
  }
}
