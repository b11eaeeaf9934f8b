package dev.rehearsal.demo;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The wording incidents and changes are written in. Bank A ({@link Narratives}) is the one rules
 * may be tuned on; bank B ({@link HeldOutNarratives}) is held out: its sentences and phrases appear
 * nowhere in bank A, so figures measured on it say how the analysis reads wording it never saw
 * (decision 0013). Bank C ({@link FreshNarratives}) was written afresh, apart from the analysis'
 * rules, after bank B informed a rule change; it shares no sentence or phrase with A or B. Bank D
 * ({@link NewestNarratives}) was written apart from the analysis' rules after bank C informed a
 * rule change, to measure wording the analysis never saw; it shares no sentence or phrase with A, B
 * or C. Bank E ({@link LatestNarratives}) was written apart from the analysis' rules after bank D
 * informed rule changes; it shares no sentence or phrase with A, B, C or D. Bank F ({@link
 * UnseenNarratives}) was written apart from the analysis' rules after bank E informed rule changes;
 * it shares no sentence or phrase with A, B, C, D or E. Bank G ({@link OutsideNarratives}) was
 * written apart from the analysis' rules and word lists after bank F's gap stories became training
 * data; it shares no sentence or phrase with A, B, C, D, E or F. Bank H ({@link
 * ElsewhereNarratives}) was written apart from the analysis' rules and word lists after bank G
 * informed rule changes; it shares no sentence or phrase with A, B, C, D, E, F or G.
 *
 * <p>Templates take slots in braces: {@code {svc}} the incident's service as people write it,
 * {@code {service}} the causing service, {@code {table} {vendor} {key} {prod} {staging} {flag}
 * {ratio} {endpoint} {customer}} the gap's particulars, and for references {@code {version} {sha}
 * {sha7} {pr} {pipeline} {release} {app} {at} {title} {other} {when} {ticket} {library}}.
 */
final class PhraseBank {

  /** The pools every bank fills. */
  enum Pool {
    /** Change (commit, PR) titles; {d} is a table or service. */
    CHANGE_TITLES,
    TITLES_GENERIC,
    TITLES_DATA,
    TITLES_TRAFFIC,
    TITLES_CONFIG,
    TITLES_MOCKS,
    TITLES_EXTERNAL,
    DETECTION,
    CAUSE_DATA,
    CAUSE_TRAFFIC,
    CAUSE_CONFIG,
    CAUSE_MOCKS,
    CAUSE_UNEXPLAINED,
    CAUSE_EXTERNAL,
    MITIGATION,
    ACTIONS,
    /** Sentences with words of other gaps that explain nothing. */
    NOISE,
    /** Speaking of a change without citing it (may hold an empty entry). */
    CHANGE_CONTEXT,
    /** Said of an incident no change caused, while it was investigated. */
    PAUSED,
    AFFECTED_CUSTOMERS,
    /** The version production was rolled back to, {prev}. */
    ROLLED_BACK_TO,
    /** Citing the causing deploy by version. */
    REF_VERSION,
    REF_COMMIT,
    REF_PR,
    REF_PIPELINE,
    /** A Heroku release, and a Heroku deploy by commit. */
    REF_RELEASE,
    REF_RELEASE_COMMIT,
    /** Naming a change only to rule it out. */
    DECOY_COMMIT,
    DECOY_VERSION,
    DECOY_PR,
    DECOY_DEPLOY,
    /** Quoting the causing change's title, {title} (quotes added when filled). */
    TITLE_QUOTE,
    /** Numbers unrelated to any change: tickets, library versions. */
    NUMBERS
  }

  final String name;
  private final Map<Pool, List<String>> pools;

  /** Opening and closing quote marks titles are quoted with. */
  final List<String[]> quotes;

  /** How a truncated title ends. */
  final String ellipsis;

  PhraseBank(String name, Map<Pool, List<String>> pools, List<String[]> quotes, String ellipsis) {
    EnumMap<Pool, List<String>> m = new EnumMap<>(Pool.class);
    for (Pool p : Pool.values()) {
      List<String> l = pools.get(p);
      if (l == null || l.isEmpty()) {
        throw new IllegalArgumentException("bank " + name + " has no " + p);
      }
      m.put(p, List.copyOf(l));
    }
    this.name = name;
    this.pools = Collections.unmodifiableMap(m);
    this.quotes = List.copyOf(quotes);
    this.ellipsis = ellipsis;
  }

  /**
   * The pools a narratives class declares as static lists named after them ({@code CAUSE_DATA} for
   * {@link Pool#CAUSE_DATA}); a pool it does not declare is left out, for the constructor to
   * refuse.
   */
  @SuppressWarnings("unchecked")
  static Map<Pool, List<String>> poolsNamedIn(Class<?> narratives) {
    Map<Pool, List<String>> m = new EnumMap<>(Pool.class);
    for (Pool p : Pool.values()) {
      try {
        m.put(p, (List<String>) narratives.getDeclaredField(p.name()).get(null));
      } catch (NoSuchFieldException e) {
        // not declared: the constructor names the missing pool
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(narratives.getSimpleName() + "." + p.name(), e);
      }
    }
    return m;
  }

  List<String> pool(Pool p) {
    return pools.get(p);
  }

  /** One template of a pool; a pool of one is taken without drawing. */
  String choose(SplittableRandom r, Pool p) {
    List<String> l = pools.get(p);
    return l.size() == 1 ? l.get(0) : l.get(r.nextInt(l.size()));
  }

  static final PhraseBank A = Narratives.bank();
  static final PhraseBank B = HeldOutNarratives.bank();
  static final PhraseBank C = FreshNarratives.bank();
  static final PhraseBank D = NewestNarratives.bank();
  static final PhraseBank E = LatestNarratives.bank();
  static final PhraseBank F = UnseenNarratives.bank();
  static final PhraseBank G = OutsideNarratives.bank();
  static final PhraseBank H = ElsewhereNarratives.bank();

  static PhraseBank of(Style.Bank b) {
    return switch (b) {
      case A -> A;
      case B -> B;
      case C -> C;
      case D -> D;
      case E -> E;
      case F -> F;
      case G -> G;
      case H -> H;
    };
  }
}
