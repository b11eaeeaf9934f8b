package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The one-pass scan that finds references tries each pattern only where a match can start; on any
 * text it must find exactly what each pattern's own {@link Matcher#find()} loop finds.
 */
class ReferencesScanTest {
  /** Pieces that begin, end, break or imitate references, glued at random. */
  private static final String[] PIECES = {
    "v",
    "V",
    "2",
    "3.3",
    ".8",
    "1.4.0",
    "-rc.1",
    "abc1234",
    "deadbeef0",
    "#",
    "!",
    "PR",
    " PR #",
    "pull request ",
    "MR",
    "merge request !",
    "pipeline",
    " build ",
    "release ",
    "deploy",
    "ment",
    "id",
    ":",
    " ",
    "  ",
    ".",
    ",",
    "/",
    "-",
    "_",
    "&",
    "(",
    ")",
    "\"",
    "“",
    "é",
    "rolled back",
    "roll-back",
    "revert",
    "reverted ",
    "went back",
    "downgraded",
    "pinned",
    " back",
    " to ",
    "onto ",
    "version ",
    "redeployed ",
    "re-deploying ",
    "restored ",
    "restoring ",
    "the ",
    "previous ",
    "last good ",
    "https://",
    "git.example.com/",
    "commit/",
    "x",
    "Q",
    "run",
    "job",
    "execution",
    "42",
    "4242",
    "0.9",
    "\n",
    "\t"
  };

  @Test
  void theScanFindsWhatEachPatternFindsAlone() {
    Random random = new Random(20261205);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(14);
      for (int k = 0; k < pieces; k++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String s = text.toString();
      List<List<MatchResult>> scanned = References.scan(s);
      for (int p = 0; p < References.PATTERNS.length; p++) {
        assertEquals(
            spans(findAll(p, s)), spans(scanned.get(p)), "pattern " + p + " on \"" + s + "\"");
      }
    }
  }

  private static List<MatchResult> findAll(int p, String s) {
    List<MatchResult> out = new ArrayList<>();
    Matcher m = References.PATTERNS[p].matcher(s);
    while (m.find()) {
      out.add(m.toMatchResult());
    }
    return out;
  }

  private static List<String> spans(List<MatchResult> matches) {
    List<String> out = new ArrayList<>();
    for (MatchResult m : matches) {
      out.add(m.start() + "-" + m.end() + ":" + m.group());
    }
    return out;
  }
}
