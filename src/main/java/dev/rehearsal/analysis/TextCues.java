package dev.rehearsal.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a text speaks of a change, or of a cause outside any change, and which words say so. */
final class TextCues {
  /** What a text says. */
  record Result(boolean change, String changeWord, boolean external, String externalWord) {}

  private final Pattern change;
  private final Pattern external;

  TextCues(List<String> changeWords, List<String> externalWords) {
    this.change = alternation(changeWords);
    this.external = alternation(externalWords);
  }

  private static Pattern alternation(List<String> words) {
    List<String> parts = new ArrayList<>();
    for (String w : words) {
      parts.add(Pattern.quote(w.toLowerCase(Locale.ROOT)).replace(" ", "\\E\\s+\\Q"));
    }
    if (parts.isEmpty()) {
      return Pattern.compile("(?!)");
    }
    return Pattern.compile("\\b(?:" + String.join("|", parts) + ")\\b",
        Pattern.CASE_INSENSITIVE);
  }

  Result scan(String text) {
    Matcher c = change.matcher(text);
    Matcher e = external.matcher(text);
    boolean hc = c.find();
    boolean he = e.find();
    return new Result(hc, hc ? c.group() : "", he, he ? e.group() : "");
  }
}
