package dev.rehearsal.importers.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.importers.ImportException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Streaming YAML for configuration snapshots and ConfigMaps, on SnakeYAML's event parser (the
 * library under jackson-dataformat-yaml). Jackson's YAML parser hands back an alias to a scalar as
 * the alias name, so a config with {@code timeout: *default} would read "default"; the event parser
 * gives anchors and aliases for every node, and line numbers for every value.
 *
 * <p>Aliases are expanded (so {@code <<: *defaults} merges work), within two small limits per file:
 * {@link #MAX_ALIAS_VALUES} values from aliases in all, and {@link #MAX_COLLECTION_ALIASES} aliases
 * to maps and lists (SnakeYAML's own default for {@code maxAliasesForCollections}). An alias that
 * would go beyond either is refused before any of its values is sent, with an {@link
 * AliasLimitException} naming the limit; the configuration importers read a file twice, so such a
 * file is refused whole. Nothing is ever constructed from tags: values stay text.
 */
final class YamlEvents {
  /** Values that aliases may add to one file, all aliases together. */
  static final int MAX_ALIAS_VALUES = 10_000;

  /** Aliases to a map or a list one file may hold. */
  static final int MAX_COLLECTION_ALIASES = 50;

  static final int MAX_TREE_NODES = 5_000_000;

  /**
   * How deep maps and lists may nest. SnakeYAML's own nesting limit guards its composer, which
   * these readers do not use; configuration is a few levels deep, and a flattened key carries its
   * whole path, so a document nested a hundred thousand levels deep would build keys of a hundred
   * thousand parts each.
   */
  static final int MAX_DEPTH = 200;

  /** The longest flattened key (its whole path); a longer one is refused with its document. */
  static final int MAX_KEY_CHARS = 16 * 1024;

  static ImportException tooDeep(Event e) {
    return new ImportException(
        "the YAML nests maps and lists more than "
            + MAX_DEPTH
            + " levels deep at line "
            + line(e)
            + "; refused",
        line(e));
  }

  /** One YAML document may hold this many characters; a bigger one is refused, not loaded. */
  static final int MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;

  private YamlEvents() {}

  /** A parser over text, with a bound on each document's size and on nesting. */
  static Parser open(Reader reader) {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(MAX_DOCUMENT_CHARS);
    o.setNestingDepthLimit(500);
    o.setProcessComments(false);
    o.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    return new ParserImpl(new StreamReader(reader), o);
  }

  /** An alias refused because it would expand beyond a limit (a possible alias bomb). */
  static final class AliasLimitException extends ImportException {
    private static final long serialVersionUID = 1L;

    AliasLimitException(String message, long line) {
      super(message, line);
    }
  }

  /** Counts what aliases add to one file against the limits, refusing before going beyond. */
  static final class AliasBudget {
    private long values;
    private int collections;

    void spend(String alias, long line, long size, boolean collection) throws ImportException {
      if (collection && ++collections > MAX_COLLECTION_ALIASES) {
        throw new AliasLimitException(
            "the YAML alias "
                + alias
                + " at line "
                + line
                + " is one alias to a map or list too many: the limit is "
                + MAX_COLLECTION_ALIASES
                + " per file; refused as a possible alias bomb",
            line);
      }
      if (values + size > MAX_ALIAS_VALUES) {
        throw new AliasLimitException(
            "the YAML alias "
                + alias
                + " at line "
                + line
                + " would expand to "
                + size
                + " value(s), beyond the limit of "
                + MAX_ALIAS_VALUES
                + " values from aliases per file ("
                + values
                + " so far); refused as a possible alias bomb",
            line);
      }
      values += size;
    }
  }

  /** Line (1-based) of an event. */
  static long line(Event e) {
    return e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1L;
  }

  /** The next event, with YAML errors turned into a file-level problem with its line. */
  static Event next(Parser p) throws ImportException {
    try {
      return p.getEvent();
    } catch (MarkedYAMLException e) {
      long l = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1L;
      throw new ImportException("invalid YAML at line " + l + ": " + problem(e), l, e);
    } catch (YAMLException e) {
      throw new ImportException("invalid YAML: " + e.getMessage(), 0, e);
    }
  }

  static Event peek(Parser p) throws ImportException {
    try {
      return p.peekEvent();
    } catch (MarkedYAMLException e) {
      long l = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1L;
      throw new ImportException("invalid YAML at line " + l + ": " + problem(e), l, e);
    } catch (YAMLException e) {
      throw new ImportException("invalid YAML: " + e.getMessage(), 0, e);
    }
  }

  private static String problem(MarkedYAMLException e) {
    String ctx = e.getContext();
    String prob = e.getProblem();
    if (prob == null) {
      return e.getMessage();
    }
    return ctx == null ? prob : ctx + ", " + prob;
  }

  /** Whether a scalar is YAML's null (a plain empty value, ~ or null). */
  static boolean isNull(ScalarEvent s) {
    if (!s.isPlain()) {
      return false;
    }
    String v = s.getValue();
    return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
  }

  // ------------------------------------------------------------------ trees

  /** Builds trees of nodes (aliases expanded), counting nodes against a budget. */
  static final class TreeReader {
    private final Parser parser;
    private final Map<String, JsonNode> anchors = new HashMap<>();

    /** For each map read, the line of each of its keys. */
    final Map<JsonNode, Map<String, Long>> keyLines = new java.util.IdentityHashMap<>();

    private long nodes;
    private int depth;
    private final AliasBudget budget = new AliasBudget();

    TreeReader(Parser parser) {
      this.parser = parser;
    }

    /** Forget anchors (they do not cross documents). */
    void newDocument() {
      anchors.clear();
      keyLines.clear();
    }

    /** Reads the node that starts with the next event. */
    JsonNode read() throws ImportException {
      Event e = next(parser);
      return read(e);
    }

    JsonNode read(Event e) throws ImportException {
      JsonNodeFactory f = JsonNodeFactory.instance;
      if (++nodes > MAX_TREE_NODES) {
        throw new ImportException(
            "the YAML holds more than "
                + MAX_TREE_NODES
                + " values "
                + "(counting expanded aliases); refused",
            line(e));
      }
      if (e instanceof ScalarEvent s) {
        JsonNode n = isNull(s) ? f.nullNode() : f.textNode(s.getValue());
        remember(s, n);
        return n;
      }
      if (e instanceof AliasEvent a) {
        JsonNode n = anchors.get(a.getAnchor());
        if (n == null) {
          throw new ImportException(
              "the YAML alias *" + a.getAnchor() + " at line " + line(e) + " names no anchor",
              line(e));
        }
        long size = size(n);
        budget.spend("*" + a.getAnchor(), line(e), size, n.isContainerNode());
        nodes += size;
        if (nodes > MAX_TREE_NODES) {
          throw new ImportException(
              "YAML aliases expand beyond "
                  + MAX_TREE_NODES
                  + " values; refused as a possible alias bomb",
              line(e));
        }
        return n;
      }
      if (e instanceof CollectionStartEvent && depth >= MAX_DEPTH) {
        throw tooDeep(e);
      }
      if (e instanceof MappingStartEvent m) {
        depth++;
        ObjectNode obj = f.objectNode();
        Map<String, Long> lines = new HashMap<>();
        keyLines.put(obj, lines);
        List<JsonNode> merges = new ArrayList<>();
        while (!(peek(parser) instanceof org.yaml.snakeyaml.events.MappingEndEvent)) {
          Event ke = next(parser);
          JsonNode k = read(ke);
          JsonNode v = read();
          String key = k.isNull() ? "" : k.isValueNode() ? k.asText() : k.toString();
          if (key.equals("<<") && ke instanceof ScalarEvent ks && ks.isPlain()) {
            if (v.isObject()) {
              merges.add(v);
            } else if (v.isArray()) {
              v.forEach(merges::add);
            }
            continue;
          }
          obj.set(key, v);
          lines.put(key, line(ke));
        }
        next(parser);
        for (JsonNode mg : merges) {
          if (mg.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = mg.fields();
            while (it.hasNext()) {
              var en = it.next();
              if (!obj.has(en.getKey())) {
                obj.set(en.getKey(), en.getValue());
              }
            }
          }
        }
        remember(m, obj);
        depth--;
        return obj;
      }
      if (e instanceof SequenceStartEvent s) {
        depth++;
        ArrayNode arr = f.arrayNode();
        while (!(peek(parser) instanceof org.yaml.snakeyaml.events.SequenceEndEvent)) {
          arr.add(read());
        }
        next(parser);
        remember(s, arr);
        depth--;
        return arr;
      }
      throw new ImportException(
          "unexpected YAML event " + e.getEventId() + " at line " + line(e), line(e));
    }

    private void remember(NodeEvent e, JsonNode n) {
      if (e.getAnchor() != null) {
        anchors.put(e.getAnchor(), n);
      }
    }

    private static long size(JsonNode n) {
      if (!n.isContainerNode()) {
        return 1;
      }
      long s = 1;
      for (JsonNode c : n) {
        s += size(c);
        if (s > MAX_TREE_NODES) {
          return s;
        }
      }
      return s;
    }
  }

  // ------------------------------------------------------------------ flattening

  /** Receives the flattened entries of each document. */
  interface FlatHandler {
    /** A document starts (0-based index among the file's documents). */
    default void document(int doc, long line) throws ImportException {}

    /** One key with its value (text as written; "" for null; "[]"/"{}" for empty). */
    void entry(int doc, String key, String value, long line, List<String> notes)
        throws ImportException;

    /** A document that is not a map of keys (a bare value or a list). */
    void notAMap(int doc, long line, String what) throws ImportException;
  }

  private static final class Recorder {
    final String anchor;
    final String base;
    final List<String[]> entries = new ArrayList<>();
    boolean overflow;

    Recorder(String anchor, String base) {
      this.anchor = anchor;
      this.base = base;
    }
  }

  private static final class Frame {
    final boolean map;
    final String prefix;
    final Recorder recorder;
    final long line;
    int count;
    String key;
    long keyLine;
    boolean mergeKey;
    boolean mergeSeq;
    final Set<String> explicit = new HashSet<>();
    final List<List<String[]>> merges = new ArrayList<>();
    long mergeLine;

    Frame(boolean map, String prefix, Recorder recorder, long line) {
      this.map = map;
      this.prefix = prefix;
      this.recorder = recorder;
      this.line = line;
    }
  }

  /** Flattens every document of a YAML stream: nested maps joined with dots, lists as [n]. */
  static void flatten(Reader reader, FlatHandler h) throws IOException, ImportException {
    new Flattener(open(reader), h).run();
  }

  private static final class Flattener {
    private final Parser p;
    private final FlatHandler h;
    private final Map<String, List<String[]>> anchors = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final List<Recorder> recording = new ArrayList<>();
    private final AliasBudget budget = new AliasBudget();
    private int doc = -1;

    Flattener(Parser p, FlatHandler h) {
      this.p = p;
      this.h = h;
    }

    void run() throws ImportException {
      while (true) {
        Event e = next(p);
        if (e == null || e.is(Event.ID.StreamEnd)) {
          return;
        }
        if (e.is(Event.ID.DocumentStart)) {
          doc++;
          anchors.clear();
          h.document(doc, line(e));
          Event root = next(p);
          if (root instanceof MappingStartEvent) {
            walkDocument(root);
          } else if (root instanceof ScalarEvent s && isNull(s)) {
            // an empty document: nothing to import
          } else {
            String what = root instanceof SequenceStartEvent ? "a list" : "a single value";
            skipNode(root);
            h.notAMap(doc, line(root), what);
          }
        }
        // DocumentEnd, StreamStart: nothing to do
      }
    }

    private void skipNode(Event start) throws ImportException {
      if (!(start instanceof CollectionStartEvent)) {
        return;
      }
      int depth = 1 + stack.size();
      int base = stack.size();
      while (depth > base) {
        Event e = next(p);
        if (e instanceof CollectionStartEvent) {
          if (++depth > MAX_DEPTH) {
            throw tooDeep(e);
          }
        } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
          depth--;
        }
      }
    }

    private void walkDocument(Event rootStart) throws ImportException {
      push(true, "", (NodeEvent) rootStart);
      while (!stack.isEmpty()) {
        Event e = next(p);
        Frame top = stack.peek();
        if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
          pop();
          continue;
        }
        if (top.map && top.key == null) {
          // a key
          if (e instanceof ScalarEvent s) {
            top.key = s.getValue();
            top.keyLine = line(e);
            top.mergeKey = s.isPlain() && s.getValue().equals("<<");
          } else if (e instanceof AliasEvent a) {
            List<String[]> v = anchors.get(a.getAnchor());
            top.key =
                v != null && v.size() == 1 && v.get(0)[0].isEmpty()
                    ? v.get(0)[1]
                    : "*" + a.getAnchor();
            top.keyLine = line(e);
            top.mergeKey = false;
          } else {
            skipNode(e);
            top.key = "(complex key at line " + line(e) + ")";
            top.keyLine = line(e);
            top.mergeKey = false;
          }
          continue;
        }
        // a value (of a map key or a list element)
        String key;
        long entryLine;
        if (top.map) {
          if (top.mergeKey) {
            handleMergeValue(top, e);
            top.key = null;
            continue;
          }
          key = join(top.prefix, top.key);
          top.explicit.add(top.key);
          entryLine = top.keyLine;
          top.key = null;
        } else {
          if (top.mergeSeq) {
            if (e instanceof AliasEvent a) {
              List<String[]> v = anchors.get(a.getAnchor());
              if (v != null) {
                budget.spend("*" + a.getAnchor(), line(e), v.size(), true);
                stack.stream().skip(1).findFirst().ifPresent(parent -> parent.merges.add(v));
              }
            } else {
              skipNode(e);
            }
            continue;
          }
          key = top.prefix + "[" + top.count + "]";
          entryLine = line(e);
        }
        top.count++;
        value(e, key, entryLine);
      }
    }

    private void handleMergeValue(Frame map, Event e) throws ImportException {
      map.mergeLine = map.keyLine;
      if (e instanceof AliasEvent a) {
        List<String[]> v = anchors.get(a.getAnchor());
        if (v == null) {
          throw new ImportException(
              "the YAML alias *" + a.getAnchor() + " at line " + line(e) + " names no anchor",
              line(e));
        }
        budget.spend("*" + a.getAnchor(), line(e), v.size(), true);
        map.merges.add(v);
      } else if (e instanceof SequenceStartEvent s) {
        Frame f = push(false, map.prefix, s);
        f.mergeSeq = true;
      } else if (e instanceof MappingStartEvent m) {
        // an inline map to merge: its keys belong to the enclosing map
        push(true, map.prefix, m);
      } else {
        skipNode(e);
      }
    }

    private void value(Event e, String key, long entryLine) throws ImportException {
      if (e instanceof ScalarEvent s) {
        String v = isNull(s) ? "" : s.getValue();
        if (s.getAnchor() != null) {
          List<String[]> one = new ArrayList<>();
          one.add(new String[] {"", v});
          anchors.put(s.getAnchor(), one);
        }
        emit(key, v, entryLine, null);
      } else if (e instanceof AliasEvent a) {
        List<String[]> v = anchors.get(a.getAnchor());
        if (v == null) {
          throw new ImportException(
              "the YAML alias *" + a.getAnchor() + " at line " + line(e) + " names no anchor",
              line(e));
        }
        expand(key, v, entryLine, "*" + a.getAnchor());
      } else if (e instanceof MappingStartEvent m) {
        push(true, key, m);
      } else if (e instanceof SequenceStartEvent s) {
        push(false, key, s);
      }
    }

    private void expand(String prefix, List<String[]> entries, long line, String alias)
        throws ImportException {
      boolean collection = entries.size() != 1 || !entries.get(0)[0].isEmpty();
      budget.spend(alias, line, entries.size(), collection);
      List<String> note = List.of("value from YAML alias " + alias);
      for (String[] en : entries) {
        emit(en[0].isEmpty() ? prefix : join(prefix, en[0]), en[1], line, note);
      }
    }

    private Frame push(boolean map, String prefix, NodeEvent start) throws ImportException {
      if (stack.size() >= MAX_DEPTH) {
        throw tooDeep(start);
      }
      if (prefix.length() > MAX_KEY_CHARS) {
        throw new ImportException(
            "a YAML key path at line "
                + line(start)
                + " is longer than "
                + MAX_KEY_CHARS
                + " characters; refused",
            line(start));
      }
      Recorder r = null;
      if (start.getAnchor() != null) {
        r = new Recorder(start.getAnchor(), prefix);
        recording.add(r);
      }
      Frame f = new Frame(map, prefix, r, line(start));
      stack.push(f);
      return f;
    }

    private void pop() throws ImportException {
      Frame f = stack.pop();
      if (f.mergeSeq) {
        return;
      }
      if (f.map && !f.merges.isEmpty()) {
        Set<String> done = new HashSet<>(f.explicit);
        for (List<String[]> src : f.merges) {
          Set<String> fromThis = new HashSet<>();
          for (String[] en : src) {
            String first = firstSegment(en[0]);
            if (done.contains(first)) {
              continue;
            }
            fromThis.add(first);
            emit(
                en[0].isEmpty() ? f.prefix : join(f.prefix, en[0]),
                en[1],
                f.mergeLine,
                List.of("value merged from a YAML anchor (<<)"));
            f.count++;
          }
          done.addAll(fromThis);
        }
      }
      if (f.count == 0 && !f.prefix.isEmpty() && !isInlineMerge(f)) {
        emit(f.prefix, f.map ? "{}" : "[]", f.line, null);
      }
      if (f.recorder != null) {
        recording.remove(f.recorder);
        if (!f.recorder.overflow) {
          anchors.put(f.recorder.anchor, f.recorder.entries);
        }
      }
    }

    private boolean isInlineMerge(Frame f) {
      Frame parent = stack.peek();
      return parent != null && parent.map && f.prefix.equals(parent.prefix);
    }

    private void emit(String key, String value, long line, List<String> notes)
        throws ImportException {
      for (Recorder r : recording) {
        if (r.overflow) {
          continue;
        }
        String rel =
            key.equals(r.base)
                ? ""
                : r.base.isEmpty()
                    ? key
                    : key.startsWith(r.base + "[")
                        ? key.substring(r.base.length())
                        : key.substring(Math.min(key.length(), r.base.length() + 1));
        r.entries.add(new String[] {rel, value});
        if (r.entries.size() > MAX_ALIAS_VALUES) {
          r.overflow = true;
          r.entries.clear();
        }
      }
      h.entry(doc, key, value, line, notes == null ? List.of() : notes);
    }

    private static String firstSegment(String rel) {
      int i = 0;
      while (i < rel.length() && rel.charAt(i) != '.' && rel.charAt(i) != '[') {
        i++;
      }
      return rel.substring(0, i);
    }
  }

  static String join(String prefix, String key) {
    if (prefix.isEmpty()) {
      return key;
    }
    if (key.startsWith("[")) {
      return prefix + key;
    }
    return prefix + "." + key;
  }
}
