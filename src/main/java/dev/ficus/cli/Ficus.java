package dev.ficus.cli;

import dev.ficus.workspace.DeepStack;
import dev.ficus.workspace.InputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ficus} command. {@link #run} is what tests call (PMD's CLI does the same): it returns
 * the exit code instead of exiting, and maps every exception to exit codes in this one place, so a
 * user sees one sentence on stderr, and a stack trace only with {@code --debug}.
 */
@Command(
    name = "ficus",
    mixinStandardHelpOptions = true,
    versionProvider = Ficus.Version.class,
    description = {
      "Grows a Java Lambda monolith out into small least-privilege functions, strangler-fig style.",
      "Text reports are coloured only when standard output is a terminal and NO_COLOR is not set;"
          + " json, sarif, html and files are never coloured. A run that takes longer than a second"
          + " shows its progress (files parsed, routes found) on one line of standard error when"
          + " that is a terminal; --quiet turns it off, --verbose logs each stage instead."
    },
    // One line per command; docs/cli.md and the completion script follow this list.
    subcommands = {
      AnalyzeCommand.class,
      PlanCommand.class,
      ScaffoldCommand.class,
      CompletionCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:findings at or above --fail-on",
      "2:usage error: an unknown option, a bad argument, an output file that exists without"
          + " --force, an unreadable baseline or plan file",
      "3:input that could not be analyzed: the path does not exist or is not a folder, it holds no"
          + " Java source, or no Lambda entry point and no route was found (the report is still printed)",
      "70:an internal error, that is a bug in ficus: please report it with the output of --debug"
    })
public final class Ficus implements Runnable {

  @Option(
      names = "--debug",
      description =
          "Print the stack trace of an internal error; without it every error is one sentence on"
              + " standard error, prefixed with 'ficus:'.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress display and no informational messages on standard error; errors still show.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Log each stage of the run on standard error (files parsed, routes found, the time taken)"
              + " and name the files written.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  /** Where output goes; decides colour and the progress line. */
  Terminal terminal = Terminal.none();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing a command: " + String.join(", ", spec.subcommands().keySet()) + ".");
  }

  /**
   * The progress of one run on standard error: a line redrawn in place on a terminal after a
   * second, log lines with {@code --verbose}, nothing with {@code --quiet} or in a pipe.
   */
  ProgressDisplay progress(PrintWriter err) {
    if (quiet && verbose) {
      throw new UsageException("--quiet and --verbose cannot be used together.");
    }
    return new ProgressDisplay(err, !quiet && terminal.stderr(), verbose, System::currentTimeMillis);
  }

  /** An informational message on standard error, shown with {@code --verbose} only. */
  void info(PrintWriter err, String message) {
    if (verbose && !quiet) {
      err.println("ficus: " + message);
      err.flush();
    }
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err, Terminal.detect());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs ficus with these arguments, as in a pipe (no colour, no progress line); returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Terminal.none());
  }

  static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    Ficus ficus = new Ficus();
    ficus.terminal = terminal;
    CommandLine cli = commandLine(ficus);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("ficus: " + ex.getMessage());
          err.println("Run 'ficus --help' for usage.");
          return ExitCode.USAGE.code();
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof InputException) {
            err.println("ficus: " + ex.getMessage());
            return ExitCode.INPUT.code();
          }
          if (ex instanceof UsageException) {
            err.println("ficus: " + ex.getMessage());
            return ExitCode.USAGE.code();
          }
          if (debug) {
            ex.printStackTrace(err);
          }
          err.println(
              "ficus: internal error ("
                  + ex.getClass().getSimpleName()
                  + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                  + "); please report it"
                  + (debug ? "." : ", with the output of --debug."));
          return 70;
        });
    try {
      // On a thread with a deep stack: generated code nests deeper than a default stack holds.
      return DeepStack.call(() -> cli.execute(args));
    } catch (StackOverflowError | OutOfMemoryError e) {
      if (debug) {
        e.printStackTrace(err);
      }
      err.println(
          "ficus: the input is too "
              + (e instanceof StackOverflowError ? "deeply nested" : "large for the memory given (raise -Xmx)")
              + " to analyze; please report it"
              + (debug ? "." : ", with the output of --debug."));
      return 70;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The command tree, for running and for docs/cli.md. */
  static CommandLine commandLine(Ficus ficus) {
    return new CommandLine(ficus);
  }

  /** Reads the version from the jar manifest, so it is set in one place: the pom. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Ficus.class.getPackage().getImplementationVersion();
      return new String[] {"ficus " + (version == null ? "development build" : version)};
    }
  }
}
