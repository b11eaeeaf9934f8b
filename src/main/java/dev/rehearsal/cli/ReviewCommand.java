package dev.rehearsal.cli;

import dev.rehearsal.app.Reviews;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rehearsal review INCIDENT}: a reviewer confirms or corrects the analysis. */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description =
        "Confirm or correct what the analysis says about an incident. Reviews are "
            + "kept in the workspace, survive re-import and re-analysis, and win over the engine."
            + " With --store, the review is made in this machine's copy of the team workspace"
            + " (copied first when there is none) and written to the team workspace at once.")
final class ReviewCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Mixin StoreOptions storeOptions;

  @Parameters(
      index = "0",
      paramLabel = "INCIDENT",
      description =
          "Incident key (incident/pagerduty/Q1ABC), source/id (pagerduty/Q1ABC) "
              + "or the id its tool shows (OPS-126)")
  String incident;

  @Option(names = "--confirm", description = "Confirm the engine's link, verdict and gaps")
  boolean confirm;

  @Option(
      names = "--verdict",
      description =
          "escape, failed_but_shipped, not_staged, "
              + "staged_untested, not_change_related or unknown")
  String verdict;

  @Option(
      names = "--gaps",
      split = ",",
      description = "Gaps, most important first (data, " + "traffic, config, mocks, unexplained)")
  List<String> gaps;

  @Option(
      names = "--link",
      split = ",",
      paramLabel = "DEPLOY",
      description = "The deploy(s) that caused it (deploy/gitlab/123 or gitlab/123)")
  List<String> links;

  @Option(names = "--no-link", description = "No change caused it")
  boolean noLink;

  @Option(names = "--note", description = "Why")
  String note = "";

  @Option(names = "--reviewer", description = "Who reviews (default: the user name)")
  String reviewer = System.getProperty("user.name", "");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (noLink && links != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--link and --no-link exclude each other");
    }
    if (!confirm && verdict == null && gaps == null && links == null && !noLink) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "say what the review decides: --confirm, --verdict, --gaps, --link or --no-link");
    }
    Verdict v;
    List<Gap> g = null;
    try {
      v = verdict == null ? null : Verdict.parse(verdict);
      if (gaps != null) {
        g = new ArrayList<>();
        for (String s : gaps) {
          g.add(Gap.parse(s));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    dev.rehearsal.app.TeamStore store = storeOptions.given() ? storeOptions.resolve(spec) : null;
    try (Session s = store == null ? ws.open() : ws.openOrCreateNamedOr(store.defaultCopy())) {
      // no copy on this machine yet: one is made to review in (a workspace of one's own, which
      // holds records, is never made a copy; the review is refused there)
      if (store != null
          && s.isEmpty()
          && StoreOptions.attempt(spec, store, progress -> store.pull(s, progress)) == null) {
        return 1;
      }
      Reviews.Request request =
          new Reviews.Request(incident, confirm, v, g, links, noLink, note, reviewer);
      Reviews.Saved saved;
      try {
        saved = store == null ? s.reviews().save(request) : store.review(s, request);
      } catch (Reviews.Refused e) {
        throw e.inCommandLineWords();
      }
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(saved.review()));
      } else {
        out.println(
            "Review of "
                + handle(s, saved.review().incidentKey())
                + " saved"
                + (saved.appliedToFinding() ? "" : " (it applies when the analysis runs)")
                + ": "
                + Sentences.review(saved.review()));
        if (!saved.team().isEmpty()) {
          out.println("The review is " + saved.team() + ".");
        }
      }
      return saved.notInTeam() ? 1 : 0;
    }
  }

  /** The handle people know an incident by ("#1009", "OPS-126"), else its source and id. */
  private static String handle(Session s, String key) throws java.io.IOException {
    String ref =
        s.workspace()
            .records()
            .get(key, dev.rehearsal.model.Incident.class)
            .map(dev.rehearsal.model.Incident::reference)
            .orElse("");
    return ref.isBlank() ? Sentences.shortKey(key) : ref;
  }
}
