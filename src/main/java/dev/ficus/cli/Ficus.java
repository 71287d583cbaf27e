package dev.ficus.cli;

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
      "Grows a Java Lambda monolith out into small least-privilege functions, strangler-fig style."
    },
    subcommands = {AnalyzeCommand.class, PlanCommand.class, ScaffoldCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:findings at or above --fail-on",
      "2:usage error (bad option or argument)",
      "3:input that could not be analyzed"
    })
public final class Ficus implements Runnable {

  @Option(names = "--debug", description = "Print stack traces of internal errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: analyze.");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs ficus with these arguments; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    CommandLine cli = new CommandLine(new Ficus());
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
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
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
