package dev.ficus.routes;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.ficus.model.Confidence;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.workspace.Workspace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Routes of JAX-RS resources (Jersey, RESTEasy, Quarkus REST; {@code javax.ws.rs} and {@code
 * jakarta.ws.rs}): class and method {@code @Path}, the HTTP method annotations (also the
 * repository's own {@code @HttpMethod} annotations), the {@code @ApplicationPath} or Quarkus
 * path prefix, sub-resource locators, and annotations inherited from interfaces. The route's
 * source line is that of its HTTP method annotation. See docs/extractors/jax-rs.md.
 */
public final class JaxRsRouteExtractor implements RouteExtractor {

  /** Container handlers that serve JAX-RS resources from a Lambda function. */
  static final Set<String> CONTAINER_TYPES =
      Set.of(
          "com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler",
          QuarkusLambdaHandlerRouteExtractor.QUARKUS_STREAM_HANDLER,
          "io.quarkus.amazon.lambda.http.LambdaHttpHandler");

  private static final List<String> PACKAGES = List.of("javax.ws.rs", "jakarta.ws.rs");
  private static final Set<String> STANDARD_METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  private static final List<String> REST_PATH_KEYS =
      List.of("quarkus.rest.path", "quarkus.resteasy-reactive.path", "quarkus.resteasy.path");
  private static final int MAX_LOCATOR_DEPTH = 16;

  @Override
  public String id() {
    return "jax-rs";
  }

  @Override
  public boolean appliesTo(RouteContext context) {
    return context.importsAny(name -> PACKAGES.stream().anyMatch(pkg -> name.startsWith(pkg + ".")));
  }

  @Override
  public List<ExtractedRoute> extract(RouteContext context) {
    return new Run(context).routes();
  }

  /** True when {@code annotation} is {@code javax.ws.rs.<simple>} or {@code jakarta.ws.rs.<simple>}. */
  static boolean isJaxRs(AnnotationExpr annotation, String simple) {
    String written = annotation.getNameAsString();
    if (written.contains(".")) {
      return PACKAGES.stream().anyMatch(p -> written.equals(p + "." + simple));
    }
    if (!written.equals(simple)) {
      return false;
    }
    Optional<CompilationUnit> unit = annotation.findCompilationUnit();
    if (unit.isEmpty()) {
      return false;
    }
    boolean wildcard = false;
    for (ImportDeclaration imp : unit.get().getImports()) {
      if (imp.isStatic()) {
        continue;
      }
      String name = imp.getNameAsString();
      if (imp.isAsterisk()) {
        wildcard |= PACKAGES.contains(name);
      } else if (imp.getName().getIdentifier().equals(simple)) {
        return PACKAGES.stream().anyMatch(p -> name.equals(p + "." + simple));
      }
    }
    return wildcard;
  }

  static Optional<AnnotationExpr> jaxRsAnnotation(NodeWithAnnotations<?> node, String simple) {
    return node.getAnnotations().stream().filter(a -> isJaxRs(a, simple)).findFirst();
  }

  static Optional<Expression> value(AnnotationExpr annotation) {
    if (annotation instanceof SingleMemberAnnotationExpr single) {
      return Optional.of(single.getMemberValue());
    }
    if (annotation instanceof NormalAnnotationExpr normal) {
      return normal.getPairs().stream()
          .filter(p -> p.getNameAsString().equals("value"))
          .map(MemberValuePair::getValue)
          .findFirst();
    }
    return Optional.empty();
  }

  /** A method that serves requests: the body that runs, and the declaration that says how. */
  private record ResourceMethod(
      TypeDeclaration<?> owner, MethodDeclaration handler, MethodDeclaration annotated) {}

  /** An HTTP method annotation found on a resource method. */
  private record HttpAnnotation(String method, AnnotationExpr annotation) {}

  /** The state of one extraction. */
  private final class Run {
    private final RouteContext context;
    private final Workspace workspace;
    private final JaxRsConstants constants;
    private final QuarkusConfig config;
    private final Map<String, String> customMethods = new TreeMap<>();
    private final Map<String, List<TypeDeclaration<?>>> implementations = new TreeMap<>();
    private final Map<String, ExtractedRoute> routes = new TreeMap<>();
    private String prefix = "/";
    private String function;
    private JaxRsRequestFilters filters;
    /** The sub-resource locators on the way to the class being walked, outermost first. */
    private final List<MethodDeclaration> locators = new ArrayList<>();

    Run(RouteContext context) {
      this.context = context;
      this.workspace = context.workspace();
      this.constants = new JaxRsConstants(workspace);
      this.config = QuarkusConfig.read(workspace, context.diagnostics());
    }

    List<ExtractedRoute> routes() {
      indexTypes();
      prefix = prefix();
      function = function();
      filters = new JaxRsRequestFilters(workspace, constants);
      for (TypeDeclaration<?> type : workspace.types().all().values()) {
        if (!isConcreteClass(type)) {
          if (jaxRsAnnotation(type, "Path").isPresent()
              && implementations.getOrDefault(qualified(type), List.of()).isEmpty()
              && type.getAnnotations().stream()
                  .noneMatch(a -> a.getNameAsString().endsWith("RegisterRestClient"))) {
            context.diagnostics().note(
                "jax-rs-unimplemented-resource",
                qualified(type) + " declares @Path but nothing in the repository implements it",
                workspace.ref(type));
          }
          continue;
        }
        Optional<AnnotationExpr> classPath = classPath(type);
        if (classPath.isEmpty()) {
          continue;
        }
        Optional<String> path = pathValue(classPath.get());
        if (path.isEmpty()) {
          continue;
        }
        Deque<String> chain = new ArrayDeque<>();
        chain.push(qualified(type));
        walk(type, JaxRsPaths.join(prefix, path.get()), chain);
      }
      return new ArrayList<>(routes.values());
    }

    private void indexTypes() {
      for (TypeDeclaration<?> type : workspace.types().all().values()) {
        if (type instanceof AnnotationDeclaration annotation) {
          jaxRsAnnotation(annotation, "HttpMethod")
              .flatMap(JaxRsRouteExtractor::value)
              .flatMap(this::httpMethodName)
              .ifPresent(m -> customMethods.put(qualified(annotation), m));
        }
        if (isConcreteClass(type)) {
          for (TypeDeclaration<?> supertype : hierarchy(type)) {
            if (supertype != type) {
              implementations.computeIfAbsent(qualified(supertype), k -> new ArrayList<>()).add(type);
            }
          }
        }
      }
    }

    private Optional<String> httpMethodName(Expression value) {
      if (value instanceof FieldAccessExpr f
          && f.getScope().toString().endsWith("HttpMethod")
          && STANDARD_METHODS.contains(f.getNameAsString())) {
        return Optional.of(f.getNameAsString());
      }
      return constants.evaluate(value).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** {@code quarkus.http.root-path} + ({@code @ApplicationPath} or {@code quarkus.rest.path}). */
    private String prefix() {
      String root = config.get("quarkus.http.root-path").orElse("");
      TreeSet<String> applicationPaths = new TreeSet<>();
      String firstApplication = null;
      for (TypeDeclaration<?> type : workspace.types().all().values()) {
        Optional<AnnotationExpr> annotation = jaxRsAnnotation(type, "ApplicationPath");
        if (annotation.isEmpty()) {
          continue;
        }
        Optional<String> value = annotation.flatMap(JaxRsRouteExtractor::value).flatMap(constants::evaluate);
        if (value.isEmpty()) {
          context.diagnostics().warning(
              "jax-rs-unresolved-path",
              "The value of @ApplicationPath cannot be resolved; routes are reported without it",
              workspace.ref(annotation.get()));
          continue;
        }
        if (firstApplication == null) {
          firstApplication = value.get();
        }
        applicationPaths.add(JaxRsPaths.join(value.get()));
      }
      if (applicationPaths.size() > 1) {
        context.diagnostics().warning(
            "jax-rs-several-applications",
            "Several @ApplicationPath values " + applicationPaths + "; routes use " + JaxRsPaths.join(firstApplication),
            null);
      }
      String application =
          firstApplication != null ? firstApplication : config.first(REST_PATH_KEYS).orElse("");
      return JaxRsPaths.join(root, application);
    }

    /**
     * The function serving the resources: one whose handler is a JAX-RS container, leaving out
     * Quarkus functions set up to run a plain handler bean instead.
     */
    private String function() {
      boolean quarkusHandlerConfigured =
          config.get(QuarkusLambdaHandlerRouteExtractor.HANDLER_KEY).isPresent();
      for (String id : FrameworkEntryPoints.functionsFor(context, CONTAINER_TYPES)) {
        LambdaFunction f =
            context.iac().functions().stream().filter(x -> x.logicalId().equals(id)).findFirst().orElseThrow();
        boolean beanHandler =
            f.environment().stream()
                    .map(EnvBinding::name)
                    .anyMatch(QuarkusLambdaHandlerRouteExtractor.HANDLER_ENV::equals)
                || quarkusHandlerConfigured
                    && QuarkusLambdaHandlerRouteExtractor.QUARKUS_STREAM_HANDLER.equals(f.handlerClass());
        if (!beanHandler) {
          return id;
        }
      }
      return null;
    }

    private void walk(TypeDeclaration<?> type, String base, Deque<String> chain) {
      for (ResourceMethod rm : resourceMethods(type)) {
        Optional<AnnotationExpr> pathAnnotation = jaxRsAnnotation(rm.annotated(), "Path");
        String methodPath = "";
        if (pathAnnotation.isPresent()) {
          Optional<String> value = pathValue(pathAnnotation.get());
          if (value.isEmpty()) {
            continue;
          }
          methodPath = value.get();
        }
        String path = JaxRsPaths.templates(JaxRsPaths.join(base, methodPath));
        List<HttpAnnotation> http = httpAnnotations(rm.annotated());
        if (!http.isEmpty()) {
          for (HttpAnnotation h : http) {
            add(type, h, path, rm);
          }
        } else if (pathAnnotation.isPresent()) {
          locate(rm, JaxRsPaths.join(base, methodPath), chain);
        }
      }
    }

    private void add(TypeDeclaration<?> type, HttpAnnotation http, String path, ResourceMethod rm) {
      String handler = JaxRsHandlers.of(rm.handler());
      Route route =
          new Route(
              http.method(),
              path,
              handler,
              workspace.ref(http.annotation()),
              function,
              Confidence.HIGH,
              id(),
              List.of());
      String key = route.id() + " " + handler + " " + route.source();
      List<Node> code = new ArrayList<>(filters.before(rm.handler(), rm.annotated(), hierarchy(type)));
      code.addAll(locators);
      code.add(rm.handler());
      routes.putIfAbsent(key, new ExtractedRoute(route, code));
    }

    /** Follows a sub-resource locator into the class it returns. */
    private void locate(ResourceMethod rm, String base, Deque<String> chain) {
      Optional<TypeDeclaration<?>> target = locatorTarget(rm);
      if (target.isEmpty()) {
        context.diagnostics().warning(
            "jax-rs-unresolved-locator",
            "Sub-resource locator " + qualified(rm.owner()) + "#" + rm.handler().getNameAsString()
                + " returns a type that is not a resource class of the repository",
            workspace.ref(rm.annotated()));
        return;
      }
      String name = qualified(target.get());
      if (chain.contains(name) || chain.size() > MAX_LOCATOR_DEPTH) {
        context.diagnostics().note(
            "jax-rs-locator-cycle",
            "Sub-resource locator leads back to " + name + "; the cycle is followed once",
            workspace.ref(rm.annotated()));
        return;
      }
      chain.push(name);
      locators.add(rm.handler());
      walk(target.get(), base, chain);
      locators.remove(locators.size() - 1);
      chain.pop();
    }

    private Optional<TypeDeclaration<?>> locatorTarget(ResourceMethod rm) {
      Optional<TypeDeclaration<?>> declared = resourceType(rm.handler().getType(), rm.handler());
      if (declared.isEmpty() && rm.annotated() != rm.handler()) {
        declared = resourceType(rm.annotated().getType(), rm.annotated());
      }
      if (declared.isPresent() && isConcreteClass(declared.get())) {
        return declared;
      }
      if (declared.isPresent()) {
        List<TypeDeclaration<?>> impls = implementations.getOrDefault(qualified(declared.get()), List.of());
        if (impls.size() == 1) {
          return Optional.of(impls.get(0));
        }
      }
      // Declared as Object or an interface with several implementations: what is returned.
      Set<TypeDeclaration<?>> returned = new HashSet<>();
      for (ReturnStmt ret : rm.handler().findAll(ReturnStmt.class)) {
        ret.getExpression()
            .filter(ObjectCreationExpr.class::isInstance)
            .map(e -> ((ObjectCreationExpr) e).getType())
            .flatMap(t -> constants.typeOf(t.getNameWithScope(), rm.handler()))
            .ifPresent(returned::add);
      }
      return returned.size() == 1 ? Optional.of(returned.iterator().next()) : Optional.empty();
    }

    private Optional<TypeDeclaration<?>> resourceType(Type type, Node context) {
      if (!(type instanceof ClassOrInterfaceType c)) {
        return Optional.empty();
      }
      if (c.getNameAsString().equals("Class") && c.getTypeArguments().isPresent()
          && c.getTypeArguments().get().size() == 1
          && c.getTypeArguments().get().get(0) instanceof ClassOrInterfaceType arg) {
        c = arg;
      }
      return constants.typeOf(c.getNameWithScope(), context);
    }

    private Optional<String> pathValue(AnnotationExpr annotation) {
      Optional<String> value = value(annotation).flatMap(constants::evaluate);
      if (value.isEmpty()) {
        context.diagnostics().warning(
            "jax-rs-unresolved-path",
            "The value of " + annotation + " cannot be resolved to a constant; its routes are left out",
            workspace.ref(annotation));
      }
      return value;
    }

    private List<HttpAnnotation> httpAnnotations(MethodDeclaration method) {
      List<HttpAnnotation> result = new ArrayList<>();
      for (AnnotationExpr a : method.getAnnotations()) {
        for (String m : STANDARD_METHODS) {
          if (isJaxRs(a, m)) {
            result.add(new HttpAnnotation(m, a));
          }
        }
        if (!customMethods.isEmpty()) {
          constants.names().qualify(a.getNameAsString(), a)
              .map(customMethods::get)
              .ifPresent(m -> result.add(new HttpAnnotation(m, a)));
        }
      }
      return result;
    }

    private boolean hasJaxRsMethodAnnotations(MethodDeclaration method) {
      return jaxRsAnnotation(method, "Path").isPresent() || !httpAnnotations(method).isEmpty();
    }

    /**
     * The resource methods of a class, its own and inherited: per signature, the body that runs
     * (the most specific implementation) and the declaration whose JAX-RS annotations apply (the
     * most specific one that has any, as the JAX-RS annotation inheritance rule says).
     */
    private List<ResourceMethod> resourceMethods(TypeDeclaration<?> type) {
      Map<String, MethodDeclaration> bodies = new LinkedHashMap<>();
      Map<String, TypeDeclaration<?>> owners = new LinkedHashMap<>();
      Map<String, MethodDeclaration> annotated = new LinkedHashMap<>();
      for (TypeDeclaration<?> t : hierarchy(type)) {
        for (MethodDeclaration m : t.getMethods()) {
          if (m.isStatic()) {
            continue;
          }
          String key = m.getNameAsString() + "(" + JaxRsHandlers.parameterTypes(m) + ")";
          if (m.getBody().isPresent() && !bodies.containsKey(key)) {
            bodies.put(key, m);
            owners.put(key, t);
          }
          if (!annotated.containsKey(key) && hasJaxRsMethodAnnotations(m)) {
            annotated.put(key, m);
          }
        }
      }
      List<ResourceMethod> result = new ArrayList<>();
      for (Map.Entry<String, MethodDeclaration> e : annotated.entrySet()) {
        Optional<ResourceMethod> generic = genericOverride(type, e.getValue());
        if (generic.isPresent()) {
          result.add(generic.get());
          continue;
        }
        MethodDeclaration body = bodies.get(e.getKey());
        if (body != null) {
          result.add(new ResourceMethod(owners.get(e.getKey()), body, e.getValue()));
        }
      }
      return result;
    }

    /**
     * For {@code save(T entity)} annotated in a generic base class, the override {@code
     * save(Order entity)} of a more specific class, which is what runs.
     */
    private Optional<ResourceMethod> genericOverride(TypeDeclaration<?> type, MethodDeclaration annotated) {
      Optional<ClassOrInterfaceDeclaration> declaring =
          annotated.findAncestor(ClassOrInterfaceDeclaration.class);
      if (declaring.isEmpty() || declaring.get().getTypeParameters().isEmpty()) {
        return Optional.empty();
      }
      Set<String> variables = new HashSet<>();
      declaring.get().getTypeParameters().forEach(p -> variables.add(p.getNameAsString()));
      String[] wanted = JaxRsHandlers.parameterTypes(annotated).split(",", -1);
      if (java.util.Arrays.stream(wanted).noneMatch(variables::contains)) {
        return Optional.empty();
      }
      for (TypeDeclaration<?> t : hierarchy(type)) {
        if (t == declaring.get()) {
          break;
        }
        for (MethodDeclaration m : t.getMethodsByName(annotated.getNameAsString())) {
          if (m.getBody().isEmpty() || m.getParameters().size() != annotated.getParameters().size()
              || hasJaxRsMethodAnnotations(m)) {
            continue;
          }
          String[] actual = JaxRsHandlers.parameterTypes(m).split(",", -1);
          boolean matches = true;
          for (int i = 0; i < wanted.length && matches; i++) {
            matches = variables.contains(wanted[i]) || wanted[i].equals(actual[i]);
          }
          if (matches) {
            return Optional.of(new ResourceMethod(t, m, annotated));
          }
        }
      }
      return Optional.empty();
    }

    /** The class-level {@code @Path} of a type, its own or inherited from a supertype. */
    private Optional<AnnotationExpr> classPath(TypeDeclaration<?> type) {
      for (TypeDeclaration<?> t : hierarchy(type)) {
        Optional<AnnotationExpr> path = jaxRsAnnotation(t, "Path");
        if (path.isPresent()) {
          return path;
        }
      }
      return Optional.empty();
    }

    /** The type and its repository supertypes, breadth first, superclasses before interfaces. */
    private List<TypeDeclaration<?>> hierarchy(TypeDeclaration<?> type) {
      List<TypeDeclaration<?>> order = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Deque<TypeDeclaration<?>> queue = new ArrayDeque<>();
      queue.add(type);
      while (!queue.isEmpty()) {
        TypeDeclaration<?> t = queue.poll();
        if (!seen.add(qualified(t))) {
          continue;
        }
        order.add(t);
        queue.addAll(constants.supertypes(t));
      }
      return order;
    }
  }

  private static boolean isConcreteClass(TypeDeclaration<?> type) {
    return type instanceof ClassOrInterfaceDeclaration c && !c.isInterface() && !c.isAbstract();
  }

  private static String qualified(TypeDeclaration<?> type) {
    return type.getFullyQualifiedName().orElse(type.getNameAsString());
  }
}
