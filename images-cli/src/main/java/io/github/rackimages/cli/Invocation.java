package io.github.rackimages.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run of the command line works with: its environment (never read from the process in tests),
 * its output streams, its terminal and the secrets to keep out of what it prints.
 */
final class Invocation {

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final Terminal terminal;
  private final Redactor redactor = new Redactor();
  private boolean debug;
  private String source = "the service";
  private String credentials =
      "the user name and the API key or password (RACKSPACE_USERNAME, RACKSPACE_API_KEY, RACKSPACE_PASSWORD), "
          + "or the token (IMAGES_TOKEN)";

  Invocation(Map<String, String> env, PrintStream out, PrintStream err, Terminal terminal) {
    this.env = Map.copyOf(env);
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** A variable of the environment given to this run; empty when unset or blank. */
  Optional<String> env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  Terminal terminal() {
    return terminal;
  }

  Redactor redactor() {
    return redactor;
  }

  boolean debug() {
    return debug;
  }

  void debug(boolean on) {
    this.debug = on;
  }

  /** How the source of images is named in messages, once chosen. */
  String source() {
    return source;
  }

  /** What to check when the source refuses the credentials. */
  String credentials() {
    return credentials;
  }

  void source(Source chosen) {
    this.source = chosen.description();
    this.credentials = chosen.credentials();
  }

  /** Writes one line on stderr, redacted, with the output flushed first so that the two do not interleave. */
  void warn(String line) {
    out.flush();
    err.println(redactor.redact(line));
    err.flush();
  }
}
