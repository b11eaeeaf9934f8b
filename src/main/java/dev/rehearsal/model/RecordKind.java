package dev.rehearsal.model;

/** The kinds of records a workspace holds that come from imported files. */
public enum RecordKind {
  INCIDENT("incident"),
  DEPLOY("deploy"),
  STAGING_RUN("run"),
  FACT("fact");

  private final String code;

  RecordKind(String code) {
    this.code = code;
  }

  /** Short lowercase name used in keys, the index and on the command line. */
  public String code() {
    return code;
  }

  public static RecordKind fromCode(String code) {
    for (RecordKind k : values()) {
      if (k.code.equalsIgnoreCase(code) || k.name().equalsIgnoreCase(code)) {
        return k;
      }
    }
    if ("incidents".equalsIgnoreCase(code)) {
      return INCIDENT;
    }
    if ("deploys".equalsIgnoreCase(code)) {
      return DEPLOY;
    }
    if ("runs".equalsIgnoreCase(code) || "staging".equalsIgnoreCase(code)) {
      return STAGING_RUN;
    }
    if ("facts".equalsIgnoreCase(code)) {
      return FACT;
    }
    throw new IllegalArgumentException(
        "unknown record kind '" + code + "' (expected incident, deploy, run or fact)");
  }
}
