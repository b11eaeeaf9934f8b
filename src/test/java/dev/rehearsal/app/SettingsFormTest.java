package dev.rehearsal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.settings.Settings;
import dev.rehearsal.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as a form holds them: text per field, checked and laid over the settings. */
class SettingsFormTest {
  private static final Settings DEFAULTS = Settings.defaults();

  private static SettingsForm.Edits unchanged(Settings s) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (SettingsForm.Field f : SettingsForm.fields(s)) {
      fields.put(f.key(), f.value());
    }
    return new SettingsForm.Edits(
        SettingsForm.entries(s.environments().table()),
        List.of(),
        SettingsForm.entries(s.dependencies()),
        fields);
  }

  @Test
  void everyFieldShowsItsValueAsTextThatReadsBackAsTheSameValue() {
    List<SettingsForm.Field> fields = SettingsForm.fields(DEFAULTS);
    assertTrue(fields.size() > 40, "the rules of one value each: " + fields.size());
    for (SettingsForm.Field f : fields) {
      assertEquals(
          DEFAULTS.at(f.key()).asDouble(),
          SettingsForm.value(f.key(), f.value()).asDouble(),
          f.key());
      assertEquals(
          SettingsForm.text(DEFAULTS.at(f.key())),
          SettingsForm.text(SettingsForm.value(f.key(), f.value())),
          f.key());
      assertFalse(f.allowed().isBlank(), f.key());
    }
    assertEquals("Window hours", SettingsForm.label("linking.windowHours"));
    assertEquals("2", SettingsForm.text(DEFAULTS.at("gaps.textSaturation")));
  }

  @Test
  void editsThatChangeNothingAreAcceptedAndChangeNothing() {
    SettingsForm.Edits e = unchanged(DEFAULTS);
    assertTrue(SettingsForm.check(DEFAULTS, e).ok());
    Settings after = SettingsForm.apply(DEFAULTS, e);
    assertEquals(Json.mapper().createObjectNode(), after.overrides(), "nothing to write");
  }

  @Test
  void onlyWhatChangedIsWrittenAndRefusedEditsGiveNoSettings() {
    SettingsForm.Edits e = unchanged(DEFAULTS);
    Map<String, String> fields = new LinkedHashMap<>(e.fields());
    fields.put("linking.windowHours", " 96 ");
    fields.put("gaps.minScore", "0.4");
    List<SettingsForm.Entry> env = new ArrayList<>(e.environments());
    env.add(new SettingsForm.Entry("eu-prod", "prod-eu-*, eu-live"));
    SettingsForm.Edits changed = new SettingsForm.Edits(env, List.of(), e.dependencies(), fields);
    Settings after = SettingsForm.apply(DEFAULTS, changed);
    assertEquals(96, after.number("linking.windowHours"));
    assertEquals(0.4, after.number("gaps.minScore"));
    assertEquals("eu-prod", after.environments().normalise("eu-live"));
    assertEquals(
        List.of("environments", "gaps", "linking"),
        iterate(after.overrides().fieldNames()),
        "only what changed: " + after.overrides());

    fields.put("gaps.minScore", "1.5");
    SettingsForm.Edits refused = new SettingsForm.Edits(env, List.of(), e.dependencies(), fields);
    SettingsForm.Check c = SettingsForm.check(DEFAULTS, refused);
    assertEquals(
        Map.of("gaps.minScore", "gaps.minScore is 1.5; it must be a number from 0 to 1"),
        c.fields());
    assertEquals("gaps.minScore is 1.5; it must be a number from 0 to 1", c.first());
    assertNull(SettingsForm.apply(DEFAULTS, refused));
  }

  private static List<String> iterate(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    out.sort(null);
    return out;
  }
}
