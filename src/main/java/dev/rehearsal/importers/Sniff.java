package dev.rehearsal.importers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.util.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cheap look at a file that format detection works from: its name, its first bytes, the same
 * decoded as text, and (computed on demand) the JSON keys near its start, the XML root element, and
 * the first CSV line.
 */
public final class Sniff {
  public static final int HEAD_BYTES = 64 * 1024;

  private final String fileName;
  private final byte[] head;
  private final boolean complete;
  private final String text;
  private Set<String> jsonKeys;
  private Character jsonStart;
  private String xmlRoot;

  public Sniff(String fileName, byte[] head, boolean complete) {
    this.fileName = fileName;
    this.head = head;
    this.complete = complete;
    String t;
    try {
      t = Decoding.readAll(new ByteArrayInputStream(head));
    } catch (IOException e) {
      t = "";
    }
    this.text = t;
  }

  public static Sniff of(ImportSource source) throws IOException {
    try (InputStream in = source.open()) {
      byte[] head = in.readNBytes(HEAD_BYTES);
      boolean complete = in.read() < 0;
      return new Sniff(source.fileName(), head, complete);
    }
  }

  public static Sniff ofText(String fileName, String content) {
    return new Sniff(fileName, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
  }

  public String fileName() {
    return fileName;
  }

  public String lowerName() {
    return fileName.toLowerCase(Locale.ROOT);
  }

  public boolean nameEndsWith(String... suffixes) {
    String n = lowerName();
    for (String s : suffixes) {
      if (n.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  public byte[] head() {
    return head;
  }

  /** Whether the head is the whole file. */
  public boolean complete() {
    return complete;
  }

  /** The head as text, without byte-order mark. */
  public String text() {
    return text;
  }

  /** The text with leading white space removed. */
  public String trimmed() {
    return text.stripLeading();
  }

  /**
   * Whether the head is binary data rather than text: it holds NUL bytes and, apart from them,
   * control bytes that text does not have (or nothing else at all). A text export with a few NUL
   * bytes in it (a crash that left zeros, a tool that padded a cell) is text: its NULs are removed
   * when it is read, and the notes say where.
   */
  public boolean isBinary() {
    int zeros = 0;
    int control = 0;
    for (byte b : head) {
      if (b == 0) {
        zeros++;
      } else if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f'
          || b == 0x7F) {
        control++;
      }
    }
    if (zeros == 0 || text.isEmpty() == false && Decoding.isUtf16(head)) {
      return false;
    }
    int rest = head.length - zeros;
    return rest == 0 || control * 100 >= rest;
  }

  /** First non-blank character of the text, or 0. */
  public char firstChar() {
    String t = trimmed();
    return t.isEmpty() ? 0 : t.charAt(0);
  }

  public boolean looksLikeJson() {
    char c = firstChar();
    return c == '{' || c == '[';
  }

  public boolean looksLikeXml() {
    return firstChar() == '<';
  }

  /** '{' or '[' for the first JSON value, else 0. */
  public char jsonStart() {
    if (jsonStart == null) {
      jsonKeys();
    }
    return jsonStart;
  }

  /**
   * Field names that occur in the first part of the file when it is JSON, at any depth up to 4 (so
   * both a bare object's keys and the keys of a list's first element are here). Empty when the file
   * is not JSON.
   */
  public Set<String> jsonKeys() {
    if (jsonKeys != null) {
      return jsonKeys;
    }
    Set<String> keys = new LinkedHashSet<>();
    jsonStart = 0;
    if (looksLikeJson()) {
      jsonStart = firstChar();
      try (JsonParser p = Json.parser(new StringReader(text))) {
        int depth = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null && keys.size() < 400) {
          if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            depth++;
          } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            depth--;
          } else if (t == JsonToken.FIELD_NAME && depth <= 4) {
            keys.add(p.currentName());
          }
        }
      } catch (IOException | RuntimeException e) {
        // the head is cut mid-value or the file is not JSON: keep what was read
      }
    }
    jsonKeys = keys;
    return keys;
  }

  public boolean hasJsonKeys(String... names) {
    Set<String> k = jsonKeys();
    for (String n : names) {
      if (!k.contains(n)) {
        return false;
      }
    }
    return true;
  }

  public boolean hasAnyJsonKey(String... names) {
    Set<String> k = jsonKeys();
    for (String n : names) {
      if (k.contains(n)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern XML_ROOT =
      Pattern.compile("<([A-Za-z_][\\w.\\-]*:)?([A-Za-z_][\\w.\\-]*)");

  /** Local name of the first element of an XML document, or "". */
  public String xmlRoot() {
    if (xmlRoot != null) {
      return xmlRoot;
    }
    xmlRoot = "";
    String t = trimmed();
    int i = 0;
    while (i < t.length()) {
      int lt = t.indexOf('<', i);
      if (lt < 0) {
        break;
      }
      if (t.startsWith("<?", lt)) {
        i = endOf(t, "?>", lt);
      } else if (t.startsWith("<!--", lt)) {
        i = endOf(t, "-->", lt);
      } else if (t.startsWith("<!", lt)) {
        i = endOf(t, ">", lt);
      } else {
        Matcher m = XML_ROOT.matcher(t);
        if (m.find(lt) && m.start() == lt) {
          xmlRoot = m.group(2);
        }
        break;
      }
      if (i < 0) {
        break;
      }
    }
    return xmlRoot;
  }

  private static int endOf(String t, String end, int from) {
    int e = t.indexOf(end, from);
    return e < 0 ? -1 : e + end.length();
  }

  /** The first line of the text (for CSV headers, logs), without line break. */
  public String firstLine() {
    String t = text;
    int nl = t.indexOf('\n');
    String line = nl < 0 ? t : t.substring(0, nl);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** The first {@code n} lines. */
  public List<String> lines(int n) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (out.size() < n && start < text.length()) {
      int nl = text.indexOf('\n', start);
      String line = nl < 0 ? text.substring(start) : text.substring(start, nl);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      out.add(line);
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return out;
  }

  /**
   * Header cells of a CSV file, lowercased and trimmed, parsed as one CSV line with quotes (a
   * header cell never spans lines in practice). Empty when the first line has no comma, semicolon
   * or tab.
   */
  public List<String> csvHeader() {
    String line = firstLine();
    char sep =
        line.indexOf(',') >= 0
            ? ','
            : line.indexOf(';') >= 0 ? ';' : line.indexOf('\t') >= 0 ? '\t' : 0;
    if (sep == 0) {
      return List.of();
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == sep && !quoted) {
        cells.add(cur.toString().strip().toLowerCase(Locale.ROOT));
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    cells.add(cur.toString().strip().toLowerCase(Locale.ROOT));
    return cells;
  }

  public boolean csvHeaderHas(String... names) {
    List<String> h = csvHeader();
    for (String n : names) {
      if (!h.contains(n.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A Rehearsal workspace settings file (as the demo scenario ships beside its exports): not data
   * to import, and not a service's configuration snapshot either.
   */
  public boolean looksLikeRehearsalSettings() {
    if (!nameEndsWith("settings.json") || jsonStart() != '{') {
      return false;
    }
    Set<String> k = jsonKeys();
    return k.contains("linking")
        || k.contains("gaps")
        || k.contains("verdict")
        || k.contains("aggregates")
        || k.contains("services") && k.contains("dependencies");
  }

  /** Documentation beside exports (README.md, notes.txt): never a record source. */
  public boolean isDocumentation() {
    return nameEndsWith(".md", ".markdown", ".rst", ".adoc", ".html", ".htm");
  }

  /** A short description of what the file looks like, for "not recognised" messages. */
  public String describe() {
    if (head.length == 0) {
      return "an empty file";
    }
    if (looksLikeRehearsalSettings()) {
      return "Rehearsal workspace settings (put them in the workspace folder as "
          + "settings.json to use them)";
    }
    if (isDocumentation()) {
      return "documentation (" + fileName + ")";
    }
    if (isBinary()) {
      return "binary data (first bytes " + hex(head, 8) + ")";
    }
    if (looksLikeJson()) {
      Set<String> k = jsonKeys();
      List<String> few = new ArrayList<>(k).subList(0, Math.min(8, k.size()));
      return "JSON "
          + (jsonStart() == '[' ? "list" : "object")
          + (few.isEmpty() ? "" : " with keys " + String.join(", ", few));
    }
    if (looksLikeXml()) {
      return "XML with root element <" + xmlRoot() + ">";
    }
    List<String> h = csvHeader();
    if (h.equals(List.of("alias", "service"))) {
      return "a service alias table (load it with 'rehearsal aliases load FILE')";
    }
    if (h.size() >= 4
        && h.subList(0, 4).equals(List.of("incident", "caused_by", "verdict", "gaps"))) {
      return "a ground-truth file (compare with it: 'rehearsal evaluate --truth FILE')";
    }
    if (h.size() > 1) {
      List<String> few = h.subList(0, Math.min(8, h.size()));
      return "a delimited text file with header " + String.join(",", few);
    }
    return "text starting with \"" + dev.rehearsal.util.Texts.firstLine(text, 60) + "\"";
  }

  /**
   * For a file no importer recognised that still holds records Rehearsal could read (JSON, a
   * delimited table): how to read it anyway. Empty for anything else.
   */
  public String readItAnyway() {
    if (head.length == 0
        || isDocumentation()
        || isBinary()
        || looksLikeRehearsalSettings()
        || looksLikeXml()) {
      return "";
    }
    String format;
    if (looksLikeJson()) {
      format = "generic-json";
    } else if (csvHeader().size() > 1 && !describe().contains("rehearsal ")) {
      format = "generic-csv";
    } else {
      return "";
    }
    return "; to read it, name its format with --format ID, or map its "
        + "fields with --format "
        + format
        + " --mapping NAME";
  }

  private static String hex(byte[] b, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(n, b.length); i++) {
      sb.append(String.format("%02x", b[i] & 0xff));
    }
    return sb.toString();
  }
}
