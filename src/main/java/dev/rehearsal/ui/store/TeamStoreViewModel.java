package dev.rehearsal.ui.store;

import dev.rehearsal.app.Session;
import dev.rehearsal.app.TeamStore;
import dev.rehearsal.ui.task.Background;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Pushing the open workspace to a team workspace on OpenSearch from the window (decision 0021): the
 * address and, optionally, a credentials file and a CA file, as typed; a push in the background;
 * what it did or what went wrong, in words. The address is remembered by the window; credentials
 * never are. Holds no controls.
 */
public final class TeamStoreViewModel {
  private final Background background;
  private final Supplier<Map<String, String>> environment;
  private final SimpleStringProperty address = new SimpleStringProperty("");
  private final SimpleStringProperty credentialsFile = new SimpleStringProperty("");
  private final SimpleStringProperty caFile = new SimpleStringProperty("");
  private final SimpleStringProperty error = new SimpleStringProperty("");
  private final SimpleStringProperty failure = new SimpleStringProperty("");
  private final SimpleStringProperty status = new SimpleStringProperty("");
  private final SimpleBooleanProperty busy = new SimpleBooleanProperty();

  public TeamStoreViewModel(Background background, Supplier<Map<String, String>> environment) {
    this.background = background;
    this.environment = environment;
  }

  public StringProperty addressProperty() {
    return address;
  }

  public StringProperty credentialsFileProperty() {
    return credentialsFile;
  }

  public StringProperty caFileProperty() {
    return caFile;
  }

  /** What is wrong with what was typed; empty when nothing is. */
  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  /** Why the last push failed once it had started; empty when it did not. */
  public ReadOnlyStringProperty failureProperty() {
    return failure;
  }

  /** What the last push did, in a sentence; empty until one is done. */
  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  /**
   * Checks what was typed; the store to push to, or null with {@link #errorProperty()} saying what
   * to change.
   */
  public TeamStore check() {
    try {
      TeamStore s =
          TeamStore.of(address.get(), credentialsFile.get(), caFile.get(), environment.get());
      error.set("");
      return s;
    } catch (IllegalArgumentException e) {
      error.set(e.getMessage());
      return null;
    }
  }

  /**
   * Pushes the session's incidents with their findings in the background; false (and nothing
   * started) when what was typed is not right.
   */
  public boolean push(Session session) {
    TeamStore store = check();
    if (store == null) {
      return false;
    }
    busy.set(true);
    status.set("");
    failure.set("");
    background.run(
        m -> store.push(session, m),
        p -> {
          busy.set(false);
          status.set(
              String.format(
                  "Pushed %,d records and %,d incidents with their findings to %s in %.1f s (push"
                      + " %s).",
                  p.records(), p.written(), store.address(), p.millis() / 1000.0, p.run()));
        },
        failed("The push to " + store.address() + " failed: "));
    return true;
  }

  /**
   * Copies the team workspace into this machine's copy of it in the background ({@link
   * TeamStore#pull}), then hands the copy's folder to {@code then} (the window opens it); false
   * (and nothing started) when what was typed is not right. The copy is pulled through {@code open}
   * when it is the workspace the window shows already, else through a session of its own.
   */
  public boolean open(Session open, java.util.function.Consumer<java.nio.file.Path> then) {
    TeamStore store = check();
    if (store == null) {
      return false;
    }
    java.nio.file.Path copy = store.defaultCopy();
    busy.set(true);
    status.set("");
    failure.set("");
    background.run(
        m -> {
          store.requireRecords(); // nothing is made on this machine for a store out of reach
          if (open != null
              && open.dir()
                  .toAbsolutePath()
                  .normalize()
                  .equals(copy.toAbsolutePath().normalize())) {
            return store.pull(open, m);
          }
          try (Session s = Session.openOrCreate(copy)) {
            return store.pull(s, m);
          }
        },
        p -> {
          busy.set(false);
          status.set(store.describe(p));
          then.accept(copy);
        },
        failed("Opening the team workspace at " + store.address() + " failed: "));
    return true;
  }

  /**
   * The team workspace at {@code address} (a copy's, as its marker names it): with the credentials
   * and CA files typed in the dialog when it names the same address, else with credentials from the
   * environment; null when the address cannot be read.
   */
  public TeamStore storeFor(String address) {
    try {
      TeamStore typed =
          TeamStore.of(this.address.get(), credentialsFile.get(), caFile.get(), environment.get());
      if (typed.isAt(address)) {
        return typed;
      }
    } catch (IllegalArgumentException e) {
      // nothing usable typed: the copy's own address below
    }
    try {
      return TeamStore.of(address, null, null, environment.get());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Analyses the team workspace in one step, in the background ({@link TeamStore#analyse}): the
   * copy {@code copy} brought up to date, analysed, and its findings pushed for everyone; {@code
   * then} runs once it is done (the window shows the new findings).
   */
  public void analyse(Session copy, TeamStore store, Runnable then) {
    busy.set(true);
    status.set("");
    failure.set("");
    background.run(
        m -> store.analyse(copy, m),
        a -> {
          busy.set(false);
          status.set(store.describe(a));
          then.run();
        },
        failed("Analysing the team workspace at " + store.address() + " failed: "));
  }

  /** What a failure of work in the background does: no longer busy, and why, after the words. */
  private java.util.function.Consumer<Throwable> failed(String words) {
    return thrown -> {
      busy.set(false);
      String why =
          thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
      failure.set(words + why);
    };
  }
}
