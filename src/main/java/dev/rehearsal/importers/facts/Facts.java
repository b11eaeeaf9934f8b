package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.util.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds facts with their provenance; shared by the fact and generic importers. */
public final class Facts {
  /** Longest configuration value kept in clear; longer ones are cut and carry a digest. */
  public static final int MAX_VALUE = 10_000;

  private Facts() {}

  /**
   * A fact. The provenance's source id is the fact's own identity
   * (service|environment|subject|as-of), which is what re-imports upsert on.
   */
  public static EnvironmentFact fact(
      FactType type,
      String service,
      String environment,
      String subject,
      String value,
      double number,
      Instant asOf,
      ImportSource source,
      long line,
      long index,
      String format,
      List<String> notes) {
    String svc = Texts.cleanId(service);
    String env = Texts.cleanId(environment);
    String subj = Texts.cleanId(subject);
    String id = svc + "|" + env + "|" + subj + "|" + asOf.toEpochMilli();
    Provenance p =
        new Provenance(
            source.displayName(),
            line,
            index,
            format,
            id,
            notes == null ? List.of() : new ArrayList<>(notes));
    return new EnvironmentFact(type, svc, env, subj, value, number, asOf, p);
  }

  /**
   * A configuration value as it may be stored: secrets as a digest, long values cut with a digest
   * of the whole, other values cleaned of invisible characters. Notes say what was done.
   */
  public static String storedConfigValue(String key, String raw, List<String> notes) {
    String value = raw == null ? "" : raw;
    if (value.isEmpty()) {
      return "";
    }
    if (Secrets.isSecretKey(key)) {
      notes.add(
          "secret-looking key: the value is stored as a SHA-256 digest prefix, never in "
              + "clear");
      return Secrets.digest(value);
    }
    String why = Secrets.secretValue(value);
    if (why != null) {
      notes.add(why + ": stored as a SHA-256 digest prefix, never in clear");
      return Secrets.digest(value);
    }
    String inside = Secrets.secretInside(value);
    if (inside != null) {
      notes.add(
          "the value holds a secret-looking entry ("
              + inside
              + "): stored as a SHA-256 "
              + "digest prefix, never in clear");
      return Secrets.digest(value);
    }
    String clean = Texts.cleanText(value);
    if (clean.length() > MAX_VALUE) {
      notes.add(
          "value of "
              + clean.length()
              + " characters cut to "
              + MAX_VALUE
              + "; the digest at its end is of the whole value");
      return Texts.truncate(clean, MAX_VALUE) + " (" + Secrets.digest(value) + ")";
    }
    return clean;
  }
}
