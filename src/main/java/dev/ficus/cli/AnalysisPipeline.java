package dev.ficus.cli;

import dev.ficus.iac.IacModel;
import dev.ficus.iac.IacReader;
import dev.ficus.model.Analysis;
import dev.ficus.model.Diagnostics;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.routes.ApiRouteCoverage;
import dev.ficus.routes.ExtractedRoute;
import dev.ficus.routes.RouteContext;
import dev.ficus.routes.RouteExtractors;
import dev.ficus.workspace.Workspace;
import dev.ficus.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the analysis stages of design.md in order (workspace, iac, routes, graph and aws, lint) and
 * returns the {@link Analysis}. It lives in the CLI package because it is the only code that may
 * know every stage; each stage knows only those before it.
 */
public final class AnalysisPipeline {

  /** Options of one analysis run. */
  public record Options(boolean includeTests, boolean useDependencyJars) {
    public static Options defaults() {
      return new Options(false, true);
    }
  }

  private final Options options;

  public AnalysisPipeline(Options options) {
    this.options = options;
  }

  public Analysis analyze(Path repo) {
    Diagnostics diagnostics = new Diagnostics();
    Workspace workspace =
        new WorkspaceLoader()
            .includeTests(options.includeTests())
            .useDependencyJars(options.useDependencyJars())
            .load(repo, diagnostics);
    if (workspace.sources().isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error("no-java-sources", "No Java source files were found in the repository.", null);
    }
    IacModel iac = new IacReader().read(workspace);
    RouteContext context = new RouteContext(workspace, iac, diagnostics);
    List<ExtractedRoute> extracted = RouteExtractors.builtIn().extractAll(context);
    List<Route> routes = extracted.stream().map(ExtractedRoute::route).toList();
    ApiRouteCoverage.check(routes, iac, diagnostics);
    List<LambdaFunction> functions = iac.functions();
    return new Analysis(routes, functions, List.of(), diagnostics.sorted());
  }

  /** True when the workspace had nothing to analyze: no source and no IaC function. */
  static boolean nothingFound(Analysis analysis) {
    return analysis.routes().isEmpty() && analysis.functions().isEmpty();
  }
}
