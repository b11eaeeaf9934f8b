package dev.rehearsal.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Incident;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.util.BytesRef;

/**
 * Reading stored incidents and findings without the fields that no table, report or figure shows,
 * when many are read at once: those fields are the longest part of the stored JSON, and making
 * objects of them cost most of the time and heap of reading a hundred thousand findings. What is
 * left out comes back empty.
 *
 * <ul>
 *   <li>an incident: its description, postmortem, labels and url;
 *   <li>a finding: the alternatives the linker weighed, the staging evidence, the verdict's
 *       reasons, and each link's reasons and evidence (the link itself, the gaps' scores and their
 *       evidence stay).
 * </ul>
 *
 * Whatever shows one of those reads the record in full ({@link Records#get}).
 */
final class LeanReads {
  private LeanReads() {}

  @JsonIgnoreProperties({"description", "postmortem", "labels", "url"})
  private abstract static class IncidentFields {}

  @JsonIgnoreProperties({"alternatives", "stagingEvidence", "verdictReasons"})
  private abstract static class FindingFields {}

  @JsonIgnoreProperties({"alternatives", "stagingEvidence", "verdictReasons", "scores"})
  private abstract static class CountedFindingFields {}

  @JsonIgnoreProperties({"reasons", "evidence"})
  private abstract static class LinkFields {}

  private static final ObjectReader INCIDENT =
      Json.mapper().copy().addMixIn(Incident.class, IncidentFields.class).readerFor(Incident.class);

  private static final ObjectReader FINDING =
      Json.mapper()
          .copy()
          .addMixIn(Finding.class, FindingFields.class)
          .addMixIn(DeployLink.class, LinkFields.class)
          .readerFor(Finding.class);

  private static final ObjectReader FINDING_TO_COUNT =
      Json.mapper()
          .copy()
          .addMixIn(Finding.class, CountedFindingFields.class)
          .addMixIn(DeployLink.class, LinkFields.class)
          .readerFor(Finding.class);

  /** An incident without its description, postmortem, labels and url. */
  static Incident incident(BytesRef json) {
    return read(INCIDENT, json, "Incident");
  }

  /**
   * A finding without its alternatives, staging evidence, verdict reasons and the links' reasons
   * and evidence.
   */
  static Finding finding(BytesRef json) {
    return read(FINDING, json, "Finding");
  }

  /**
   * A finding with what counting it needs and no more: {@link #finding} without the gaps' scores
   * and their evidence either. Its verdict, gaps, links, services and review stay.
   */
  static Finding findingToCount(BytesRef json) {
    return read(FINDING_TO_COUNT, json, "Finding");
  }

  private static <T> T read(ObjectReader reader, BytesRef json, String what) {
    try {
      return reader.readValue(json.bytes, json.offset, json.length);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "a stored " + what + " cannot be read back: " + e.getMessage(), e);
    }
  }
}
