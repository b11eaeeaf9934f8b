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
 * host of {@code response.proxyBaseUrl}, else a known vendor the file name starts with ({@code
 * stripe-1.json}), else the folder above {@code mappings/} ({@code
 * mocks/staging/checkout/stripe/mappings/charge.json} gives {@code stripe}), else the file name.
 * Service, environment and as-of come from the hints (a {@code rehearsal.json} sidecar in the
 * mappings folder, an import manifest, or the import options). Without them: the service is the
 * folder above {@code mappings/} when the file name named the vendor ({@code
 * mocks/payments/mappings/stripe-1.json}); the environment is taken as staging (stubs stand in for
 * a dependency outside production) and the as-of time as the file's modification time, each marked
 * as assumed on the record and said in the import report.
 *
 * <p>Several files for the same dependency give facts with the same identity
 * (service|environment|dependency|as-of): on import they upsert into one, the last file read
 * winning. The value names the file so it is clear which one that was.
 */
public final class WireMockImporter implements Importer {
  static final String ID = "wiremock-mappings";

  /** The environment stubs are taken to serve when nothing says which. */
  static final String ASSUMED_ENVIRONMENT = "staging";

  static final String ENVIRONMENT_ASSUMED_NOTE =
      "environment assumed: nothing says where these stubs are used; stubs stand in for a "
          + "dependency outside production, so staging";
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
    Target t = Target.empty().orFileTime(source, ctx).withHints(ctx.hints());
    String folderService = serviceFromFolder(source);
    if (t.service().isEmpty() && folderService != null) {
      t.service(folderService, "the folder above mappings/");
    }
    boolean environmentAssumed = false;
    if (t.rawEnvironment().isEmpty()) {
      // stubs stand in for a dependency outside production; which environment is not said
      t.environment(ASSUMED_ENVIRONMENT, null);
      environmentAssumed = true;
    }
    String problem = t.problem();
    if (problem == null && !groups.isEmpty()) {
      String assumed = t.assumedWarning();
      if (assumed != null) {
        sink.warn(assumed);
      }
      if (environmentAssumed) {
        sink.warn(
            "no environment given for these stubs: taken as "
                + ASSUMED_ENVIRONMENT
                + " and marked as assumed; "
                + Target.HOW_ENV);
      }
    }
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
      if (environmentAssumed) {
        notes.add(ENVIRONMENT_ASSUMED_NOTE);
      }
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

  /**
   * The dependency a file's stubs stand in for when the stubs do not say: a known vendor that the
   * file name starts with ({@code stripe-1.json}), else the folder above {@code mappings/} ({@code
   * .../stripe/mappings/stub-1.json}), else the file name without extension.
   */
  static String[] fallbackDependency(ImportSource source) {
    String vendor = vendorOfFileName(source);
    if (vendor != null) {
      return new String[] {vendor, "the file name"};
    }
    String folder = folderAboveMappings(source);
    if (folder != null) {
      return new String[] {folder, "the folder above mappings/"};
    }
    String name = source.fileName();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return new String[] {Texts.cleanId(stem).toLowerCase(Locale.ROOT), "the file name"};
  }

  /**
   * The service a file's stubs belong to when no hint says: the folder above {@code mappings/},
   * when the file name already names the dependency ({@code mocks/payments/mappings/stripe-1.json}
   * is payments' stub of Stripe); else null.
   */
  static String serviceFromFolder(ImportSource source) {
    if (vendorOfFileName(source) == null) {
      return null;
    }
    String folder = folderAboveMappings(source);
    return folder == null || MockDetector.vendorIn(List.of(folder)) != null ? null : folder;
  }

  private static String vendorOfFileName(ImportSource source) {
    String name = source.fileName();
    int dot = name.lastIndexOf('.');
    String stem = (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    List<String> words = Secrets.words(stem);
    return words.isEmpty() ? null : MockDetector.vendorIn(words.subList(0, 1));
  }

  private static String folderAboveMappings(ImportSource source) {
    String[] parts = source.displayName().replace('\\', '/').replace("!/", "/").split("/");
    for (int i = parts.length - 2; i >= 1; i--) {
      if (parts[i].equalsIgnoreCase("mappings")) {
        String dep = Texts.cleanId(parts[i - 1]).toLowerCase(Locale.ROOT);
        if (!dep.isEmpty() && !dep.equals(".") && !dep.equals("..")) {
          return dep;
        }
      }
    }
    return null;
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
