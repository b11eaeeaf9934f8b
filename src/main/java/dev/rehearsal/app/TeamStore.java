package dev.rehearsal.app;

import dev.rehearsal.store.StoreAddress;
import dev.rehearsal.store.StoreCredentials;
import dev.rehearsal.store.opensearch.OpenSearchIncidentIndex;
import dev.rehearsal.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A team workspace on OpenSearch (decision 0021), as far as it goes: a local workspace's incidents
 * written to the team's cluster, and searched there in the same query syntax as the local search.
 * The command line's {@code rehearsal store push} and {@code rehearsal search --store} call it.
 *
 * @param address where the team workspace lives
 * @param credentials what to give the cluster (none when it asks for none)
 * @param caFile the PEM file of the cluster's certificate authority for TLS, or null for the JVM's
 *     own trust store
 */
public record TeamStore(StoreAddress address, StoreCredentials credentials, Path caFile) {

  /**
   * A team store as a person types it in the window: the address, and optionally a credentials file
   * and a CA file (blank: none). Without a credentials file the user and password come from the
   * environment's {@value StoreCredentials#USER_VARIABLE} and {@value
   * StoreCredentials#PASSWORD_VARIABLE}. A message saying what is wrong otherwise; it never holds a
   * password.
   */
  public static TeamStore of(
      String address, String credentialsFile, String caFile, java.util.Map<String, String> env) {
    StoreAddress a = StoreAddress.parse(address);
    Path ca = caFile == null || caFile.isBlank() ? null : Path.of(caFile.strip());
    if (ca != null && !a.tls()) {
      throw new IllegalArgumentException(
          "a CA file is for TLS: write the address as opensearch+https://"
              + a.endpoint().getHost()
              + ":"
              + a.endpoint().getPort()
              + "/"
              + a.prefix());
    }
    StoreCredentials c;
    if (credentialsFile == null || credentialsFile.isBlank()) {
      c = StoreCredentials.fromEnvironment(env);
    } else {
      try {
        c = StoreCredentials.fromFile(Path.of(credentialsFile.strip()));
      } catch (IOException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    return new TeamStore(a, c, ca);
  }

  /**
   * What a push did.
   *
   * @param run the push's id, in every document it wrote
   * @param index the OpenSearch index written, which the workspace's name now points at
   * @param written the incidents written (each created or replaced by its key)
   * @param inStore the incidents the index holds afterwards
   */
  public record Pushed(String run, String index, int written, long inStore, long millis) {}

  /**
   * Writes the session's incidents with their findings to the team workspace as one push, which
   * everyone sees at once when it is complete (the earlier push until then).
   */
  public Pushed push(Session session, TaskMonitor monitor) throws IOException {
    long t0 = System.nanoTime();
    try (OpenSearchIncidentIndex index = connect()) {
      OpenSearchIncidentIndex.Pushed p = index.push(session.workspace(), monitor);
      return new Pushed(
          p.run(), p.index(), p.written(), index.count(), (System.nanoTime() - t0) / 1_000_000);
    }
  }

  /**
   * The team workspace's incidents a query finds, best first, at most {@code limit}; a query the
   * local search cannot parse is refused here, with the local search's message, before it is sent.
   */
  public OpenSearchIncidentIndex.Found search(String query, int limit) throws IOException {
    try {
      dev.rehearsal.index.QuerySyntax.check(query);
    } catch (dev.rehearsal.index.SearchSyntaxException e) {
      throw new Rows.QuerySyntaxException(e.getMessage(), e);
    }
    try (OpenSearchIncidentIndex index = connect()) {
      return index.find(query, limit);
    }
  }

  private OpenSearchIncidentIndex connect() throws IOException {
    return OpenSearchIncidentIndex.connect(address, credentials, caFile);
  }
}
