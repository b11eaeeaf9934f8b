package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.FactType;
import java.util.List;

/**
 * Peak requests per second per service per environment (docs/formats/facts.md, "traffic-csv"):
 * {@code environment,service,peak_rps,as_of}. One TRAFFIC_PEAK fact per row: subject {@code
 * peak_rps}, number = the peak.
 */
public final class TrafficCsvImporter extends FactCsvImporter {
  static final String ID = "traffic-csv";
  static final Column PEAK =
      new Column(
          "peak_rps",
          List.of(
              "peak_rps",
              "peakrps",
              "peak",
              "rps",
              "max_rps",
              "peak_requests_per_second",
              "requests_per_second",
              "peak_req_s"));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Traffic facts (peak requests per second CSV)";
  }

  @Override
  public int recognizes(Sniff sniff) {
    return score(sniff);
  }

  @Override
  FactType type() {
    return FactType.TRAFFIC_PEAK;
  }

  @Override
  Column numberColumn() {
    return PEAK;
  }

  @Override
  Column subjectColumn() {
    return null;
  }

  @Override
  String fixedSubject() {
    return "peak_rps";
  }

  @Override
  boolean serviceRequired() {
    return true;
  }

  @Override
  boolean wholeNumbers() {
    return false;
  }
}
