package dev.rehearsal.util;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rehearsal.model.Evidence;
import java.util.Locale;

/** The configured JSON mapper shared by importers, the store and the command line. */
public final class Json {
  /** A single string value may be this long before the parser refuses it (a 50 MB field fits). */
  public static final int MAX_STRING = 64 * 1024 * 1024;

  private static final ObjectMapper MAPPER = build(false);
  private static final ObjectMapper PRETTY = build(true);

  private Json() {}

  private static ObjectMapper build(boolean pretty) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING)
                    .maxNestingDepth(500)
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();
    JsonMapper.Builder b =
        JsonMapper.builder(factory)
            .addModule(new JavaTimeModule())
            .addModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule())
            .addModule(IsoInstants.module()) // after JavaTimeModule: its instants take precedence
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    if (pretty) {
      b.enable(SerializationFeature.INDENT_OUTPUT);
    }
    // evidence is a sealed family of records: each is written with its type's name
    b.addMixIn(Evidence.class, Typed.class);
    b.addMixIn(Evidence.CitedReference.class, CitedReferenceNames.class);
    for (Class<?> type : Evidence.class.getPermittedSubclasses()) {
      b.registerSubtypes(new NamedType(type, typeName(type)));
    }
    return b.build();
  }

  /** Written as a "kind" property naming the record ({@link #typeName}). */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
  private abstract static class Typed {}

  /**
   * A cited reference's kind (commit, version, id, title) is written as "cited": as "kind" it
   * repeated the name of the property that names the evidence's type, and a reader that keeps the
   * last of two equal names lost the type. Read as "kind" too, as written before.
   */
  private abstract static class CitedReferenceNames {
    @com.fasterxml.jackson.annotation.JsonProperty("cited")
    @com.fasterxml.jackson.annotation.JsonAlias("kind")
    abstract String kind();
  }

  /** A record's name in JSON: "ConfigDrift" is "config-drift". */
  static String typeName(Class<?> type) {
    return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectMapper pretty() {
    return PRETTY;
  }

  public static JsonFactory factory() {
    return MAPPER.getFactory();
  }

  /** A streaming parser over text. */
  public static JsonParser parser(java.io.Reader reader) throws java.io.IOException {
    return MAPPER.getFactory().createParser(reader);
  }
}
