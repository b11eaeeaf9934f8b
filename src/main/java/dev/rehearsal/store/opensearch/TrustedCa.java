package dev.rehearsal.store.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS that trusts the certificate authorities of one PEM file (a cluster's own CA, which the JVM's
 * default trust store does not hold) and nothing else.
 */
final class TrustedCa {
  private TrustedCa() {}

  /** The trust manager for the file's certificates; a message naming the file if it holds none. */
  static X509TrustManager trustManager(Path pem) throws IOException {
    if (!Files.isRegularFile(pem)) {
      throw new IOException("the CA file " + pem + " does not exist");
    }
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IOException(
            "the CA file "
                + pem
                + " holds no certificate (a PEM file of BEGIN CERTIFICATE blocks)");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate c : certs) {
        store.setCertificateEntry("ca-" + n++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      for (var tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          return x;
        }
      }
      throw new IOException("no X.509 trust manager for " + pem);
    } catch (GeneralSecurityException e) {
      throw new IOException("the CA file " + pem + " cannot be read as PEM certificates: " + e, e);
    }
  }

  /** A TLS context that trusts the file's certificates. */
  static SSLContext context(Path pem) throws IOException {
    X509TrustManager tm = trustManager(pem);
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS cannot be set up with the CA file " + pem + ": " + e, e);
    }
  }
}
