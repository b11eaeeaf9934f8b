package dev.rehearsal.index;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The index schema in one place: field names, how each is indexed, the analyzers, and the schema
 * version. The version is part of the index folder name ({@code index-v1}); a change to anything
 * here that alters what is written must bump it, and opening a workspace with an older index
 * rebuilds it from the stored records (see docs/decisions/0002-index-schema.md).
 */
public final class Schema {
  /**
   * Bump when fields, analyzers or stored forms change. 2: findings hold reasons and evidence as
   * data (codes with arguments, typed evidence) instead of sentences. 3: a deploy's ids include its
   * change title ({@code title:} and the title's key). 4: an incident's severity is a keyword
   * ({@code severity:P1}); a finding carries its incident's onset, its confidence and whether it
   * was reviewed, for the incident table's sorting and the period figures. 5: an incident's body is
   * indexed a second time without the sentences that do not tell the cause ({@link #CAUSE}, {@link
   * #PROSE}, {@link #CONTRAST}), so the gap step reads them for all incidents at once. 6: a
   * follow-up that says where it is tracked before its colon ("Follow-ups tracked in the incident
   * epic: ...") is set aside from the cause sentences too.
   */
  public static final int VERSION = 6;

  /** Unique id: kind/source/source-id. StringField, stored. */
  public static final String KEY = "key";

  /** Document kind ({@link DocKind#code()}). StringField + sorted doc values. */
  public static final String KIND = "kind";

  /** Source tool ("pagerduty", "gitlab"). StringField. */
  public static final String SOURCE = "source";

  /** Importer id ("pagerduty-json"). StringField. */
  public static final String FORMAT = "format";

  /** Source file as reported. StringField. */
  public static final String FILE = "file";

  /** Timeline instant, epoch millis. LongField (points + doc values): ranges and sorting. */
  public static final String TIME = "time";

  /** Canonical service names. StringField (multi) + sorted-set doc values. */
  public static final String SERVICE = "service";

  /** Service names as the source wrote them. Sorted-set doc values (analysis re-maps them). */
  public static final String SERVICE_RAW = "service_raw";

  /** Normalised environment. StringField + sorted doc values. */
  public static final String ENV = "env";

  /** Version or tag, lowercase. StringField + sorted doc values. */
  public static final String VERSION_FIELD = "version";

  /** Commit SHA, lowercase. StringField + sorted doc values. */
  public static final String COMMIT = "commit";

  /** Deploy status, run outcome, fact type, verdict. StringField + sorted doc values. */
  public static final String STATUS = "status";

  /** Run type (tests, load) or fact subject. StringField + sorted doc values. */
  public static final String SUBTYPE = "subtype";

  /**
   * Other handles (deploy ids, pipeline ids, PR numbers, URLs), lowercase. StringField (multi) +
   * sorted-set doc values.
   */
  public static final String IDS = "ids";

  /**
   * The analysis run that wrote a finding, so that its replacement can delete the others and undo
   * itself (decision 0007). StringField, not stored.
   */
  public static final String RUN = "run";

  /** Gaps of a finding. StringField (multi) + sorted-set doc values. */
  public static final String GAP = "gap";

  /**
   * Severity of an incident as its tool wrote it ("P1", "sev2"). StringField + sorted doc values.
   */
  public static final String SEVERITY = "severity";

  /**
   * Whether a finding was reviewed: the value "reviewed" in {@link #SUBTYPE} of its document. In
   * queries, {@code reviewed:yes} and {@code reviewed:no} select incidents by it.
   */
  public static final String REVIEWED = "reviewed";

  /**
   * Who made the review in force of an incident: a search field ({@code reviewer:dana}), read
   * without regard to case.
   */
  public static final String REVIEWER = "reviewer";

  /**
   * What a {@code reviewed:} value says: yes (yes, true, y, 1), no (no, false, n, 0), or null when
   * it is neither.
   */
  public static Boolean reviewedValue(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (List.of("yes", "true", "y", "1").contains(t)) {
      return true;
    }
    return List.of("no", "false", "n", "0").contains(t) ? false : null;
  }

  /**
   * Query-only fields, answered from the incidents' findings (reviews applied): {@code
   * verdict:escape}, {@code confidence:[0.8 TO 1]}; and {@code gap:config}, which in a query
   * selects the incidents whose finding has the gap.
   */
  public static final String VERDICT = "verdict";

  /** See {@link #VERDICT}. Stored on findings as {@link #NUMBER} doc values. */
  public static final String CONFIDENCE = "confidence";

  /** In queries, another name for {@link #ENV}. */
  public static final String ENVIRONMENT = "environment";

  /** Suite or simulation of a staging run. StringField + sorted doc values. */
  public static final String SUITE = "suite";

  /** Value of an environment fact (configuration value, flag state). StringField + doc values. */
  public static final String VALUE = "value";

  /** A number that analysis reads: peak rps, rows. Double doc values. */
  public static final String NUMBER = "number";

  /** Title or summary. TextField, stored. */
  public static final String TITLE = "title";

  /** Description, postmortem, messages. TextField, stored. */
  public static final String BODY = "body";

  /** Test case names and failure messages. TextField, stored. */
  public static final String TESTS = "tests";

  /**
   * An incident's body without the sentences that do not tell the cause (observations found normal,
   * the remedy, the follow-up: {@link dev.rehearsal.prose.CauseSentences}), present when any were
   * set aside. TextField, not stored; searched only by the analysis.
   */
  public static final String CAUSE = "cause_text";

  /**
   * The first sentence of an incident's title and {@link #CAUSE} that sets production against
   * staging ({@link dev.rehearsal.prose.EnvironmentContrast}). TextField, not stored.
   */
  public static final String CONTRAST = "contrast_text";

  /**
   * What reading an incident's prose found: {@code aside} when sentences were set aside, {@code
   * contrast} when a sentence compares the environments. StringField (multi).
   */
  public static final String PROSE = "prose";

  /** {@link #PROSE}: sentences were set aside. */
  public static final String PROSE_ASIDE = "aside";

  /** {@link #PROSE}: a sentence compares the environments. */
  public static final String PROSE_CONTRAST = "contrast";

  /** Words that belong to no other text field: severity, labels, raw names. TextField. */
  public static final String EXTRA = "extra";

  /**
   * The fields a query without a field name searches: the text fields and the identifier keyword
   * fields, so "connection pool", "v2.14.3" and "pr:482" all find what they name.
   */
  public static final String[] DEFAULT_SEARCH_FIELDS = {
    TITLE, BODY, TESTS, EXTRA, SERVICE, VERSION_FIELD, COMMIT, IDS
  };

  /** The record itself as JSON: the store of record. StoredField. */
  public static final String STORED = "_source";

  /** Fields whose values are exact terms (lowercased), not analysed text. */
  public static final Set<String> KEYWORD_FIELDS =
      Set.of(
          KEY,
          KIND,
          SOURCE,
          FORMAT,
          FILE,
          SERVICE,
          ENV,
          VERSION_FIELD,
          COMMIT,
          STATUS,
          SUBTYPE,
          IDS,
          SUITE,
          VALUE,
          GAP,
          SEVERITY,
          VERDICT,
          REVIEWED,
          ENVIRONMENT,
          PROSE);

  /** Text fields a search highlights. */
  public static final String[] HIGHLIGHT_FIELDS = {TITLE, BODY, TESTS};

  private Schema() {}

  /** Folder name of the index for this schema version. */
  public static String indexFolder(int version) {
    return "index-v" + version;
  }

  /**
   * Dots, underscores, slashes, colons, hashes and equals signs before a letter separate words
   * ("OrderIT.placesOrder", "db.pool.max_size", "api.stripe.com"), while version numbers keep their
   * dots ("v2.14.3").
   */
  /**
   * Where the text analyzer splits identifiers: a joiner before a letter becomes a space (every
   * store that analyses text as the local index does uses this pattern).
   */
  public static final String JOINERS_PATTERN = "[._/:#=](?=\\p{L})";

  private static final java.util.regex.Pattern JOINERS =
      java.util.regex.Pattern.compile(JOINERS_PATTERN);

  /** The character filter that splits identifiers at joiners; analyzers of text must use it. */
  public static java.io.Reader splitJoiners(java.io.Reader reader) {
    return new org.apache.lucene.analysis.pattern.PatternReplaceCharFilter(JOINERS, " ", reader);
  }

  /**
   * English text: identifiers split at joiners, standard tokens, lowercase, folded accents,
   * possessives, stop words, Porter stemming.
   */
  public static Analyzer textAnalyzer() {
    return new Analyzer() {
      @Override
      protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
        return splitJoiners(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** Whole value as one lowercase term, for keyword fields in queries. */
  public static Analyzer keywordAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  /** The analyzer for writing and for query parsing: text by default, keywords per field. */
  public static Analyzer analyzer() {
    Analyzer keyword = keywordAnalyzer();
    Map<String, Analyzer> perField = new HashMap<>();
    for (String f : KEYWORD_FIELDS) {
      perField.put(f, keyword);
    }
    return new PerFieldAnalyzerWrapper(textAnalyzer(), perField);
  }
}
