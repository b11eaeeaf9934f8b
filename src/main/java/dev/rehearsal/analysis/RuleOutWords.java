package dev.rehearsal.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words with which this workspace's incidents name a change only to set it aside, learned from
 * the workspace itself rather than listed. Every team has its own ways of saying that a change is
 * not to blame ("someone blamed PR #857; the timeline says otherwise", "v1.9.9 is off the hook");
 * {@link References} reads the common ones, and these are the rest.
 *
 * <p>What they are learned from: citations whose fate the workspace records. When production was
 * rolled back during an incident, the responders' suspicion is on record: everything after the
 * version they went back to. A change the incident cites that was rolled back is a citation of a
 * suspect ({@link Example#setAside()} false); one it cites that stayed in production is a change it
 * named and the responders kept. A reviewer's links say the same more surely: a cited change the
 * reviewer linked is a suspect, one they did not is set aside.
 *
 * <p>A word of the cited sentence is a set-aside word when at least {@link #MIN_SEEN} citations of
 * kept changes hold it and it is {@link #MIN_RATIO} times as common among them as among citations
 * of suspects, and {@link #MIN_RATIO_OVERALL} times as common as among all the workspace's
 * citations (one added to each count, so that a word never seen elsewhere is not infinitely
 * telling): the fates on record are few and the rollbacks they come from are not a sample of every
 * incident, so a word must stand out against both. Words of two letters or fewer, and words the
 * change's own handle holds, are not counted. A citation holding a set-aside word is taken as ruled
 * out, and the reason says which word and how often it was seen on each side.
 */
final class RuleOutWords {
  /** A word must be in at least this many citations of changes set aside. */
  static final int MIN_SEEN = 5;

  /** How many times as common among citations set aside as among suspects' a word must be. */
  static final double MIN_RATIO = 4.0;

  /**
   * How many times as common among citations set aside as among all citations a word must be (all
   * citations hold those set aside too, so the bar is lower than against suspects alone).
   */
  static final double MIN_RATIO_OVERALL = 2.0;

  /** Nothing learned: no citation is taken as ruled out by it. */
  static final RuleOutWords NONE = new RuleOutWords(Map.of());

  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

  /**
   * One citation whose fate is on record.
   *
   * @param words the words of the sentence that cites it (see {@link #sentenceWords})
   * @param setAside whether the change stayed in production (or a reviewer did not link it)
   */
  record Example(Set<String> words, boolean setAside) {}

  /**
   * A word learned, with what it was learned from.
   *
   * @param setAside citations of changes set aside that hold it
   * @param setAsideTotal citations of changes set aside
   * @param suspects citations of suspects that hold it
   * @param suspectsTotal citations of suspects
   */
  record Learned(
      String word,
      int setAside,
      int setAsideTotal,
      int suspects,
      int suspectsTotal,
      int likeIncident,
      double similarity)
      implements SetAside {
    Learned(String word, int setAside, int setAsideTotal, int suspects, int suspectsTotal) {
      this(word, setAside, setAsideTotal, suspects, suspectsTotal, -1, 0);
    }

    /** Written like the citation of a change a reviewer set aside in that incident. */
    static Learned like(int incident, double similarity) {
      return new Learned("", 0, 0, 0, 0, incident, similarity);
    }
  }

  /**
   * How alike two citing sentences must be for one to be read as the other is: at least half of the
   * words either holds are in both (Jaccard's index), as when a team writes the same sentence with
   * another change in it ("Checked PR #812 first; not it").
   */
  static final double LIKE = 0.5;

  /**
   * A citation a reviewer decided: the words of its sentence, whether the reviewer left its change
   * out of the incident's causes, and the incident.
   */
  record Reviewed(Set<String> words, boolean setAside, int incident) {}

  private final Map<String, Learned> words;

  /** The citations reviewers decided, and for each word the ones whose sentence holds it. */
  private final List<Reviewed> reviewed;

  private final Map<String, int[]> reviewedWith;

  private RuleOutWords(Map<String, Learned> words) {
    this(words, List.of());
  }

  private RuleOutWords(Map<String, Learned> words, List<Reviewed> reviewed) {
    this.words = words;
    this.reviewed = reviewed;
    Map<String, List<Integer>> with = new HashMap<>();
    for (int k = 0; k < reviewed.size(); k++) {
      for (String w : reviewed.get(k).words()) {
        with.computeIfAbsent(w, x -> new ArrayList<>()).add(k);
      }
    }
    Map<String, int[]> postings = new HashMap<>();
    with.forEach((w, list) -> postings.put(w, list.stream().mapToInt(Integer::intValue).toArray()));
    this.reviewedWith = postings;
  }

  /**
   * These words, and the citations reviewers decided: a citation written like one whose change a
   * reviewer left out, and unlike any whose change a reviewer linked, is set aside ({@link #like}).
   * A word needs {@link #MIN_SEEN} citations before it speaks; a reviewer's decision speaks for the
   * sentences written like it.
   */
  RuleOutWords withReviewed(List<Reviewed> decided) {
    boolean anyAside = decided.stream().anyMatch(Reviewed::setAside);
    return anyAside ? new RuleOutWords(words, List.copyOf(decided)) : this;
  }

  /**
   * The reviewed citation of a change set aside that a citing sentence of another incident is
   * written like: the most alike of all reviewed citations, at least {@link #LIKE} alike, and more
   * alike than every citation whose change a reviewer linked. Null when there is none.
   */
  Learned like(Set<String> sentence, int incident) {
    if (reviewed.isEmpty() || sentence.isEmpty()) {
      return null;
    }
    Map<Integer, Integer> shared = new HashMap<>();
    for (String w : sentence) {
      int[] ks = reviewedWith.get(w);
      if (ks != null) {
        for (int k : ks) {
          shared.merge(k, 1, Integer::sum);
        }
      }
    }
    double bestAside = 0;
    int bestAsideAt = -1;
    double bestSuspect = 0;
    for (var e : shared.entrySet()) {
      Reviewed r = reviewed.get(e.getKey());
      if (r.incident() == incident) {
        continue;
      }
      int both = e.getValue();
      double sim = (double) both / (sentence.size() + r.words().size() - both);
      if (!r.setAside()) {
        bestSuspect = Math.max(bestSuspect, sim);
      } else if (sim > bestAside || sim == bestAside && r.incident() < bestAsideAt) {
        bestAside = sim;
        bestAsideAt = r.incident();
      }
    }
    return bestAsideAt >= 0 && bestAside >= LIKE && bestAside > bestSuspect
        ? Learned.like(bestAsideAt, bestAside)
        : null;
  }

  /**
   * Learns from the citations whose fate is on record, beside every citation of the workspace (fate
   * known or not): a word common in citations at large is how this workspace writes about changes,
   * whatever their fate, and sets nothing aside.
   */
  static RuleOutWords learn(List<Example> examples, List<Set<String>> allCitations) {
    Map<String, int[]> counts = new HashMap<>();
    int aside = 0;
    int suspects = 0;
    for (Example e : examples) {
      if (e.setAside()) {
        aside++;
      } else {
        suspects++;
      }
      for (String w : e.words()) {
        counts.computeIfAbsent(w, k -> new int[2])[e.setAside() ? 0 : 1]++;
      }
    }
    if (aside < MIN_SEEN || suspects == 0) {
      return NONE;
    }
    Map<String, Integer> everywhere = new HashMap<>();
    for (Set<String> sentence : allCitations) {
      for (String w : sentence) {
        everywhere.merge(w, 1, Integer::sum);
      }
    }
    Map<String, Learned> learned = new HashMap<>();
    for (var c : counts.entrySet()) {
      int a = c.getValue()[0];
      int s = c.getValue()[1];
      double asideRate = (double) a / aside;
      double suspectRate = (s + 1.0) / (suspects + 1.0);
      double overallRate =
          (everywhere.getOrDefault(c.getKey(), 0) + 1.0) / (allCitations.size() + 1.0);
      if (a >= MIN_SEEN
          && asideRate >= MIN_RATIO * suspectRate
          && asideRate >= MIN_RATIO_OVERALL * overallRate) {
        learned.put(c.getKey(), new Learned(c.getKey(), a, aside, s, suspects));
      }
    }
    return new RuleOutWords(Map.copyOf(learned));
  }

  /** The learned word that sets the cited change aside, the most telling first; null when none. */
  Learned match(Set<String> sentence) {
    return sentence.stream()
        .map(words::get)
        .filter(l -> l != null)
        .max(
            Comparator.comparingDouble((Learned l) -> (double) l.setAside() / (l.suspects() + 1))
                .thenComparing(Learned::word, Comparator.reverseOrder()))
        .orElse(null);
  }

  /** The words learned, most telling first. */
  List<Learned> learned() {
    List<Learned> out = new ArrayList<>(words.values());
    out.sort(
        Comparator.comparingDouble((Learned l) -> -(double) l.setAside() / (l.suspects() + 1))
            .thenComparing(Learned::word));
    return out;
  }

  /** Whether no word was learned and no reviewer set a cited change aside. */
  boolean isEmpty() {
    return words.isEmpty() && reviewed.isEmpty();
  }

  /**
   * The words (lower case, three letters or more) of the sentence that holds the quoted handle, and
   * of the clause after it when a semicolon joins them; not the words the handle itself holds.
   * Empty when the text does not hold it.
   */
  static Set<String> sentenceWords(String text, String quoted) {
    int at = quoted.isEmpty() ? -1 : text.indexOf(quoted);
    if (at < 0) {
      return Set.of();
    }
    int[] sentence = Passages.sentencesAround(text, at, at + quoted.length());
    Set<String> handle = new LinkedHashSet<>();
    for (Matcher m = WORD.matcher(quoted); m.find(); ) {
      handle.add(m.group().toLowerCase(Locale.ROOT));
    }
    Set<String> out = new LinkedHashSet<>();
    for (Matcher m = WORD.matcher(text).region(sentence[0], sentence[1]); m.find(); ) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!handle.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}
