package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.Sniff;
import java.io.IOException;
import java.io.Reader;

/**
 * JSON configuration snapshots (a nested object of settings, {@code appsettings.json}, {@code
 * config/production.json}). Recognised only weakly and only for a top-level object that is not a
 * Kubernetes object: every other JSON format Rehearsal reads wins over it.
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
    return CONFIG_NAME.matcher(sniff.lowerName()).find() ? WEAK : WEAK / 2;
  }

  /** Names that say "configuration": appsettings.json, config/production.json, ... */
  private static final java.util.regex.Pattern CONFIG_NAME =
      java.util.regex.Pattern.compile(
          "config|settings|application|properties|values|\\.env|(^|[.\\-_])(prod|production|"
              + "staging|stage|stg|uat|preprod|qa|test|dev|development)[.\\-_]");
}
