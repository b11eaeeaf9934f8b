package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.Importer;
import java.util.List;

/** The staging result importers, in detection order. */
public final class StagingImporters {
  private StagingImporters() {}

  public static List<Importer> all() {
    return List.of(
        new JUnitXmlImporter(),
        new TestNgXmlImporter(),
        new CucumberJsonImporter(),
        new AllureJsonImporter(),
        new K6SummaryImporter(),
        new JMeterCsvImporter(),
        new JMeterXmlImporter(),
        new GatlingLogImporter(),
        new LocustStatsImporter());
  }
}
