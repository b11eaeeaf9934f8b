package dev.rehearsal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings are checked when loaded and before they are saved, each value against its type. */
class SettingsSchemaTest {
  @TempDir Path dir;

  private static JsonNode json(String s) throws IOException {
    return Json.mapper().readTree(s);
  }

  @Test
  void theDefaultsAndTheSettingsUsersWriteAreValid() throws Exception {
    Settings.defaults();
    Settings s =
        Settings.fromJson(
            json(
                "{\"services\":{\"dependencies\":{\"checkout\":[\"payments\"]}},"
                    + "\"linking\":{\"windowHours\":96}}"));
    assertEquals(96, s.number("linking.windowHours"));
    assertTrue(s.notes().isEmpty(), s.notes().toString());
  }

  @Test
  void aBadValueIsRefusedWithItsKeyItsValueAndWhatIsAllowed() throws Exception {
    SettingsSchema.Invalid e =
        assertThrows(
            SettingsSchema.Invalid.class,
            () -> Settings.fromJson(json("{\"linking\":{\"minConfidence\":1.5}}")));
    assertEquals("linking.minConfidence", e.key());
    assertEquals(
        "settings: linking.minConfidence is 1.5; it must be a number from 0 to 1", e.getMessage());
    assertTrue(
        assertThrows(
                SettingsSchema.Invalid.class,
                () -> Settings.fromJson(json("{\"linking\":{\"maxLinks\":2.5}}")))
            .getMessage()
            .contains("a whole number from 1 to 20"));
    assertTrue(
        assertThrows(
                SettingsSchema.Invalid.class,
                () -> Settings.fromJson(json("{\"import\":{\"naiveTimeZone\":\"Mars/Olympus\"}}")))
            .getMessage()
            .contains("a time zone such as"));
    assertTrue(
        assertThrows(
                SettingsSchema.Invalid.class,
                () -> Settings.fromJson(json("{\"linking\":{\"windowHours\":0}}")))
            .getMessage()
            .contains("above 0"));
    assertTrue(
        assertThrows(
                SettingsSchema.Invalid.class,
                () -> Settings.fromJson(json("{\"linking\":{\"stagingEnvironments\":[]}}")))
            .getMessage()
            .contains("at least one string"));
    assertTrue(
        assertThrows(
                SettingsSchema.Invalid.class,
                () ->
                    Settings.fromJson(json("{\"gaps\":{\"vocabulary\":{\"latency\":[\"slow\"]}}}")))
            .getMessage()
            .contains("is not a gap"));
  }

  @Test
  void aChangeIsCheckedBeforeItCanBeSaved() {
    Settings s = Settings.defaults();
    assertThrows(
        SettingsSchema.Invalid.class,
        () -> s.with("gaps.minScore", JsonNodeFactory.instance.textNode("high")));
    Settings ok = s.with("gaps.minScore", JsonNodeFactory.instance.numberNode(0.4));
    assertEquals(0.4, ok.number("gaps.minScore"));
  }

  @Test
  void aFileWithABadValueNamesTheFileAndTheKey() throws Exception {
    Path f = dir.resolve("settings.json");
    Files.writeString(f, "{\"verdict\":{\"guessBelowConfidence\":\"often\"}}");
    IOException e = assertThrows(IOException.class, () -> Settings.load(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertTrue(
        e.getMessage().contains("verdict.guessBelowConfidence is \"often\""), e.getMessage());
  }

  @Test
  void keysThatAreNotSettingsAreNotedWithTheLikelyOne() throws Exception {
    Settings s =
        Settings.fromJson(json("{\"linking\":{\"minConfidance\":0.5},\"colour\":\"red\"}"));
    List<String> notes = s.notes();
    assertEquals(2, notes.size(), notes.toString());
    assertTrue(notes.get(0).contains("did you mean linking.minConfidence?"), notes.get(0));
    assertTrue(notes.get(1).contains("'colour' is not a setting"), notes.get(1));
  }

  @Test
  void everyDefaultKeyIsInTheSchema() throws Exception {
    JsonNode defaults = Settings.defaults().tree();
    List<String> unknown = SettingsSchema.unknown(defaults);
    assertTrue(unknown.isEmpty(), "defaults the schema does not check: " + unknown);
  }
}
