package dev.rehearsal.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings held as UTF-8 in one byte array, with the end of each in an int array: a million deploy
 * keys as two arrays instead of two million objects (a String and its byte array each), which the
 * collector would otherwise trace on every cycle of a one-gigabyte heap. A string is made only when
 * one is asked for.
 *
 * <p>Strings compare by their bytes, unsigned, which is the order of their code points.
 */
final class Utf8Column {
  private byte[] bytes;
  private int[] ends;
  private int size;

  Utf8Column() {
    this(16, 256);
  }

  Utf8Column(int capacity, int byteCapacity) {
    ends = new int[Math.max(1, capacity)];
    bytes = new byte[Math.max(16, byteCapacity)];
  }

  int size() {
    return size;
  }

  /** Appends a string; returns its index. */
  int add(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return add(b, 0, b.length);
  }

  /** Appends a string given as UTF-8; returns its index. */
  int add(byte[] b, int off, int len) {
    int start = start(size);
    if (start + len > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(start + len, bytes.length + (bytes.length >> 1)));
    }
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, ends.length + (ends.length >> 1) + 1);
    }
    System.arraycopy(b, off, bytes, start, len);
    ends[size] = start + len;
    return size++;
  }

  private int start(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  /** Where string i starts in {@link #raw()}. */
  int offset(int i) {
    check(i);
    return start(i);
  }

  /** The bytes of all strings, end to end; read them, never write them. */
  byte[] raw() {
    return bytes;
  }

  String get(int i) {
    check(i);
    int s = start(i);
    return new String(bytes, s, ends[i] - s, StandardCharsets.UTF_8);
  }

  /** Length in bytes of string i. */
  int byteLength(int i) {
    check(i);
    return ends[i] - start(i);
  }

  int compare(int i, int j) {
    check(i);
    check(j);
    int a = start(i);
    int b = start(j);
    return Arrays.compareUnsigned(bytes, a, ends[i], bytes, b, ends[j]);
  }

  /** Whether string i is these bytes. */
  boolean equalsBytes(int i, byte[] b, int off, int len) {
    check(i);
    int s = start(i);
    return Arrays.equals(bytes, s, ends[i], b, off, off + len);
  }

  /** Hash of string i; the same as {@link #hash(byte[], int, int)} of its bytes. */
  int hash(int i) {
    check(i);
    int s = start(i);
    return hash(bytes, s, ends[i] - s);
  }

  static int hash(byte[] b, int off, int len) {
    int h = 1;
    for (int k = off; k < off + len; k++) {
      h = 31 * h + b[k];
    }
    return h ^ (h >>> 16);
  }

  /** A copy holding string order[k] at k. */
  Utf8Column select(int[] order) {
    long total = 0;
    for (int o : order) {
      total += byteLength(o);
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("more text than one column holds");
    }
    Utf8Column c = new Utf8Column(order.length, (int) total);
    for (int o : order) {
      int s = start(o);
      c.add(bytes, s, ends[o] - s);
    }
    return c;
  }

  /** Releases unused capacity; returns this. */
  Utf8Column trim() {
    int used = start(size);
    if (bytes.length > used + 16) {
      bytes = Arrays.copyOf(bytes, Math.max(16, used));
    }
    if (ends.length > size) {
      ends = Arrays.copyOf(ends, Math.max(1, size));
    }
    return this;
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("string " + i + " of " + size);
    }
  }
}
