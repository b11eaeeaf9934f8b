package dev.rehearsal.importers.incidents;

import java.util.List;
import java.util.Set;

/**
 * Which Jira fields mean what for an incident, by (normalised) field name, in the languages Jira
 * exports in. Shared by the CSV and the REST JSON importers.
 */
final class JiraFields {
  private JiraFields() {}

  private static final Set<String> ONSET_WHEN =
      Set.of(
          "start",
          "started",
          "starts",
          "began",
          "begin",
          "beginning",
          "onset",
          "debut",
          "beginn",
          "inicio",
          "comienzo");
  private static final Set<String> ONSET_WHAT =
      Set.of(
          "incident",
          "impact",
          "outage",
          "downtime",
          "panne",
          "incidente",
          "storung",
          "stoerung",
          "ausfall",
          "impacto",
          "interruption",
          "storungsbeginn");
  private static final List<String> POSTMORTEM =
      List.of(
          "root cause",
          "postmortem",
          "post mortem",
          "retrospective",
          "cause racine",
          "cause premiere",
          "ursache",
          "grundursache",
          "causa raiz",
          "causa principal",
          "resolution note",
          "resolution notes",
          "resolution details",
          "rca");

  /** Whether a normalised field name reads like an impact-start time ("Incident start"). */
  static boolean isOnset(String normName) {
    boolean when = false;
    boolean what = false;
    for (String w : normName.split(" ")) {
      when |= ONSET_WHEN.contains(w);
      what |= ONSET_WHAT.contains(w);
    }
    return when && what || normName.contains("storungsbeginn");
  }

  /** Whether a normalised field name reads like postmortem or root-cause text. */
  static boolean isPostmortem(String normName) {
    String padded = " " + normName + " ";
    for (String p : POSTMORTEM) {
      if (padded.contains(" " + p + " ")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a normalised field name reads like an affected-service field. */
  static boolean isService(String normName) {
    for (String w : normName.split(" ")) {
      if (w.equals("service")
          || w.equals("services")
          || w.equals("servicio")
          || w.equals("servicios")
          || w.equals("dienst")
          || w.equals("dienste")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a normalised field name reads like a severity field. */
  static boolean isSeverity(String normName) {
    for (String w : normName.split(" ")) {
      if (w.equals("severity")
          || w.equals("gravite")
          || w.equals("schweregrad")
          || w.equals("severidad")
          || w.equals("gravedad")) {
        return true;
      }
    }
    return false;
  }

  /** The name inside "Custom field (NAME)", normalised; the whole name otherwise. */
  static String customName(String normHeader) {
    return normHeader.startsWith("custom field ") ? normHeader.substring(13) : normHeader;
  }
}
