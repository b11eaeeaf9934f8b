package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.Sniff;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.regex.Pattern;

/**
 * YAML configuration snapshots ({@code application-staging.yml}, Helm values, any nested map of
 * settings), including multi-document files. Recognised only weakly: any other family's YAML format
 * wins, and Kubernetes objects other than ConfigMaps are left alone.
 */
public final class YamlConfigImporter extends TreeConfigImporter {
  static final String ID = "config-yaml";
  private static final Pattern YAML_KEY =
      Pattern.compile("^(?:- )?[\"']?[A-Za-z0-9_.\\-/\\[\\]$@]+[\"']?\\s*:(?:\\s.*)?$");
  private static final Pattern K8S_KIND = Pattern.compile("(?m)^kind:\\s*\\S+");
  private static final Pattern K8S_API = Pattern.compile("(?m)^apiVersion:\\s*\\S+");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Configuration snapshot (YAML)";
  }

  @Override
  void flatten(Reader reader, YamlEvents.FlatHandler h) throws IOException, ImportException {
    YamlEvents.flatten(reader, h);
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (sniff.isBinary() || sniff.looksLikeJson() || sniff.looksLikeXml()) {
      return NO;
    }
    String text = sniff.text();
    if (K8S_KIND.matcher(text).find() && K8S_API.matcher(text).find()) {
      return NO; // a Kubernetes object: ConfigMaps have their own importer, others are not config
    }
    List<String> lines = sniff.lines(60);
    int considered = 0;
    int yaml = 0;
    for (String raw : lines) {
      String t = raw.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      considered++;
      if (t.equals("---")
          || t.startsWith("--- ")
          || YAML_KEY.matcher(t).matches()
          || t.startsWith("- ")) {
        yaml++;
      }
    }
    if (considered == 0) {
      return sniff.nameEndsWith(".yml", ".yaml") ? WEAK : NO;
    }
    if (yaml < 0.6 * considered) {
      return NO;
    }
    boolean nested = lines.stream().anyMatch(l -> l.startsWith("  ") || l.startsWith("\t"));
    boolean colonKeys =
        lines.stream()
            .anyMatch(l -> YAML_KEY.matcher(l.strip()).matches() && l.strip().contains(":"));
    if (!colonKeys) {
      return NO;
    }
    return sniff.nameEndsWith(".yml", ".yaml") || nested ? WEAK + 5 : WEAK;
  }
}
