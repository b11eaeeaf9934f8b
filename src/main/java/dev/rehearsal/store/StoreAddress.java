package dev.rehearsal.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a team workspace lives: {@code opensearch://host[:port]/prefix} (plain HTTP) or {@code
 * opensearch+https://host[:port]/prefix} (TLS), the port 9200 when none is given. The prefix names
 * the workspace's indexes on that cluster, so several teams can share one. An address never holds
 * credentials: they come from the environment or a file ({@link StoreCredentials}), so that an
 * address can be printed, remembered and written into a note without giving anything away.
 *
 * @param endpoint the node's HTTP endpoint (scheme, host and port only)
 * @param prefix lower case: letters, digits, '-' and '_', as OpenSearch's index names allow
 */
public record StoreAddress(URI endpoint, String prefix) {
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

  /** The address as typed, or a message saying what is wrong with it and how to write it. */
  public static StoreAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "no store address: write opensearch://host:9200/prefix (or opensearch+https://...)");
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "not a store address: " + e.getMessage() + " (write opensearch://host:9200/prefix)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String http =
        switch (scheme) {
          case "opensearch" -> "http";
          case "opensearch+https" -> "https";
          default ->
              throw new IllegalArgumentException(
                  "the store address must start with opensearch:// or opensearch+https://, not \""
                      + (scheme.isEmpty() ? text.strip() : scheme + "://")
                      + "\"");
        };
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the store address holds credentials; leave them out (the address is printed and"
              + " remembered) and set "
              + StoreCredentials.USER_VARIABLE
              + " and "
              + StoreCredentials.PASSWORD_VARIABLE
              + " or give --store-credentials FILE");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException(
          "the store address names no host: write opensearch://host:9200/prefix");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the store address takes no query or fragment: write opensearch://host:9200/prefix");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String prefix = path.startsWith("/") ? path.substring(1) : path;
    if (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException(
          "the store address names no prefix for the workspace's indexes: write"
              + " opensearch://host:9200/prefix");
    }
    String lower = prefix.toLowerCase(Locale.ROOT);
    if (!PREFIX.matcher(lower).matches()) {
      throw new IllegalArgumentException(
          "the prefix \""
              + prefix
              + "\" cannot name an index: use letters, digits, '-' and '_', starting with a letter"
              + " or digit, at most 100");
    }
    int port = uri.getPort() < 0 ? 9200 : uri.getPort();
    return new StoreAddress(URI.create(http + "://" + hostPart(uri.getHost()) + ":" + port), lower);
  }

  private static String hostPart(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** Whether the node is reached over TLS. */
  public boolean tls() {
    return "https".equals(endpoint.getScheme());
  }

  /** The address as it is written, without credentials (there are none in it). */
  @Override
  public String toString() {
    return (tls() ? "opensearch+https://" : "opensearch://")
        + endpoint.getHost()
        + ":"
        + endpoint.getPort()
        + "/"
        + prefix;
  }
}
