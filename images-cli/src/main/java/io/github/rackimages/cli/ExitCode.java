package io.github.rackimages.cli;

/**
 * The exit codes of the {@code images} command, for scripts.
 *
 * @since 1.0
 */
public final class ExitCode {

  /** Success. */
  public static final int OK = 0;

  /**
   * The service or the network failed, an image was not found, or the output could not be written: the message
   * on stderr says which, with the service's status, fault, message and request id when there was an answer.
   */
  public static final int FAILURE = 1;

  /**
   * A bad option or value (unknown option, bad date, limit out of range, unreadable catalog file, a region the
   * service catalog does not offer, ...).
   */
  public static final int USAGE = 2;

  /** The credentials or token were refused (401) or the account may not list images (403). */
  public static final int AUTHENTICATION = 3;

  private ExitCode() {}
}
