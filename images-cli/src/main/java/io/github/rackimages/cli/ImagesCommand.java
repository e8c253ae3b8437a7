package io.github.rackimages.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code images} command: lists Rackspace Cloud Servers images from the embedded sample catalog, a catalog
 * file, or the real service, and serves any of them as a local emulator. The executable jar's main class; run it
 * in-process with {@link Cli#run}.
 *
 * <pre>
 * images list --type snapshot --all
 * images show 6455fff1-1f0e-46e3-a795-6c88738d7280
 * images serve --images 25000
 * source &lt;(images generate-completion)     # bash or zsh: complete commands, options and values
 * </pre>
 *
 * @since 1.0
 */
@Command(
    name = "images",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "List Rackspace Cloud Servers (OpenStack Compute v2) images, or serve them as a local emulator.",
      "",
      "Images come from the embedded sample catalog unless --catalog, --endpoint or credentials say otherwise.",
      "Exit codes: 0 success, 1 service or network failure, 2 usage error, 3 authentication refused."
    })
public final class ImagesCommand implements Runnable {

  /**
   * The subcommands in the order the usage help lists them. They are added in code rather than named in
   * {@code @Command(subcommands = ...)}: picocli reads a command's annotations by reflection when it is added, which
   * is most of a short run's time, so a run that names its subcommand builds that one only.
   */
  private static final List<String> SUBCOMMANDS =
      List.of("list", "show", "serve", "generate-completion", "train-archive");

  private final Invocation invocation;

  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the library's debug log and stack traces on stderr (never a secret).")
  boolean debug;

  ImagesCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  /**
   * Runs the command line with the process's environment and streams, then exits with its exit code.
   *
   * @param args the command line's arguments
   */
  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    // UTF-8 whatever the platform's default, and buffered: a walk may print a hundred thousand lines.
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    // A failure on another thread (the HTTP client's, Jetty's) would print its stack trace: one line instead.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (debug) {
        e.printStackTrace(err);
      }
      err.println("images: unexpected " + e.getClass().getName() + " in thread " + thread.getName()
          + (debug ? "" : "; run again with --debug for the stack trace"));
    });
    int code = Cli.run(args, env, out, err, Terminal.detect(env));
    out.flush();
    err.flush();
    HttpClientThreads.endSelectors();
    System.exit(code);
  }

  /**
   * The whole command line, every subcommand in it: picocli's {@code generate-completion} subcommand is hidden by
   * default, and shown here so that people find it in the usage help.
   */
  static CommandLine commandLine(Invocation invocation) {
    return commandLine(invocation, null);
  }

  /**
   * The command line for these arguments: when they name a subcommand exactly ({@code images list ...}), only that
   * one is built; otherwise (no subcommand, a typo, an {@code @file}, completion) all of them are, so that help,
   * suggestions and the completion script see every command.
   */
  static CommandLine commandLine(Invocation invocation, String[] args) {
    CommandLine cli = new CommandLine(new ImagesCommand(invocation));
    String chosen = args == null ? null : chosenSubcommand(args);
    for (String name : SUBCOMMANDS) {
      if (chosen == null || chosen.equals(name)) {
        cli.addSubcommand(name, subcommand(name));
      }
    }
    CommandLine completion = cli.getSubcommands().get("generate-completion");
    if (completion != null) {
      completion.getCommandSpec().usageMessage().hidden(false);
    }
    return cli;
  }

  /**
   * The subcommand the arguments name, or null when they name none for sure. The root's options take no value
   * ({@code --debug}, {@code --help}, {@code --version}), so the first argument that is not an option is the
   * subcommand; {@code --}, an {@code @file} or a completion script need them all.
   */
  private static String chosenSubcommand(String[] args) {
    for (String arg : args) {
      if (arg.equals("--") || arg.startsWith("@")) {
        return null;
      }
      if (!arg.startsWith("-")) {
        return SUBCOMMANDS.contains(arg) && !arg.equals("generate-completion") ? arg : null;
      }
    }
    return null;
  }

  private static Object subcommand(String name) {
    return switch (name) {
      case "list" -> new ListCommand();
      case "show" -> new ShowCommand();
      case "serve" -> new ServeCommand();
      case "generate-completion" -> new AutoComplete.GenerateCompletion();
      case "train-archive" -> new TrainArchiveCommand();
      default -> throw new IllegalArgumentException("no such subcommand: " + name);
    };
  }

  Invocation invocation() {
    return invocation;
  }

  /** {@code images} alone: the usage help, as if {@code --help} had been given. */
  @Override
  public void run() {
    invocation.out().print(spec.commandLine().getUsageMessage());
  }
}
