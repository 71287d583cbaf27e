package dev.ficus.cli;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.ficus.aws.EffectAnalyzer;
import dev.ficus.aws.SdkCatalog;
import dev.ficus.graph.CallGraph;
import dev.ficus.iac.IacModel;
import dev.ficus.iac.IacReader;
import dev.ficus.lint.LintOptions;
import dev.ficus.lint.Linter;
import dev.ficus.lint.RuleContext;
import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

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
    CallGraph graph = CallGraph.build(workspace);
    EffectAnalyzer effects = new EffectAnalyzer(workspace, iac, SdkCatalog.load(), graph);
    List<Route> routes = new ArrayList<>();
    for (ExtractedRoute e : extracted) {
      Route r = e.route();
      LambdaFunction function =
          r.function() == null
              ? null
              : iac.functions().stream().filter(f -> f.logicalId().equals(r.function())).findFirst().orElse(null);
      routes.add(r.withEffects(effects.effectsOf(r.handler(), e.entryCode(), function)));
    }
    List<LambdaFunction> functions = iac.functions();
    List<Finding> findings =
        Linter.builtIn()
            .run(
                new RuleContext(
                    workspace, iac, routes, functionEffects(workspace, iac, effects, routes),
                    lintOptions, diagnostics));
    return new Analysis(routes, functions, findings, diagnostics.sorted());
  }

  /**
   * The effects of each function whose handler is in the repository, from its handler method:
   * what the recursion rule needs for functions no route reaches (a bucket or queue consumer).
   * A function whose routes carry effects but whose handler is a framework adapter gets the
   * union of its routes' effects from the lint stage itself.
   */
  private static Map<String, List<AwsEffect>> functionEffects(
      Workspace workspace, IacModel iac, EffectAnalyzer effects, List<Route> routes) {
    Map<String, List<AwsEffect>> byFunction = new TreeMap<>();
    for (LambdaFunction f : iac.functions()) {
      if (f.handlerClass() == null) {
        continue;
      }
      Optional<TypeDeclaration<?>> type = workspace.findType(f.handlerClass());
      if (type.isEmpty()) {
        continue;
      }
      String method = f.handlerMethod() == null ? "handleRequest" : f.handlerMethod();
      List<Node> entry = new ArrayList<>();
      for (MethodDeclaration m : type.get().getMethodsByName(method)) {
        entry.add(m);
      }
      if (entry.isEmpty()) {
        continue;
      }
      TreeSet<AwsEffect> all = new TreeSet<>(effects.effectsOf(f.handlerClass() + "#" + method, entry, f));
      routes.stream()
          .filter(r -> f.logicalId().equals(r.function()))
          .forEach(r -> all.addAll(r.effects()));
      byFunction.put(f.logicalId(), List.copyOf(all));
    }
    return byFunction;
  }

  /** True when the workspace had nothing to analyze: no source and no IaC function. */
  static boolean nothingFound(Analysis analysis) {
    return analysis.routes().isEmpty() && analysis.functions().isEmpty();
  }
}
