package dev.rehearsal.ui.shell;

import dev.rehearsal.app.Problems;
import dev.rehearsal.app.WriteAccess;
import dev.rehearsal.ui.task.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Whether the window may write its workspace, as the app layer finds it ({@link WriteAccess}): a
 * banner shows why not and offers Retry; the views that write bind their actions to {@link
 * #writableProperty}. Retry asks the app layer to look again, off the FX thread.
 */
public final class WriteAccessViewModel {
  /** Looks whether the workspace can be written now. */
  @FunctionalInterface
  public interface Check {
    WriteAccess.Status check() throws Exception;
  }

  private final Check check;
  private final Background background;
  private final BooleanProperty writable = new SimpleBooleanProperty(true);
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty outcome = new SimpleStringProperty("");
  private final BooleanProperty checking = new SimpleBooleanProperty();

  public WriteAccessViewModel(Check check, Background background) {
    this.check = check;
    this.background = background;
  }

  /** Shows a status the app layer found (on the FX thread). */
  public void show(WriteAccess.Status status) {
    writable.set(status.writable());
    message.set(status.writable() ? "" : status.message());
  }

  /** Looks again whether the workspace can be written; the outcome says what was found. */
  public void retry() {
    if (checking.get()) {
      return;
    }
    checking.set(true);
    outcome.set("");
    // as it stood when Retry was asked (the app layer may tell the news first)
    boolean was = writable.get();
    background.run(
        m -> check.check(),
        status -> {
          checking.set(false);
          show(status);
          outcome.set(
              status.writable()
                  ? (was ? "" : "The workspace can be written again.")
                  : "Still read-only: "
                      + (status.holder().isEmpty() ? "" : status.holder() + " ")
                      + (status.holder().isEmpty()
                          ? "the folder cannot be written."
                          : "is writing it."));
        },
        failure -> {
          checking.set(false);
          outcome.set(Problems.describe("Looking at the workspace", failure).message());
        });
  }

  /** Whether the workspace can be written now. */
  public ReadOnlyBooleanProperty writableProperty() {
    return writable;
  }

  /** Why it cannot, naming who holds it; empty while it can. */
  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  /** What the last Retry found, for a notice. */
  public ReadOnlyStringProperty outcomeProperty() {
    return outcome;
  }

  /** Whether a Retry is looking. */
  public ReadOnlyBooleanProperty checkingProperty() {
    return checking;
  }
}
