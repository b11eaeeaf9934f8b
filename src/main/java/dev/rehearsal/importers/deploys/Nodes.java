package dev.rehearsal.importers.deploys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.rehearsal.util.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * Small readers over JSON trees. Field names are matched exactly first and then without case, so
 * GitHub's GraphQL camelCase ({@code databaseId}) and DevLake's stored PascalCase ({@code
 * DatabaseId}) read alike.
 */
final class Nodes {
  private Nodes() {}

  /**
   * The child at a dotted path, each step matched with or without case (a number steps into a
   * list); a missing node if absent.
   */
  static JsonNode at(JsonNode node, String dottedPath) {
    JsonNode n = node;
    for (String part : dottedPath.split("\\.")) {
      n = child(n, part);
      if (n.isMissingNode()) {
        return n;
      }
    }
    return n;
  }

  static JsonNode child(JsonNode n, String name) {
    if (n != null
        && n.isArray()
        && !name.isEmpty()
        && name.chars().allMatch(Character::isDigit)
        && name.length() < 6) {
      JsonNode v = n.get(Integer.parseInt(name));
      return v == null ? MissingNode.getInstance() : v;
    }
    if (n == null || !n.isObject()) {
      return MissingNode.getInstance();
    }
    JsonNode v = n.get(name);
    if (v != null) {
      return v;
    }
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return MissingNode.getInstance();
  }

  /** Whether the path leads to something that is not missing or null. */
  static boolean has(JsonNode node, String dottedPath) {
    JsonNode v = at(node, dottedPath);
    return !v.isMissingNode() && !v.isNull();
  }

  /**
   * Text at a path: strings as they are, numbers and booleans as written; null for absent/blank.
   */
  static String text(JsonNode node, String dottedPath) {
    JsonNode v = at(node, dottedPath);
    if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }

  /**
   * Text of a field whose name may hold dots (Kubernetes labels and annotations); null if blank.
   */
  static String field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode v = node.get(name);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }

  /** The first non-blank field among several names (dots are part of the names). */
  static String firstField(JsonNode node, String... names) {
    for (String n : names) {
      String s = field(node, n);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** The first non-blank text among several paths. */
  static String first(JsonNode node, String... paths) {
    for (String p : paths) {
      String s = text(node, p);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** A whole number at a path (number or numeric text), or null. */
  static Long number(JsonNode node, String dottedPath) throws Reject {
    JsonNode v = at(node, dottedPath);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return (long) v.asDouble();
    }
    String s = v.asText().strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new Reject("'" + dottedPath + "' is '" + shorten(s) + "', not a whole number");
    }
  }

  /** True, false, or null when absent. Accepts JSON booleans and "true"/"false" text. */
  static Boolean bool(JsonNode node, String dottedPath) {
    JsonNode v = at(node, dottedPath);
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual()) {
      String s = v.asText().strip().toLowerCase(java.util.Locale.ROOT);
      if (s.equals("true")) {
        return true;
      }
      if (s.equals("false")) {
        return false;
      }
    }
    return null;
  }

  /** Parses a JSON text held in a CSV cell; null for blank or "null". */
  static JsonNode parse(String text, String what) throws Reject {
    if (text == null || text.isBlank() || text.strip().equals("null")) {
      return null;
    }
    try {
      return Json.mapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Reject(
          "the '"
              + what
              + "' cell is not valid JSON ("
              + shorten(String.valueOf(e.getOriginalMessage()))
              + ")");
    }
  }

  static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  /** A few of an object's keys, for messages. */
  static String keys(JsonNode n) {
    if (n == null || !n.isObject()) {
      return n == null ? "nothing" : "a JSON " + n.getNodeType().toString().toLowerCase();
    }
    StringBuilder sb = new StringBuilder();
    Iterator<String> it = n.fieldNames();
    int k = 0;
    while (it.hasNext() && k < 6) {
      sb.append(k++ == 0 ? "" : ", ").append(it.next());
    }
    if (it.hasNext()) {
      sb.append(", ...");
    }
    return k == 0 ? "an empty object" : "an object with keys " + sb;
  }
}
