package dev.ficus.cli;

import dev.ficus.lint.Baseline;
import dev.ficus.lint.LintOptions;
import dev.ficus.lint.Rules;
import dev.ficus.model.Analysis;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Severity;
import dev.ficus.report.Diagram;
import dev.ficus.report.DiagramDot;
import dev.ficus.report.DiagramMermaid;
import dev.ficus.report.ExplainReport;
import dev.ficus.report.HtmlReport;
import dev.ficus.report.JsonReport;
import dev.ficus.report.SarifReport;
import dev.ficus.report.TextReport;
import dev.ficus.workspace.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ficus analyze}: routes, functions, effects and findings of one repository. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Finds every API route of a Java Lambda repository, the handler that serves it and the"
          + " Lambda function it belongs to, and the event-driven anti-patterns of docs/rules."
    })
final class AnalyzeCommand implements Callable<Integer> {

  /** Output formats of {@code analyze}. */
  enum Format {
    text,
    json,
    sarif,
    html,
    dot,
    mermaid
  }

  /** Severities accepted by {@code --fail-on}, as users type them. */
  enum Level {
    note,
    warning,
    error;

    Severity severity() {
      return Severity.parse(name());
    }
  }

  @Spec CommandSpec spec;

  @ParentCommand Ficus ficus;

  @Parameters(index = "0", paramLabel = "REPO", description = "The repository checkout to analyze.")
  Path repo;

  @Option(
      names = {"-f", "--format"},
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "Output format, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). text: routes,"
              + " a per-route table of AWS calls, a per-function table of what the code needs beside"
              + " what the IaC grants, findings and diagnostics, coloured on a terminal. json: the"
              + " report of docs/report-format.md. sarif: SARIF 2.1.0 for code scanning"
              + " (docs/rules/README.md). html: one self-contained page with the routes, a graph of"
              + " the routes and the data they use, each route's call chains and the findings"
              + " (docs/report-format.md). dot, mermaid: the graph of functions, routes and"
              + " resources for Graphviz or Mermaid.")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the report to FILE instead of standard output, atomically: a failure leaves no"
              + " partial file.")
  Path output;

  @Option(
      names = "--force",
      description =
          "Overwrite the --output or --write-baseline file if it exists; without it an existing"
              + " file is never touched (exit 2).")
  boolean force;

  @Mixin InputOptions input;

  @Option(
      names = "--entry",
      paramLabel = "CLASS#METHOD",
      description =
          "Also analyze this method as an entry point of its own, whether or not it runs in Lambda"
              + " (a batch job's main, a container task): it is listed among the functions with id"
              + " CLASS#METHOD, iac 'entry', and the effects and IAM actions its code needs."
              + " Repeatable. A method that is not in the repository's main sources is an"
              + " entry-not-found error diagnostic; a value without # is a usage error.")
  List<String> entries = new ArrayList<>();

  @Option(
      names = "--explain",
      paramLabel = "ROUTE",
      description =
          "Print why ROUTE ('GET /orders/{id}', or a path for all its methods) needs each of its"
              + " IAM actions, with the call chain from the handler to every SDK call.")
  String explain;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "Exit with code 1 when a finding at LEVEL or above is reported (for CI):"
              + " ${COMPLETION-CANDIDATES}.")
  Level failOn;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Report only findings that are not in this baseline file (see --write-baseline).")
  Path baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description =
          "Record today's findings in FILE, to adopt ficus and fail only on new findings later"
              + " with --baseline (an existing FILE only with --force).")
  Path writeBaseline;

  @Option(
      names = "--monolith-routes",
      paramLabel = "N",
      defaultValue = "" + LintOptions.DEFAULT_MONOLITH_ROUTES,
      description =
          "Routes from which one function counts as a lambda-monolith (default: ${DEFAULT-VALUE}).")
  int monolithRoutes;

  @Override
  public Integer call() {
    if (output != null && Files.exists(output) && !force) {
      throw new UsageException("The output file " + output + " exists; pass --force to overwrite it.");
    }
    if (writeBaseline != null && Files.exists(writeBaseline) && !force) {
      throw new UsageException("The baseline file " + writeBaseline + " exists; pass --force to overwrite it.");
    }
    if (monolithRoutes < 2) {
      throw new UsageException("--monolith-routes must be at least 2.");
    }
    Baseline known = baseline == null ? null : readBaseline(baseline);
    Analysis analysis;
    try (ProgressDisplay progress = ficus.progress(spec.commandLine().getErr())) {
      analysis =
          new AnalysisPipeline(
                  input.pipelineOptions(entries),
                  new LintOptions(monolithRoutes, LintOptions.DEFAULT_MONOLITH_RESOURCES))
              .withProgress(progress)
              .analyze(repo);
    }
    if (writeBaseline != null) {
      OutputFiles.writeAtomically(writeBaseline, Baseline.render(analysis.findings()));
    }
    if (known != null) {
      analysis = analysis.withFindings(known.newFindings(analysis.findings()));
    }
    if (explain != null) {
      String text =
          ExplainReport.render(analysis, explain)
              .orElseThrow(() -> new UsageException("No route " + explain + " in " + repo + "; 'ficus analyze' lists them."));
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      return ExitCode.OK.code();
    }
    String report =
        switch (format) {
          case json -> JsonReport.render(analysis);
          case text -> TextReport.render(analysis);
          case sarif -> SarifReport.render(analysis, Rules.builtIn());
          case html -> HtmlReport.analysis(analysis);
          case dot -> DiagramDot.render(Diagram.of(analysis));
          case mermaid -> DiagramMermaid.render(Diagram.of(analysis));
        };
    if (output == null) {
      if (format == Format.text && ficus.terminal.colorOut()) {
        report = Colors.textReport(report);
      }
      spec.commandLine().getOut().print(report);
      spec.commandLine().getOut().flush();
    } else {
      OutputFiles.writeAtomically(output, report);
      ficus.info(spec.commandLine().getErr(), "wrote " + output);
    }
    if (analysis.routes().isEmpty() && analysis.functions().isEmpty()) {
      boolean noJava =
          analysis.diagnostics().stream().map(Diagnostic::code).anyMatch("no-java-sources"::equals);
      throw new InputException(
          noJava
              ? "No Java sources found in " + repo + "."
              : "No Lambda entry point or API route found in " + repo + ".");
    }
    if (failOn != null
        && analysis.findings().stream().anyMatch(f -> f.severity().atLeast(failOn.severity()))) {
      return ExitCode.FINDINGS.code();
    }
    return ExitCode.OK.code();
  }

  private static Baseline readBaseline(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("The baseline file " + file + " cannot be read.");
    }
    return Baseline.parse(text)
        .orElseThrow(
            () ->
                new UsageException(
                    "The baseline file " + file + " is not a ficus baseline (see --write-baseline)."));
  }
}
