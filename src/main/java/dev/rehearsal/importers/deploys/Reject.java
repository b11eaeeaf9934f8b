package dev.rehearsal.importers.deploys;

/**
 * Thrown while mapping one record that cannot be imported; the message is the reason the user sees.
 * Caught per record, so it never stops the file.
 */
final class Reject extends Exception {
  private static final long serialVersionUID = 1L;

  Reject(String reason) {
    super(reason, null, false, false);
  }

  /** A record that was read fine but is not a deploy (a CI build, a bake pipeline). */
  static Reject notADeploy(String why) {
    return new Reject("not a deploy: " + why);
  }
}
