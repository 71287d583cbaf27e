package dev.ficus.cli;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.Strategies;
import dev.ficus.cluster.Strategy;
import dev.ficus.model.Analysis;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Plan;
import dev.ficus.plan.PlanFile;
import dev.ficus.plan.Planner;
import dev.ficus.report.PlanJson;
import dev.ficus.report.PlanMarkdown;
import dev.ficus.workspace.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPO", description = "The repository checkout to plan.")
  Path repo;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the plan to FILE (JSON) and plan.md beside it; without it plan.md goes to standard output.")
  Path out;

  @Option(
      names = "--strategy",
      paramLabel = "ID",
      defaultValue = "auto",
      description = "per-route, by-path, by-resource or auto (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Option(
      names = "--services",
      paramLabel = "N",
      defaultValue = "0",
      description = "At most N services, where the strategy allows it (0: the strategy decides).")
  int services;

  @Option(names = "--compare", description = "Print the metrics of every strategy side by side.")
  boolean compare;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description = "Validate and re-render a plan.json a user edited (moved routes, renamed services, pinned phases).")
  Path editedPlan;

  @Option(
      names = "--weights",
      paramLabel = "NAME=W,...",
      description = "Affinity weights: code, data, path, writeWrite, readWrite, readRead (docs/strategies.md).")
  String weights;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the clustering's visiting order (default: 42).")
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
    Path markdown = out == null ? null : markdownBeside(out);
    if (out != null && !force) {
      for (Path p : new Path[] {out, markdown}) {
        if (Files.exists(p)) {
          throw new UsageException("The output file " + p + " exists; pass --force to overwrite it.");
        }
      }
    }
    String editedText = null;
    if (editedPlan != null) {
      try {
        editedText = Files.readString(editedPlan, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException("Cannot read the plan " + editedPlan + ": " + e.getMessage() + ".");
      }
    }

    Analysis analysis =
        new AnalysisPipeline(input.pipelineOptions()).analyze(repo);
    if (analysis.routes().isEmpty()) {
      boolean noJava =
          analysis.diagnostics().stream().map(Diagnostic::code).anyMatch("no-java-sources"::equals);
      throw new InputException(
          noJava ? "No Java sources found in " + repo + "." : "No API route found in " + repo + "; nothing to plan.");
    }
    Planner planner = new Planner(affinity, seed == null ? Planner.DEFAULT_SEED : seed);
    if (compare) {
      print(PlanMarkdown.compare(planner.compare(analysis, services)));
      return ExitCode.OK.code();
    }
    Plan plan;
    if (editedText != null) {
      PlanFile.Result result = PlanFile.read(editedPlan.getFileName().toString(), editedText, analysis);
      if (!result.ok()) {
        throw new UsageException(
            "The plan " + editedPlan + " cannot be used:\n  " + String.join("\n  ", result.errors()));
      }
      plan = planner.replan(analysis, result.edited());
    } else {
      plan = planner.plan(analysis, chosen, services);
    }
    if (out == null) {
      print(PlanMarkdown.render(plan));
    } else {
      OutputFiles.writeAtomically(out, PlanJson.render(plan));
      OutputFiles.writeAtomically(markdown, PlanMarkdown.render(plan));
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
