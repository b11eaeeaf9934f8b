package dev.rehearsal.app;

import dev.rehearsal.importers.ArchiveMember;
import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.ImportPlan;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.generic.GenericFields;
import dev.rehearsal.index.SearchHit;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.Rejection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The column mappings of a workspace (docs/formats/generic.md): read a CSV or JSON file's fields,
 * check a draft mapping and preview it on the file's first rows, save it (with the fields of the
 * file it was made for, so the next file with the same fields is read through it without being
 * named), list the saved ones and remove one. The command line's {@code --mapping NAME} reads the
 * same saved files.
 */
public final class Mappings {
  /** Rows of a file shown while its mapping is edited. */
  public static final int PREVIEW_ROWS = Imports.PREVIEW_RECORDS;

  private final Workspace ws;
  private final Imports imports;

  Mappings(Workspace ws, Imports imports) {
    this.ws = ws;
    this.imports = imports;
  }

  /** The record fields of a kind, the required ones marked, in the order the editor lists them. */
  public static List<MappingView.Field> fields(RecordKind kind) {
    List<MappingView.Field> out = new ArrayList<>();
    List<String> required = ColumnMapping.REQUIRED.get(kind);
    for (String f : ColumnMapping.FIELDS.get(kind)) {
      out.add(new MappingView.Field(f, required.contains(f)));
    }
    return out;
  }

  /**
   * A file's fields and first rows, for a mapping to name: a file on disk, or a member of a zip
   * archive named as the import's plan names it ({@code archive.zip!/folder/member.csv}).
   *
   * @throws IllegalArgumentException when it is neither, or holds neither a table nor JSON
   */
  public MappingView.Source read(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      return read(file, new FileSource(file, file.toString()));
    }
    if (ArchiveMember.parse(file.toString()).isEmpty()) {
      throw new IllegalArgumentException(
          file + " is neither a file on disk nor a file inside a zip archive on disk");
    }
    try (ArchiveMember member = ArchiveMember.open(file.toString(), imports.defaults().limits())) {
      return read(file, member.source());
    }
  }

  private MappingView.Source read(Path file, ImportSource source) throws IOException {
    GenericFields f =
        GenericFields.of(source, PREVIEW_ROWS)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        source.fileName()
                            + " is neither a table with a header line (comma, semicolon or tab"
                            + " separated) nor JSON: a column mapping cannot read it"));
    return new MappingView.Source(
        file.toString(),
        f.format().endsWith("csv") ? "CSV" : "JSON",
        f.fields(),
        f.rows(),
        madeFor(f.signature()).map(ColumnMapping::name).orElse(""));
  }

  /** The saved mapping made for a file with these fields, if any. */
  private Optional<ColumnMapping> madeFor(Set<String> signature) throws IOException {
    return ws.files().mappings().values().stream().filter(m -> m.madeFor(signature)).findFirst();
  }

  /** The saved mapping of that name as a draft, if there is one. */
  public Optional<MappingView.Draft> draftOf(String name) throws IOException {
    for (ColumnMapping m : ws.files().mappings().values()) {
      if (m.name().equalsIgnoreCase(name)) {
        return Optional.of(new MappingView.Draft(m.name(), m.kind(), m.columns(), m.constants()));
      }
    }
    return Optional.empty();
  }

  /**
   * A first draft for a file: each record field of the kind read from the file's field of the same
   * name (without case, spaces, dashes or underscores), when it has one.
   */
  public static MappingView.Draft suggest(MappingView.Source source, RecordKind kind) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (MappingView.Field f : fields(kind)) {
      for (String c : source.fields()) {
        if (plain(c).equals(plain(f.name()))) {
          columns.put(f.name(), c);
          break;
        }
      }
    }
    String base = Path.of(source.file()).getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return new MappingView.Draft(dev.rehearsal.util.Texts.slug(base), kind, columns, Map.of());
  }

  /**
   * The kind of records a file most likely holds, from its field names: test counts make staging
   * runs, a fact's subject and value facts, a version or commit deploys, anything else incidents.
   * Only where the editor starts; the user chooses.
   */
  public static RecordKind guessKind(MappingView.Source source) {
    Set<String> names = new java.util.HashSet<>();
    for (String f : source.fields()) {
      names.add(plain(f.substring(f.lastIndexOf('.') + 1)));
    }
    if (names.contains("total") && (names.contains("failed") || names.contains("failures"))
        || names.contains("tests")) {
      return RecordKind.STAGING_RUN;
    }
    if (names.contains("subject") || names.contains("value") && names.contains("type")) {
      return RecordKind.FACT;
    }
    if (names.stream()
        .anyMatch(
            n ->
                n.contains("version")
                    || n.contains("commit")
                    || n.contains("sha")
                    || n.contains("deploy")
                    || n.contains("release"))) {
      return RecordKind.DEPLOY;
    }
    return RecordKind.INCIDENT;
  }

  private static String plain(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
  }

  /** Why a draft cannot be saved or used for this file, a sentence each; empty when it can. */
  public List<String> problems(MappingView.Source source, MappingView.Draft d) throws IOException {
    List<String> out = new ArrayList<>();
    if (d.name().isEmpty()) {
      out.add("Give the mapping a name.");
    }
    if (d.kind() == null) {
      out.add("Choose the kind of records the file holds.");
      return out;
    }
    for (MappingView.Field f : fields(d.kind())) {
      if (f.required() && !d.columns().containsKey(f.name()) && !has(d.constants(), f.name())) {
        out.add(
            "'"
                + f.name()
                + "' is required for "
                + kind(d.kind())
                + ": choose the column it is read from, or give it a fixed value.");
      }
    }
    for (var e : d.columns().entrySet()) {
      if (!source.fields().contains(e.getValue())) {
        out.add(
            "'"
                + e.getKey()
                + "' is read from '"
                + e.getValue()
                + "', which the file does not have.");
      }
    }
    for (String p : mapping(source, d).problems()) {
      String sentence = Problems.sentence(p);
      if (!d.name().isEmpty() && !out.contains(sentence) && !p.contains("for 'time'")) {
        out.add(sentence);
      }
    }
    Optional<ColumnMapping> other = madeFor(GenericFields.signature(source.fields()));
    if (other.isPresent() && !other.get().name().equalsIgnoreCase(d.name())) {
      out.add(
          "The mapping '"
              + other.get().name()
              + "' is already saved for a file with these fields; save under its name to change"
              + " it, or remove it first.");
    }
    return out;
  }

  private static boolean has(Map<String, String> m, String k) {
    String v = m.get(k);
    return v != null && !v.isBlank();
  }

  private static String kind(RecordKind k) {
    return switch (k) {
      case INCIDENT -> "incidents";
      case DEPLOY -> "deploys";
      case STAGING_RUN -> "staging runs";
      case FACT -> "environment facts";
    };
  }

  private static ColumnMapping mapping(MappingView.Source source, MappingView.Draft d) {
    Map<String, String> constants = new LinkedHashMap<>();
    d.constants().forEach((k, v) -> constants.put(k, v));
    return new ColumnMapping(d.name(), d.kind(), d.columns(), constants, source.fields());
  }

  /**
   * The draft on the file's first rows: the values it takes from each, and what each becomes or why
   * it would be rejected, read by the same importer an import uses; or, while the draft cannot be
   * used, why not (and the values alone).
   */
  public MappingView.Preview preview(MappingView.Source source, MappingView.Draft d)
      throws IOException {
    List<String> problems = problems(source, d);
    List<String> fields = new ArrayList<>();
    if (d.kind() != null) {
      for (MappingView.Field f : fields(d.kind())) {
        if (d.columns().containsKey(f.name()) || has(d.constants(), f.name())) {
          fields.add(f.name());
        }
      }
    }
    List<String> outcomes = new ArrayList<>();
    if (problems.isEmpty()) {
      ColumnMapping m = mapping(source, d);
      ImportPlan plan =
          imports.plan(
              List.of(Path.of(source.file())),
              imports
                  .defaults()
                  .withFormat(source.format().equals("CSV") ? "generic-csv" : "generic-json")
                  .withMapping(m.name()),
              Map.of(m.name(), m));
      if (!plan.files().isEmpty()) {
        outcomes = outcomes(plan.files().get(0));
      }
    }
    List<MappingView.Row> rows = new ArrayList<>();
    for (int i = 0; i < source.rows().size(); i++) {
      Map<String, String> r = source.rows().get(i);
      List<String> values = new ArrayList<>();
      for (String f : fields) {
        String c = d.columns().get(f);
        String v = c == null ? null : r.get(c);
        values.add(v != null ? v : d.constants().getOrDefault(f, ""));
      }
      rows.add(new MappingView.Row(values, i < outcomes.size() ? outcomes.get(i) : ""));
    }
    return new MappingView.Preview(problems, fields, rows);
  }

  /** What each of a file's first rows became, in the file's order. */
  private static List<String> outcomes(ImportPlan.File f) {
    record Outcome(long index, String text) {}
    List<Outcome> all = new ArrayList<>();
    for (ImportedRecord r : f.preview()) {
      all.add(new Outcome(r.provenance().index(), r.kind().code() + ": " + SearchHit.titleOf(r)));
    }
    for (Rejection r : f.rejected()) {
      all.add(new Outcome(r.index(), "rejected: " + r.reason()));
    }
    all.sort(Comparator.comparingLong(Outcome::index));
    return all.stream().map(Outcome::text).toList();
  }

  /**
   * Saves a draft under its name, with the fields of the file it was made for.
   *
   * @throws IllegalArgumentException with the problems, when it cannot be used
   */
  public void save(MappingView.Source source, MappingView.Draft d) throws IOException {
    List<String> problems = problems(source, d);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join(" ", problems));
    }
    ws.files().removeMapping(d.name());
    ws.files().saveMapping(mapping(source, d));
  }

  /** The saved mappings, by name. */
  public List<MappingView.Saved> saved() throws IOException {
    List<MappingView.Saved> out = new ArrayList<>();
    for (ColumnMapping m : ws.files().mappings().values()) {
      String madeFor = String.join(", ", m.header());
      if (madeFor.length() > 80) {
        madeFor = madeFor.substring(0, 79) + "\u2026";
      }
      out.add(
          new MappingView.Saved(
              m.name(),
              m.kind() == null ? "" : kind(m.kind()),
              m.columns().size() + m.constants().size(),
              madeFor));
    }
    return out;
  }

  /**
   * Removes a saved mapping.
   *
   * @return whether one had that name
   */
  public boolean remove(String name) throws IOException {
    return ws.files().removeMapping(name);
  }
}
