package dev.ficus.routes;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ficus.model.Confidence;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Routes of Quarkus functions that run a plain handler bean ({@code quarkus-amazon-lambda}): the
 * function's handler is Quarkus's {@code QuarkusStreamHandler}, which runs the {@code
 * RequestHandler} bean named by {@code quarkus.lambda.handler} (or the {@code
 * QUARKUS_LAMBDA_HANDLER} environment variable), or the only one there is. The bean serves the
 * function's API events; with none in the IaC, an API Gateway shaped bean is reported as {@code
 * ANY /{proxy+}} with low confidence. JAX-RS resources behind Quarkus are the {@code jax-rs}
 * extractor's. See docs/extractors/quarkus.md.
 */
public final class QuarkusLambdaHandlerRouteExtractor implements RouteExtractor {

  static final String QUARKUS_STREAM_HANDLER =
      "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler";
  static final String HANDLER_KEY = "quarkus.lambda.handler";
  static final String HANDLER_ENV = "QUARKUS_LAMBDA_HANDLER";

  private static final String LAMBDA_RUNTIME = "com.amazonaws.services.lambda.runtime.";
  private static final Set<String> HANDLER_INTERFACES =
      Set.of(LAMBDA_RUNTIME + "RequestHandler", LAMBDA_RUNTIME + "RequestStreamHandler");
  private static final Set<String> API_EVENTS =
      Set.of(
          LAMBDA_RUNTIME + "events.APIGatewayProxyRequestEvent",
          LAMBDA_RUNTIME + "events.APIGatewayV2HTTPEvent",
          LAMBDA_RUNTIME + "events.APIGatewayV2ProxyRequestEvent",
          "io.quarkus.amazon.lambda.http.model.AwsProxyRequest",
          "com.amazonaws.serverless.proxy.model.AwsProxyRequest",
          "com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest");

  @Override
  public String id() {
    return "quarkus-lambda";
  }

  @Override
  public boolean appliesTo(RouteContext context) {
    return context.importsAny(name -> name.startsWith("io.quarkus.") || name.endsWith(".inject.Named"))
        || !FrameworkEntryPoints.functionsFor(context, Set.of(QUARKUS_STREAM_HANDLER)).isEmpty();
  }

  @Override
  public List<ExtractedRoute> extract(RouteContext context) {
    return new Run(context).routes();
  }

  /** A {@code RequestHandler} class of the repository and what Quarkus knows it by. */
  private record Bean(
      TypeDeclaration<?> type, String name, boolean named, MethodDeclaration handleRequest, boolean api) {
    String qualified() {
      return type.getFullyQualifiedName().orElse(type.getNameAsString());
    }

    String handler() {
      return JaxRsHandlers.of(handleRequest);
    }
  }

  private final class Run {
    private final RouteContext context;
    private final Workspace workspace;
    private final JaxRsConstants constants;
    private final QuarkusConfig config;
    private final List<ExtractedRoute> routes = new ArrayList<>();

    Run(RouteContext context) {
      this.context = context;
      this.workspace = context.workspace();
      this.constants = new JaxRsConstants(workspace);
      this.config = QuarkusConfig.read(workspace, context.diagnostics());
    }

    List<ExtractedRoute> routes() {
      List<Bean> beans = beans();
      if (beans.isEmpty()) {
        return routes;
      }
      List<String> functionIds =
          FrameworkEntryPoints.functionsFor(context, Set.of(QUARKUS_STREAM_HANDLER));
      Optional<String> configured = config.get(HANDLER_KEY);
      boolean jaxRs =
          workspace.types().all().values().stream()
              .anyMatch(t -> t instanceof ClassOrInterfaceDeclaration c && !c.isInterface()
                  && JaxRsRouteExtractor.jaxRsAnnotation(c, "Path").isPresent());
      for (String id : functionIds) {
        LambdaFunction function =
            context.iac().function(id).orElseThrow();
        Optional<String> selector = environmentSelector(function).or(() -> configured);
        if (selector.isEmpty() && jaxRs) {
          // quarkus-amazon-lambda-http: the function serves the JAX-RS resources, not a bean.
          continue;
        }
        Optional<Bean> bean = select(beans, selector, function.source());
        if (bean.isEmpty()) {
          continue;
        }
        List<Trigger> api = function.apiTriggers();
        if (!api.isEmpty()) {
          for (Trigger trigger : api) {
            SourceRef source = trigger.source() != null ? trigger.source() : function.source();
            add(trigger.method(), trigger.path(), bean.get(), source, id, Confidence.HIGH);
          }
        } else if (function.triggers().isEmpty() && bean.get().api()) {
          proxyRoute(bean.get(), id);
        }
      }
      if (functionIds.isEmpty() && (configured.isPresent() || beans.stream().anyMatch(Bean::named))) {
        select(beans, configured, null).filter(Bean::api).ifPresent(b -> proxyRoute(b, null));
      }
      return routes;
    }

    /** A function with no API event in the IaC (a function URL, an API declared elsewhere). */
    private void proxyRoute(Bean bean, String function) {
      add("ANY", "/{proxy+}", bean, workspace.ref(bean.handleRequest().getName()), function, Confidence.LOW);
    }

    private void add(String method, String path, Bean bean, SourceRef source, String function, Confidence confidence) {
      Route route = new Route(method, path, bean.handler(), source, function, confidence, id(), List.of());
      routes.add(new ExtractedRoute(route, List.of(bean.handleRequest())));
    }

    private Optional<String> environmentSelector(LambdaFunction function) {
      for (EnvBinding env : function.environment()) {
        if (env.name().equals(HANDLER_ENV)) {
          String value =
              env.kind() == EnvBinding.Kind.LITERAL ? env.value() : env.physicalName();
          if (value == null || value.isBlank()) {
            context.diagnostics().warning(
                "quarkus-lambda-unresolved-handler",
                "The value of " + HANDLER_ENV + " of " + function.logicalId() + " cannot be resolved",
                function.source());
            return Optional.empty();
          }
          return Optional.of(value.trim());
        }
      }
      return Optional.empty();
    }

    /** The bean a selector names (by {@code @Named} name, class name or simple name), or the only one. */
    private Optional<Bean> select(List<Bean> beans, Optional<String> selector, SourceRef where) {
      if (selector.isPresent()) {
        String s = selector.get();
        for (Bean b : beans) {
          if (s.equals(b.name()) || s.equals(b.qualified())) {
            return Optional.of(b);
          }
        }
        for (Bean b : beans) {
          if (s.equals(b.type().getNameAsString())) {
            return Optional.of(b);
          }
        }
        context.diagnostics().warning(
            "quarkus-lambda-unknown-handler",
            "No RequestHandler of the repository is named \"" + s + "\"",
            where != null ? where : config.origin(HANDLER_KEY).map(f -> SourceRef.of(f, 0)).orElse(null));
        return Optional.empty();
      }
      if (beans.size() == 1) {
        return Optional.of(beans.get(0));
      }
      context.diagnostics().warning(
          "quarkus-lambda-ambiguous-handler",
          "Several RequestHandler beans and no " + HANDLER_KEY + " to choose one: "
              + beans.stream().map(Bean::qualified).toList(),
          where);
      return Optional.empty();
    }

    private List<Bean> beans() {
      List<Bean> beans = new ArrayList<>();
      for (TypeDeclaration<?> type : workspace.types().all().values()) {
        if (!(type instanceof ClassOrInterfaceDeclaration c) || c.isInterface() || c.isAbstract()
            || c.isLocalClassDeclaration() || isContainerAdapter(c)) {
          continue;
        }
        Optional<ClassOrInterfaceType> handlerInterface = handlerInterface(c, new HashSet<>());
        if (handlerInterface.isEmpty()) {
          continue;
        }
        Optional<MethodDeclaration> handleRequest = handleRequest(c, new HashSet<>());
        if (handleRequest.isEmpty()) {
          continue;
        }
        Optional<AnnotationExpr> named =
            c.getAnnotations().stream()
                .filter(a -> a.getNameAsString().equals("Named") || a.getNameAsString().endsWith(".inject.Named"))
                .findFirst();
        String name =
            named.flatMap(JaxRsRouteExtractor::value)
                .flatMap(constants::evaluate)
                .orElse(defaultName(c.getNameAsString()));
        boolean api =
            handlerInterface.get().getTypeArguments()
                .filter(args -> !args.isEmpty())
                .flatMap(args -> constants.names().qualify(args.get(0).asString(), c))
                .filter(API_EVENTS::contains)
                .isPresent();
        beans.add(new Bean(c, name, named.isPresent(), handleRequest.get(), api));
      }
      return beans;
    }

    /** CDI's default bean name: the simple class name with its first character in lower case. */
    private static String defaultName(String simpleName) {
      return Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
    }

    /** A class that hands requests to a framework container (Jersey, Spring, Quarkus's own). */
    private boolean isContainerAdapter(ClassOrInterfaceDeclaration c) {
      return c.findCompilationUnit()
          .map(u -> u.getImports().stream().anyMatch(i -> {
            String name = i.getNameAsString();
            return name.equals(QUARKUS_STREAM_HANDLER) || name.startsWith("com.amazonaws.serverless.proxy.")
                && !name.startsWith("com.amazonaws.serverless.proxy.model.");
          }))
          .orElse(false);
    }

    private Optional<ClassOrInterfaceType> handlerInterface(ClassOrInterfaceDeclaration c, Set<String> seen) {
      if (!seen.add(c.getFullyQualifiedName().orElse(c.getNameAsString()))) {
        return Optional.empty();
      }
      List<ClassOrInterfaceType> written = new ArrayList<>(c.getImplementedTypes());
      written.addAll(c.getExtendedTypes());
      for (ClassOrInterfaceType t : written) {
        Optional<String> q = constants.names().qualify(t.getNameWithScope(), c);
        if (q.isPresent() && HANDLER_INTERFACES.contains(q.get())) {
          return Optional.of(t);
        }
      }
      for (TypeDeclaration<?> s : constants.supertypes(c)) {
        if (s instanceof ClassOrInterfaceDeclaration sc) {
          Optional<ClassOrInterfaceType> found = handlerInterface(sc, seen);
          if (found.isPresent()) {
            return found;
          }
        }
      }
      return Optional.empty();
    }

    private Optional<MethodDeclaration> handleRequest(TypeDeclaration<?> type, Set<String> seen) {
      if (!seen.add(type.getFullyQualifiedName().orElse(type.getNameAsString()))) {
        return Optional.empty();
      }
      Optional<MethodDeclaration> own =
          type.getMethodsByName("handleRequest").stream()
              .filter(m -> m.getBody().isPresent() && (m.getParameters().size() == 2 || m.getParameters().size() == 3))
              .findFirst();
      if (own.isPresent()) {
        return own;
      }
      for (TypeDeclaration<?> s : constants.supertypes(type)) {
        Optional<MethodDeclaration> inherited = handleRequest(s, seen);
        if (inherited.isPresent()) {
          return inherited;
        }
      }
      return Optional.empty();
    }
  }
}
