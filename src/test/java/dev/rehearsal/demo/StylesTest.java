package dev.rehearsal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios in styles: the split, what each style writes, and that plain stays the demo. */
class StylesTest {
  @TempDir Path dir;

  private static final ScenarioGenerator.Options SMALL =
      new ScenarioGenerator.Options(11, 60, 800, -1, 10);

  @Test
  void theSplitIsDeclaredOnceThreeAndThreeWithTheirBanks() {
    assertEquals(6, Style.ALL.size());
    assertEquals(Style.ALL.size(), Style.ALL.stream().map(Style::name).distinct().count());
    assertEquals(3, Style.tuning().size());
    assertEquals(3, Style.heldOut().size());
    Style.tuning().forEach(s -> assertEquals(Style.Bank.A, s.bank(), s.name()));
    Style.heldOut().forEach(s -> assertEquals(Style.Bank.B, s.bank(), s.name()));
    assertEquals(Style.PLAIN, Style.named("Plain").orElseThrow());
    assertEquals(Style.ALL, Style.select("all"));
    assertEquals(Style.heldOut(), Style.select("held-out"));
    assertEquals(List.of(Style.PLAIN, Style.heldOut().get(0)), Style.select("plain,scaleup,plain"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Style.select("plain,nope"));
    assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("scaleup"));
  }

  @Test
  void everyAxisVariesInAtLeastTwoStylesAndNoTwoStylesAreAlike() {
    List<Function<Style, Object>> axes =
        List.of(
            s -> s.naming().pagerDuty(),
            s -> s.naming().repos(),
            s -> s.naming().jira(),
            s -> s.naming().heroku(),
            Style::lag,
            Style::bursts,
            Style::causes,
            Style::citations,
            Style::changeWords,
            Style::bank,
            Style::facts,
            Style::zones);
    for (int a = 0; a < axes.size(); a++) {
      Object plain = axes.get(a).apply(Style.PLAIN);
      int a2 = a;
      long differ = Style.ALL.stream().filter(s -> !axes.get(a2).apply(s).equals(plain)).count();
      assertTrue(differ >= 2, "axis " + a + " differs from plain in " + differ + " styles");
    }
    for (Style x : Style.ALL) {
      for (Style y : Style.ALL) {
        if (x != y) {
          assertTrue(
              axes.stream().anyMatch(f -> !f.apply(x).equals(f.apply(y))),
              x.name() + " and " + y.name() + " differ somewhere");
        }
      }
    }
  }

  @Test
  void thePlainStyleWritesTheDemosFilesWithStyleAndCaseInItsTruth() throws Exception {
    new ScenarioGenerator(SMALL).generate(dir.resolve("default"), null);
    new ScenarioGenerator(SMALL, Style.PLAIN).generate(dir.resolve("plain"), null);
    assertEquals(
        digestWithout(dir.resolve("default"), "truth.csv", "README.md"),
        digestWithout(dir.resolve("plain"), "truth.csv", "README.md"));
    List<String> before = Files.readAllLines(dir.resolve("default/truth.csv"));
    List<String> after = Files.readAllLines(dir.resolve("plain/truth.csv"));
    assertEquals("incident,caused_by,verdict,gaps", before.get(0));
    assertEquals("incident,caused_by,verdict,gaps,style,case", after.get(0));
    assertEquals(before.size(), after.size());
    for (int i = 1; i < before.size(); i++) {
      assertTrue(after.get(i).startsWith(before.get(i) + ",plain,"), after.get(i));
    }
  }

  @Test
  void aStyleIsDeterministicForASeedAndStylesDiffer() throws Exception {
    Style scaleup = Style.named("scaleup").orElseThrow();
    new ScenarioGenerator(SMALL, scaleup).generate(dir.resolve("a"), null);
    new ScenarioGenerator(SMALL, scaleup).generate(dir.resolve("b"), null);
    assertEquals(
        ScenarioGeneratorTest.digest(dir.resolve("a")),
        ScenarioGeneratorTest.digest(dir.resolve("b")));
    new ScenarioGenerator(SMALL, Style.named("retail").orElseThrow())
        .generate(dir.resolve("c"), null);
    assertNotEquals(
        ScenarioGeneratorTest.digest(dir.resolve("a")),
        ScenarioGeneratorTest.digest(dir.resolve("c")));
  }

  @Test
  void eachStyleWritesItsShapes() throws Exception {
    for (Style style : Style.ALL) {
      Path out = dir.resolve(style.name());
      ScenarioGenerator.Summary s =
          new ScenarioGenerator(new ScenarioGenerator.Options(5, 120, 1500, -1, 10), style)
              .generate(out, null);
      String name = style.name();
      assertEquals(name, s.style());
      assertEquals(120, s.cases().values().stream().mapToLong(Long::longValue).sum());
      List<String> truth = Files.readAllLines(out.resolve("truth.csv"));
      assertEquals("incident,caused_by,verdict,gaps,style,case", truth.get(0));
      for (String line : truth.subList(1, truth.size())) {
        assertTrue(line.contains("," + name + ","), line);
      }
      // the cause shapes the style is about
      Set<String> cases = s.cases().keySet();
      for (String c : List.of("not-change", "cited", "own-last-deploy")) {
        assertTrue(cases.contains(c), name + " has " + c + ": " + s.cases());
      }
      if (style.citations().decoy > 0) {
        assertTrue(cases.contains("decoy"), name + ": " + s.cases());
      }
      if (style.citations().titleQuote > 0) {
        assertTrue(cases.contains("title-quoted"), name + ": " + s.cases());
      }
      if (style.causes().earlierShare > 0.2) {
        assertTrue(cases.contains("own-earlier-deploy"), name + ": " + s.cases());
        assertTrue(cases.contains("upstream"), name + ": " + s.cases());
      }
      String incidents = readAll(out.resolve("incidents"));
      String readme = Files.readString(out.resolve("README.md"));
      assertTrue(readme.contains("Style: " + name), readme);
      deployTitles(style, out);
      aliases(style, out, incidents);
      facts(style, out);
      zones(style, out);
    }
  }

  /** Outside the plain style, every deploy carries its change's title, the same everywhere. */
  private static void deployTitles(Style style, Path out) throws IOException {
    if (style == Style.PLAIN) {
      return;
    }
    Map<String, String> titleBySha = new HashMap<>();
    int seen = 0;
    for (Path f : files(out.resolve("deploys/github"))) {
      for (JsonNode n :
          Json.mapper().readTree(f.toFile()).at("/data/repository/deployments/nodes")) {
        String message = n.at("/commit/message").asText();
        String title = message.substring(message.indexOf("\n\n") + 2);
        String description = n.path("description").asText();
        assertTrue(description.equals(title) || description.startsWith("Rollback to"), description);
        assertTrue(n.path("payload").asText().contains(Json.mapper().writeValueAsString(title)));
        same(titleBySha, n.path("commitOid").asText(), title);
        seen++;
      }
    }
    for (Path f : files(out.resolve("deploys/gitlab"))) {
      for (JsonNode n : Json.mapper().readTree(f.toFile())) {
        same(titleBySha, n.path("sha").asText(), n.at("/deployable/commit/title").asText());
        seen++;
      }
    }
    for (Path f : files(out.resolve("deploys/heroku"))) {
      for (JsonNode n : Json.mapper().readTree(f.toFile())) {
        String d = n.path("description").asText();
        assertTrue(d.matches("Deploy [0-9a-f]{8}: .+|Rollback to v\\d+"), d);
        seen++;
      }
    }
    assertTrue(seen > 800, style.name() + ": " + seen + " deploys");
  }

  private static void same(Map<String, String> bySha, String sha, String title) {
    if (title.startsWith("Revert to")) {
      return; // a rollback redeploys the previous change's commit under its own title
    }
    String before = bySha.putIfAbsent(sha, title);
    assertTrue(before == null || before.equals(title), sha + ": " + before + " / " + title);
  }

  /** Every service name a tool uses is in the alias table, or is the service's own name. */
  private static void aliases(Style style, Path out, String incidents) throws Exception {
    Map<String, String> aliases = new TreeMap<>();
    try (com.opencsv.CSVReader csv =
        new com.opencsv.CSVReader(Files.newBufferedReader(out.resolve("aliases.csv")))) {
      csv.readNext();
      for (String[] row : csv) {
        aliases.put(row[0], row[1]);
      }
    }
    List<String> names = new ArrayList<>();
    var m =
        java.util.regex.Pattern.compile("\"service\" : \\{[^}]*?\"summary\" : \"([^\"]+)\"")
            .matcher(incidents);
    while (m.find()) {
      names.add(m.group(1));
    }
    assertFalse(names.isEmpty());
    if (style == Style.PLAIN) {
      assertTrue(aliases.containsKey("Product Catalog"), aliases.toString());
      return;
    }
    for (String n : new HashSet<>(names)) {
      assertTrue(aliases.containsKey(n), style.name() + ": PagerDuty's " + n + " in " + aliases);
    }
    try (Stream<Path> repos = Files.list(out.resolve("deploys/github"))) {
      for (Path repo : repos.toList()) {
        String r = repo.getFileName().toString();
        assertTrue(
            aliases.containsKey(r) || aliases.containsValue(r), style.name() + ": repo " + r);
      }
    }
  }

  private static void facts(Style style, Path out) throws IOException {
    if (style.facts() == Style.Facts.TOOLED) {
      assertEquals(
          "environment,table,rows,as_of,service",
          Files.readAllLines(out.resolve("facts/data-volume.csv")).get(0));
      assertTrue(Files.exists(out.resolve("config/rehearsal-manifest.csv")));
      assertFalse(
          files(out.resolve("mocks")).stream().noneMatch(p -> p.endsWith("rehearsal.json")));
      return;
    }
    List<String> rows = Files.readAllLines(out.resolve("facts/table-rows.csv"));
    assertEquals("environment,table,rows,as_of", rows.get(0));
    assertTrue(rows.get(1).matches("production,[a-z_]+\\.[a-z_]+,\\d+,\\d{4}-\\d\\d-\\d\\d"));
    assertFalse(Files.exists(out.resolve("facts/data-volume.csv")));
    assertFalse(Files.exists(out.resolve("config/rehearsal-manifest.csv")));
    for (Path f : files(out.resolve("config"))) {
      String name = f.getFileName().toString();
      assertTrue(name.matches("[a-z-]+\\.(staging|production)\\.[a-z]+"), name);
      String text = Files.readString(f);
      assertFalse(text.matches("(?s).*\\d{4}-\\d\\d-\\d\\d.*"), "no time in " + f);
      assertFalse(text.contains("creationTimestamp"), f.toString());
    }
    assertTrue(readAll(out.resolve("config")).contains("currentSchema="));
    for (Path f : files(out.resolve("mocks"))) {
      assertTrue(
          out.relativize(f).toString().matches("mocks/[a-z-]+/mappings/[a-z]+-\\d+\\.json"),
          f.toString());
    }
    assertTrue(
        readAll(out.resolve("staging")).contains("RepositoryIT"),
        "test classes named after tables");
  }

  private static void zones(Style style, Path out) throws IOException {
    Path pd = out.resolve("incidents/pagerduty");
    switch (style.zones()) {
      case PULLS -> {
        assertTrue(readAll(pd.resolve("utc")).contains("Z\""));
        assertFalse(
            readAll(pd.resolve("utc"))
                .matches("(?s).*\"created_at\" : \"[^\"]+[+-]\\d\\d:\\d\\d\".*"));
        assertTrue(
            readAll(pd.resolve("local")).matches("(?s).*\"created_at\" : \"[^\"]+-0[78]:00\".*"));
      }
      case UTC ->
          assertFalse(readAll(pd).matches("(?s).*\"created_at\" : \"[^\"]+[+-]\\d\\d:\\d\\d\".*"));
      case MIXED ->
          assertTrue(readAll(pd).matches("(?s).*\"created_at\" : \"[^\"]+[+-]\\d\\d:\\d\\d\".*"));
    }
  }

  static String digestWithout(Path root, String... skip) throws Exception {
    java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
    Set<String> skipped = Set.of(skip);
    for (Path f : files(root)) {
      String rel = root.relativize(f).toString();
      if (!skipped.contains(rel)) {
        md.update(rel.getBytes());
        md.update(Files.readAllBytes(f));
      }
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  static List<Path> files(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static String readAll(Path root) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Path f : files(root)) {
      sb.append(Files.readString(f)).append('\n');
    }
    return sb.toString();
  }
}
