package dev.rehearsal.util;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one form every stored instant takes, {@code 2023-01-02T17:47:58.222Z} (what {@link
 * Instant#toString()} writes for years 0000 to 9999), read and written directly. The general
 * formatter behind {@link Instant#parse} is slow to run and slower to compile, and the analysis
 * reads hundreds of thousands of instants in a fresh JVM. Anything else (other years, offsets, a
 * leap second, numbers) is left to the standard Jackson handling, so what is read and written is
 * the same either way.
 */
public final class IsoInstants {
  private IsoInstants() {}

  /** Jackson (de)serializers for {@link Instant} with the fast path for the canonical form. */
  static SimpleModule module() {
    SimpleModule m = new SimpleModule("iso-instants");
    m.addSerializer(Instant.class, new Serializer());
    m.addDeserializer(Instant.class, new Deserializer());
    return m;
  }

  /**
   * The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null when the text is not exactly that
   * form with valid fields.
   */
  public static Instant parseCanonical(String s) {
    int n = s.length();
    if (n < 20
        || n > 30
        || s.charAt(n - 1) != 'Z'
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int nano = 0;
    if (n > 20) {
      int fraction = n - 21; // between the dot and the Z
      if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      nano = digits(s, 20, fraction);
      if (nano < 0) {
        return null;
      }
      for (int k = fraction; k < 9; k++) {
        nano *= 10;
      }
    }
    if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nano);
  }

  /** The value of {@code count} ASCII digits from {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** {@link Instant#toString()}: written directly for years 0000 to 9999. */
  public static String text(Instant t) {
    String s = formatCanonical(t);
    return s != null ? s : t.toString();
  }

  /** {@link Instant#toString()} for years 0000 to 9999, written directly; null otherwise. */
  public static String formatCanonical(Instant t) {
    long seconds = t.getEpochSecond();
    long epochDay = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    if (epochDay < MIN_DAY || epochDay > MAX_DAY) {
      return null;
    }
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    char[] out = new char[30];
    int p = 0;
    p = put(out, p, date.getYear(), 4);
    out[p++] = '-';
    p = put(out, p, date.getMonthValue(), 2);
    out[p++] = '-';
    p = put(out, p, date.getDayOfMonth(), 2);
    out[p++] = 'T';
    p = put(out, p, secondOfDay / 3_600, 2);
    out[p++] = ':';
    p = put(out, p, secondOfDay / 60 % 60, 2);
    out[p++] = ':';
    p = put(out, p, secondOfDay % 60, 2);
    int nano = t.getNano();
    if (nano > 0) {
      out[p++] = '.';
      if (nano % 1_000_000 == 0) {
        p = put(out, p, nano / 1_000_000, 3);
      } else if (nano % 1_000 == 0) {
        p = put(out, p, nano / 1_000, 6);
      } else {
        p = put(out, p, nano, 9);
      }
    }
    out[p++] = 'Z';
    return new String(out, 0, p);
  }

  private static final long MIN_DAY = LocalDate.of(0, 1, 1).toEpochDay();
  private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

  private static int put(char[] out, int p, int value, int width) {
    for (int i = p + width - 1; i >= p; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return p + width;
  }

  private static final class Serializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      String s =
          provider.isEnabled(
                  com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              ? null
              : formatCanonical(value);
      if (s != null) {
        g.writeString(s);
      } else {
        InstantSerializer.INSTANCE.serialize(value, g, provider);
      }
    }

    @Override
    public Class<Instant> handledType() {
      return Instant.class;
    }
  }

  private static final class Deserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        Instant t = parseCanonical(p.getText());
        if (t != null) {
          return t;
        }
      }
      return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }

    @Override
    public Class<?> handledType() {
      return Instant.class;
    }
  }
}
