package io.github.rackimages.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every secret this invocation knows (token, API key, password, from options or the environment) with
 * {@code ****} in text about to be shown. The library never puts secrets in messages or logs; this is the second
 * line of defence for what the command line itself echoes, such as a parse error quoting an argument.
 */
final class Redactor {

  static final String MASK = "****";

  private final List<String> secrets = new ArrayList<>();

  /**
   * The shortest value masked. Real tokens, API keys and passwords are longer; masking a one- or two-letter test
   * value everywhere would garble every message without protecting anything.
   */
  static final int MIN_LENGTH = 4;

  /** Remembers a secret; null, blank and very short values are ignored. */
  synchronized void add(String secret) {
    if (secret != null && secret.strip().length() >= MIN_LENGTH && !secrets.contains(secret)) {
      secrets.add(secret);
      // Longest first, so that a secret containing another is masked whole.
      secrets.sort(Comparator.comparingInt(String::length).reversed());
    }
  }

  /** The text with every known secret masked. */
  synchronized String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }
}
