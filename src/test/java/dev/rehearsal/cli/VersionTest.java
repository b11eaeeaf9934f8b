package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.util.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void versionPrintsTheBuildInfoLine() {
    for (String flag : new String[] {"--version", "-V"}) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.execute(new String[] {flag}, new PrintWriter(out, true), new PrintWriter(err, true));
      assertEquals(0, code, err.toString());
      assertEquals(BuildInfo.current().describe(), out.toString().strip());
      assertEquals("", err.toString());
    }
  }
}
