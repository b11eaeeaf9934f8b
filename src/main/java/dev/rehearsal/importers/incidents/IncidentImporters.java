package dev.rehearsal.importers.incidents;

import dev.rehearsal.importers.Importer;
import java.util.List;

/** The incident importers, in detection order. */
public final class IncidentImporters {
  private IncidentImporters() {}

  public static List<Importer> all() {
    return List.of(
        new PagerDutyJsonImporter(),
        new PagerDutyDevLakeCsvImporter(),
        new PagerDutyCsvImporter(),
        new OpsgenieJsonImporter(),
        new OpsgenieDevLakeCsvImporter(),
        new OpsgenieCsvImporter(),
        new IncidentIoJsonImporter(),
        new IncidentIoCsvImporter(),
        new FireHydrantJsonImporter(),
        new RootlyJsonImporter(),
        new JiraJsonImporter(),
        new JiraCsvImporter(),
        new ServiceNowJsonImporter(),
        new ServiceNowCsvImporter());
  }
}
