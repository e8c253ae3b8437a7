package io.github.rackimages.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    subcommands = {
      ListCommand.class, ShowCommand.class, ServeCommand.class, AutoComplete.GenerateCompletion.class
    },
    description = {
      "List Rackspace Cloud Servers (OpenStack Compute v2) images, or serve them as a local emulator.",
      "",
      "Images come from the embedded sample catalog unless --catalog, --endpoint or credentials say otherwise.",
      "Exit codes: 0 success, 1 service or network failure, 2 usage error, 3 authentication refused."
    })
public final class ImagesCommand implements Runnable {

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
    System.exit(code);
  }

  /**
   * The command line for a run: picocli's {@code generate-completion} subcommand is hidden by default, and shown
   * here so that people find it in the usage help.
   */
  static CommandLine commandLine(Invocation invocation) {
    CommandLine cli = new CommandLine(new ImagesCommand(invocation));
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return cli;
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
