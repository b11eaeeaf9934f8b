package dev.rehearsal.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A reason's arguments: an unmodifiable map that keeps the order they were given in, held as two
 * arrays. It behaves as the {@code LinkedHashMap} it replaces (equal to any map with the same
 * entries; a name given again keeps its place and takes the new value), but is one object and two
 * arrays instead of a table and an entry per argument: an analysis makes a few million reasons, and
 * their maps were a third of everything it allocated.
 */
final class ReasonArgs extends AbstractMap<String, String> {
  static final ReasonArgs EMPTY = new ReasonArgs(new String[0], new String[0], 0);

  private final String[] names;
  private final String[] values;
  private final int size;

  private ReasonArgs(String[] names, String[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
  }

  /** The map itself when it is one already; otherwise its entries in its order. */
  static ReasonArgs copyOf(Map<String, String> m) {
    if (m instanceof ReasonArgs a) {
      return a;
    }
    if (m.isEmpty()) {
      return EMPTY;
    }
    Builder b = new Builder(m.size());
    m.forEach(b::put);
    return b.build();
  }

  /** Arguments put one by one; a name put again keeps its place and takes the new value. */
  static final class Builder {
    private String[] names;
    private String[] values;
    private int size;

    Builder(int expected) {
      names = new String[Math.max(expected, 1)];
      values = new String[names.length];
    }

    Builder(ReasonArgs from, int more) {
      names = Arrays.copyOf(from.names, from.size + Math.max(more, 1));
      values = Arrays.copyOf(from.values, names.length);
      size = from.size;
    }

    Builder put(String name, String value) {
      for (int i = 0; i < size; i++) {
        if (Objects.equals(names[i], name)) {
          values[i] = value;
          return this;
        }
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
      return this;
    }

    ReasonArgs build() {
      return size == 0 ? EMPTY : new ReasonArgs(names, values, size);
    }
  }

  @Override
  public int size() {
    return size;
  }

  private int indexOf(Object name) {
    for (int i = 0; i < size; i++) {
      if (Objects.equals(names[i], name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public String get(Object name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  // equality and hash as any map's, from the arrays: the map's own walk over its entries made an
  // entry object for each argument, and the stored form looks reasons up in hash maps

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ReasonArgs other)) {
      return super.equals(o);
    }
    if (other.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      int j = Objects.equals(names[i], other.names[i]) ? i : other.indexOf(names[i]);
      if (j < 0 || !Objects.equals(values[i], other.values[j])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < size; i++) {
      h += Objects.hashCode(names[i]) ^ Objects.hashCode(values[i]);
    }
    return h;
  }

  @Override
  public void forEach(java.util.function.BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < size; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }
    };
  }
}
