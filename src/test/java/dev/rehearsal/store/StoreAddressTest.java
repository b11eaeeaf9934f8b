package dev.rehearsal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team workspace's address and credentials: what is accepted, refused, and never printed. */
class StoreAddressTest {
  @Test
  void anAddressNamesTheNodeAndThePrefix() {
    StoreAddress a = StoreAddress.parse("opensearch://search.example.org:9201/Platform-Team");
    assertEquals(URI.create("http://search.example.org:9201"), a.endpoint());
    assertEquals("platform-team", a.prefix(), "index names are lower case");
    assertFalse(a.tls());
    assertEquals("opensearch://search.example.org:9201/platform-team", a.toString());

    StoreAddress tls = StoreAddress.parse("opensearch+https://search.example.org/team_a/");
    assertEquals(URI.create("https://search.example.org:9200"), tls.endpoint(), "port 9200");
    assertEquals("team_a", tls.prefix());
    assertTrue(tls.tls());
    assertEquals(tls, StoreAddress.parse(tls.toString()), "the printed form reads back");
  }

  @Test
  void aWrongAddressSaysHowToWriteIt() {
    for (String[] c :
        new String[][] {
          {"http://localhost:9200/team", "opensearch://"},
          {"opensearch://localhost:9200", "no prefix"},
          {"opensearch://localhost:9200/", "no prefix"},
          {"opensearch:///team", "no host"},
          {"opensearch://localhost:9200/team?x=1", "no query"},
          {"opensearch://localhost:9200/te am", "not a store address"},
          {"opensearch://localhost:9200/a/b", "cannot name an index"},
          {"", "no store address"}
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> StoreAddress.parse(c[0]), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
    }
  }

  @Test
  void credentialsInTheAddressAreRefusedWithoutRepeatingThem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StoreAddress.parse("opensearch://admin:hunter2@localhost:9200/team"));
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertTrue(e.getMessage().contains(StoreCredentials.USER_VARIABLE), e.getMessage());
  }

  @Test
  void credentialsComeFromTheEnvironmentOrAFileAndArePrintedWithoutThePassword(@TempDir Path dir)
      throws IOException {
    StoreCredentials env =
        StoreCredentials.fromEnvironment(
            Map.of(
                StoreCredentials.USER_VARIABLE, "reviewer",
                StoreCredentials.PASSWORD_VARIABLE, "s3cret"));
    assertTrue(env.present());
    assertEquals("reviewer", env.user());
    assertEquals("s3cret", new String(env.password()));
    assertFalse(env.toString().contains("s3cret"), env.toString());
    assertFalse(StoreCredentials.fromEnvironment(Map.of()).present());

    Path colon = Files.writeString(dir.resolve("a"), "# team store\nreviewer:pa:ss\n");
    StoreCredentials a = StoreCredentials.fromFile(colon);
    assertEquals("reviewer", a.user());
    assertEquals("pa:ss", new String(a.password()), "the password may hold a colon");

    Path lines = Files.writeString(dir.resolve("b"), "user=ops\npassword= with space\n");
    StoreCredentials b = StoreCredentials.fromFile(lines);
    assertEquals("ops", b.user());
    assertEquals(" with space", new String(b.password()));

    Path noUser = Files.writeString(dir.resolve("c"), "password=only-this\n");
    IOException e = assertThrows(IOException.class, () -> StoreCredentials.fromFile(noUser));
    assertFalse(e.getMessage().contains("only-this"), e.getMessage());
    assertThrows(IOException.class, () -> StoreCredentials.fromFile(dir.resolve("missing")));
  }
}
