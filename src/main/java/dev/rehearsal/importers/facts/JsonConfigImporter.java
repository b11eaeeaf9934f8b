package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.Sniff;
import java.io.IOException;
import java.io.Reader;

/**
 * JSON configuration snapshots (a nested object of settings, {@code appsettings.json}, {@code
 * config/production.json}). Claimed only weakly, only for a top-level object that is not a
 * Kubernetes object, and only when the file's name says configuration: any JSON object can be
 * flattened into keys, so without the name a page of API records or a test report would be read as
 * one (and every key rejected for want of an environment). A name that gives only an environment
 * ({@code production.json}, {@code test.json}) is not enough for a file whose head holds a list of
 * objects at the top: that is records. Unknown JSON is then skipped, with a hint to map it.
 */
public final class JsonConfigImporter extends TreeConfigImporter {
  static final String ID = "config-json";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Configuration snapshot (JSON)";
  }

  @Override
  void flatten(Reader reader, YamlEvents.FlatHandler h) throws IOException, ImportException {
    JsonStream.flatten(reader, h);
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (sniff.jsonStart() != '{' || sniff.jsonKeys().isEmpty()) {
      return NO;
    }
    if (sniff.hasJsonKeys("apiVersion", "kind") || sniff.looksLikeRehearsalSettings()) {
      return NO;
    }
    if (sniff.lines(200).stream().filter(l -> l.startsWith("{")).count() > 1) {
      return NO; // JSON Lines: records, not one configuration
    }
    String name = sniff.lowerName();
    if (CONFIG_WORD.matcher(name).find()) {
      return WEAK;
    }
    if (ENVIRONMENT_WORD.matcher(name).find() && !topLevelRecords(sniff)) {
      return WEAK;
    }
    return NO;
  }

  /** Whether a value at the top of the object is a list of objects (records, not settings). */
  private static boolean topLevelRecords(Sniff sniff) {
    try (com.fasterxml.jackson.core.JsonParser p =
        dev.rehearsal.util.Json.parser(new java.io.StringReader(sniff.text()))) {
      int depth = 0;
      com.fasterxml.jackson.core.JsonToken t;
      boolean listAtTop = false;
      while ((t = p.nextToken()) != null) {
        if (t == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
          if (listAtTop && depth == 2) {
            return true;
          }
          depth++;
        } else if (t == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
          listAtTop = depth == 1;
          depth++;
        } else if (t == com.fasterxml.jackson.core.JsonToken.END_OBJECT
            || t == com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
          depth--;
          listAtTop = false;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the head is cut off: what was read decides
    }
    return false;
  }

  /** Names that say configuration: appsettings.json, config.json, application.json ... */
  private static final java.util.regex.Pattern CONFIG_WORD =
      java.util.regex.Pattern.compile("config|settings|application|properties|values|\\.env");

  /** Names that give an environment: production.json, checkout.staging.json, test.json ... */
  private static final java.util.regex.Pattern ENVIRONMENT_WORD =
      java.util.regex.Pattern.compile(
          "(^|[.\\-_])(prod|production|staging|stage|stg|uat|preprod|qa|test|dev|development)"
              + "[.\\-_]");
}
