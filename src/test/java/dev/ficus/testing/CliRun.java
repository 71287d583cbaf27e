package dev.ficus.testing;

import dev.ficus.cli.Ficus;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process, as PMD's CLI tests do, capturing both streams and the exit code. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ficus.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }
}
