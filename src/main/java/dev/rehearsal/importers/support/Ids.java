package dev.rehearsal.importers.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Stable ids for records whose source gives none: a digest of what identifies them. */
public final class Ids {
  private Ids() {}

  /** 16 hex characters of SHA-256 over the parts, separated so "ab"+"c" differs from "a"+"bc". */
  public static String digest(String... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        md.update((p == null ? "\u0000" : p).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0x1f);
      }
      byte[] h = md.digest();
      StringBuilder sb = new StringBuilder(16);
      for (int i = 0; i < 8; i++) {
        sb.append(String.format("%02x", h[i] & 0xff));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
