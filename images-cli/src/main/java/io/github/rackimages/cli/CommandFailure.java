package io.github.rackimages.cli;

/**
 * A failure the command itself detects (an image that does not exist, output that cannot be written), with the
 * one-line message to show and the exit code to return.
 */
final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CommandFailure(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
