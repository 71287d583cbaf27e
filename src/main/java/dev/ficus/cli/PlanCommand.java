package dev.ficus.cli;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.Strategies;
import dev.ficus.cluster.Strategy;
import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import dev.ficus.plan.Planner;
import dev.ficus.report.Diagram;
import dev.ficus.report.DiagramDot;
import dev.ficus.report.DiagramMermaid;
import dev.ficus.report.HtmlReport;
import dev.ficus.report.PlanJson;
import dev.ficus.report.PlanMarkdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ficus plan}: routes clustered into services, strangler phases, policies and metrics. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Plans a strangler-fig decomposition: clusters the routes into services of one function per"
          + " route, orders the extraction in phases, gives each function a least-privilege policy,"
          + " and measures the cut. Writes plan.json (editable) and plan.md beside it."
    })
final class PlanCommand implements Callable<Integer> {

  /** Output formats of {@code plan}. */
  enum Format {
    markdown,
    json,
    html,
    dot,
    mermaid
  }

  @Spec CommandSpec spec;

  @ParentCommand Ficus ficus;

  @Parameters(index = "0", paramLabel = "REPO", description = "The repository checkout to plan.")
  Path repo;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description =
          "Write the plan to FILE (JSON) and plan.md beside it; without it plan.md goes to standard"
              + " output. With a --format other than markdown, write that format to FILE instead.")
  Path out;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "markdown",
      description =
          "Output format, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). markdown:"
              + " plan.md (and plan.json with --out). json: plan.json (docs/plan-format.md). html: one"
              + " self-contained page with the services drawn as a graph (their routes, the data they"
              + " read and write, shared classes, conflicts in red), the phases as a timeline, each"
              + " route's call chains and the findings. dot, mermaid: the graph of services, routes"
              + " and resources for Graphviz or Mermaid.")
  Format format;

  @Option(
      names = "--strategy",
      paramLabel = "ID",
      defaultValue = "auto",
      description =
          "How routes are grouped into services: per-route, by-path, by-resource or auto (default:"
              + " ${DEFAULT-VALUE}); see docs/strategies.md.")
  String strategy;

  @Option(
      names = "--services",
      paramLabel = "N",
      defaultValue = "0",
      description = "At most N services, where the strategy allows it (0: the strategy decides).")
  int services;

  @Option(names = "--compare", description = "Print the metrics of every strategy side by side (docs/metrics.md).")
  boolean compare;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description =
          "Validate a plan.json a user edited (moved routes, renamed services, pinned phases) and"
              + " render it again; errors name the line or the route. The format is in"
              + " docs/plan-format.md.")
  Path editedPlan;

  @Option(
      names = "--weights",
      paramLabel = "NAME=W,...",
      description =
          "Affinity weights: code, data, path, writeWrite, readWrite, readRead"
              + " (docs/strategies.md).")
  String weights;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the clustering's visiting order (default: 42); the same seed gives the same plan.")
  Long seed;

  @Option(names = "--force", description = "Overwrite the output files if they exist.")
  boolean force;

  @Mixin InputOptions input;

  @Override
  public Integer call() {
    if (services < 0) {
      throw new UsageException("--services must be 0 or more, not " + services + ".");
    }
    AffinityWeights affinity = AffinityWeights.defaults();
    if (weights != null) {
      try {
        affinity = affinity.with(weights);
      } catch (IllegalArgumentException e) {
        throw new UsageException("Bad --weights: " + e.getMessage() + ".");
      }
    }
    Strategy chosen =
        Strategies.find(strategy, seed == null ? Planner.DEFAULT_SEED : seed)
            .orElseThrow(
                () -> new UsageException(
                    "Unknown strategy '" + strategy + "'; use one of " + String.join(", ", Strategies.ids()) + "."));
    Path markdown = out == null || format != Format.markdown ? null : markdownBeside(out);
    if (out != null && !force) {
      for (Path p : markdown == null ? new Path[] {out} : new Path[] {out, markdown}) {
        if (Files.exists(p)) {
          throw new UsageException("The output file " + p + " exists; pass --force to overwrite it.");
        }
      }
    }
    String editedText = PlanInputs.readEditedPlan(editedPlan);

    Analysis analysis;
    try (ProgressDisplay progress = ficus.progress(spec.commandLine().getErr())) {
      analysis = new AnalysisPipeline(input.pipelineOptions()).withProgress(progress).analyze(repo);
    }
    PlanInputs.requireRoutes(analysis, repo, "plan");
    Planner planner = new Planner(affinity, seed == null ? Planner.DEFAULT_SEED : seed);
    if (compare) {
      print(PlanMarkdown.compare(planner.compare(analysis, services)));
      return ExitCode.OK.code();
    }
    Plan plan = PlanInputs.plan(analysis, planner, editedPlan, editedText, chosen, services);
    if (format == Format.markdown && out != null) {
      OutputFiles.writeAtomically(out, PlanJson.render(plan));
      OutputFiles.writeAtomically(markdown, PlanMarkdown.render(plan));
      ficus.info(spec.commandLine().getErr(), "wrote " + out + " and " + markdown);
      return ExitCode.OK.code();
    }
    String text =
        switch (format) {
          case markdown -> PlanMarkdown.render(plan);
          case json -> PlanJson.render(plan);
          case html -> HtmlReport.plan(plan, analysis);
          case dot -> DiagramDot.render(Diagram.of(plan));
          case mermaid -> DiagramMermaid.render(Diagram.of(plan));
        };
    if (out == null) {
      print(text);
    } else {
      OutputFiles.writeAtomically(out, text);
      ficus.info(spec.commandLine().getErr(), "wrote " + out);
    }
    return ExitCode.OK.code();
  }

  /** plan.json gives plan.md, anything else gets .md appended. */
  static Path markdownBeside(Path json) {
    String name = json.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    return json.resolveSibling(base + ".md");
  }

  private void print(String text) {
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
  }
}
