package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.model.RecordKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Java {@code .properties} configuration snapshots: one CONFIG fact per key, read the way {@code
 * java.util.Properties.load} reads them ({@code =}, {@code :} or white space between key and value,
 * {@code \} at the end of a line continues it, {@code #} and {@code !} comments, {@code \\uXXXX}
 * and {@code \t}-style escapes). A key written twice gives two records; the later one wins on
 * import, as in Java.
 */
public final class PropertiesImporter implements Importer {
  static final String ID = "config-properties";

  /** A logical line longer than this is refused (a runaway continuation). */
  static final int MAX_LOGICAL = 4 * 1024 * 1024;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Configuration snapshot (Java .properties)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.FACT;
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (sniff.isBinary() || sniff.looksLikeJson() || sniff.looksLikeXml()) {
      return NO;
    }
    KeyValueStats s = KeyValueStats.of(sniff);
    if (s.logfmt()) {
      return NO;
    }
    if (sniff.nameEndsWith(".properties")) {
      return s.lines == 0 || s.keyValue >= 0.6 * s.lines ? LIKELY + 20 : WEAK;
    }
    if (s.lines == 0 || s.yamlish()) {
      return NO;
    }
    if (s.equals >= 0.8 * s.lines && s.upperKeys < 0.5 * s.lines) {
      return s.dottedKeys >= 0.3 * s.lines ? LIKELY + 5 : LIKELY;
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    Target target =
        Target.fromName(source, ctx, true).orFileTime(source, ctx).withHints(ctx.hints());
    ConfigEmitter out = new ConfigEmitter(source, ctx, sink, ID);
    Decoding.Decoded d = Decoding.open(source.open());
    try (BufferedReader br = new BufferedReader(d.reader(), 1 << 16)) {
      String line;
      long lineNo = 0;
      while ((line = br.readLine()) != null) {
        lineNo++;
        int start = skipWhite(line, 0);
        if (start >= line.length()) {
          continue;
        }
        char c0 = line.charAt(start);
        if (c0 == '#' || c0 == '!') {
          continue;
        }
        long startLine = lineNo;
        StringBuilder logical = new StringBuilder(line.length() + 16);
        logical.append(line, start, line.length());
        boolean tooLong = false;
        while (continues(logical)) {
          logical.setLength(logical.length() - 1);
          String next = br.readLine();
          if (next == null) {
            break;
          }
          lineNo++;
          if (!tooLong) {
            logical.append(next, skipWhite(next, 0), next.length());
            if (logical.length() > MAX_LOGICAL) {
              tooLong = true;
              logical.setLength(0);
            }
          }
        }
        ctx.monitor().checkCancelled();
        if (tooLong) {
          out.reject(
              startLine,
              "an entry continued over lines "
                  + startLine
                  + "-"
                  + lineNo
                  + " is longer than "
                  + MAX_LOGICAL
                  + " characters; refused");
          continue;
        }
        String[] kv;
        try {
          kv = split(logical.toString());
        } catch (IllegalArgumentException e) {
          out.reject(startLine, e.getMessage());
          continue;
        }
        out.entry(target, kv[0], kv[1], startLine, null);
      }
    } finally {
      d.notes().forEach(sink::warn);
    }
    out.finish();
  }

  private static int skipWhite(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
      i++;
    }
    return i;
  }

  /** Whether a logical line ends in an odd number of backslashes. */
  private static boolean continues(CharSequence s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  /** Key and value of a logical line, unescaped. */
  static String[] split(String logical) {
    int len = logical.length();
    int i = 0;
    boolean escaped = false;
    while (i < len) {
      char c = logical.charAt(i);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
        break;
      }
      i++;
    }
    String rawKey = logical.substring(0, i);
    int v = i;
    while (v < len
        && (logical.charAt(v) == ' ' || logical.charAt(v) == '\t' || logical.charAt(v) == '\f')) {
      v++;
    }
    if (v < len && (logical.charAt(v) == '=' || logical.charAt(v) == ':')) {
      v++;
      while (v < len
          && (logical.charAt(v) == ' ' || logical.charAt(v) == '\t' || logical.charAt(v) == '\f')) {
        v++;
      }
    }
    return new String[] {unescape(rawKey, "key"), unescape(logical.substring(v), "value")};
  }

  static String unescape(String s, String what) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        sb.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          String hex = s.substring(i + 1, Math.min(s.length(), i + 5));
          if (hex.length() < 4 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new IllegalArgumentException(
                "malformed \\uXXXX escape (\\u" + hex + ") in the " + what + " '" + cut(s) + "'");
          }
          sb.append((char) Integer.parseInt(hex, 16));
          i += 4;
        }
        default -> sb.append(n);
      }
    }
    return sb.toString();
  }

  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  /** What the first lines of a text look like, for telling .properties, .env and YAML apart. */
  static final class KeyValueStats {
    int lines;
    int keyValue;
    int equals;
    int colons;
    int upperKeys;
    int dottedKeys;
    int exports;
    int indentedColon;
    int logfmtLines;

    static KeyValueStats of(Sniff sniff) {
      KeyValueStats s = new KeyValueStats();
      List<String> lines = sniff.lines(80);
      if (!sniff.complete() && lines.size() > 1) {
        lines = new ArrayList<>(lines.subList(0, lines.size() - 1));
      }
      for (String raw : lines) {
        String t = raw.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
          continue;
        }
        if (t.equals("---") || t.equals("...")) {
          s.indentedColon++;
          s.lines++;
          continue;
        }
        s.lines++;
        boolean export = t.startsWith("export ");
        if (export) {
          s.exports++;
          t = t.substring(7).stripLeading();
        }
        int eq = indexOfSep(t);
        if (eq <= 0) {
          continue;
        }
        String key = t.substring(0, eq).strip();
        if (key.isEmpty() || key.contains(" ")) {
          continue;
        }
        s.keyValue++;
        char sep = t.charAt(eq);
        String value = t.substring(eq + 1);
        if (sep == '=') {
          s.equals++;
          if (value.matches(".*\\s[A-Za-z_][\\w.]*=.*")) {
            s.logfmtLines++;
          }
        } else {
          s.colons++;
          if (Character.isWhitespace(raw.isEmpty() ? 'x' : raw.charAt(0))
              || value.isBlank()
              || value.startsWith(" ")) {
            s.indentedColon++;
          }
        }
        if (key.matches("[A-Z_][A-Z0-9_]*")) {
          s.upperKeys++;
        }
        if (key.indexOf('.') > 0) {
          s.dottedKeys++;
        }
      }
      return s;
    }

    private static int indexOfSep(String t) {
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '=' || c == ':') {
          return i;
        }
      }
      return -1;
    }

    boolean logfmt() {
      return lines > 0 && logfmtLines >= 0.5 * lines;
    }

    /** Mostly "key: value" lines, indented blocks or document markers: YAML rather than this. */
    boolean yamlish() {
      return colons > equals && indentedColon > 0;
    }
  }
}
