package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.importers.support.Ids;
import dev.rehearsal.model.LoadSummary;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.model.TestSummary;
import dev.rehearsal.util.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a parse found for one run, turned into a {@link StagingRun} (or a rejection) the same way
 * for every format: the file's own service, environment, version, commit and time win; what the
 * file leaves open comes from the hints (sidecar, manifest, command line); a run whose time is
 * known from neither is rejected; a run without service or version is still imported, with a note
 * saying how to name them.
 */
final class RunDraft {
  final TargetFacts facts = new TargetFacts();
  final List<String> notes = new ArrayList<>();

  /** The run's start as the file states it, or null. */
  Instant startedAt;

  /** Why the file gives no start time (used in the rejection when hints give none either). */
  String noTimeReason = "the file does not say when the run started";

  RunType type = RunType.TESTS;
  String suite = "";
  double durationSeconds = Double.NaN;
  TestSummary tests = TestSummary.NONE;
  LoadSummary load;
  long line = 1;
  long index;

  /** More parts for the source id when the usual ones do not tell runs of one file apart. */
  final List<String> idParts = new ArrayList<>();

  void note(String n) {
    if (n != null && !n.isBlank() && !notes.contains(n)) {
      notes.add(n);
    }
  }

  /**
   * Sends the run to the sink, or a rejection when no start time is known.
   *
   * @return whether a run was accepted
   */
  boolean emit(
      Importer importer, String source, ImportSource file, ImportContext ctx, RecordSink sink) {
    TargetHints h = ctx.hints() == null ? TargetHints.NONE : ctx.hints();
    List<String> fromHints = new ArrayList<>();
    String service = pick(facts.get(TargetFacts.Field.SERVICE), h.service(), "service", fromHints);
    String rawEnv =
        pick(facts.get(TargetFacts.Field.ENVIRONMENT), h.environment(), "environment", fromHints);
    String version = pick(facts.get(TargetFacts.Field.VERSION), h.version(), "version", fromHints);
    String commit = pick(facts.get(TargetFacts.Field.COMMIT), h.commit(), "commit", fromHints);
    Instant start = startedAt;
    if (start == null && h.at() != null) {
      start = h.at();
      fromHints.add("run time");
    }
    if (start == null) {
      sink.reject(
          line,
          index,
          "no run time: "
              + noTimeReason
              + "; give it with --at, a sidecar NAME.rehearsal.json or an import manifest");
      return false;
    }
    List<String> all = new ArrayList<>(notes);
    all.addAll(facts.conflicts());
    if (!fromHints.isEmpty()) {
      String origin =
          h.origin() == null || h.origin().isBlank() ? "the import's hints" : h.origin();
      all.add(
          String.join(", ", fromHints)
              + " taken from "
              + origin
              + " (the file does not state "
              + (fromHints.size() == 1 ? "it" : "them")
              + ")");
    }
    if (service.isEmpty()) {
      all.add("no service stated: give it with --service, a sidecar or a manifest");
    }
    if (version.isEmpty()) {
      all.add("no version stated: give it with --version, a sidecar or a manifest");
    }
    if (rawEnv.isEmpty()) {
      all.add("no environment stated: give it with --env, a sidecar or a manifest");
    }
    List<String> parts =
        new ArrayList<>(
            List.of(
                source,
                service,
                rawEnv,
                version,
                Texts.cleanId(suite),
                start.toString(),
                Texts.cleanId(file.fileName())));
    parts.addAll(idParts);
    String sourceId = Ids.digest(parts.toArray(new String[0]));
    Provenance prov =
        new Provenance(file.displayName(), line, index, importer.id(), sourceId, dedup(all));
    sink.accept(
        new StagingRun(
            source,
            sourceId,
            service,
            ctx.environment(rawEnv),
            version,
            commit,
            type,
            Texts.cleanId(suite),
            start,
            durationSeconds,
            tests,
            load,
            prov));
    return true;
  }

  private static String pick(String own, String hint, String what, List<String> fromHints) {
    if (own != null && !own.isBlank()) {
      return Texts.cleanId(own);
    }
    String h = Texts.cleanId(hint);
    if (!h.isEmpty()) {
      fromHints.add(what);
    }
    return h;
  }

  private static List<String> dedup(List<String> in) {
    List<String> out = new ArrayList<>();
    for (String s : in) {
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
