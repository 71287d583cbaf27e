package dev.ficus.cli;

import dev.ficus.iac.IacModel;
import dev.ficus.iac.IacReader;
import dev.ficus.lint.LintOptions;
import dev.ficus.lint.Linter;
import dev.ficus.lint.RuleContext;
import dev.ficus.model.Analysis;
import dev.ficus.model.Diagnostics;
import dev.ficus.model.Finding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.routes.ExtractedRoute;
import dev.ficus.routes.RouteContext;
import dev.ficus.routes.RouteExtractors;
import dev.ficus.workspace.Workspace;
import dev.ficus.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
  private final LintOptions lintOptions;

  public AnalysisPipeline(Options options) {
    this(options, LintOptions.defaults());
  }

  public AnalysisPipeline(Options options, LintOptions lintOptions) {
    this.options = options;
    this.lintOptions = lintOptions;
  }

  public Analysis analyze(Path repo) {
    Diagnostics diagnostics = new Diagnostics();
    Workspace workspace =
        new WorkspaceLoader()
            .includeTests(options.includeTests())
            .useDependencyJars(options.useDependencyJars())
            .load(repo, diagnostics);
    IacModel iac = new IacReader().read(workspace);
    RouteContext context = new RouteContext(workspace, iac, diagnostics);
    List<ExtractedRoute> extracted = RouteExtractors.builtIn().extractAll(context);
    List<Route> routes = extracted.stream().map(ExtractedRoute::route).toList();
    List<LambdaFunction> functions = iac.functions();
    List<Finding> findings =
        Linter.builtIn()
            .run(new RuleContext(workspace, iac, routes, Map.of(), lintOptions, diagnostics));
    return new Analysis(routes, functions, findings, diagnostics.sorted());
  }

  /** True when the workspace had nothing to analyze: no source and no IaC function. */
  static boolean nothingFound(Analysis analysis) {
    return analysis.routes().isEmpty() && analysis.functions().isEmpty();
  }
}
