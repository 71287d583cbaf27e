package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion, colour, --quiet, --verbose, the progress line, and the diagram formats. */
class FicusNicetiesTest {

  static final String FIXTURE = "fixtures/rest-orders-switch";

  @TempDir Path temp;

  record Run(int exitCode, String out, String err) {}

  static Run run(Terminal terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ficus.run(args, new PrintWriter(out), new PrintWriter(err), terminal);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void completionPrintsABashScriptThatKnowsEveryCommandAndOption() {
    CliRun run = CliRun.of("completion");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("#!/usr/bin/env bash")
        .contains("analyze", "plan", "--format", "--fail-on", "mermaid", "complete -F");
  }

  @Test
  void textIsColouredOnATerminalAndPlainOtherwise() {
    Run coloured = run(new Terminal(true, false, true), "analyze", "--no-dependency-jars", FIXTURE);
    Run piped = run(Terminal.none(), "analyze", "--no-dependency-jars", FIXTURE);
    Run noColor = run(new Terminal(true, false, false), "analyze", "--no-dependency-jars", FIXTURE);
    assertThat(coloured.out()).contains(Colors.BOLD + "METHOD");
    assertThat(Colors.strip(coloured.out())).isEqualTo(piped.out());
    assertThat(piped.out()).doesNotContain("\033[");
    assertThat(noColor.out()).isEqualTo(piped.out());
  }

  @Test
  void jsonAndFilesAreNeverColoured() throws Exception {
    Terminal tty = new Terminal(true, true, true);
    assertThat(run(tty, "analyze", "--no-dependency-jars", "-f", "json", FIXTURE).out()).doesNotContain("\033[");
    Path file = temp.resolve("report.txt");
    assertThat(run(tty, "analyze", "--no-dependency-jars", "-o", file.toString(), FIXTURE).exitCode()).isZero();
    assertThat(Files.readString(file)).doesNotContain("\033[");
  }

  @Test
  void noColorAndADumbTerminalTurnColourOff() {
    assertThat(Terminal.detect(Map.of("NO_COLOR", "1"), true).colorAllowed()).isFalse();
    assertThat(Terminal.detect(Map.of("TERM", "dumb"), true).colorAllowed()).isFalse();
    assertThat(Terminal.detect(Map.of("NO_COLOR", ""), true).colorAllowed()).isTrue();
  }

  @Test
  void verboseLogsTheStagesAndTheFileWritten() {
    Path file = temp.resolve("plan.html");
    CliRun run = CliRun.of("plan", "--verbose", "--no-dependency-jars", "-f", "html", "-o", file.toString(), FIXTURE);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("files parsed", "routes found", "wrote " + file);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void quietAndVerboseTogetherAreAUsageError() {
    CliRun run = CliRun.of("--quiet", "analyze", "--verbose", FIXTURE);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--quiet and --verbose cannot be used together.");
  }

  @Test
  void quietOnATerminalShowsNoProgress() {
    Run run = run(new Terminal(false, true, true), "analyze", "--quiet", "--no-dependency-jars", "-f", "json", FIXTURE);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theProgressLineAppearsAfterASecondAndIsClearedAtTheEnd() {
    AtomicLong now = new AtomicLong(0);
    StringWriter err = new StringWriter();
    try (ProgressDisplay progress = new ProgressDisplay(new PrintWriter(err), true, false, now::get)) {
      progress.update("12 files parsed");
      progress.tick();
      assertThat(err.toString()).as("nothing within the first second").isEmpty();
      now.set(1500);
      progress.tick();
      assertThat(err.toString()).contains("12 files parsed (1.5s)");
    }
    assertThat(err.toString()).endsWith("\r\033[K");
  }

  @Test
  void aShortRunLeavesStandardErrorEmpty() {
    StringWriter err = new StringWriter();
    try (ProgressDisplay progress = new ProgressDisplay(new PrintWriter(err), true, false, () -> 0L)) {
      progress.update("parsing");
      progress.tick();
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void analyzeAndPlanPrintTheirGraphInDotAndMermaid() {
    CliRun dot = CliRun.of("analyze", "--no-dependency-jars", "-f", "dot", FIXTURE);
    CliRun mermaid = CliRun.of("plan", "--no-dependency-jars", "-f", "mermaid", FIXTURE);
    CliRun html = CliRun.of("analyze", "--no-dependency-jars", "-f", "html", FIXTURE);
    assertThat(dot.exitCode()).isZero();
    assertThat(dot.out()).startsWith("digraph ficus {").contains("label=\"OrdersFunction\"").contains("shape=cylinder");
    assertThat(mermaid.exitCode()).isZero();
    assertThat(mermaid.out()).startsWith("flowchart LR\n").contains("subgraph g0");
    assertThat(html.exitCode()).isZero();
    assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("POST").contains("<svg id=\"graph\"");
  }

  @Test
  void theHtmlReportsAreByteIdenticalFromRunToRun() {
    for (String command : new String[] {"analyze", "plan"}) {
      CliRun first = CliRun.of(command, "--no-dependency-jars", "-f", "html", FIXTURE);
      CliRun second = CliRun.of(command, "--no-dependency-jars", "-f", "html", FIXTURE);
      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(second.out()).as(command).isEqualTo(first.out());
    }
  }

  @Test
  void planWithAnotherFormatWritesOnlyThatFile() throws Exception {
    Path out = temp.resolve("plan.dot");
    CliRun run = CliRun.of("plan", "--no-dependency-jars", "-f", "dot", "-o", out.toString(), FIXTURE);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(out)).startsWith("digraph ficus {");
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("plan.dot");
    }
  }
}
