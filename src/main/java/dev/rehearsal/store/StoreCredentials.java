package dev.rehearsal.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A user and password for a team workspace's cluster, read from the environment ({@value
 * #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}) or a file, never from the command line's address
 * and never stored in the workspace. Printing it shows the user only.
 */
public final class StoreCredentials {
  public static final String USER_VARIABLE = "REHEARSAL_OPENSEARCH_USER";
  public static final String PASSWORD_VARIABLE = "REHEARSAL_OPENSEARCH_PASSWORD";

  /** No credentials: the cluster lets anyone in (a node on the loopback interface, say). */
  public static final StoreCredentials NONE = new StoreCredentials("", new char[0]);

  private final String user;
  private final char[] password;

  private StoreCredentials(String user, char[] password) {
    this.user = user;
    this.password = password;
  }

  public static StoreCredentials of(String user, char[] password) {
    if (user == null || user.isBlank()) {
      return NONE;
    }
    return new StoreCredentials(user.strip(), password == null ? new char[0] : password.clone());
  }

  /** From the environment's two variables; none when the user variable is not set. */
  public static StoreCredentials fromEnvironment(Map<String, String> env) {
    String user = env.get(USER_VARIABLE);
    String password = env.get(PASSWORD_VARIABLE);
    return of(user, password == null ? null : password.toCharArray());
  }

  /**
   * From a file: {@code user:password} on its first line, or the lines {@code user=...} and {@code
   * password=...}. Only the file's path appears in an error, never its content.
   */
  public static StoreCredentials fromFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("the credentials file " + file + " does not exist");
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String user = null;
    String password = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("user=")) {
        user = line.substring("user=".length()).strip();
      } else if (line.startsWith("password=")) {
        password = line.substring("password=".length());
      } else if (user == null && line.contains(":")) {
        int colon = line.indexOf(':');
        user = line.substring(0, colon).strip();
        password = line.substring(colon + 1);
      }
    }
    if (user == null || user.isEmpty()) {
      throw new IOException(
          "the credentials file "
              + file
              + " holds no user: write user:password on its first line, or user=... and"
              + " password=... lines");
    }
    return of(user, password == null ? null : password.toCharArray());
  }

  public boolean present() {
    return !user.isEmpty();
  }

  public String user() {
    return user;
  }

  /** The password; a copy, to be cleared by whoever takes it. */
  public char[] password() {
    return password.clone();
  }

  @Override
  public String toString() {
    return present() ? "user " + user + " (password not shown)" : "no credentials";
  }
}
