package dev.rehearsal.demo;

import dev.rehearsal.demo.PhraseBank.Pool;
import dev.rehearsal.demo.Timeline.DeployEvent;
import dev.rehearsal.demo.Timeline.IncidentEvent;
import dev.rehearsal.demo.World.Service;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the title, description and postmortem of each generated incident, in the wording of the
 * style's phrase bank: symptoms, how it was detected, what caused it, sometimes a citation of the
 * causing change (by handle, or by quoting its title), sometimes a change named only to be ruled
 * out, and numbers that have nothing to do with any change.
 */
final class IncidentTexts {
  private static final DateTimeFormatter HHMM =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final List<String> TICKETS = List.of("SUP-", "CS-", "ZD-", "HELP-");
  private static final List<String> LIBRARIES =
      List.of("jackson-databind", "netty", "pgjdbc", "okhttp", "grpc-java", "hikaricp");

  private final List<Service> services;
  private final Style style;
  private final PhraseBank bank;
  private final ToolNames names;

  IncidentTexts(List<Service> services, Style style, ToolNames names) {
    this.services = services;
    this.style = style;
    this.bank = PhraseBank.of(style.bank());
    this.names = names;
  }

  /** A handle of a deploy someone could cite: version, SHA prefix, PR, pipeline, release. */
  interface Handles {
    String pipelineOrDeployId(DeployEvent d);

    String prNote(DeployEvent d);

    String release(DeployEvent d);

    /**
     * A production deploy before onset, not the cause, that someone looking into the incident would
     * name to rule it out; null when there is none.
     */
    DeployEvent decoy(IncidentEvent inc, SplittableRandom r);
  }

  void write(IncidentEvent inc, SplittableRandom r, Handles handles, boolean causeIsLatest) {
    Service s = services.get(inc.service);
    Service causeService = inc.cause == null ? s : services.get(inc.cause.service);
    String vendorId =
        inc.vendor != null
            ? inc.vendor
            : causeService.vendors().isEmpty()
                ? "stripe"
                : causeService.vendors().get(r.nextInt(causeService.vendors().size()));
    World.Vendor vendor = World.VENDORS.get(vendorId);
    String table =
        inc.table != null
            ? inc.table
            : causeService.tables().isEmpty()
                ? "events"
                : causeService.tables().get(r.nextInt(causeService.tables().size()));
    String key = "db.pool.max_size";
    String prodValue = "20";
    String stagingValue = "80";
    String flag = World.flags(causeService).get(r.nextInt(5));
    if (inc.configKey != null) {
      if (inc.configKey.contains("=")) {
        key = inc.configKey.substring(0, inc.configKey.indexOf('='));
        prodValue =
            inc.configKey.substring(inc.configKey.indexOf('=') + 1, inc.configKey.indexOf('|'));
        stagingValue = inc.configKey.substring(inc.configKey.indexOf('|') + 1);
      } else {
        flag = inc.configKey;
      }
    }
    String display = names.spoken(s, r);
    String causeName = names.plain() ? causeService.name() : names.spoken(causeService, r);
    Narratives.Slots slots =
        new Narratives.Slots(
            causeName,
            display,
            table,
            vendorId,
            vendor.display(),
            humanKey(key, r),
            prodValue,
            stagingValue,
            flag,
            String.valueOf(2 + r.nextInt(40)),
            vendor.endpoints().get(0),
            Narratives.pick(r, Narratives.CUSTOMERS));

    String primary = inc.gaps.isEmpty() ? null : inc.gaps.get(0);
    boolean changeRelated = inc.cause != null;
    List<String> titlePool;
    if (!changeRelated) {
      titlePool =
          r.nextDouble() < 0.6 ? bank.pool(Pool.TITLES_EXTERNAL) : bank.pool(Pool.TITLES_GENERIC);
    } else if (primary == null || primary.equals("unexplained") || r.nextDouble() < 0.45) {
      titlePool = bank.pool(Pool.TITLES_GENERIC);
    } else {
      titlePool = titlesFor(primary);
    }
    inc.title = Narratives.fill(Narratives.pick(r, titlePool), slots);

    StringBuilder desc = new StringBuilder();
    desc.append(Narratives.fill(bank.choose(r, Pool.DETECTION), slots));
    if (changeRelated && r.nextDouble() < style.changeWords().share) {
      append(desc, Narratives.fill(bank.choose(r, Pool.CHANGE_CONTEXT), slots));
    }
    if (!changeRelated && r.nextDouble() < 0.1) {
      append(desc, bank.choose(r, Pool.PAUSED));
    }
    if (r.nextDouble() < 0.3) {
      append(desc, bank.choose(r, Pool.NOISE));
    }
    Style.Citations citations = style.citations();
    String reference = null;
    if (changeRelated) {
      double p = causeIsLatest ? citations.citeLatest : citations.citeEarlier;
      if (r.nextDouble() < p) {
        reference = sentence(reference(inc.cause, r, handles));
        append(desc, reference);
        inc.cited = true;
      } else if (citations.titleQuote > 0 && r.nextDouble() < citations.titleQuote) {
        append(desc, titleQuote(inc.cause, r));
        inc.titleQuoted = true;
      }
    }
    if (citations.decoy > 0 && r.nextDouble() < citations.decoy) {
      String decoy = decoy(inc, r, handles);
      if (decoy != null) {
        append(desc, sentence(decoy));
        inc.decoy = true;
      }
    }
    if (citations.numbers > 0 && r.nextDouble() < citations.numbers) {
      append(desc, numbers(r));
    }
    if (r.nextDouble() < 0.08) {
      append(desc, Narratives.fill(bank.choose(r, Pool.AFFECTED_CUSTOMERS), slots));
    }
    inc.description = desc.toString();

    StringBuilder pm = new StringBuilder();
    boolean writePostmortem =
        r.nextDouble() < (changeRelated ? style.changeWords().postmortems : 0.7);
    if (writePostmortem) {
      if (!changeRelated) {
        pm.append(Narratives.fill(Narratives.pick(r, bank.pool(Pool.CAUSE_EXTERNAL)), slots));
      } else if (inc.gaps.isEmpty()) {
        // not an escape: the cause can be anything, staging simply did not see it
        String g =
            List.of("data", "traffic", "config", "mocks", "unexplained", "unexplained")
                .get(r.nextInt(6));
        pm.append(Narratives.fill(Narratives.pick(r, causesFor(g)), slots));
      } else {
        for (String g : inc.gaps) {
          append(pm, Narratives.fill(Narratives.pick(r, causesFor(g)), slots));
        }
      }
      if (r.nextDouble() < 0.25) {
        append(pm, bank.choose(r, Pool.NOISE));
      }
      if (changeRelated && r.nextDouble() < 0.25 && reference == null) {
        append(
            pm,
            bank.choose(r, Pool.ROLLED_BACK_TO)
                .replace("{prev}", inc.cause.change.previousVersion));
      } else {
        append(pm, bank.choose(r, Pool.MITIGATION));
      }
      append(pm, bank.choose(r, Pool.ACTIONS));
    }
    inc.postmortem = pm.toString();
    inc.severity =
        List.of("SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV3", "SEV4").get(r.nextInt(7));
  }

  private static String humanKey(String key, SplittableRandom r) {
    if (r.nextBoolean()) {
      return key;
    }
    return key.replace('.', ' ').replace('_', ' ');
  }

  private String reference(DeployEvent d, SplittableRandom r, Handles h) {
    Service s = services.get(d.service);
    String at = HHMM.format(Instant.ofEpochMilli(d.endMs));
    double x = r.nextDouble();
    if (s.tool() == World.DeployTool.HEROKU) {
      if (x < 0.5) {
        String app = names.plain() ? s.repoName() : names.herokuApp(s, "production");
        return bank.choose(r, Pool.REF_RELEASE)
            .replace("{release}", h.release(d))
            .replace("{app}", app)
            .replace("{at}", at);
      }
      return bank.choose(r, Pool.REF_RELEASE_COMMIT).replace("{sha7}", d.sha.substring(0, 7));
    }
    if (x < 0.4) {
      String name = names.plain() ? s.name() : names.repo(s);
      return bank.choose(r, Pool.REF_VERSION)
          .replace("{service}", name)
          .replace("{version}", d.version)
          .replace("{at}", at);
    }
    if (x < 0.62) {
      String t = bank.choose(r, Pool.REF_COMMIT);
      return t.replace("{sha}", d.sha.substring(0, 7 + r.nextInt(4)));
    }
    if (x < 0.82) {
      return bank.choose(r, Pool.REF_PR).replace("{pr}", h.prNote(d)).replace("{at}", at);
    }
    return bank.choose(r, Pool.REF_PIPELINE).replace("{pipeline}", h.pipelineOrDeployId(d));
  }

  /**
   * The causing change's title in quotes, as people retype it: sometimes lower-cased, sometimes cut
   * short.
   */
  private String titleQuote(DeployEvent d, SplittableRandom r) {
    String title = d.change.title;
    String[] q = bank.quotes.get(r.nextInt(bank.quotes.size()));
    String[] words = title.split(" ");
    double x = r.nextDouble();
    if (x < 0.25) {
      title = title.toLowerCase(Locale.ROOT);
    } else if (x < 0.5 && words.length > 3) {
      title = String.join(" ", List.of(words).subList(0, 3)) + bank.ellipsis;
    }
    return bank.choose(r, Pool.TITLE_QUOTE).replace("{title}", q[0] + title + q[1]);
  }

  /** A sentence naming a change only to rule it out; null when there is nothing to name. */
  private String decoy(IncidentEvent inc, SplittableRandom r, Handles h) {
    DeployEvent d = h.decoy(inc, r);
    if (d == null) {
      return null;
    }
    Service ds = services.get(d.service);
    boolean heroku = ds.tool() == World.DeployTool.HEROKU;
    double x = r.nextDouble();
    if (x < 0.3) {
      String t = bank.choose(r, Pool.DECOY_COMMIT);
      return t.replace("{sha}", d.sha.substring(0, 7 + r.nextInt(3)));
    }
    if (x < 0.55) {
      String v = heroku ? h.release(d) : d.version;
      return bank.choose(r, Pool.DECOY_VERSION).replace("{version}", v);
    }
    if (x < 0.75 && !heroku) {
      return bank.choose(r, Pool.DECOY_PR).replace("{pr}", h.prNote(d));
    }
    String t = bank.choose(r, Pool.DECOY_DEPLOY);
    return t.replace("{other}", names.spoken(ds, r)).replace("{when}", when(d.endMs, inc.onsetMs));
  }

  /** "today", "yesterday" or the day of the week of a moment, seen from onset (UTC). */
  private static String when(long ms, long onsetMs) {
    LocalDate day = Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate onset = Instant.ofEpochMilli(onsetMs).atZone(ZoneOffset.UTC).toLocalDate();
    if (day.equals(onset)) {
      return "today";
    }
    if (day.plusDays(1).equals(onset)) {
      return "yesterday";
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private String numbers(SplittableRandom r) {
    String t = bank.choose(r, Pool.NUMBERS);
    String ticket = TICKETS.get(r.nextInt(TICKETS.size())) + (1000 + r.nextInt(90_000));
    String version = (1 + r.nextInt(4)) + "." + r.nextInt(20) + "." + r.nextInt(15);
    String library = LIBRARIES.get(r.nextInt(LIBRARIES.size())) + " " + version;
    return t.replace("{ticket}", ticket)
        .replace("{library}", library)
        .replace("{libversion}", version);
  }

  /**
   * A sentence that starts with a filled-in slot, capitalised as people would ("Merge request !12
   * was ..."), unless it starts with a commit or a version, which keep their case.
   */
  static String sentence(String s) {
    if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
      return s;
    }
    String first = s.split("[\\s,;:]", 2)[0];
    if (first.matches("[0-9a-f]{7,40}|v\\d.*")) {
      return s;
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static void append(StringBuilder sb, String s) {
    if (s == null || s.isEmpty()) {
      return;
    }
    if (sb.length() > 0) {
      sb.append(' ');
    }
    sb.append(s);
  }

  private List<String> titlesFor(String gap) {
    switch (gap) {
      case "data":
        return bank.pool(Pool.TITLES_DATA);
      case "traffic":
        return bank.pool(Pool.TITLES_TRAFFIC);
      case "config":
        return bank.pool(Pool.TITLES_CONFIG);
      default:
        return bank.pool(Pool.TITLES_MOCKS);
    }
  }

  private List<String> causesFor(String gap) {
    switch (gap) {
      case "data":
        return bank.pool(Pool.CAUSE_DATA);
      case "traffic":
        return bank.pool(Pool.CAUSE_TRAFFIC);
      case "config":
        return bank.pool(Pool.CAUSE_CONFIG);
      case "mocks":
        return bank.pool(Pool.CAUSE_MOCKS);
      default:
        return bank.pool(Pool.CAUSE_UNEXPLAINED);
    }
  }
}
