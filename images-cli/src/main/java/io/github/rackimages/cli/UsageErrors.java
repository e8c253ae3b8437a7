package io.github.rackimages.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What the command line says about a usage error: one line in its own words naming the problem and where to read
 * more, then, for a mistyped command or option, a line with the nearest names ({@code Did you mean: list?}). The
 * exit code is always {@link ExitCode#USAGE}.
 */
final class UsageErrors {

  private UsageErrors() {}

  /** Reports a usage error found while parsing or running {@code e.getCommandLine()}'s command. */
  static int report(ParameterException e, Invocation inv) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    List<String> suggestions = List.of();
    String message;
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      if (arg.startsWith("-") && !arg.matches("-\\d.*")) {
        message = "unknown option '" + arg + "'";
        suggestions = nearest(arg.split("=", 2)[0], optionNames(command));
      } else if (!commandNames(command).isEmpty()) {
        message = "unknown command '" + arg + "'";
        suggestions = nearest(arg, commandNames(command));
      } else {
        message = "unexpected argument '" + arg + "'";
      }
    } else if (e.getArgSpec() != null && e.getValue() != null && e.getCause() != null) {
      // A value a converter refused: ours say what is wrong and what is accepted; anything else (a type picocli
      // converts itself) is named by its label, never with the exception's text.
      String predicate =
          e.getCause() instanceof Converters.Rejected rejected
              ? rejected.getMessage()
              : "is not a valid " + e.getArgSpec().paramLabel();
      message = sentence(label(e.getArgSpec()), e.getValue(), predicate);
    } else {
      message = Failures.oneLine(e.getMessage());
    }
    inv.warn(name + ": " + message + " (see '" + name + " --help')");
    if (!suggestions.isEmpty()) {
      inv.warn("Did you mean: " + String.join(" or ", suggestions) + "?");
    }
    return ExitCode.USAGE;
  }

  /**
   * A usage error for a value refused after parsing, in the same words as a converter's: {@code --name '' is
   * empty; use an image's exact name}.
   *
   * @param what the option's name, or a parameter's label such as {@code ID}
   * @param predicate what is wrong, then what is accepted
   */
  static ParameterException badValue(CommandSpec spec, String what, String value, String predicate) {
    return new ParameterException(spec.commandLine(), sentence(what, value, predicate));
  }

  private static String sentence(String what, String value, String predicate) {
    return what + " '" + value + "' " + predicate;
  }

  private static String label(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }

  private static List<String> optionNames(CommandLine command) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (!option.hidden()) {
        names.addAll(List.of(option.names()));
      }
    }
    return names;
  }

  private static List<String> commandNames(CommandLine command) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      if (!sub.getValue().getCommandSpec().usageMessage().hidden()) {
        names.add(sub.getKey());
      }
    }
    return names;
  }

  /**
   * The names nearest to {@code typo}: those the fewest edits away (a transposed pair counts as one edit), within
   * one edit for short words and two or three for longer ones, or that start with it. Empty when none is near.
   */
  static List<String> nearest(String typo, List<String> names) {
    String word = typo.toLowerCase(Locale.ROOT);
    int letters = word.replaceFirst("^-+", "").length();
    int allowed = letters <= 4 ? 1 : letters <= 8 ? 2 : 3;
    List<String> near = new ArrayList<>();
    int best = Integer.MAX_VALUE;
    for (String name : names.stream().sorted(Comparator.naturalOrder()).toList()) {
      String candidate = name.toLowerCase(Locale.ROOT);
      int d = distance(word, candidate);
      boolean prefix = letters >= 2 && candidate.startsWith(word);
      if (d > allowed && !prefix) {
        continue;
      }
      if (d < best) {
        near.clear();
        best = d;
      }
      if (d == best) {
        near.add(name);
      }
    }
    return near;
  }

  /** Edit distance with transpositions (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
