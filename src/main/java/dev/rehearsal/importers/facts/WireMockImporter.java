package dev.rehearsal.importers.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Json;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * WireMock stub mapping files (FORMATS.md section 14): a file under {@code mappings/} holding one
 * stub, or {@code {"mappings": [...]}}. The stubs say which dependency staging does not call for
 * real. One MOCK fact per dependency per file (usually one per file): subject = the dependency,
 * value = the file's stubs for it, e.g. {@code wiremock: 3 stubs (GET /v1/charges x2, POST
 * /v1/refunds) (file charge.json)}.
 *
 * <p>The dependency, per stub: {@code metadata.dependency} or {@code metadata.service}, else the
 * host of {@code response.proxyBaseUrl}, else the folder above {@code mappings/} ({@code
 * mocks/staging/checkout/stripe/mappings/charge.json} gives {@code stripe}), else the file name.
 * Service, environment and as-of come only from the hints (a {@code rehearsal.json} sidecar in the
 * mappings folder, an import manifest, or the import options): stub files do not say which
 * environment uses them, and none is assumed.
 *
 * <p>Several files for the same dependency give facts with the same identity
 * (service|environment|dependency|as-of): on import they upsert into one, the last file read
 * winning. The value names the file so it is clear which one that was.
 */
public final class WireMockImporter implements Importer {
  static final String ID = "wiremock-mappings";
  private static final int MAX_LISTED = 10;

  /** Dependencies kept per file while it is read (each is one pending fact). */
  private static final int MAX_GROUPS = 10_000;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "WireMock stub mappings (JSON)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.FACT;
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (sniff.jsonStart() != '{') {
      return NO;
    }
    Set<String> top = new HashSet<>();
    Set<String> firstMapping = new HashSet<>();
    try (JsonParser p = Json.parser(new StringReader(sniff.text()))) {
      int depth = 0;
      boolean inMappings = false;
      int mappingsDepth = -1;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
          if (inMappings && depth < mappingsDepth) {
            break;
          }
        } else if (t == JsonToken.FIELD_NAME) {
          if (depth == 1) {
            top.add(p.currentName());
            if (p.currentName().equals("mappings")) {
              inMappings = true;
              mappingsDepth = 2;
            }
          } else if (inMappings && depth == 3) {
            firstMapping.add(p.currentName());
          }
        }
        if (!firstMapping.isEmpty() && depth == 2) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // head cut mid-value: decide on what was read
    }
    if (top.contains("request") && top.contains("response")) {
      return CERTAIN;
    }
    if (top.contains("mappings")
        && firstMapping.contains("request")
        && firstMapping.contains("response")) {
      return CERTAIN;
    }
    if (top.contains("request")
        && sniff.hasAnyJsonKey("urlPath", "urlPattern", "urlPathPattern", "url")
        && sniff.hasAnyJsonKey("method")) {
      return LIKELY;
    }
    return NO;
  }

  private static final class Group {
    final String dependency;
    final String from;
    final long line;
    final long index;
    int stubs;
    final Map<String, Integer> listed = new LinkedHashMap<>();
    int unlisted;

    Group(String dependency, String from, long line, long index) {
      this.dependency = dependency;
      this.from = from;
      this.line = line;
      this.index = index;
    }
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    Map<String, Group> groups = new LinkedHashMap<>();
    String[] fallback = fallbackDependency(source);
    try {
      JsonStream.records(
          source,
          sink,
          Set.of("mappings"),
          (stub, line, i) -> {
            ctx.monitor().checkCancelled();
            if (!stub.isObject() || !stub.path("request").isObject()) {
              sink.reject(line, i, "a stub mapping without a 'request' object");
              return;
            }
            String[] dep = dependency(stub, fallback);
            if (!groups.containsKey(dep[0]) && groups.size() >= MAX_GROUPS) {
              sink.reject(
                  line,
                  i,
                  "stub for '"
                      + dep[0]
                      + "': the file already names "
                      + MAX_GROUPS
                      + " dependencies; split it to import more");
              return;
            }
            Group g = groups.computeIfAbsent(dep[0], k -> new Group(k, dep[1], line, i));
            g.stubs++;
            String d = describe(stub);
            if (g.listed.containsKey(d) || g.listed.size() < MAX_LISTED) {
              g.listed.merge(d, 1, Integer::sum);
            } else {
              g.unlisted++;
            }
          });
    } finally {
      emit(groups, source, ctx, sink);
    }
  }

  private void emit(
      Map<String, Group> groups, ImportSource source, ImportContext ctx, RecordSink sink) {
    Target t = Target.empty().withHints(ctx.hints());
    List<String> missing = new ArrayList<>();
    if (t.rawEnvironment().isEmpty()) {
      missing.add("no environment (--env)");
    }
    if (t.asOf() == null) {
      missing.add("no as-of time (--at)");
    }
    String problem =
        missing.isEmpty()
            ? null
            : String.join(" and ", missing)
                + " for these "
                + "stubs: stub files do not say where they are used, so give it with the import "
                + "options, a rehearsal.json sidecar in the mappings folder ({\"service\": ..., "
                + "\"environment\": ..., \"time\": ...}) or an import manifest";
    for (Group g : groups.values()) {
      if (problem != null) {
        sink.reject(
            g.line,
            g.index,
            "mock of '"
                + g.dependency
                + "' ("
                + g.stubs
                + " stub"
                + (g.stubs == 1 ? "" : "s")
                + "): "
                + problem);
        continue;
      }
      List<String> parts = new ArrayList<>();
      g.listed.forEach((d, n) -> parts.add(n > 1 ? d + " x" + n : d));
      if (g.unlisted > 0) {
        parts.add("and " + g.unlisted + " more");
      }
      String value =
          "wiremock: "
              + g.stubs
              + (g.stubs == 1 ? " stub (" : " stubs (")
              + String.join(", ", parts)
              + ") (file "
              + source.fileName()
              + ")";
      List<String> notes = new ArrayList<>(t.notes());
      notes.add("dependency from " + g.from);
      sink.accept(
          Facts.fact(
              FactType.MOCK,
              t.service(),
              t.environment(ctx),
              g.dependency,
              value,
              Double.NaN,
              t.asOf(),
              source,
              g.line,
              g.index,
              ID,
              notes));
    }
  }

  /** Dependency name and where it came from, for one stub. */
  private static String[] dependency(JsonNode stub, String[] fallback) {
    for (String k : new String[] {"dependency", "service"}) {
      String v = JsonStream.text(stub.path("metadata"), k);
      if (v != null && !Texts.cleanId(v).isEmpty()) {
        return new String[] {Texts.cleanId(v).toLowerCase(Locale.ROOT), "metadata." + k};
      }
    }
    String proxy = JsonStream.text(stub.path("response"), "proxyBaseUrl");
    if (proxy != null) {
      try {
        String host = URI.create(proxy.strip()).getHost();
        if (host != null && !host.isBlank()) {
          host = host.toLowerCase(Locale.ROOT);
          String vendor = MockDetector.domainVendor(host);
          return new String[] {vendor != null ? vendor : host, "response.proxyBaseUrl"};
        }
      } catch (IllegalArgumentException e) {
        // not a URL: fall through to the folder name
      }
    }
    return fallback;
  }

  /** The folder above mappings/, else the file name without extension. */
  static String[] fallbackDependency(ImportSource source) {
    String[] parts = source.displayName().replace('\\', '/').replace("!/", "/").split("/");
    for (int i = parts.length - 2; i >= 1; i--) {
      if (parts[i].equalsIgnoreCase("mappings")) {
        String dep = Texts.cleanId(parts[i - 1]).toLowerCase(Locale.ROOT);
        if (!dep.isEmpty() && !dep.equals(".") && !dep.equals("..")) {
          return new String[] {dep, "the folder above mappings/"};
        }
      }
    }
    String name = source.fileName();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return new String[] {Texts.cleanId(stem).toLowerCase(Locale.ROOT), "the file name"};
  }

  /** scheme://host:port of a URL, without user, password, path or query. */
  private static String origin(String url) {
    try {
      URI u = URI.create(url.strip());
      if (u.getHost() != null) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    return "(unreadable URL)";
  }

  /** "GET /v1/charges" for a stub; "proxy to https://..." added for proxies. */
  private static String describe(JsonNode stub) {
    JsonNode req = stub.path("request");
    String method = JsonStream.text(req, "method");
    String url =
        JsonStream.firstText(
            req, "url", "urlPath", "urlPattern", "urlPathPattern", "urlPathTemplate");
    StringBuilder sb =
        new StringBuilder(method == null ? "ANY" : Texts.cleanId(method).toUpperCase(Locale.ROOT));
    sb.append(' ').append(url == null ? "(any URL)" : Texts.cleanId(Texts.truncate(url, 120)));
    String proxy = JsonStream.text(stub.path("response"), "proxyBaseUrl");
    if (proxy != null) {
      sb.append(" -> proxy ").append(origin(proxy));
    }
    return sb.toString();
  }
}
