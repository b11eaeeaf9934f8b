package dev.rehearsal.ui.store;

import java.io.File;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File → Push to team workspace…: where the team workspace lives and, when it needs them, a
 * credentials file and its CA. What is wrong with what was typed shows in the dialog, which stays
 * open; the push itself runs in the background once the dialog closes.
 */
public final class TeamStoreDialog {
  /** The button that pushes. */
  public static final ButtonType PUSH = new ButtonType("Push", ButtonBar.ButtonData.OK_DONE);

  /** The button that opens the team workspace. */
  public static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);

  /** What the dialog is for: pushing the open workspace there, or opening the team workspace. */
  public enum Purpose {
    PUSH(
        "Push to a team workspace",
        "Write this workspace to a team workspace on OpenSearch: its rules, every record and"
            + " review, and its incidents with what the analysis found.",
        "Everyone using the team workspace sees the earlier push until this one is complete.",
        TeamStoreDialog.PUSH,
        "team-store-push"),
    OPEN(
        "Open a team workspace",
        "Open a team workspace on OpenSearch: its records are copied into a workspace on this"
            + " machine, which the window then shows.",
        "A copy already up to date with the team workspace is not read again; File \u2192"
            + " Analyse team workspace then analyses it and shares the findings in one step.",
        TeamStoreDialog.OPEN,
        "team-store-open");

    final String title;
    final String header;
    final String note;
    final ButtonType button;
    final String buttonId;

    Purpose(String title, String header, String note, ButtonType button, String buttonId) {
      this.title = title;
      this.header = header;
      this.note = note;
      this.button = button;
      this.buttonId = buttonId;
    }
  }

  private TeamStoreDialog() {}

  /** The push dialog, not yet shown; {@code onPush} runs when the person pushes what they typed. */
  public static Dialog<ButtonType> create(Window owner, TeamStoreViewModel vm, Runnable onPush) {
    return create(owner, vm, Purpose.PUSH, onPush);
  }

  /**
   * The dialog for a purpose, not yet shown; {@code onConfirm} runs when the person confirms what
   * they typed.
   */
  public static Dialog<ButtonType> create(
      Window owner, TeamStoreViewModel vm, Purpose purpose, Runnable onConfirm) {
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle(purpose.title);
    d.setHeaderText(purpose.header);
    d.getDialogPane().setId("team-store-dialog");

    TextField address = new TextField();
    address.setId("team-store-address");
    address.setPromptText("opensearch://search.example.org:9200/platform");
    address.textProperty().bindBidirectional(vm.addressProperty());
    TextField credentials = new TextField();
    credentials.setId("team-store-credentials");
    credentials.setPromptText("none: $REHEARSAL_OPENSEARCH_USER and _PASSWORD");
    credentials.textProperty().bindBidirectional(vm.credentialsFileProperty());
    TextField ca = new TextField();
    ca.setId("team-store-ca");
    ca.setPromptText("none: the system's certificate authorities");
    ca.textProperty().bindBidirectional(vm.caFileProperty());

    Label help =
        new Label(
            "opensearch+https://… reaches the cluster over TLS. A credentials file holds"
                + " user:password on its first line. Credentials are never stored in the"
                + " workspace. "
                + purpose.note);
    help.setWrapText(true);
    help.setPrefWidth(560);
    help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label error = new Label();
    error.setId("team-store-error");
    error.getStyleClass().add("error-text");
    error.setWrapText(true);
    error.setPrefWidth(560);
    error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    error.textProperty().bind(vm.errorProperty());

    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(8);
    g.addRow(0, new Label("Address"), address);
    g.addRow(
        1,
        new Label("Credentials file"),
        credentials,
        browse(owner, credentials, "Credentials file"));
    g.addRow(2, new Label("CA file (PEM)"), ca, browse(owner, ca, "Certificate authority"));
    g.add(help, 0, 3, 3, 1);
    g.add(error, 0, 4, 3, 1);
    GridPane.setHgrow(address, Priority.ALWAYS);
    GridPane.setHgrow(credentials, Priority.ALWAYS);
    GridPane.setHgrow(ca, Priority.ALWAYS);
    address.setPrefColumnCount(36);
    d.getDialogPane().setContent(g);
    d.getDialogPane().getButtonTypes().addAll(purpose.button, ButtonType.CANCEL);
    Button push = (Button) d.getDialogPane().lookupButton(purpose.button);
    push.setId(purpose.buttonId);
    d.getDialogPane().lookupButton(ButtonType.CANCEL).setId("team-store-cancel");
    // what was typed is checked before the dialog closes: a mistake keeps it open, saying why
    push.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          if (vm.check() == null) {
            e.consume();
          }
        });
    // over the window, a third of the way down, whatever the window manager would choose
    d.setOnShown(
        e -> {
          Window w = d.getDialogPane().getScene().getWindow();
          w.setX(owner.getX() + Math.max(0, (owner.getWidth() - w.getWidth()) / 2));
          w.setY(owner.getY() + Math.max(0, (owner.getHeight() - w.getHeight()) / 3));
        });
    d.setOnHidden(
        e -> {
          if (d.getResult() == purpose.button) {
            onConfirm.run();
          }
        });
    return d;
  }

  private static Button browse(Window owner, TextField into, String title) {
    Button b = new Button("Choose\u2026");
    b.setOnAction(
        e -> {
          FileChooser c = new FileChooser();
          c.setTitle(title);
          File f = c.showOpenDialog(owner);
          if (f != null) {
            into.setText(f.getAbsolutePath());
          }
        });
    return b;
  }
}
