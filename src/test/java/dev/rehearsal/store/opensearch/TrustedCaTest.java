package dev.rehearsal.store.opensearch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to a team workspace trusts the CA file given and nothing else. (The test node has no TLS; the
 * trust decision is what is ours, the handshake is the JDK's.)
 */
class TrustedCaTest {
  private static Path resource(String name) throws Exception {
    return Path.of(TrustedCaTest.class.getResource("/store/" + name).toURI());
  }

  private static X509Certificate cert(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  @Test
  void theGivenCaIsTrustedAndNoOther() throws Exception {
    X509TrustManager tm = TrustedCa.trustManager(resource("test-ca.pem"));
    assertEquals(1, tm.getAcceptedIssuers().length);
    X509Certificate ours = cert(resource("test-ca.pem"));
    X509Certificate other = cert(resource("other-ca.pem"));
    assertDoesNotThrow(() -> tm.checkServerTrusted(new X509Certificate[] {ours}, "RSA"));
    assertThrows(
        CertificateException.class,
        () -> tm.checkServerTrusted(new X509Certificate[] {other}, "RSA"));
    assertEquals("TLS", TrustedCa.context(resource("test-ca.pem")).getProtocol());
  }

  @Test
  void aFileWithoutACertificateIsRefusedByName(@TempDir Path dir) throws Exception {
    Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
    IOException e = assertThrows(IOException.class, () -> TrustedCa.trustManager(notPem));
    assertTrue(e.getMessage().contains(notPem.toString()), e.getMessage());
    IOException missing =
        assertThrows(IOException.class, () -> TrustedCa.trustManager(dir.resolve("none.pem")));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
  }
}
