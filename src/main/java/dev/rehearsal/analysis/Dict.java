package dev.rehearsal.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Strings to dense ids and back; ids are given in order of first appearance. */
final class Dict {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  int id(String s) {
    Integer i = ids.get(s);
    if (i == null) {
      i = values.size();
      ids.put(s, i);
      values.add(s);
    }
    return i;
  }

  /** The id of a known value, or -1. */
  int find(String s) {
    Integer i = ids.get(s);
    return i == null ? -1 : i;
  }

  String value(int id) {
    return values.get(id);
  }

  int size() {
    return values.size();
  }
}
