package io.github.rackimages.cli;

/**
 * The output cannot be written any more, mostly because its reader stopped early ({@code images list --all |
 * head}). The walk stops without a message and the command exits with {@link ExitCode#FAILURE}, as Unix tools do on
 * a closed pipe.
 */
final class OutputClosed extends RuntimeException {

  private static final long serialVersionUID = 1L;

  OutputClosed() {
    super("the output was closed", null, false, false);
  }
}
