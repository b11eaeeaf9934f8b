package dev.rehearsal.importers;

import dev.rehearsal.settings.DateOrder;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What the user states for an import.
 *
 * @param naiveZone zone for timestamps written without one (flagged on each record)
 * @param dateOrder day/month order for numeric dates; AUTO decides per file and refuses to guess
 * @param hints service, environment, version, commit and time for result files that do not say them
 *     (lowest priority: a file's own values, its sidecar and the import manifest win)
 * @param format an importer id that overrides detection, or null
 * @param mapping the name of a saved column mapping for the generic importers, or null
 * @param manifest an import manifest file, or null (manifests found in imported folders are used
 *     too)
 * @param strict any rejected record makes the import fail
 * @param limits bounds for archives
 * @param stated service, environment, version, commit and time stated for single files, by the name
 *     the plan shows for each (the import window's "fill in for the selected files"); carried as an
 *     import manifest carries them: a file's own values and its sidecars win, and they fill what a
 *     manifest found among the inputs left blank
 */
public record ImportOptions(
    ZoneId naiveZone,
    DateOrder dateOrder,
    TargetHints hints,
    String format,
    String mapping,
    Path manifest,
    boolean strict,
    ArchiveLimits limits,
    Map<String, TargetHints> stated) {

  public ImportOptions {
    naiveZone = naiveZone == null ? ZoneOffset.UTC : naiveZone;
    stated = stated == null ? Map.of() : Map.copyOf(stated);
    dateOrder = dateOrder == null ? DateOrder.AUTO : dateOrder;
    hints = hints == null ? TargetHints.NONE : hints;
    limits = limits == null ? ArchiveLimits.DEFAULT : limits;
  }

  public ImportOptions(
      ZoneId naiveZone,
      DateOrder dateOrder,
      TargetHints hints,
      String format,
      String mapping,
      Path manifest,
      boolean strict,
      ArchiveLimits limits) {
    this(naiveZone, dateOrder, hints, format, mapping, manifest, strict, limits, Map.of());
  }

  public static ImportOptions defaults() {
    return new ImportOptions(null, null, null, null, null, null, false, null);
  }

  public ImportOptions withHints(TargetHints h) {
    return new ImportOptions(
        naiveZone, dateOrder, h, format, mapping, manifest, strict, limits, stated);
  }

  public ImportOptions withFormat(String f) {
    return new ImportOptions(
        naiveZone, dateOrder, hints, f, mapping, manifest, strict, limits, stated);
  }

  public ImportOptions withMapping(String m) {
    return new ImportOptions(
        naiveZone, dateOrder, hints, format, m, manifest, strict, limits, stated);
  }

  public ImportOptions withDateOrder(DateOrder o) {
    return new ImportOptions(
        naiveZone, o, hints, format, mapping, manifest, strict, limits, stated);
  }

  public ImportOptions withNaiveZone(ZoneId z) {
    return new ImportOptions(
        z, dateOrder, hints, format, mapping, manifest, strict, limits, stated);
  }

  public ImportOptions withManifest(Path m) {
    return new ImportOptions(
        naiveZone, dateOrder, hints, format, mapping, m, strict, limits, stated);
  }

  public ImportOptions withStrict(boolean s) {
    return new ImportOptions(
        naiveZone, dateOrder, hints, format, mapping, manifest, s, limits, stated);
  }

  public ImportOptions withLimits(ArchiveLimits l) {
    return new ImportOptions(
        naiveZone, dateOrder, hints, format, mapping, manifest, strict, l, stated);
  }

  /** These options with what was stated for single files (see {@code stated}). */
  public ImportOptions withStated(Map<String, TargetHints> s) {
    return new ImportOptions(
        naiveZone, dateOrder, hints, format, mapping, manifest, strict, limits, s);
  }

  /** What was stated for the file the plan names so, or NONE. */
  public TargetHints statedFor(String file) {
    return stated.getOrDefault(file, TargetHints.NONE);
  }

  /**
   * Bounds on what an archive may hold before it is refused: entries, total uncompressed bytes, and
   * the ratio of uncompressed to compressed size for any one entry (zip bombs).
   */
  public record ArchiveLimits(int maxEntries, long maxTotalBytes, double maxRatio) {
    public static final ArchiveLimits DEFAULT =
        new ArchiveLimits(100_000, 8L * 1024 * 1024 * 1024, 200.0);
  }
}
