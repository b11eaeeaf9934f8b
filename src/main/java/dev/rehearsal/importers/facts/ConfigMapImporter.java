package dev.rehearsal.importers.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.importers.support.TimeParseException;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Kubernetes ConfigMaps (and Secrets), as {@code kubectl get configmap -o yaml|json} prints them:
 * one object, a {@code kind: List} of them, or several YAML documents / JSON values in one file.
 * One CONFIG fact per {@code data} key; {@code binaryData} entries are counted as rejected records
 * (binary values are not stored); every value of a Secret is stored as a digest.
 *
 * <p>Whom and when, from the object itself first: annotations {@code rehearsal.dev/service}, {@code
 * rehearsal.dev/environment}, {@code rehearsal.dev/as-of}; labels {@code app.kubernetes.io/name},
 * {@code app}, {@code service} for the service and {@code environment}, {@code env} for the
 * environment; the namespace when the environment table knows it ({@code staging}, {@code
 * checkout-prod}); the latest {@code metadata.managedFields[].time} (the last change to the object)
 * as the as-of time. Then the file name, then the hints.
 */
public final class ConfigMapImporter implements Importer {
  static final String ID = "k8s-configmap";
  private static final Pattern TOP_KIND =
      Pattern.compile("(?m)^kind:\\s*[\"']?([A-Za-z]+)[\"']?\\s*$");
  private static final Pattern ITEM_KIND =
      Pattern.compile("(?m)^(?:- |  |    |  - )kind:\\s*[\"']?(ConfigMap|Secret)[\"']?\\s*$");
  private static final int MAX_KEYS_TRACKED = 100_000;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Kubernetes ConfigMap / Secret (YAML or JSON)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.FACT;
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (sniff.isBinary() || sniff.looksLikeXml()) {
      return NO;
    }
    if (sniff.looksLikeJson()) {
      String[] kinds = jsonKinds(sniff.text());
      if (isConfigKind(kinds[0]) || isListKind(kinds[0]) && isConfigKind(kinds[1])) {
        return CERTAIN;
      }
      return NO;
    }
    Matcher m = TOP_KIND.matcher(sniff.text());
    boolean list = false;
    while (m.find()) {
      if (isConfigKind(m.group(1))) {
        return CERTAIN;
      }
      list |= isListKind(m.group(1));
    }
    if (list && ITEM_KIND.matcher(sniff.text()).find()) {
      return CERTAIN;
    }
    // kubectl prints a List with its items first and "kind: List" at the end
    if (sniff.text().startsWith("apiVersion: v1\nitems:")
        && ITEM_KIND.matcher(sniff.text()).find()) {
      return LIKELY;
    }
    return NO;
  }

  private static boolean isConfigKind(String k) {
    return "ConfigMap".equals(k) || "Secret".equals(k);
  }

  private static boolean isListKind(String k) {
    return "List".equals(k) || "ConfigMapList".equals(k) || "SecretList".equals(k);
  }

  /** The top-level kind and the first item's kind of a JSON head ("" when absent). */
  private static String[] jsonKinds(String head) {
    String[] out = {"", ""};
    try (JsonParser p = Json.parser(new StringReader(head))) {
      int depth = 0;
      boolean inItems = false;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        } else if (t == JsonToken.FIELD_NAME) {
          String n = p.currentName();
          if (depth == 1 && n.equals("kind")) {
            p.nextToken();
            out[0] = p.getText();
          } else if (depth == 1 && n.equals("items")) {
            inItems = true;
          } else if (inItems && depth == 3 && n.equals("kind") && out[1].isEmpty()) {
            p.nextToken();
            out[1] = p.getText();
          }
        }
        if (!out[0].isEmpty() && (!out[1].isEmpty() || !isListKind(out[0]))) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // a head cut mid-value: keep what was read
    }
    return out;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    Run run = new Run(source, ctx, sink);
    Decoding.Decoded d = Decoding.open(source.open());
    try (Reader r = new java.io.BufferedReader(d.reader(), 1 << 16)) {
      r.mark(16);
      int c;
      do {
        c = r.read();
      } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
      r.reset();
      if (c == '{' || c == '[') {
        run.json(r);
      } else {
        run.yaml(r);
      }
    } finally {
      d.notes().forEach(sink::warn);
      run.out.finish();
    }
  }

  private final class Run {
    final ImportSource source;
    final ImportContext ctx;
    final RecordSink sink;
    final ConfigEmitter out;
    final Map<String, String> seenKeys = new HashMap<>();
    Map<JsonNode, Map<String, Long>> keyLines = new IdentityHashMap<>();

    Run(ImportSource source, ImportContext ctx, RecordSink sink) {
      this.source = source;
      this.ctx = ctx;
      this.sink = sink;
      this.out = new ConfigEmitter(source, ctx, sink, ID);
    }

    void json(Reader r) throws IOException, ImportException {
      long line = 1;
      try (JsonParser p = Json.factory().createParser(r)) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          line = p.currentTokenLocation().getLineNr();
          keyLines = new IdentityHashMap<>();
          if (t == JsonToken.START_ARRAY) {
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
              if (e == null) {
                throw new ImportException(
                    "the JSON list is cut off before its end", p.currentLocation().getLineNr());
              }
              long l = p.currentTokenLocation().getLineNr();
              object(JsonStream.readWithLines(p, keyLines), l);
              keyLines.clear();
            }
            continue;
          }
          if (t != JsonToken.START_OBJECT) {
            out.reject(line, "a bare JSON value at line " + line + ", not a Kubernetes object");
            continue;
          }
          ObjectNode buf = JsonNodeFactory.instance.objectNode();
          keyLines.put(buf, new HashMap<>());
          boolean items = false;
          JsonToken k;
          while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            long kl = p.currentTokenLocation().getLineNr();
            JsonToken v = p.nextToken();
            if (v == null) {
              break;
            }
            if (name.equals("items") && v == JsonToken.START_ARRAY) {
              items = true;
              JsonToken e;
              while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (e == null) {
                  throw new ImportException(
                      "the list of items is cut off before its end",
                      p.currentLocation().getLineNr());
                }
                long l = p.currentTokenLocation().getLineNr();
                Map<JsonNode, Map<String, Long>> saved = keyLines;
                keyLines = new IdentityHashMap<>();
                object(JsonStream.readWithLines(p, keyLines), l);
                keyLines = saved;
              }
            } else {
              buf.set(name, JsonStream.readWithLines(p, keyLines));
              keyLines.get(buf).put(name, kl);
            }
          }
          if (k != JsonToken.END_OBJECT) {
            throw new ImportException(
                "the JSON object that starts at line " + line + " is cut off before its end",
                p.currentLocation().getLineNr());
          }
          if (!items) {
            object(buf, line);
          }
        }
      } catch (JsonProcessingException e) {
        throw JsonStream.invalid(e, line);
      }
    }

    void yaml(Reader r) throws ImportException {
      Parser p = YamlEvents.open(r);
      YamlEvents.TreeReader tr = new YamlEvents.TreeReader(p);
      while (true) {
        Event e = YamlEvents.next(p);
        if (e == null || e.is(Event.ID.StreamEnd)) {
          return;
        }
        if (!e.is(Event.ID.DocumentStart)) {
          continue;
        }
        tr.newDocument();
        keyLines = tr.keyLines;
        Event root = YamlEvents.next(p);
        long docLine = YamlEvents.line(root);
        if (root instanceof ScalarEvent s && YamlEvents.isNull(s)) {
          continue;
        }
        if (!(root instanceof MappingStartEvent)) {
          tr.read(root);
          out.reject(docLine, "the document at line " + docLine + " is not a Kubernetes object");
          continue;
        }
        ObjectNode buf = JsonNodeFactory.instance.objectNode();
        Map<String, Long> bufLines = new HashMap<>();
        keyLines.put(buf, bufLines);
        boolean items = false;
        while (!YamlEvents.peek(p).is(Event.ID.MappingEnd)) {
          Event ke = YamlEvents.next(p);
          JsonNode key = tr.read(ke);
          String name = key.asText();
          if (name.equals("items") && YamlEvents.peek(p) instanceof SequenceStartEvent) {
            items = true;
            YamlEvents.next(p);
            while (!YamlEvents.peek(p).is(Event.ID.SequenceEnd)) {
              long l = YamlEvents.line(YamlEvents.peek(p));
              object(tr.read(), l);
            }
            YamlEvents.next(p);
          } else {
            buf.set(name, tr.read());
            bufLines.put(name, YamlEvents.line(ke));
          }
        }
        YamlEvents.next(p);
        if (!items) {
          object(buf, docLine);
        }
      }
    }

    /** One Kubernetes object. */
    void object(JsonNode obj, long line) {
      ctx.monitor().checkCancelled();
      if (obj == null || !obj.isObject()) {
        out.reject(line, "an item at line " + line + " that is not a Kubernetes object");
        return;
      }
      String kind = JsonStream.text(obj, "kind");
      String name = JsonStream.text(obj, "metadata.name");
      String label = (kind == null ? "object" : kind) + (name == null ? "" : " '" + name + "'");
      if (!isConfigKind(kind)) {
        out.reject(
            line,
            "a " + label + " at line " + line + ", not a ConfigMap or Secret: " + "not imported");
        return;
      }
      boolean secret = kind.equals("Secret");
      Target t = target(obj);
      String ns = JsonStream.text(obj, "metadata.namespace");
      String where =
          kind
              + " "
              + (name == null ? "(unnamed)" : name)
              + (ns == null ? "" : " in namespace " + ns);
      JsonNode data = obj.path("data");
      entries(t, data, line, where, secret, true);
      if (secret) {
        entries(t, obj.path("stringData"), line, where, true, false);
      }
      JsonNode bin = obj.path("binaryData");
      if (bin.isObject()) {
        Map<String, Long> lines = keyLines.getOrDefault(bin, Map.of());
        Iterator<Map.Entry<String, JsonNode>> it = bin.fields();
        while (it.hasNext()) {
          var en = it.next();
          long l = lines.getOrDefault(en.getKey(), line);
          int size = en.getValue().asText("").length() * 3 / 4;
          out.reject(
              l,
              "binaryData key '"
                  + en.getKey()
                  + "' of "
                  + where
                  + " (about "
                  + size
                  + " bytes): binary values are counted but not stored");
        }
      }
    }

    private void entries(
        Target t, JsonNode data, long line, String where, boolean secret, boolean base64) {
      if (!data.isObject()) {
        if (!data.isMissingNode() && !data.isNull()) {
          out.reject(line, "'data' of " + where + " is not a map of keys");
        }
        return;
      }
      Map<String, Long> lines = keyLines.getOrDefault(data, Map.of());
      Iterator<Map.Entry<String, JsonNode>> it = data.fields();
      while (it.hasNext()) {
        var en = it.next();
        String key = en.getKey();
        long l = lines.getOrDefault(key, line);
        JsonNode v = en.getValue();
        List<String> notes = new ArrayList<>();
        notes.add("from " + where);
        String value;
        if (v.isNull()) {
          value = "";
        } else if (v.isContainerNode()) {
          out.reject(
              l,
              "'"
                  + key
                  + "' of "
                  + where
                  + " holds a "
                  + (v.isArray() ? "list" : "map")
                  + "; ConfigMap values are strings");
          continue;
        } else {
          value = v.asText();
        }
        String secretWhy = null;
        if (secret) {
          if (base64) {
            try {
              value = new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
              notes.add("the value is not valid base64; the digest is of the text as written");
            }
          }
          secretWhy =
              "value of a Kubernetes Secret: stored as a SHA-256 digest prefix, never in "
                  + "clear";
        }
        String prev =
            seenKeys.size() < MAX_KEYS_TRACKED
                ? seenKeys.putIfAbsent(t.service() + "|" + t.rawEnvironment() + "|" + key, where)
                : null;
        if (prev != null && !prev.equals(where)) {
          sink.warn(
              "key '"
                  + key
                  + "' is in both "
                  + prev
                  + " and "
                  + where
                  + " for the same "
                  + "service and environment; the later one wins on import");
        }
        out.entry(t, key, value, l, notes, secretWhy);
      }
    }

    private Target target(JsonNode obj) {
      Target t = Target.fromName(source, ctx, true).orFileTime(source, ctx);
      JsonNode md = obj.path("metadata");
      String ns = JsonStream.text(md, "namespace");
      if (ns != null && Target.isKnownEnvironment(ctx, ns)) {
        t.environment(ns, "metadata.namespace");
      }
      for (String l : new String[] {"env", "environment"}) {
        String v = JsonStream.text(md.path("labels"), l);
        if (v != null) {
          t.environment(v, "label " + l);
        }
      }
      String annEnv = JsonStream.text(md.path("annotations"), "rehearsal.dev/environment");
      if (annEnv != null) {
        t.environment(annEnv, "annotation rehearsal.dev/environment");
      }
      for (String l : new String[] {"service", "app", "app.kubernetes.io/name"}) {
        String v = JsonStream.text(md.path("labels"), l);
        if (v != null) {
          t.service(v, "label " + l);
        }
      }
      String annSvc = JsonStream.text(md.path("annotations"), "rehearsal.dev/service");
      if (annSvc != null) {
        t.service(annSvc, "annotation rehearsal.dev/service");
      }
      Instant latest = null;
      List<String> latestNotes = new ArrayList<>();
      for (JsonNode mf : md.path("managedFields")) {
        String time = JsonStream.text(mf, "time");
        if (time == null) {
          continue;
        }
        try {
          List<String> n = new ArrayList<>();
          Instant at = ctx.instant(time, n);
          if (latest == null || at.isAfter(latest)) {
            latest = at;
            latestNotes = n;
          }
        } catch (TimeParseException e) {
          sink.warn(
              "metadata.managedFields time '" + time + "' is not readable: " + e.getMessage());
        }
      }
      if (latest != null) {
        t.asOf(latest, "the last change in metadata.managedFields", latestNotes);
      }
      String annAt = JsonStream.text(md.path("annotations"), "rehearsal.dev/as-of");
      if (annAt != null) {
        try {
          List<String> n = new ArrayList<>();
          t.asOf(ctx.instant(annAt, n), "annotation rehearsal.dev/as-of", n);
        } catch (TimeParseException e) {
          sink.warn(
              "annotation rehearsal.dev/as-of '" + annAt + "' is not readable: " + e.getMessage());
        }
      }
      return t.withHints(ctx.hints());
    }
  }
}
