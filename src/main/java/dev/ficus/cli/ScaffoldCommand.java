package dev.ficus.cli;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.Strategies;
import dev.ficus.cluster.Strategy;
import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import dev.ficus.plan.Planner;
import dev.ficus.scaffold.GeneratedFile;
import dev.ficus.scaffold.GeneratedProject;
import dev.ficus.scaffold.ProjectWriter;
import dev.ficus.scaffold.ScaffoldNote;
import dev.ficus.scaffold.ScaffoldOptions;
import dev.ficus.scaffold.Scaffolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ficus scaffold}: the plan as a buildable, deployable project. */
@Command(
    name = "scaffold",
    mixinStandardHelpOptions = true,
    description = {
      "Generates the decomposed project: a Maven module per service with the monolith classes its"
          + " routes run, a Lambda handler and a test per route, a SAM template per strangler phase"
          + " with least-privilege policies and canary deployments, IAM policy documents and"
          + " MIGRATION.md. Plans with the default strategy unless --plan names a plan.json."
    })
final class ScaffoldCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand Ficus ficus;

  @Parameters(index = "0", paramLabel = "REPO", description = "The repository checkout of the monolith.")
  Path repo;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The folder to generate into; it must be empty or absent unless --force.")
  Path out;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description = "A plan.json written by 'ficus plan' (and maybe edited); without it ficus plans with --strategy.")
  Path planFile;

  @Option(
      names = "--strategy",
      paramLabel = "ID",
      defaultValue = "auto",
      description = "The strategy to plan with when there is no --plan (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Option(
      names = "--runtime",
      paramLabel = "ID",
      defaultValue = "java21",
      description = "The Lambda runtime of the generated functions: java17, java21 ... (default: ${DEFAULT-VALUE}).")
  String runtime;

  @Option(names = "--memory", paramLabel = "MB", defaultValue = "1024", description = "Memory of each function (default: ${DEFAULT-VALUE}).")
  int memory;

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "30", description = "Timeout of each function in seconds (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(
      names = "--architecture",
      paramLabel = "ARCH",
      defaultValue = "x86_64",
      description = "x86_64 or arm64 (default: ${DEFAULT-VALUE}).")
  String architecture;

  @Option(names = "--snap-start", description = "Turn on SnapStart for the published versions of the functions.")
  boolean snapStart;

  @Option(
      names = "--deployment",
      paramLabel = "TYPE",
      defaultValue = "Canary10Percent5Minutes",
      description = "How each new function's traffic shifts (a CodeDeploy type such as Canary10Percent5Minutes, Linear10PercentEvery1Minute, AllAtOnce; default: ${DEFAULT-VALUE}).")
  String deployment;

  @Option(names = "--dry-run", description = "List the files that would be written, and write nothing.")
  boolean dryRun;

  @Option(names = "--force", description = "Replace the output folder if it is not empty.")
  boolean force;

  @Mixin InputOptions input;

  @Override
  public Integer call() {
    ScaffoldOptions options = options();
    if (!dryRun) {
      ProjectWriter.refusal(out, force).ifPresent(reason -> {
        throw new UsageException(reason);
      });
    }
    String editedText = PlanInputs.readEditedPlan(planFile);
    Strategy chosen =
        Strategies.find(strategy, Planner.DEFAULT_SEED)
            .orElseThrow(() -> new UsageException(
                "Unknown strategy '" + strategy + "'; use one of " + String.join(", ", Strategies.ids()) + "."));
    Analysis analysis;
    try (ProgressDisplay progress = ficus.progress(spec.commandLine().getErr())) {
      analysis = new AnalysisPipeline(input.pipelineOptions()).withProgress(progress).analyze(repo);
    }
    PlanInputs.requireRoutes(analysis, repo, "scaffold");
    Planner planner = new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED);
    Plan plan = PlanInputs.plan(analysis, planner, planFile, editedText, chosen, 0);
    GeneratedProject project = Scaffolder.builtIn().scaffold(analysis, plan, options, repo);
    PrintWriter stdout = spec.commandLine().getOut();
    if (dryRun) {
      for (GeneratedFile file : project.files()) {
        stdout.println(out.resolve(file.path()));
      }
    } else {
      try {
        ProjectWriter.write(project, out, force);
      } catch (IOException e) {
        throw new UsageException("Cannot write the project to " + out + ": " + e.getMessage());
      }
      stdout.println(
          "Wrote " + project.files().size() + " files to " + out + ": " + plan.services().size() + " services, "
              + plan.functions().size() + " functions, " + plan.phases().size() + " phases.");
    }
    // A note made at several places (each phase's template, say) is said once here; MIGRATION.md
    // keeps every place.
    java.util.Set<String> lines = new java.util.LinkedHashSet<>();
    for (ScaffoldNote note : project.notes()) {
      lines.add((note.function() == null ? "" : note.function() + ": ") + note.message());
    }
    if (!lines.isEmpty()) {
      stdout.println(lines.size() + (lines.size() == 1 ? " thing" : " things")
          + " ficus could not carry over (also in MIGRATION.md):");
      lines.forEach(line -> stdout.println("  - " + line));
    }
    stdout.flush();
    return ExitCode.OK.code();
  }

  private ScaffoldOptions options() {
    if (!runtime.matches("java\\d+(\\.al2)?")) {
      throw new UsageException("--runtime takes a Java runtime such as java21, not " + runtime + ".");
    }
    if (!architecture.equals("x86_64") && !architecture.equals("arm64")) {
      throw new UsageException("--architecture takes x86_64 or arm64, not " + architecture + ".");
    }
    if (memory < 128 || memory > 10240) {
      throw new UsageException("--memory takes 128 to 10240 MB, not " + memory + ".");
    }
    if (timeout < 1 || timeout > 900) {
      throw new UsageException("--timeout takes 1 to 900 seconds, not " + timeout + ".");
    }
    if (!deployment.matches("[A-Za-z0-9]+")) {
      throw new UsageException("--deployment takes a CodeDeploy type such as Canary10Percent5Minutes, not " + deployment + ".");
    }
    return new ScaffoldOptions(runtime, memory, timeout, architecture, snapStart, deployment);
  }
}
