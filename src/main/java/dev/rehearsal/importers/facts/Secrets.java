package dev.rehearsal.importers.facts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which configuration values must never be stored in clear, and digests them. A value is
 * secret when its key looks like one (password, secret, token, API key, private key, credential,
 * passphrase ...) or when the value itself does (a URL or DSN with a password, a Stripe, GitHub,
 * Slack or AWS key, a PEM private key). Secrets are stored as {@code sha256:} plus the first 16 hex
 * digits of the SHA-256 of the value, so two environments can still be compared for equality
 * without the value being kept.
 */
public final class Secrets {
  private Secrets() {}

  /** Whole words that make a key secret. */
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "password",
          "passwd",
          "pwd",
          "pass",
          "secret",
          "secrets",
          "token",
          "credential",
          "credentials",
          "passphrase",
          "apikey",
          "privatekey",
          "secretkey",
          "accesskey",
          "authkey",
          "dsn");

  /** Word pairs that make a key secret ("api key", "private key", ...). */
  private static final Set<String> SECRET_PAIRS =
      Set.of(
          "api key",
          "private key",
          "secret key",
          "access key",
          "auth key",
          "signing key",
          "encryption key",
          "client secret",
          "master key",
          "session key",
          "shared key",
          "app key",
          "license key");

  /** Substrings of a joined word that make it secret ("dbpassword", "accesstoken"). */
  private static final String[] SECRET_PARTS = {
    "password", "passwd", "secret", "credential", "apikey", "privatekey", "passphrase", "token"
  };

  /**
   * A key whose last word is one of these names a setting about a secret, not the secret: {@code
   * jwt.token.ttl}, {@code oauth.token-uri}, {@code password.min-length}.
   */
  private static final Set<String> ABOUT_WORDS =
      Set.of(
          "uri",
          "url",
          "endpoint",
          "ttl",
          "timeout",
          "expiry",
          "expiration",
          "expires",
          "length",
          "size",
          "enabled",
          "enable",
          "header",
          "type",
          "name",
          "lifetime",
          "validity",
          "seconds",
          "ms",
          "millis",
          "minutes",
          "path",
          "file",
          "location",
          "algorithm",
          "policy",
          "pattern",
          "regex",
          "count",
          "max",
          "min",
          "prefix",
          "format",
          "mode",
          "strength",
          "rotation",
          "refresh",
          "cache",
          "store",
          "provider",
          "issuer",
          "audience");

  // a scheme is a few characters: bounded, so that a long value is not searched in quadratic time
  private static final Pattern URL_WITH_PASSWORD =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]{0,31}://[^/\\s:@]*:[^/\\s@]+@");
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile(
          "(?i)(?:^|[?&;\\s])(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?token)=[^&;\\s]+");
  private static final Pattern KNOWN_KEYS =
      Pattern.compile(
          "(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{8,}|whsec_[A-Za-z0-9]{8,}|gh[pousr]_[A-Za-z0-9]{20,}"
              + "|github_pat_[A-Za-z0-9_]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}"
              + "|-----BEGIN [A-Z ]*PRIVATE KEY-----|SG\\.[A-Za-z0-9_\\-]{16,}\\.[A-Za-z0-9_\\-]{16,}"
              + "|eyJ[A-Za-z0-9_\\-]{10,}\\.eyJ[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]+");

  /** The words of a key: split at non-alphanumerics and camelCase boundaries, lowercased. */
  static List<String> words(String key) {
    List<String> out = new ArrayList<>();
    String k = key == null ? "" : key;
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(cur, out);
        continue;
      }
      if (Character.isUpperCase(c) && cur.length() > 0) {
        char prev = k.charAt(i - 1);
        boolean nextLower = i + 1 < k.length() && Character.isLowerCase(k.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          flush(cur, out);
        }
      }
      cur.append(c);
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString().toLowerCase(Locale.ROOT));
      cur.setLength(0);
    }
  }

  /** Whether a configuration key looks like it holds a secret. */
  public static boolean isSecretKey(String key) {
    List<String> w = words(key);
    if (w.isEmpty()) {
      return false;
    }
    if (ABOUT_WORDS.contains(w.get(w.size() - 1)) && w.size() > 1) {
      return false;
    }
    for (int i = 0; i < w.size(); i++) {
      String word = w.get(i);
      if (SECRET_WORDS.contains(word)) {
        return true;
      }
      if (i + 1 < w.size() && SECRET_PAIRS.contains(word + " " + w.get(i + 1))) {
        return true;
      }
      for (String part : SECRET_PARTS) {
        if (word.length() > part.length()
            && word.contains(part)
            && !word.endsWith("tokens")
            && !word.startsWith("tokeni")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Why a value looks secret by itself ("a URL with a password", "a Stripe key"), or null. */
  public static String secretValue(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (URL_WITH_PASSWORD.matcher(value).find()) {
      return "the value is a URL or DSN with a password";
    }
    if (PASSWORD_PARAM.matcher(value).find()) {
      return "the value carries a password or token parameter";
    }
    Matcher m = KNOWN_KEYS.matcher(value);
    if (m.find()) {
      return "the value looks like an access key or private key";
    }
    return null;
  }

  /** {@code sha256:} and the first 16 hex digits of the SHA-256 of the UTF-8 value. */
  public static String digest(String value) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] h = md.digest((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder("sha256:");
      for (int i = 0; i < 8; i++) {
        sb.append(String.format("%02x", h[i] & 0xff));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An entry of a stripped line (no trailing {@code \\s*$}: quadratic on long runs of spaces). */
  private static final Pattern INNER_ENTRY =
      Pattern.compile("^(?:export\\s+)?([A-Za-z0-9_.\\-\\[\\]/]+)\\s*[=:]\\s*(.*)$");

  /**
   * For a multi-line value (a whole file held in one ConfigMap key): the first line that holds a
   * secret-looking entry ("line 3: spring.datasource.password"), or null.
   */
  public static String secretInside(String value) {
    if (value == null || value.indexOf('\n') < 0) {
      return null;
    }
    String[] lines = value.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = INNER_ENTRY.matcher(lines[i].strip());
      if (m.matches()) {
        String v = unquote(m.group(2));
        if (!v.isEmpty() && isSecretKey(m.group(1))) {
          return "line " + (i + 1) + ": " + m.group(1);
        }
      }
      if (secretValue(lines[i]) != null) {
        return "line " + (i + 1);
      }
    }
    return null;
  }

  /** Entries of the form {@code key=value} or {@code key: value} in a multi-line value. */
  static List<String[]> innerEntries(String value) {
    List<String[]> out = new ArrayList<>();
    if (value == null || value.indexOf('\n') < 0) {
      return out;
    }
    for (String line : value.split("\n")) {
      String t = line.strip();
      if (t.startsWith("#") || t.startsWith("!") || t.startsWith("//")) {
        continue;
      }
      Matcher m = INNER_ENTRY.matcher(line);
      if (m.matches()) {
        out.add(new String[] {m.group(1), unquote(m.group(2))});
      }
      if (out.size() >= 10_000) {
        break;
      }
    }
    return out;
  }

  private static String unquote(String v) {
    String s = v.strip();
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
