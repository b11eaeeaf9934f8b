package dev.rehearsal.app;

import dev.rehearsal.index.ReadOnlyWorkspaceException;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.index.WorkspaceBusyException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Whether this session may write its workspace now. Another process (the command line importing, a
 * second window) holds the workspace's writer for as long as it writes. A front end that stays open
 * (the window) {@link #guard guards} its writes: while someone else holds the writer, the session
 * is read-only — it reads, searches, shows and exports as before, and refuses what would write
 * (imports, reviews, settings, analyses) at once with a message naming the holder, until a {@link
 * #check} finds the workspace free. Without the guard (the command line) a write waits for the
 * writer as the session's patience says.
 */
public final class WriteAccess {
  /** Whether the workspace can be written. */
  public enum State {
    /** Nobody else writes it. */
    WRITABLE,
    /** Another process writes it; this one reads until it has finished. */
    HELD,
    /** This user cannot write the folder at all. */
    NOT_WRITABLE
  }

  /**
   * Where the workspace stands for writing.
   *
   * @param holder who holds the writer, as they wrote it down (empty unless {@link State#HELD})
   * @param message what a front end shows while it is not writable (empty when it is)
   */
  public record Status(State state, String holder, String message) {
    /** Nobody else writes the workspace. */
    public static final Status FREE = new Status(State.WRITABLE, "", "");

    public boolean writable() {
      return state == State.WRITABLE;
    }

    /** Another process writes the workspace: {@code holder} as it wrote itself down. */
    public static Status heldBy(String holder) {
      return new Status(
          State.HELD,
          holder,
          "Read-only for now: "
              + holder
              + " is writing this workspace. "
              + WHAT_WORKS
              + " until it has finished; Retry looks again.");
    }
  }

  /** A write. */
  @FunctionalInterface
  interface Write<T> {
    T run() throws IOException;
  }

  /** What keeps working while the workspace cannot be written, and what waits. */
  static final String WHAT_WORKS =
      "Browsing, search, incident details, the dashboard and exports work; imports, reviews,"
          + " settings and analyses wait";

  private final Workspace ws;
  private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean guarding;
  private volatile Status status = Status.FREE;

  WriteAccess(Workspace ws) {
    this.ws = ws;
  }

  /**
   * From now on, refuses writes at once while another process holds the workspace instead of
   * waiting for it; looks now.
   */
  public Status guard() throws IOException {
    guarding = true;
    return check();
  }

  /** The last known status; {@link #check} looks again. */
  public Status status() {
    return status;
  }

  /** Tells {@code listener} each time the status changes (on the thread that found it out). */
  public void onChange(Consumer<Status> listener) {
    listeners.add(listener);
  }

  /**
   * Looks whether someone else writes the workspace now (without waiting, and without taking it).
   */
  public Status check() throws IOException {
    Status next;
    try {
      String holder = ws.writtenElsewhereBy();
      next = holder == null ? Status.FREE : Status.heldBy(holder);
    } catch (ReadOnlyWorkspaceException e) {
      next =
          new Status(
              State.NOT_WRITABLE,
              "",
              "Read-only: " + Problems.sentence(e.getMessage()) + " " + WHAT_WORKS + ".");
    }
    return update(next);
  }

  private Status update(Status next) {
    Status before = status;
    status = next;
    if (!next.equals(before)) {
      listeners.forEach(l -> l.accept(next));
    }
    return next;
  }

  /**
   * Runs a write of {@code what} ("Importing", "Saving the review"): when guarded, refused while
   * someone else holds the workspace; a write that finds it taken on the way leaves the status
   * saying so.
   */
  <T> T write(String what, Write<T> body) throws IOException {
    if (guarding) {
      Status s = check();
      if (s.state() == State.HELD) {
        throw new WorkspaceBusyException(
            what + " has to wait: the workspace " + ws.dir() + " is being written by " + s.holder(),
            null);
      }
      if (s.state() == State.NOT_WRITABLE) {
        throw new ReadOnlyWorkspaceException(
            what + " is not possible: the workspace " + ws.dir() + " cannot be written", null);
      }
    }
    try {
      return body.run();
    } catch (IOException | RuntimeException e) {
      if (guarding && Problems.unwrap(e) instanceof WorkspaceBusyException) {
        try {
          check();
        } catch (IOException | RuntimeException again) {
          e.addSuppressed(again);
        }
      }
      throw e;
    }
  }
}
