package dev.rehearsal.cli;

import dev.rehearsal.importers.support.TimeParser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Times given on the command line: any form the importers read, naive times taken as UTC. */
final class TimeOptions {
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");

  private TimeOptions() {}

  /** The instant of an option's value, or null when the option was not given. */
  static Instant parse(CommandLine.Model.CommandSpec spec, String raw, String option) {
    if (raw == null) {
      return null;
    }
    try {
      return TimeParser.utc().parse(raw).instant();
    } catch (Exception e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  /** The period of --quarter, or of --from and --to. */
  static dev.rehearsal.app.Period period(
      CommandLine.Model.CommandSpec spec, String quarter, String from, String to) {
    if (quarter != null) {
      if (from != null || to != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--quarter cannot be combined with --from or --to");
      }
      try {
        return dev.rehearsal.app.Period.quarter(quarter);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--quarter: " + e.getMessage());
      }
    }
    try {
      return dev.rehearsal.app.Period.between(parse(spec, from, "--from"), parse(spec, to, "--to"));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Start and end (exclusive) of a calendar quarter written "2025-Q4" or "2025Q4", in UTC. */
  static Instant[] quarter(CommandLine.Model.CommandSpec spec, String raw, String option) {
    Matcher m = QUARTER.matcher(raw.strip());
    if (!m.matches()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + ": \"" + raw + "\" is not a quarter; write it like 2025-Q4");
    }
    LocalDate start =
        LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
    return new Instant[] {
      start.atStartOfDay(ZoneOffset.UTC).toInstant(),
      start.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant()
    };
  }
}
