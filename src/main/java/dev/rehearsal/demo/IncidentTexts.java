package dev.rehearsal.demo;

import dev.rehearsal.demo.Timeline.DeployEvent;
import dev.rehearsal.demo.Timeline.IncidentEvent;
import dev.rehearsal.demo.World.Service;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/** Writes the title, description and postmortem of each generated incident. */
final class IncidentTexts {
  private static final DateTimeFormatter HHMM =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final List<Service> services;

  IncidentTexts(List<Service> services) {
    this.services = services;
  }

  /** A handle of a deploy someone could cite: version, SHA prefix, PR, pipeline, release. */
  interface Handles {
    String pipelineOrDeployId(DeployEvent d);

    String prNote(DeployEvent d);

    String release(DeployEvent d);
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
    String display = r.nextDouble() < 0.5 ? s.pagerDutyName() : s.name();
    Narratives.Slots slots =
        new Narratives.Slots(
            causeService.name(),
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
      titlePool = r.nextDouble() < 0.6 ? Narratives.TITLES_EXTERNAL : Narratives.TITLES_GENERIC;
    } else if (primary == null || primary.equals("unexplained") || r.nextDouble() < 0.45) {
      titlePool = Narratives.TITLES_GENERIC;
    } else {
      titlePool = titlesFor(primary);
    }
    inc.title = Narratives.fill(Narratives.pick(r, titlePool), slots);

    StringBuilder desc = new StringBuilder();
    desc.append(Narratives.fill(Narratives.pick(r, Narratives.DETECTION), slots));
    if (changeRelated && r.nextDouble() < 0.6) {
      append(desc, Narratives.fill(Narratives.pick(r, Narratives.CHANGE_CONTEXT), slots));
    }
    if (!changeRelated && r.nextDouble() < 0.1) {
      append(desc, "We paused deploys while investigating.");
    }
    if (r.nextDouble() < 0.3) {
      append(desc, Narratives.pick(r, Narratives.NOISE));
    }
    String reference = null;
    if (changeRelated) {
      double p = causeIsLatest ? 0.4 : 0.75;
      if (r.nextDouble() < p) {
        reference = reference(inc.cause, r, handles);
        append(desc, reference);
      }
    }
    if (r.nextDouble() < 0.08) {
      append(desc, "Affected customers include " + slots.customer() + " 🙁.");
    }
    inc.description = desc.toString();

    StringBuilder pm = new StringBuilder();
    boolean writePostmortem = r.nextDouble() < (changeRelated ? 0.82 : 0.7);
    if (writePostmortem) {
      if (!changeRelated) {
        pm.append(Narratives.fill(Narratives.pick(r, Narratives.CAUSE_EXTERNAL), slots));
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
        append(pm, Narratives.pick(r, Narratives.NOISE));
      }
      if (changeRelated && r.nextDouble() < 0.25 && reference == null) {
        append(pm, "Rolled back to " + inc.cause.change.previousVersion + ".");
      } else {
        append(pm, Narratives.pick(r, Narratives.MITIGATION));
      }
      append(pm, Narratives.pick(r, Narratives.ACTIONS));
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
        return "Release " + h.release(d) + " of " + s.repoName() + " went out at " + at + ".";
      }
      return "The deploy of commit " + d.sha.substring(0, 7) + " is the suspect.";
    }
    if (x < 0.4) {
      return "Deploy of " + s.name() + " " + d.version + " finished at " + at + ".";
    }
    if (x < 0.62) {
      return "Introduced in commit " + d.sha.substring(0, 7 + r.nextInt(4)) + ".";
    }
    if (x < 0.82) {
      return "Caused by " + h.prNote(d) + ", deployed at " + at + ".";
    }
    return "Suspect change: " + h.pipelineOrDeployId(d) + ".";
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

  private static List<String> titlesFor(String gap) {
    switch (gap) {
      case "data":
        return Narratives.TITLES_DATA;
      case "traffic":
        return Narratives.TITLES_TRAFFIC;
      case "config":
        return Narratives.TITLES_CONFIG;
      default:
        return Narratives.TITLES_MOCKS;
    }
  }

  private static List<String> causesFor(String gap) {
    switch (gap) {
      case "data":
        return Narratives.CAUSE_DATA;
      case "traffic":
        return Narratives.CAUSE_TRAFFIC;
      case "config":
        return Narratives.CAUSE_CONFIG;
      case "mocks":
        return Narratives.CAUSE_MOCKS;
      default:
        return Narratives.CAUSE_UNEXPLAINED;
    }
  }
}
