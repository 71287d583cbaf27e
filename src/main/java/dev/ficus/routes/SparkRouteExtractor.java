package dev.ficus.routes;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.Type;
import dev.ficus.model.Confidence;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.workspace.JavaSource;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Routes of Spark Java applications ({@code spark.Spark}): {@code get("/orders/:id", ...)} and the
 * other verbs, statically imported or called on {@code Spark} or a {@code spark.Service}, inside
 * nested {@code path(...)} groups. Route bodies may be lambdas, method references, or {@code
 * Route} objects; a {@code before} filter covering a route is put at the head of its entry code.
 * See docs/extractors/spark.md.
 */
public final class SparkRouteExtractor implements RouteExtractor {

  /** The container handler that serves Spark routes from a Lambda function. */
  static final Set<String> CONTAINER_TYPES =
      Set.of("com.amazonaws.serverless.proxy.spark.SparkLambdaContainerHandler");

  private static final Set<String> VERBS =
      Set.of("get", "post", "put", "delete", "patch", "options", "head");
  private static final Set<String> CALLS =
      Set.of("get", "post", "put", "delete", "patch", "options", "head", "path", "before", "after");

  @Override
  public String id() {
    return "spark";
  }

  @Override
  public boolean appliesTo(RouteContext context) {
    return context.importsAny(SparkRouteExtractor::isSparkImport);
  }

  @Override
  public List<ExtractedRoute> extract(RouteContext context) {
    return new Run(context).routes();
  }

  /** An import as {@link JavaSource.Nodes#imports()} writes it that brings in Spark's routing. */
  private static boolean isSparkImport(String name) {
    return name.equals("spark.Spark") || name.startsWith("spark.Spark.")
        || name.equals("spark.Service") || name.equals("spark.*");
  }

  /** A route body resolved to the method that serves it and the code that runs. */
  private record Target(String handler, List<Node> code) {}

  /** A {@code before} filter: where it applies and what runs. */
  private record Filter(List<String> patterns, SourceRef source, List<Node> code) {}

  private final class Run {
    private final RouteContext context;
    private final Workspace workspace;
    private final JaxRsConstants constants;
    private final String function;
    /** Calls and method references of the repository, by method name. */
    private final Map<String, List<Expression>> uses = new HashMap<>();

    Run(RouteContext context) {
      this.context = context;
      this.workspace = context.workspace();
      this.constants = new JaxRsConstants(workspace);
      this.function = FrameworkEntryPoints.functionFor(context, CONTAINER_TYPES).orElse(null);
    }

    List<ExtractedRoute> routes() {
      List<MethodCallExpr> routeCalls = new ArrayList<>();
      List<Filter> filters = new ArrayList<>();
      for (JavaSource source : workspace.sources()) {
        for (MethodReferenceExpr ref : source.unit().findAll(MethodReferenceExpr.class)) {
          uses.computeIfAbsent(ref.getIdentifier(), k -> new ArrayList<>()).add(ref);
        }
        for (MethodCallExpr call : source.nodes().calls()) {
          uses.computeIfAbsent(call.getNameAsString(), k -> new ArrayList<>()).add(call);
        }
      }
      for (JavaSource source : workspace.sources()) {
        if (source.nodes().imports().stream().noneMatch(SparkRouteExtractor::isSparkImport)) {
          continue;
        }
        for (MethodCallExpr call : source.nodes().calls()) {
          if (!isSparkCall(call)) {
            continue;
          }
          String name = call.getNameAsString();
          if (VERBS.contains(name) && call.getArguments().size() >= 2) {
            routeCalls.add(call);
          } else if (name.equals("before")) {
            filter(call).ifPresent(filters::add);
          }
        }
      }
      filters.sort(Comparator.comparing(Filter::source));
      Map<String, ExtractedRoute> routes = new TreeMap<>();
      for (MethodCallExpr call : routeCalls) {
        for (ExtractedRoute r : route(call, filters)) {
          routes.putIfAbsent(r.route().id() + " " + r.route().source() + " " + r.route().handler(), r);
        }
      }
      return new ArrayList<>(routes.values());
    }

    private List<ExtractedRoute> route(MethodCallExpr call, List<Filter> filters) {
      List<ExtractedRoute> result = new ArrayList<>();
      List<String> paths = fullPaths(call, call.getArgument(0));
      if (paths.isEmpty()) {
        return result;
      }
      Target target = target(routeArgument(call), "handle");
      for (String path : paths) {
        List<Node> code = new ArrayList<>();
        for (Filter filter : filters) {
          if (filter.patterns().stream().anyMatch(p -> covers(p, path))) {
            code.addAll(filter.code());
          }
        }
        code.addAll(target.code());
        Route route =
            new Route(
                call.getNameAsString().toUpperCase(Locale.ROOT),
                apiGatewayPath(path),
                target.handler(),
                workspace.ref(call.getName()),
                function,
                Confidence.HIGH,
                id(),
                List.of());
        result.add(new ExtractedRoute(route, code));
      }
      return result;
    }

    private Optional<Filter> filter(MethodCallExpr call) {
      if (call.getArguments().isEmpty()) {
        return Optional.empty();
      }
      Expression first = call.getArgument(0);
      boolean hasPath = call.getArguments().size() >= 2 && isStringLike(first);
      List<String> patterns = hasPath ? fullPaths(call, first) : List.of("*");
      if (patterns.isEmpty()) {
        return Optional.empty();
      }
      List<Node> code = new ArrayList<>();
      for (int i = hasPath ? 1 : 0; i < call.getArguments().size(); i++) {
        Expression arg = call.getArgument(i);
        if (!isStringLike(arg)) {
          code.addAll(target(arg, "handle").code());
        }
      }
      return Optional.of(new Filter(patterns, workspace.ref(call.getName()), code));
    }

    /**
     * The paths of a call inside its {@code path(...)} groups: the groups around it in its
     * method, and, when the method is called (or referenced) from inside groups elsewhere, those
     * groups too, one path per way in. Empty (with a diagnostic) when a piece is not constant.
     */
    private List<String> fullPaths(MethodCallExpr call, Expression pathArgument) {
      Optional<String> own = constants.evaluate(pathArgument);
      if (own.isEmpty()) {
        unresolved(pathArgument);
        return List.of();
      }
      return prefixes(call, new HashSet<>()).stream().map(p -> p + own.get()).toList();
    }

    private List<String> prefixes(Node node, Set<MethodDeclaration> visiting) {
      String lexical = "";
      Node child = node;
      for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
        if (n instanceof MethodCallExpr group && isGroup(group) && group.getArgument(1) == child) {
          Optional<String> prefix = constants.evaluate(group.getArgument(0));
          if (prefix.isEmpty()) {
            unresolved(group.getArgument(0));
            return List.of();
          }
          lexical = prefix.get() + lexical;
        }
        if (n instanceof MethodDeclaration method) {
          return withCallers(method, lexical, visiting);
        }
        if (n instanceof TypeDeclaration<?> || n instanceof ConstructorDeclaration
            || n instanceof InitializerDeclaration) {
          break;
        }
        child = n;
      }
      return List.of(lexical);
    }

    private List<String> withCallers(MethodDeclaration method, String lexical, Set<MethodDeclaration> visiting) {
      if (!visiting.add(method) || visiting.size() > 8) {
        return List.of(lexical);
      }
      Optional<TypeDeclaration<?>> declaring = enclosingType(method);
      TreeSet<String> result = new TreeSet<>();
      boolean grouped = false;
      for (Expression use : uses.getOrDefault(method.getNameAsString(), List.of())) {
        if (declaring.isEmpty() || !refersTo(use, method, declaring.get())) {
          continue;
        }
        List<String> outer;
        if (use instanceof MethodReferenceExpr ref) {
          Node parent = ref.getParentNode().orElse(null);
          if (!(parent instanceof MethodCallExpr group && isGroup(group) && group.getArgument(1) == ref)) {
            continue;
          }
          outer = prefixes(ref, visiting);
        } else {
          outer = prefixes(use, visiting);
        }
        for (String prefix : outer) {
          grouped |= !prefix.isEmpty();
          result.add(prefix + lexical);
        }
      }
      visiting.remove(method);
      return grouped ? List.copyOf(result) : List.of(lexical);
    }

    /** Whether a call or method reference found by name refers to {@code method} of {@code declaring}. */
    private boolean refersTo(Expression use, MethodDeclaration method, TypeDeclaration<?> declaring) {
      Optional<Expression> scope;
      if (use instanceof MethodCallExpr call) {
        if (call.getArguments().size() != method.getParameters().size()) {
          return false;
        }
        scope = call.getScope();
      } else {
        scope = Optional.of(((MethodReferenceExpr) use).getScope());
      }
      Optional<TypeDeclaration<?>> target =
          scope.isEmpty() ? enclosingType(use) : referencedType(scope.get(), use);
      return target.isPresent() && target.get() == declaring;
    }

    private boolean isGroup(MethodCallExpr call) {
      return call.getNameAsString().equals("path") && call.getArguments().size() == 2 && isSparkCall(call);
    }

    private void unresolved(Expression expression) {
      context.diagnostics().warning(
          "spark-unresolved-path",
          "The Spark path " + expression + " cannot be resolved to a constant; its route is left out",
          workspace.ref(expression));
    }

    /** {@code get(path, route)}, {@code get(path, acceptType, route)}, {@code get(path, route, transformer)}. */
    private Expression routeArgument(MethodCallExpr call) {
      for (int i = 1; i < call.getArguments().size(); i++) {
        Expression arg = call.getArgument(i);
        if (arg instanceof LambdaExpr || arg instanceof MethodReferenceExpr || arg instanceof ObjectCreationExpr) {
          return arg;
        }
      }
      if (call.getArguments().size() >= 3 && isStringLike(call.getArgument(1))) {
        return call.getArgument(2);
      }
      return call.getArgument(1);
    }

    private boolean isStringLike(Expression e) {
      return e instanceof StringLiteralExpr || constants.evaluate(e).isPresent();
    }

    /** What a route or filter argument runs: a lambda, a method, a {@code handle} method. */
    private Target target(Expression body, String functionalMethod) {
      if (body instanceof LambdaExpr lambda) {
        return new Target(enclosingMember(lambda), List.of(lambda));
      }
      if (body instanceof MethodReferenceExpr ref) {
        Optional<TypeDeclaration<?>> type = referencedType(ref.getScope(), ref);
        String name = ref.getIdentifier();
        if (type.isPresent()) {
          Optional<MethodDeclaration> method = method(type.get(), name);
          if (method.isPresent()) {
            return new Target(JaxRsHandlers.of(method.get()), List.of(method.get()));
          }
          return new Target(qualified(type.get()) + "#" + name, List.of());
        }
        return unresolvedTarget(body, ref.getScope() + "#" + name);
      }
      if (body instanceof ObjectCreationExpr creation) {
        if (creation.getAnonymousClassBody().isPresent()) {
          for (BodyDeclaration<?> member : creation.getAnonymousClassBody().get()) {
            if (member instanceof MethodDeclaration m && m.getNameAsString().equals(functionalMethod)) {
              return new Target(enclosingMember(creation), List.of(m));
            }
          }
          return new Target(enclosingMember(creation), List.of(creation));
        }
        Optional<TypeDeclaration<?>> type = constants.typeOf(creation.getType().getNameWithScope(), creation);
        Optional<MethodDeclaration> method = type.flatMap(t -> method(t, functionalMethod));
        if (method.isPresent()) {
          return new Target(JaxRsHandlers.of(method.get()), List.of(method.get()));
        }
        return unresolvedTarget(body, creation.getType().getNameWithScope() + "#" + functionalMethod);
      }
      if (body instanceof NameExpr || body instanceof FieldAccessExpr) {
        String name = body instanceof NameExpr n ? n.getNameAsString() : ((FieldAccessExpr) body).getNameAsString();
        Optional<VariableDeclarator> variable = variable(name, body);
        if (variable.isPresent()) {
          Optional<Expression> init = variable.get().getInitializer();
          if (init.isPresent()
              && (init.get() instanceof LambdaExpr || init.get() instanceof MethodReferenceExpr
                  || init.get() instanceof ObjectCreationExpr)) {
            return target(init.get(), functionalMethod);
          }
          Optional<MethodDeclaration> method =
              constants.typeOf(variable.get().getType().asString(), variable.get())
                  .flatMap(t -> method(t, functionalMethod));
          if (method.isPresent()) {
            return new Target(JaxRsHandlers.of(method.get()), List.of(method.get()));
          }
        }
        return unresolvedTarget(body, enclosingMember(body));
      }
      if (body instanceof MethodCallExpr factory) {
        // A method that builds the route: OrderRoutes.list(service).
        Optional<TypeDeclaration<?>> type =
            factory.getScope().isPresent()
                ? referencedType(factory.getScope().get(), factory)
                : enclosingType(factory);
        Optional<MethodDeclaration> method = type.flatMap(t -> method(t, factory.getNameAsString()));
        if (method.isPresent()) {
          return new Target(JaxRsHandlers.of(method.get()), List.of(method.get()));
        }
      }
      return unresolvedTarget(body, enclosingMember(body));
    }

    private Target unresolvedTarget(Expression body, String handler) {
      context.diagnostics().note(
          "spark-unresolved-handler",
          "The code behind the Spark route body " + body + " is not in the repository",
          workspace.ref(body));
      return new Target(handler, List.of());
    }

    /** The type a method reference or call scope names: a type, {@code this}, or a variable. */
    private Optional<TypeDeclaration<?>> referencedType(Expression scope, Node context) {
      if (scope instanceof ThisExpr) {
        return enclosingType(context);
      }
      if (scope instanceof TypeExpr typeExpr) {
        // JavaParser reads the scope of orders::list as a type; a variable in scope wins.
        String written = typeExpr.getType().asString();
        Optional<Type> declared = written.contains(".") ? Optional.empty() : declaredType(written, context);
        return constants.typeOf(declared.map(Type::asString).orElse(written), context);
      }
      if (scope instanceof NameExpr name) {
        Optional<Type> declared = declaredType(name.getNameAsString(), context);
        if (declared.isPresent()) {
          return constants.typeOf(declared.get().asString(), context);
        }
        return constants.typeOf(name.getNameAsString(), context);
      }
      if (scope instanceof FieldAccessExpr field && field.getScope() instanceof ThisExpr) {
        return declaredType(field.getNameAsString(), context)
            .flatMap(t -> constants.typeOf(t.asString(), context));
      }
      return constants.typeOf(scope.toString(), context);
    }

    private Optional<Type> declaredType(String name, Node context) {
      for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
        if (n instanceof CallableDeclaration<?> callable) {
          for (Parameter p : callable.getParameters()) {
            if (p.getNameAsString().equals(name)) {
              return Optional.of(p.getType());
            }
          }
        }
        if (n instanceof LambdaExpr lambda) {
          for (Parameter p : lambda.getParameters()) {
            if (p.getNameAsString().equals(name) && !p.getType().isUnknownType()) {
              return Optional.of(p.getType());
            }
          }
        }
      }
      return variable(name, context).map(VariableDeclarator::getType).filter(t -> !t.isVarType());
    }

    /** A local variable of an enclosing method or a field of an enclosing type. */
    private Optional<VariableDeclarator> variable(String name, Node context) {
      for (Node n = context.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
        if (n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration) {
          for (VariableDeclarator v : n.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name)) {
              return Optional.of(v);
            }
          }
        }
        if (n instanceof TypeDeclaration<?> type) {
          for (FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator v : field.getVariables()) {
              if (v.getNameAsString().equals(name)) {
                return Optional.of(v);
              }
            }
          }
        }
      }
      return Optional.empty();
    }

    /** A method of a type or its repository supertypes, preferring Spark's two parameters. */
    private Optional<MethodDeclaration> method(TypeDeclaration<?> type, String name) {
      List<TypeDeclaration<?>> types = new ArrayList<>();
      types.add(type);
      for (int i = 0; i < types.size() && i < 32; i++) {
        for (TypeDeclaration<?> s : constants.supertypes(types.get(i))) {
          if (!types.contains(s)) {
            types.add(s);
          }
        }
      }
      for (TypeDeclaration<?> t : types) {
        List<MethodDeclaration> candidates =
            t.getMethodsByName(name).stream().filter(m -> m.getBody().isPresent()).toList();
        if (!candidates.isEmpty()) {
          return candidates.stream()
              .filter(m -> m.getParameters().size() == 2)
              .findFirst()
              .or(() -> Optional.of(candidates.get(0)));
        }
      }
      return Optional.empty();
    }

    /**
     * True when {@code call} is Spark's: {@code Spark.get(...)}, a {@code spark.Service}'s, or a
     * static import of {@code spark.Spark} that no method of an enclosing class shadows.
     */
    private boolean isSparkCall(MethodCallExpr call) {
      String name = call.getNameAsString();
      if (!CALLS.contains(name)) {
        return false;
      }
      Optional<CompilationUnit> unit = call.findCompilationUnit();
      if (unit.isEmpty()) {
        return false;
      }
      if (call.getScope().isPresent()) {
        Expression scope = call.getScope().get();
        String written = scope.toString();
        if (written.equals("spark.Spark")) {
          return true;
        }
        if (written.equals("Spark")) {
          return declaredType("Spark", call).isEmpty() && imports(unit.get(), "spark.Spark", "spark");
        }
        if (scope instanceof NameExpr variable) {
          return declaredType(variable.getNameAsString(), call)
              .flatMap(t -> constants.names().qualify(t.asString(), call))
              .filter(q -> q.equals("spark.Service"))
              .isPresent();
        }
        return false;
      }
      boolean imported =
          unit.get().getImports().stream()
              .anyMatch(imp -> imp.isStatic()
                  && (imp.isAsterisk() && imp.getNameAsString().equals("spark.Spark")
                      || !imp.isAsterisk() && imp.getNameAsString().equals("spark.Spark." + name)));
      if (!imported) {
        return false;
      }
      for (Node n = call.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
        if (n instanceof TypeDeclaration<?> type && declaresMethod(type, name)) {
          return false;
        }
        if (n instanceof ObjectCreationExpr anonymous && anonymous.getAnonymousClassBody().isPresent()
            && anonymous.getAnonymousClassBody().get().stream()
                .anyMatch(m -> m instanceof MethodDeclaration md && md.getNameAsString().equals(name))) {
          return false;
        }
      }
      return true;
    }

    /** Whether a type or one of its repository supertypes declares a method of this name. */
    private boolean declaresMethod(TypeDeclaration<?> type, String name) {
      List<TypeDeclaration<?>> types = new ArrayList<>(List.of(type));
      for (int i = 0; i < types.size() && i < 32; i++) {
        if (!types.get(i).getMethodsByName(name).isEmpty()) {
          return true;
        }
        for (TypeDeclaration<?> s : constants.supertypes(types.get(i))) {
          if (!types.contains(s)) {
            types.add(s);
          }
        }
      }
      return false;
    }

    private boolean imports(CompilationUnit unit, String type, String pkg) {
      for (ImportDeclaration imp : unit.getImports()) {
        if (!imp.isStatic() && (imp.getNameAsString().equals(type)
            || imp.isAsterisk() && imp.getNameAsString().equals(pkg))) {
          return true;
        }
      }
      return unit.getPackageDeclaration().map(p -> p.getNameAsString().equals(pkg)).orElse(false);
    }

    private Optional<TypeDeclaration<?>> enclosingType(Node node) {
      return node.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
    }

    /** {@code Class#method} of the member a node is in; constructors and initializers by JVM name. */
    private String enclosingMember(Node node) {
      String type = enclosingType(node).map(SparkRouteExtractor::qualifiedName).orElse("?");
      for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
        if (n instanceof MethodDeclaration m) {
          return JaxRsHandlers.of(m);
        }
        if (n instanceof ConstructorDeclaration) {
          return type + "#<init>";
        }
        if (n instanceof InitializerDeclaration init) {
          return type + (init.isStatic() ? "#<clinit>" : "#<init>");
        }
        if (n instanceof FieldDeclaration field) {
          return type + (field.isStatic() ? "#<clinit>" : "#<init>");
        }
        if (n instanceof TypeDeclaration<?>) {
          break;
        }
      }
      return type + "#<init>";
    }

    private String qualified(TypeDeclaration<?> type) {
      return qualifiedName(type);
    }
  }

  private static String qualifiedName(TypeDeclaration<?> type) {
    return type.getFullyQualifiedName().orElse(type.getNameAsString());
  }

  /**
   * Whether a {@code before} filter pattern covers a route path (both in Spark syntax): every
   * path ({@code *}, {@code /*}), every path below a prefix ({@code /api/*}), or the same path.
   */
  static boolean covers(String pattern, String routePath) {
    String p = pattern.trim();
    if (p.equals("*") || p.equals("/*") || p.isEmpty()) {
      return true;
    }
    if (p.endsWith("/*")) {
      String prefix = p.substring(0, p.length() - 1);
      return (routePath + "/").startsWith(prefix);
    }
    return normalize(p).equals(normalize(routePath));
  }

  private static String normalize(String sparkPath) {
    return JaxRsPaths.join(sparkPath);
  }

  /**
   * A Spark path in API Gateway syntax: {@code :id} becomes {@code {id}}, a trailing {@code *}
   * becomes {@code {proxy+}}, and a {@code *} elsewhere (which Spark matches to exactly one
   * segment) becomes {@code {splatN}}, N being its index in {@code request.splat()}.
   */
  static String apiGatewayPath(String sparkPath) {
    String[] segments = JaxRsPaths.join(sparkPath).split("/");
    List<String> out = new ArrayList<>();
    int splats = 0;
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals("*")) {
        out.add(last ? "{proxy+}" : "{splat" + splats + "}");
        splats++;
      } else if (segment.startsWith(":") && segment.length() > 1) {
        out.add("{" + segment.substring(1) + "}");
      } else {
        out.add(segment);
      }
    }
    return "/" + String.join("/", out);
  }
}
