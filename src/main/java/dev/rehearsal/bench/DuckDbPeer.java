package dev.rehearsal.bench;

import dev.rehearsal.analysis.Engine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The tool a user would reach for instead: DuckDB, loading the same incidents and production
 * deploys and answering "last successful production deploy of the same service before onset" with
 * an ASOF join. Its JDBC jar is loaded from the benchmark's library folder at run time; the
 * application jar does not carry it.
 */
final class DuckDbPeer {
  /**
   * DuckDB's times.
   *
   * @param joinMillis the first ASOF join in this process
   * @param joinAgainMillis the same join run a second time, as the linker is run again
   */
  record Result(
      long loadMillis,
      long joinMillis,
      long joinAgainMillis,
      long incidentRows,
      long deployRows,
      long joined,
      String version) {}

  private DuckDbPeer() {}

  static Path findJar(Path benchLib) throws IOException {
    if (benchLib == null || !Files.isDirectory(benchLib)) {
      return null;
    }
    try (Stream<Path> s = Files.list(benchLib)) {
      return s.filter(p -> p.getFileName().toString().startsWith("duckdb_jdbc"))
          .findFirst()
          .orElse(null);
    }
  }

  static Result run(Path jar, Engine.LinkInputs in, Path work) throws Exception {
    Path incidents = work.resolve("incidents.csv");
    Path deploys = work.resolve("deploys.csv");
    Files.createDirectories(work);
    try (BufferedWriter w = Files.newBufferedWriter(incidents, StandardCharsets.UTF_8)) {
      w.write("key,service,onset\n");
      for (int i = 0; i < in.incidents().size(); i++) {
        String[] r = in.incidents().get(i);
        w.write(r[0] + "," + r[1] + "," + in.onsets()[i] + "\n");
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(deploys, StandardCharsets.UTF_8)) {
      w.write("key,service,at\n");
      for (int i = 0; i < in.deploys().size(); i++) {
        String[] r = in.deploys().get(i);
        w.write(r[0] + "," + r[1] + "," + in.deployTimes()[i] + "\n");
      }
    }
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, DuckDbPeer.class.getClassLoader())) {
      Driver driver =
          (Driver)
              Class.forName("org.duckdb.DuckDBDriver", true, loader)
                  .getDeclaredConstructor()
                  .newInstance();
      try (Connection c = driver.connect("jdbc:duckdb:", new Properties());
          Statement st = c.createStatement()) {
        String version = "";
        try (ResultSet rs = st.executeQuery("SELECT version()")) {
          if (rs.next()) {
            version = rs.getString(1);
          }
        }
        long t0 = System.nanoTime();
        st.execute(
            "CREATE TABLE incidents AS SELECT key, service, "
                + "make_timestamp(onset * 1000) AS onset FROM read_csv('"
                + incidents
                + "', header = true, columns = {'key': 'VARCHAR', 'service': 'VARCHAR', "
                + "'onset': 'BIGINT'})");
        st.execute(
            "CREATE TABLE deploys AS SELECT key, service, make_timestamp(at * 1000) AS at "
                + "FROM read_csv('"
                + deploys
                + "', header = true, columns = {'key': 'VARCHAR', "
                + "'service': 'VARCHAR', 'at': 'BIGINT'})");
        long load = (System.nanoTime() - t0) / 1_000_000;
        String asof =
            " AS SELECT i.key AS incident, d.key AS deploy "
                + "FROM incidents i ASOF LEFT JOIN deploys d "
                + "ON i.service = d.service AND i.onset >= d.at";
        t0 = System.nanoTime();
        st.execute("CREATE TABLE links" + asof);
        long join = (System.nanoTime() - t0) / 1_000_000;
        // run again, as the benchmark runs the analysis again: each is compared with its like
        t0 = System.nanoTime();
        st.execute("CREATE TABLE links_again" + asof);
        long joinAgain = (System.nanoTime() - t0) / 1_000_000;
        long joined = count(st, "SELECT count(deploy) FROM links");
        return new Result(
            load,
            join,
            joinAgain,
            count(st, "SELECT count(*) FROM incidents"),
            count(st, "SELECT count(*) FROM deploys"),
            joined,
            version);
      }
    }
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
