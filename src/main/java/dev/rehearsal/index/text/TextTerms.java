package dev.rehearsal.index.text;

import dev.rehearsal.index.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The words of a text as the index analyses them (identifiers split, lower case, accents folded,
 * stop words dropped, Porter stems), for the text model of the gaps: its terms, and where in the
 * text each one stands so a passage can mark it. One analyzer, reused per thread as Lucene's
 * analyzers are.
 */
public final class TextTerms {
  private static final Analyzer ANALYZER = Schema.textAnalyzer();

  /** One analysed word: its term (the stem) and its characters in the text, [start, end). */
  public record Token(String term, int start, int end) {}

  private TextTerms() {}

  /** Every term of the text, in order. */
  public static void forEachTerm(String text, Consumer<String> consumer) {
    if (text == null || text.isEmpty()) {
      return;
    }
    try (TokenStream ts = ANALYZER.tokenStream(Schema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        consumer.accept(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a string
    }
  }

  /** Every term of the text with its place, in order. */
  public static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    try (TokenStream ts = ANALYZER.tokenStream(Schema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
