package dev.rehearsal.model;

import java.util.List;

/**
 * A service name that Rehearsal thinks means another service: the names the tools wrote that read
 * as {@code name}, the service it is taken for, how sure, and why. Confident suggestions apply
 * until a person rejects them; a person's alias table always wins.
 *
 * @param name the name as it reads before the suggestion (normalised, "notifications-fan-out")
 * @param written the names the tools wrote that read as {@code name}
 * @param service the service it is taken for (a name deploys use)
 * @param score how sure, 0 to 1
 * @param reasons why: matching words, releases its staging runs share with the service's deploys,
 *     incidents that follow the service's deploys, cite its changes or write its name
 * @param status whether it applies
 */
public record AliasSuggestion(
    String name,
    List<String> written,
    String service,
    double score,
    List<Reason> reasons,
    Status status) {

  /** Whether a suggestion applies. */
  public enum Status {
    /** Confident: applies until a person rejects it. */
    APPLIED,
    /** Not confident enough to apply on its own; a person may accept it. */
    SUGGESTED,
    /** A person rejected it. */
    REJECTED
  }

  public AliasSuggestion {
    written = written == null ? List.of() : List.copyOf(written);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  public boolean applied() {
    return status == Status.APPLIED;
  }
}
