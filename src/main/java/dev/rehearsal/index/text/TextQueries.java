package dev.rehearsal.index.text;

import dev.rehearsal.index.Schema;
import dev.rehearsal.model.Gap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.QueryBuilder;

/**
 * One Lucene query per gap, built from a vocabulary (the settings' or one learned from write-ups).
 * Each entry is a word or a phrase (matched with a slop of one word, so "pool exhausted" finds
 * "pool was exhausted"), optionally with a weight ({@code "query plan^2"}); words are stemmed like
 * the index, and the settings' synonym groups expand at query time. Every entry scores its weight
 * once when it matches the title or the body, so a gap's raw score is the sum of the weights of the
 * distinct cues found: an explanation a reviewer can follow, not an opaque number.
 */
public final class TextQueries {
  public static final String[] FIELDS = {Schema.TITLE, Schema.BODY};

  private final Map<Gap, Query> queries = new EnumMap<>(Gap.class);

  /** The analyzer the queries were built with: the index's, with the synonyms at query time. */
  private final Analyzer analyzer;

  /** The queries built last, with the vocabulary and synonyms they were built from. */
  private record Built(
      Map<String, List<String>> vocabulary, List<List<String>> synonyms, TextQueries queries) {}

  private static Built last;

  /**
   * The queries of a vocabulary and synonyms, built once and given again while they stay the same:
   * building them analyses every entry of the vocabulary, which cost an incident opened in the
   * window most of its passages' time (docs/performance-history.md).
   */
  public static TextQueries of(Map<String, List<String>> vocabulary, List<List<String>> synonyms) {
    Map<String, List<String>> v = new java.util.HashMap<>();
    vocabulary.forEach((gap, entries) -> v.put(gap, new java.util.ArrayList<>(entries)));
    List<List<String>> syn = new java.util.ArrayList<>();
    synonyms.forEach(group -> syn.add(new java.util.ArrayList<>(group)));
    synchronized (TextQueries.class) {
      Built b = last;
      if (b != null && b.vocabulary().equals(v) && b.synonyms().equals(syn)) {
        return b.queries();
      }
    }
    TextQueries built = new TextQueries(v, syn);
    synchronized (TextQueries.class) {
      last = new Built(v, syn, built);
    }
    return built;
  }

  /**
   * @param vocabulary per gap code ("data", "traffic", "config", "mocks"), its entries
   * @param synonyms groups of words that mean the same
   */
  public TextQueries(Map<String, List<String>> vocabulary, List<List<String>> synonyms) {
    this.analyzer = queryAnalyzer(synonyms);
    QueryBuilder qb = new QueryBuilder(analyzer);
    qb.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    java.util.Set<String> everyTerm = new java.util.HashSet<>();
    for (Gap g : Gap.real()) {
      List<String> words = vocabulary.getOrDefault(g.code(), List.of());
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      BooleanQuery.Builder lost = new BooleanQuery.Builder();
      BooleanQuery.Builder contrast = new BooleanQuery.Builder();
      List<Entry> entryList = new java.util.ArrayList<>();
      for (String entry : words) {
        String text = entry;
        double weight = -1;
        int caret = entry.lastIndexOf('^');
        if (caret > 0) {
          try {
            weight = Double.parseDouble(entry.substring(caret + 1));
            text = entry.substring(0, caret);
          } catch (NumberFormatException e) {
            weight = -1;
          }
        }
        int wordsIn = tokens(analyzer, text);
        if (wordsIn == 0) {
          continue;
        }
        if (weight < 0) {
          weight = wordsIn == 1 ? 0.6 : Math.min(1.5, 1.0 + 0.25 * (wordsIn - 2));
        }
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boolean any = false;
        for (String f : FIELDS) {
          Query q = entryIn(qb, f, text, wordsIn);
          if (q != null) {
            fields.add(q, BooleanClause.Occur.SHOULD);
            any = true;
          }
        }
        if (any) {
          Query entryQuery = fields.build();
          b.add(
              new BoostQuery(new ConstantScoreQuery(entryQuery), (float) weight),
              BooleanClause.Occur.SHOULD);
          entryList.add(new Entry(entryQuery, (float) weight, termsOf(entryQuery)));
          lost.add(
              new BoostQuery(
                  new ConstantScoreQuery(lostFrom(qb, entryQuery, text, wordsIn)), (float) weight),
              BooleanClause.Occur.SHOULD);
          Query c = entryIn(qb, Schema.CONTRAST, text, wordsIn);
          if (c != null) {
            contrast.add(c, BooleanClause.Occur.SHOULD);
          }
        }
      }
      queries.put(g, b.build());
      lostQueries.put(g, lost.build());
      contrastQueries.put(g, contrast.build());
      entries.put(g, List.copyOf(entryList));
      entryList.forEach(e -> everyTerm.addAll(e.terms()));
    }
    allTerms = java.util.Set.copyOf(everyTerm);
  }

  /** The analyzer the queries were built with (the highlighter reads the text with it). */
  public Analyzer analyzer() {
    return analyzer;
  }

  /** An entry's words in one field: the word, or the words as a phrase (one word between). */
  private static Query entryIn(QueryBuilder qb, String field, String text, int wordsIn) {
    return wordsIn == 1 ? qb.createBooleanQuery(field, text) : qb.createPhraseQuery(field, text, 1);
  }

  /**
   * Where an entry is lost when the sentences that do not tell the cause are set aside: the text
   * (title or body) holds it, sentences were set aside, and neither the title nor the body without
   * them ({@link Schema#CAUSE}) holds it.
   */
  private static Query lostFrom(QueryBuilder qb, Query entryQuery, String text, int wordsIn) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(entryQuery, BooleanClause.Occur.MUST);
    q.add(
        new org.apache.lucene.search.TermQuery(
            new org.apache.lucene.index.Term(Schema.PROSE, Schema.PROSE_ASIDE)),
        BooleanClause.Occur.FILTER);
    for (String f : new String[] {Schema.TITLE, Schema.CAUSE}) {
      Query in = entryIn(qb, f, text, wordsIn);
      if (in != null) {
        q.add(in, BooleanClause.Occur.MUST_NOT);
      }
    }
    return q.build();
  }

  /**
   * One entry of a gap's vocabulary: its query over title and body, its weight, and the terms it
   * can match (at least one must be in a text for it to match).
   */
  private record Entry(Query query, float weight, java.util.Set<String> terms) {}

  /** Per gap, its entries in order: what {@link #lostWeight} asks one by one. */
  private final Map<Gap, List<Entry>> entries = new EnumMap<>(Gap.class);

  /** Every term of every gap's vocabulary (synonyms included). */
  private final java.util.Set<String> allTerms;

  /** Every term a query can match (synonyms included), whatever the field. */
  private static java.util.Set<String> termsOf(Query q) {
    java.util.Set<String> out = new java.util.HashSet<>();
    q.visit(
        new org.apache.lucene.search.QueryVisitor() {
          @Override
          public void consumeTerms(Query query, org.apache.lucene.index.Term... ts) {
            for (org.apache.lucene.index.Term t : ts) {
              out.add(t.text());
            }
          }

          @Override
          public org.apache.lucene.search.QueryVisitor getSubVisitor(
              BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return java.util.Set.copyOf(out);
  }

  public Query query(Gap g) {
    return queries.get(g);
  }

  /**
   * The summed weights of the gap's entries an incident's text holds only in sentences that do not
   * tell the cause (decision 0024): what its score loses when they are set aside.
   */
  public Query lostQuery(Gap g) {
    return lostQueries.get(g);
  }

  /** Any entry of the gap in the sentence that sets production against staging. */
  public Query inContrastQuery(Gap g) {
    return contrastQueries.get(g);
  }

  private final Map<Gap, Query> lostQueries = new EnumMap<>(Gap.class);
  private final Map<Gap, Query> contrastQueries = new EnumMap<>(Gap.class);

  private static final Analyzer INDEX_ANALYZER = Schema.textAnalyzer();

  /**
   * One text the workspace index does not hold, read by the same queries as {@link
   * IncidentText#weights} reads the indexed incidents: the plain form the index's shortcuts are
   * pinned to ({@code TextQueriesTest}).
   */
  public final class OneText {
    private final org.apache.lucene.index.memory.MemoryIndex index =
        new org.apache.lucene.index.memory.MemoryIndex();

    private OneText(String title, String body) {
      index.addField(Schema.TITLE, title, INDEX_ANALYZER);
      index.addField(Schema.BODY, body, INDEX_ANALYZER);
    }

    /** The summed weights of the gap's entries found in the title or the body. */
    public float weight(Gap g) {
      return index.search(queries.get(g));
    }

    private boolean matches(Query q) {
      return index.search(q) > 0;
    }
  }

  /**
   * Whether any gap's query could match the text: whether it holds a term of any of them. False
   * means none can.
   */
  public boolean mayMatchAny(String text) {
    boolean[] found = {false};
    TextTerms.forEachTerm(
        text,
        t -> {
          if (!found[0] && allTerms.contains(t)) {
            found[0] = true;
          }
        });
    return found[0];
  }

  /**
   * What a gap's words lose when sentences are taken out of a text, in plain form: the summed
   * weights of the entries that match the whole text (title and body) and no longer match the title
   * and the kept part. {@link #lostQuery} asks it of all indexed incidents at once; {@code
   * TextQueriesTest} pins the two to each other.
   */
  public float lostWeight(Gap g, String title, String body, String kept) {
    OneText whole = new OneText(title, body);
    OneText rest = new OneText(title, kept);
    float lost = 0;
    for (Entry e : entries.get(g)) {
      if (whole.matches(e.query()) && !rest.matches(e.query())) {
        lost += e.weight();
      }
    }
    return lost;
  }

  /** A title and a body to read on their own. */
  public OneText read(String title, String body) {
    return new OneText(title, body);
  }

  /**
   * How many words an entry is once analysed: "fan-out" and "hard-coded" are two words and must
   * match as a phrase, not as either word alone.
   */
  static int tokens(Analyzer analyzer, String text) {
    try (TokenStream ts = analyzer.tokenStream(Schema.BODY, text)) {
      var inc =
          ts.addAttribute(
              org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
      ts.reset();
      int positions = 0;
      while (ts.incrementToken()) {
        positions += inc.getPositionIncrement() > 0 ? 1 : 0;
      }
      ts.end();
      return positions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One query per phrase and field (title, body), each matching the phrase's words within {@code
   * slop} positions of each other ("certificate ... expired"), stemmed, with synonyms. Run one by
   * one and joined ({@link IncidentScores#matchingAny}): a single disjunction of them costs a fresh
   * JVM more to compile than it saves.
   */
  public static List<Query> phraseClauses(
      List<String> phrases, int slop, List<List<String>> synonyms) {
    QueryBuilder qb = new QueryBuilder(queryAnalyzer(synonyms));
    qb.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    List<Query> out = new java.util.ArrayList<>();
    for (String phrase : phrases) {
      boolean several = tokens(qb.getAnalyzer(), phrase) > 1;
      for (String f : FIELDS) {
        Query q =
            several ? qb.createPhraseQuery(f, phrase, slop) : qb.createBooleanQuery(f, phrase);
        if (q != null) {
          out.add(q);
        }
      }
    }
    return out;
  }

  /** Index analysis plus query-time synonyms, so "db" also finds "database". */
  public static Analyzer queryAnalyzer(List<List<String>> groups) {
    SynonymMap map;
    try {
      SynonymMap.Builder sb = new SynonymMap.Builder(true);
      for (List<String> group : groups) {
        for (String a : group) {
          for (String b : group) {
            if (!a.equals(b)) {
              sb.add(chars(a), chars(b), true);
            }
          }
        }
      }
      map = sb.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SynonymMap synonyms = map;
    return new Analyzer() {
      @Override
      protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
        return Schema.splitJoiners(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream r = new EnglishPossessiveFilter(source);
        r = new LowerCaseFilter(r);
        r = new ASCIIFoldingFilter(r);
        if (synonyms.fst != null) {
          r = new SynonymGraphFilter(r, synonyms, true);
        }
        r = new StopFilter(r, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        r = new PorterStemFilter(r);
        return new TokenStreamComponents(source, r);
      }
    };
  }

  private static CharsRef chars(String phrase) {
    String[] words = phrase.toLowerCase(Locale.ROOT).strip().split("\\s+");
    return SynonymMap.Builder.join(words, new CharsRefBuilder());
  }
}
