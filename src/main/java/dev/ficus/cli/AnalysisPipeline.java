package dev.ficus.cli;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.ficus.aws.EffectAnalyzer;
import dev.ficus.aws.SdkCatalog;
import dev.ficus.graph.CallGraph;
import dev.ficus.graph.CodeFootprint;
import dev.ficus.iac.IacModel;
import dev.ficus.iac.IacReader;
import dev.ficus.lint.LintOptions;
import dev.ficus.lint.Linter;
import dev.ficus.lint.RuleContext;
import dev.ficus.lint.code.CodeFacts;
import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.Diagnostics;
import dev.ficus.model.Finding;
import dev.ficus.model.FunctionEffects;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.SourceFile;
import dev.ficus.routes.ApiRouteCoverage;
import dev.ficus.routes.ExtractedRoute;
import dev.ficus.routes.RouteCodes;
import dev.ficus.routes.RouteContext;
import dev.ficus.routes.RouteExtractors;
import dev.ficus.workspace.CodeScopes;
import dev.ficus.workspace.DeepStack;
import dev.ficus.workspace.SourceFiles;
import dev.ficus.workspace.Workspace;
import dev.ficus.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs the analysis stages of design.md in order (workspace, iac, routes, graph and aws, lint) and
 * returns the {@link Analysis}. It lives in the CLI package because it is the only code that may
 * know every stage; each stage knows only those before it (docs/adr/0001).
 */
public final class AnalysisPipeline {

  /**
   * Options of one analysis run.
   *
   * @param entries methods to analyze as entry points of their own, {@code pkg.Class#method}, as
   *     if each were a Lambda function's handler (a batch job's {@code main}, say)
   */
  public record Options(boolean includeTests, boolean useDependencyJars, List<String> entries) {
    public Options {
      entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public Options(boolean includeTests, boolean useDependencyJars) {
      this(includeTests, useDependencyJars, List.of());
    }

    public static Options defaults() {
      return new Options(false, true);
    }
  }

  private final Options options;
  private final LintOptions lintOptions;
  private Progress progress = Progress.NONE;

  public AnalysisPipeline(Options options) {
    this(options, LintOptions.defaults());
  }

  public AnalysisPipeline(Options options, LintOptions lintOptions) {
    this.options = options;
    this.lintOptions = lintOptions;
  }

  /** Reports each stage and its counts to {@code progress} (the CLI's progress line). */
  AnalysisPipeline withProgress(Progress progress) {
    this.progress = progress;
    return this;
  }

  public Analysis analyze(Path repo) {
    Diagnostics diagnostics = new Diagnostics();
    progress.update("parsing Java sources");
    Workspace workspace =
        new WorkspaceLoader()
            .includeTests(options.includeTests())
            .useDependencyJars(options.useDependencyJars())
            .load(repo, diagnostics);
    if (workspace.sources().isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.error("no-java-sources", "No Java source files were found in the repository.", null);
    }
    try {
      return analyze(workspace, diagnostics);
    } finally {
      workspace.releaseSymbolSolver();
    }
  }

  /** The stages after the workspace: package-private for tests that inspect the trees after them. */
  Analysis analyze(Workspace workspace, Diagnostics diagnostics) {
    String parsed = workspace.sources().size() + (workspace.sources().size() == 1 ? " file" : " files") + " parsed";
    progress.update(parsed + "; reading the IaC and finding routes");
    SdkCatalog catalog = SdkCatalog.load();
    IacModel iac = new IacReader().read(workspace);
    // Each function's code is the code under its CodeUri: one pass per code folder (usually one).
    CodeScopes scopes = CodeScopes.of(workspace, iac.functions());
    // Work that depends on the trees alone, changes none and asks the symbol solver only through
    // SolverLock runs on the second core, one piece after another in the order the stages below
    // need it (docs/adr/0004): the call graph of each code scope while routes are found, then
    // what the lint rules read about the code, then what each file names (for the scaffold).
    DeepStack.Pending<Map<CodeScopes.Scope, CallGraph>> graphs = DeepStack.start(() -> {
      Map<CodeScopes.Scope, CallGraph> built = new LinkedHashMap<>();
      for (CodeScopes.Scope scope : scopes.all()) {
        built.put(scope, EffectAnalyzer.graphOf(scope.workspace(), catalog));
      }
      return built;
    });
    DeepStack.Pending<CodeFacts> codeFacts = graphs.then(() -> CodeFacts.of(workspace));
    DeepStack.Pending<List<SourceFile>> sourceFiles = codeFacts.then(() -> SourceFiles.of(workspace));
    List<ExtractedRoute> extracted = new ArrayList<>();
    Map<CodeScopes.Scope, List<ExtractedRoute>> extractedByScope = new LinkedHashMap<>();
    for (CodeScopes.Scope scope : scopes.all()) {
      IacModel seen = scopes.all().size() == 1 ? iac : iacSeenBy(scopes, scope, iac);
      RouteContext context = new RouteContext(scope.workspace(), seen, diagnostics);
      List<ExtractedRoute> own =
          RouteExtractors.builtIn().extractAll(context).stream()
              .filter(e -> scopes.owns(scope, e.route()))
              .toList();
      extractedByScope.put(scope, own);
      extracted.addAll(own);
    }

    String found = parsed + ", " + extracted.size() + (extracted.size() == 1 ? " route" : " routes") + " found";
    progress.update(found + "; following calls to the AWS SDK");
    // The code each route runs, cut out of its dispatcher, also on the second core: it needs the
    // routes, not their effects.
    DeepStack.Pending<List<dev.ficus.model.RouteCode>> code = sourceFiles.then(() -> {
      List<dev.ficus.model.RouteCode> cut = new ArrayList<>();
      extractedByScope.forEach((scope, own) -> cut.addAll(RouteCodes.of(own, scope.workspace(), iac, diagnostics)));
      return cut;
    });
    List<Route> routes = new ArrayList<>();
    List<FunctionEffects> functionEffects = new ArrayList<>();
    Map<CodeScopes.Scope, EffectAnalyzer> effectsByScope = new LinkedHashMap<>();
    Map<CodeScopes.Scope, CodeFootprint> footprints = new LinkedHashMap<>();
    for (Map.Entry<CodeScopes.Scope, List<ExtractedRoute>> s : extractedByScope.entrySet()) {
      Workspace view = s.getKey().workspace();
      CallGraph graph = graphs.get().get(s.getKey());
      EffectAnalyzer effects = new EffectAnalyzer(view, iac, catalog, graph);
      CodeFootprint footprint = new CodeFootprint(view, graph);
      List<Route> scopeRoutes = new ArrayList<>();
      for (ExtractedRoute e : s.getValue()) {
        Route r = e.route();
        LambdaFunction function = r.function() == null ? null : iac.function(r.function()).orElse(null);
        scopeRoutes.add(
            r.withEffects(effects.effectsOf(r.handler(), e.entryCode(), function))
                .withClasses(footprint.classesRunBy(e.entryCode())));
      }
      functionEffects.addAll(functionEffects(view, iac, s.getKey().functions(), effects, scopeRoutes));
      routes.addAll(scopeRoutes);
      effectsByScope.put(s.getKey(), effects);
      footprints.put(s.getKey(), footprint);
    }
    ApiRouteCoverage.check(routes, iac, diagnostics);

    List<LambdaFunction> functions = new ArrayList<>(iac.functions());
    for (String entry : options.entries()) {
      CodeScopes.Scope scope = scopes.ofClass(className(entry));
      entryFunction(scope.workspace(), effectsByScope.get(scope), entry, diagnostics)
          .ifPresent(
              e -> {
                functions.add(e.function());
                functionEffects.add(e.effects());
              });
    }
    Map<String, List<AwsEffect>> byFunction = new TreeMap<>();
    functionEffects.forEach(f -> byFunction.put(f.logicalId(), f.effects()));
    progress.update(found + "; checking the rules");
    List<Finding> findings =
        Linter.builtIn()
            .run(new RuleContext(workspace, iac, routes, byFunction, lintOptions, diagnostics, codeFacts::get));
    progress.update(found + "; done");
    Map<String, dev.ficus.model.ClassInfo> classes = new TreeMap<>();
    for (Map.Entry<CodeScopes.Scope, CodeFootprint> f : footprints.entrySet()) {
      TreeSet<String> reached = new TreeSet<>();
      routes.stream()
          .filter(r -> scopes.owns(f.getKey(), r))
          .forEach(r -> reached.addAll(r.classes()));
      // A name two scopes both declare is one entry of the report: the first scope's.
      f.getValue().classInfo(reached).forEach(c -> classes.putIfAbsent(c.name(), c));
    }
    return new Analysis(
        routes,
        functions,
        findings,
        diagnostics.sorted(),
        List.copyOf(classes.values()),
        functionEffects,
        iac.resources(),
        sourceFiles.get(),
        code.get());
  }

  /** The IaC as the route extractors of one scope see it: its functions (CodeScopes#sees). */
  private static IacModel iacSeenBy(CodeScopes scopes, CodeScopes.Scope scope, IacModel iac) {
    List<LambdaFunction> seen = iac.functions().stream().filter(f -> scopes.sees(scope, f)).toList();
    return new IacModel(seen, iac.resources(), iac.parameters(), iac.files());
  }

  /** The class part of {@code --entry CLASS#METHOD}; a malformed value is reported later. */
  private static String className(String entry) {
    int hash = entry.indexOf('#');
    return hash <= 0 ? entry : entry.substring(0, hash);
  }

  private record EntryFunction(LambdaFunction function, FunctionEffects effects) {}

  /**
   * A method named with {@code --entry}, analyzed as a function of its own: what its code needs,
   * whether or not it runs in Lambda. Its id is the method's name as given.
   */
  private static Optional<EntryFunction> entryFunction(
      Workspace workspace, EffectAnalyzer effects, String entry, Diagnostics diagnostics) {
    int hash = entry.indexOf('#');
    if (hash <= 0 || hash == entry.length() - 1) {
      throw new UsageException("--entry takes CLASS#METHOD, such as com.acme.Tool#main; got " + entry + ".");
    }
    String className = entry.substring(0, hash);
    String methodName = entry.substring(hash + 1);
    Optional<TypeDeclaration<?>> type = workspace.findType(className);
    List<Node> methods = new ArrayList<>();
    type.ifPresent(t -> methods.addAll(t.getMethodsByName(methodName)));
    if (methods.isEmpty()) {
      diagnostics.error(
          "entry-not-found",
          "The entry point " + entry + " is not a method of the repository's main sources.",
          null);
      return Optional.empty();
    }
    LambdaFunction function =
        new LambdaFunction(
            entry, entry, className, methodName, null, null, "entry",
            workspace.ref(methods.get(0)), List.of(), List.of(), List.of());
    return Optional.of(
        new EntryFunction(
            function,
            new FunctionEffects(
                entry,
                effects.effectsOf(entry, methods, null),
                effects.initEffectsOf(className, null))));
  }

  /**
   * The effects of each function whose handler is in the repository: from its handler method
   * (for a lambdalith, every branch), together with its routes' effects (a framework adapter's
   * handler method does not show the controllers it reaches), and its cold-start effects apart.
   */
  private static List<FunctionEffects> functionEffects(
      Workspace workspace, IacModel iac, Set<String> ids, EffectAnalyzer effects, List<Route> routes) {
    List<FunctionEffects> out = new ArrayList<>();
    for (LambdaFunction f : iac.functions()) {
      if (!ids.contains(f.logicalId())) {
        continue;
      }
      TreeSet<AwsEffect> all = new TreeSet<>();
      routes.stream().filter(r -> f.logicalId().equals(r.function())).forEach(r -> all.addAll(r.effects()));
      List<AwsEffect> init = List.of();
      Optional<TypeDeclaration<?>> type =
          f.handlerClass() == null ? Optional.empty() : workspace.findType(f.handlerClass());
      if (type.isPresent()) {
        String method = f.handlerMethod() == null ? "handleRequest" : f.handlerMethod();
        List<Node> entry = new ArrayList<>();
        for (MethodDeclaration m : type.get().getMethodsByName(method)) {
          entry.add(m);
        }
        if (!entry.isEmpty()) {
          all.addAll(effects.effectsOf(f.handlerClass() + "#" + method, entry, f));
        }
        init = effects.initEffectsOf(f.handlerClass(), f);
      }
      if (type.isPresent() || !all.isEmpty()) {
        out.add(new FunctionEffects(f.logicalId(), List.copyOf(all), init));
      }
    }
    return out;
  }
}
