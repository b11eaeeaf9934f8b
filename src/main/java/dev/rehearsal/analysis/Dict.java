package dev.rehearsal.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings to dense ids and back; ids are given in order of first appearance. The values are held as
 * UTF-8 in a {@link Utf8Column} and found through an open-addressing table of ids, so a dictionary
 * of the half million commit SHAs of a million deploys is four arrays, not a million objects in a
 * hash map.
 *
 * <p>A {@link #compact()} dictionary makes a string of a value each time one is asked for; the
 * default one also keeps each value's string, for the small dictionaries (services, environments)
 * whose names go into every finding and should be the same object there.
 */
final class Dict {
  private final Utf8Column values = new Utf8Column();

  /** Id + 1 at each slot, 0 for an empty one; its length is a power of two. */
  private int[] slots = new int[16];

  /** Each value's string, by id; null for a compact dictionary. */
  private String[] strings;

  Dict() {
    strings = new String[16];
  }

  private Dict(boolean compact) {
    strings = compact ? null : new String[16];
  }

  /** A dictionary that holds no String objects. */
  static Dict compact() {
    return new Dict(true);
  }

  int id(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int before = values.size();
    int id = id(b, 0, b.length);
    if (strings != null && id == before) {
      strings[id] = s; // the caller's string, not a copy
    }
    return id;
  }

  /** The id of a value given as UTF-8, added when new. */
  int id(byte[] b, int off, int len) {
    int slot = slot(b, off, len, Utf8Column.hash(b, off, len));
    if (slots[slot] != 0) {
      return slots[slot] - 1;
    }
    int id = values.add(b, off, len);
    slots[slot] = id + 1;
    if (strings != null) {
      if (id == strings.length) {
        strings = java.util.Arrays.copyOf(strings, strings.length * 2);
      }
      strings[id] = values.get(id);
    }
    if (values.size() * 2 > slots.length) {
      grow();
    }
    return id;
  }

  /** The id of a known value, or -1. */
  int find(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return slots[slot(b, 0, b.length, Utf8Column.hash(b, 0, b.length))] - 1;
  }

  /** The id of the value made of the first {@code len} bytes of {@code of}'s value, or -1. */
  int findPrefix(Dict of, int id, int len) {
    byte[] b = of.values.raw();
    int off = of.values.offset(id);
    if (len > of.values.byteLength(id)) {
      throw new IndexOutOfBoundsException(len + " bytes of a value of " + of.byteLength(id));
    }
    return slots[slot(b, off, len, Utf8Column.hash(b, off, len))] - 1;
  }

  /** Length in UTF-8 bytes of a value. */
  int byteLength(int id) {
    return values.byteLength(id);
  }

  String value(int id) {
    return strings != null && id >= 0 && id < values.size() ? strings[id] : values.get(id);
  }

  int size() {
    return values.size();
  }

  /** The slot holding these bytes, or the empty slot where they would go. */
  private int slot(byte[] b, int off, int len, int hash) {
    int mask = slots.length - 1;
    int i = hash & mask;
    while (slots[i] != 0 && !values.equalsBytes(slots[i] - 1, b, off, len)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    int[] next = new int[slots.length * 2];
    int mask = next.length - 1;
    for (int id = 0; id < values.size(); id++) {
      int i = values.hash(id) & mask;
      while (next[i] != 0) {
        i = (i + 1) & mask;
      }
      next[i] = id + 1;
    }
    slots = next;
  }

  @Override
  public String toString() {
    String[] v = new String[Math.min(size(), 5)];
    Arrays.setAll(v, this::value);
    return "Dict" + Arrays.toString(v) + (size() > 5 ? " and " + (size() - 5) + " more" : "");
  }
}
