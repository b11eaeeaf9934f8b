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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code .env} files (Docker Compose {@code env_file}, dotenv libraries, systemd {@code
 * EnvironmentFile}): {@code KEY=value} lines, optionally prefixed with {@code export}, {@code #}
 * comments, values in single quotes (literal), double quotes (with {@code \n}, {@code \"}, {@code
 * \\} escapes; may span lines) or bare (a {@code #} after white space starts a comment). {@code
 * ${VAR}} references are kept as written, never expanded.
 */
public final class DotenvImporter implements Importer {
  static final String ID = "config-env";
  private static final int MAX_QUOTED_LINES = 10_000;
  private static final Pattern ENTRY =
      Pattern.compile(
          "^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*(=)?(.*)$", Pattern.DOTALL);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Configuration snapshot (.env file)";
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
    PropertiesImporter.KeyValueStats s = PropertiesImporter.KeyValueStats.of(sniff);
    if (s.logfmt()) {
      return NO;
    }
    String n = sniff.lowerName();
    boolean envName = n.startsWith(".env") || n.endsWith(".env") || n.equals("env");
    if (envName) {
      return s.lines == 0 || s.equals >= 0.6 * s.lines ? LIKELY + 20 : WEAK;
    }
    if (s.lines == 0 || s.yamlish()) {
      return NO;
    }
    if (s.equals >= 0.8 * s.lines && s.upperKeys + s.exports >= 0.8 * s.lines) {
      return LIKELY + 5;
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
      java.util.ArrayDeque<String> replay = new java.util.ArrayDeque<>();
      while ((line = replay.isEmpty() ? br.readLine() : replay.pollFirst()) != null) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        ctx.monitor().checkCancelled();
        long startLine = lineNo;
        Matcher m = ENTRY.matcher(line);
        if (!m.matches()) {
          out.reject(startLine, "not a KEY=value line: '" + cut(t) + "'");
          continue;
        }
        String key = m.group(1);
        if (m.group(2) == null) {
          if (!m.group(3).isBlank() && !m.group(3).strip().startsWith("#")) {
            out.reject(startLine, "not a KEY=value line: '" + cut(t) + "'");
            continue;
          }
          List<String> notes = new ArrayList<>();
          notes.add(
              "declared without a value (a tool reading the file takes it from its own "
                  + "environment)");
          out.entry(target, key, "", startLine, notes);
          continue;
        }
        String rest = m.group(3).stripLeading();
        List<String> notes = new ArrayList<>();
        String value;
        if (rest.startsWith("\"") || rest.startsWith("'")) {
          char q = rest.charAt(0);
          StringBuilder buf = new StringBuilder(rest);
          int close = closingQuote(buf, q);
          List<String> taken = new ArrayList<>();
          while (close < 0 && taken.size() < MAX_QUOTED_LINES) {
            String next = replay.isEmpty() ? br.readLine() : replay.pollFirst();
            if (next == null) {
              break;
            }
            taken.add(next);
            buf.append('\n').append(next);
            close = closingQuote(buf, q);
          }
          if (close < 0) {
            out.reject(
                startLine,
                "the "
                    + (q == '"' ? "double" : "single")
                    + " quote opened "
                    + "for "
                    + key
                    + " at line "
                    + startLine
                    + " is never closed");
            // read the lines it swallowed again as entries of their own
            for (int k = taken.size() - 1; k >= 0; k--) {
              replay.addFirst(taken.get(k));
            }
            continue;
          }
          lineNo += taken.size();
          int extra = taken.size();
          String inner = buf.substring(1, close);
          String after = buf.substring(close + 1).strip();
          if (!after.isEmpty() && !after.startsWith("#")) {
            notes.add("text after the closing quote was ignored: '" + cut(after) + "'");
          }
          value = q == '"' ? unescapeDouble(inner) : inner;
          if (extra > 0) {
            notes.add("quoted value spans lines " + startLine + "-" + lineNo);
          }
        } else {
          value = stripInlineComment(rest).strip();
        }
        out.entry(target, key, value, startLine, notes);
      }
    } finally {
      d.notes().forEach(sink::warn);
    }
    out.finish();
  }

  private static int closingQuote(CharSequence s, char q) {
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (q == '"' && c == '\\') {
        i++;
      } else if (c == q) {
        return i;
      }
    }
    return -1;
  }

  private static String stripInlineComment(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '#' && (i == 0 || Character.isWhitespace(v.charAt(i - 1)))) {
        return v.substring(0, i);
      }
    }
    return v;
  }

  private static String unescapeDouble(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '"', '\\', '$', '`' -> sb.append(n);
          default -> sb.append('\\').append(n);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
