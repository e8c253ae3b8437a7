package io.github.rackimages.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs the {@code images} command line in-process: arguments, environment and streams in, exit code out. The
 * executable's {@code main} is a thin wrapper around it, and tests drive it directly, with an environment of
 * their own (the process's environment is never read here).
 *
 * <pre>{@code
 * ByteArrayOutputStream out = new ByteArrayOutputStream();
 * int code = Cli.run(new String[] {"list", "--format", "ids"}, Map.of(),
 *     new PrintStream(out, true, UTF_8), System.err);
 * }</pre>
 *
 * @since 1.0
 */
public final class Cli {

  /** The environment variables that hold secrets; their values never appear in what the command prints. */
  static final Set<String> SECRET_VARIABLES = Set.of("IMAGES_TOKEN", "RACKSPACE_API_KEY", "RACKSPACE_PASSWORD");

  /** The options whose values are secrets. */
  static final Set<String> SECRET_OPTIONS = Set.of("--token", "--api-key", "--password");

  private Cli() {}

  /**
   * Runs the command line as if its output were piped (no progress line, tables not cut to a width).
   *
   * @return the exit code: {@link ExitCode#OK}, {@link ExitCode#FAILURE}, {@link ExitCode#USAGE} or
   *     {@link ExitCode#AUTHENTICATION}
   * @throws NullPointerException if an argument is null
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    return run(args, env, out, err, Terminal.piped());
  }

  /**
   * Runs the command line for this terminal.
   *
   * @return the exit code: {@link ExitCode#OK}, {@link ExitCode#FAILURE}, {@link ExitCode#USAGE} or
   *     {@link ExitCode#AUTHENTICATION}
   * @throws NullPointerException if an argument is null
   */
  public static int run(
      String[] args, Map<String, String> env, PrintStream out, PrintStream err, Terminal terminal) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(terminal, "terminal");
    Invocation inv = new Invocation(env, out, err, terminal);
    rememberSecrets(inv, args, env);
    CommandLine cli = ImagesCommand.commandLine(inv, args);
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new RedactingWriter(err, inv.redactor()), true));
    if (terminal.interactive()) {
      cli.setUsageHelpWidth(Math.max(60, Math.min(terminal.columns(), 120)));
    }
    // Whole numbers and URLs without a converter of their own are still refused in the command line's words.
    cli.registerConverter(Integer.class, new Converters.AnyInt());
    cli.registerConverter(int.class, new Converters.AnyInt());
    cli.registerConverter(Long.class, new Converters.AnyLong());
    cli.registerConverter(long.class, new Converters.AnyLong());
    cli.registerConverter(java.net.URI.class, new Converters.Url());
    cli.setParameterExceptionHandler(Cli::usageError);
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> Failures.report(e, command.getCommandSpec().qualifiedName(), inv));
    cli.setExecutionStrategy(parseResult -> execute(parseResult, inv));
    try {
      return cli.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands only exceptions to the handler above; an Error (OutOfMemoryError, StackOverflowError, a
      // missing class) would leave as a raw stack trace. It is reported in one line too, the trace only with --debug.
      return Failures.report(e, "images", inv);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Runs the chosen subcommand with {@code --debug} applied around it. */
  private static int execute(ParseResult parseResult, Invocation inv) {
    boolean debug = false;
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      debug |= p.hasMatchedOption("--debug");
    }
    inv.debug(debug);
    if (!debug) {
      return new CommandLine.RunLast().execute(parseResult);
    }
    DebugLogging logging = DebugLogging.enable(inv.err(), inv.redactor());
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } finally {
      logging.close();
    }
  }

  /** One line: what is wrong and where to read more (and the nearest names for a typo); exit code 2. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine root = e.getCommandLine();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return UsageErrors.report(e, ((ImagesCommand) root.getCommand()).invocation());
  }

  /** Secrets given as options ({@code --api-key K} or {@code --api-key=K}) or in the environment. */
  private static void rememberSecrets(Invocation inv, String[] args, Map<String, String> env) {
    for (String variable : SECRET_VARIABLES) {
      inv.redactor().add(env.get(variable));
    }
    List<String> list = List.of(args);
    for (int i = 0; i < list.size(); i++) {
      String arg = list.get(i);
      for (String option : SECRET_OPTIONS) {
        if (arg.equals(option) && i + 1 < list.size()) {
          inv.redactor().add(list.get(i + 1));
        } else if (arg.startsWith(option + "=")) {
          inv.redactor().add(arg.substring(option.length() + 1));
        }
      }
    }
  }

  /** A writer to stderr that masks secrets line by line, for what picocli prints itself. */
  private static final class RedactingWriter extends Writer {
    private final PrintStream err;
    private final Redactor redactor;
    private final StringBuilder pending = new StringBuilder();

    RedactingWriter(PrintStream err, Redactor redactor) {
      this.err = err;
      this.redactor = redactor;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      pending.append(buf, off, len);
    }

    @Override
    public void flush() {
      if (pending.length() > 0) {
        err.print(redactor.redact(pending.toString()));
        pending.setLength(0);
      }
      err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
