package dev.rehearsal.ui.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Session;
import dev.rehearsal.ui.task.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's push to a team workspace, without a toolkit and without a node. */
class TeamStoreViewModelTest {
  @TempDir Path dir;

  private final TeamStoreViewModel vm =
      new TeamStoreViewModel(
          Background.DIRECT,
          () -> Map.of("REHEARSAL_OPENSEARCH_USER", "ops", "REHEARSAL_OPENSEARCH_PASSWORD", "pw"));

  @Test
  void whatWasTypedIsCheckedAndSaysWhatToChange() throws Exception {
    vm.addressProperty().set("http://localhost:9200/team");
    assertNull(vm.check());
    assertTrue(vm.errorProperty().get().contains("opensearch://"), vm.errorProperty().get());

    vm.addressProperty().set("opensearch://localhost:9200/team");
    vm.caFileProperty().set("/etc/ca.pem");
    assertNull(vm.check());
    assertTrue(vm.errorProperty().get().contains("opensearch+https://localhost:9200/team"));

    vm.caFileProperty().set("");
    vm.credentialsFileProperty().set(dir.resolve("missing").toString());
    assertNull(vm.check());
    assertTrue(vm.errorProperty().get().contains("does not exist"), vm.errorProperty().get());

    Path creds = Files.writeString(dir.resolve("creds"), "reviewer:s3cret\n");
    vm.credentialsFileProperty().set(creds.toString());
    var store = vm.check();
    assertNotNull(store);
    assertEquals("", vm.errorProperty().get());
    assertEquals("reviewer", store.credentials().user(), "the file wins over the environment");
    assertFalse(store.credentials().toString().contains("s3cret"));

    vm.credentialsFileProperty().set("");
    assertEquals("ops", vm.check().credentials().user(), "else the environment");
  }

  @Test
  void aPushThatCannotReachTheNodeSaysSoAndIsNotBusy() throws Exception {
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      vm.addressProperty().set("opensearch://127.0.0.1:1/team");
      assertTrue(vm.push(s), "what was typed is right: the push starts");
      assertFalse(vm.busyProperty().get());
      assertEquals("", vm.statusProperty().get());
      assertTrue(
          vm.failureProperty().get().startsWith("The push to opensearch://127.0.0.1:1/team failed"),
          vm.failureProperty().get());
      assertEquals("", vm.errorProperty().get(), "what was typed was right");

      vm.addressProperty().set("opensearch://127.0.0.1:1");
      assertFalse(vm.push(s), "a wrong address starts nothing");
      assertTrue(vm.errorProperty().get().contains("no prefix"), vm.errorProperty().get());
    }
  }

  @Test
  void openingATeamWorkspaceThatCannotBeReachedSaysSoAndOpensNothing() throws Exception {
    java.util.List<Path> opened = new java.util.ArrayList<>();
    vm.addressProperty().set("opensearch://127.0.0.1:1/team");
    assertTrue(vm.open(null, opened::add), "what was typed is right: the copy starts");
    assertFalse(vm.busyProperty().get());
    assertTrue(
        vm.failureProperty()
            .get()
            .startsWith("Opening the team workspace at opensearch://127.0.0.1:1/team failed"),
        vm.failureProperty().get());
    assertTrue(opened.isEmpty(), "nothing is opened when the copy fails");
    assertFalse(
        Files.exists(vm.check().defaultCopy()), "nothing is made on this machine for it either");

    vm.addressProperty().set("opensearch://127.0.0.1:1");
    assertFalse(vm.open(null, opened::add), "a wrong address starts nothing");
    assertTrue(vm.errorProperty().get().contains("no prefix"), vm.errorProperty().get());
  }

  @Test
  void aCopysTeamWorkspaceIsTheOneTypedWhenItNamesTheSameAddress() throws Exception {
    Path creds = Files.writeString(dir.resolve("creds"), "reviewer:s3cret\n");
    vm.addressProperty().set("opensearch://127.0.0.1:9200/team");
    vm.credentialsFileProperty().set(creds.toString());
    assertEquals(
        "reviewer",
        vm.storeFor("opensearch://127.0.0.1:9200/team").credentials().user(),
        "the credentials file typed for this address");
    var other = vm.storeFor("opensearch://127.0.0.1:9200/other");
    assertEquals("opensearch://127.0.0.1:9200/other", other.address().toString());
    assertEquals("ops", other.credentials().user(), "another address: the environment's");
    assertNull(vm.storeFor("not an address"));
  }

  @Test
  void analysingATeamWorkspaceThatCannotBeReachedSaysSoAndRefreshesNothing() throws Exception {
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      int[] refreshed = {0};
      var store = vm.storeFor("opensearch://127.0.0.1:1/team");
      vm.analyse(s, store, () -> refreshed[0]++);
      assertFalse(vm.busyProperty().get());
      assertEquals("", vm.statusProperty().get());
      assertTrue(
          vm.failureProperty()
              .get()
              .startsWith("Analysing the team workspace at opensearch://127.0.0.1:1/team failed"),
          vm.failureProperty().get());
      assertEquals(0, refreshed[0]);
    }
  }
}
