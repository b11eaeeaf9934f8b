package dev.rehearsal.index;

import dev.rehearsal.model.RecordKind;

/** Everything the workspace index holds, one value per document. */
public enum DocKind {
  INCIDENT("incident"),
  DEPLOY("deploy"),
  RUN("run"),
  FACT("fact"),
  /** A status event of a deploy that arrived apart from the deploy (GitHub REST statuses). */
  DEPLOY_STATUS("deploy-status"),
  /** A record that could not be imported, with file, line and reason. */
  REJECTION("rejection"),
  /** The report of one file's import. */
  IMPORT_LOG("import"),
  /** A reviewer's decision about one incident: the one in force (the latest). */
  REVIEW("review"),
  /** Every review ever made, kept with who made it and when. */
  REVIEW_HISTORY("review-history"),
  /** The engine's analysis of one incident. */
  FINDING("finding");

  private final String code;

  DocKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static DocKind of(RecordKind k) {
    switch (k) {
      case INCIDENT:
        return INCIDENT;
      case DEPLOY:
        return DEPLOY;
      case STAGING_RUN:
        return RUN;
      case FACT:
        return FACT;
      default:
        throw new IllegalArgumentException(k.toString());
    }
  }

  public static DocKind fromCode(String code) {
    for (DocKind k : values()) {
      if (k.code.equals(code)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown document kind " + code);
  }
}
