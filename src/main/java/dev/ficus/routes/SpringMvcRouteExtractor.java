package dev.ficus.routes;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.ficus.model.Confidence;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.workspace.JavaSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Routes of Spring MVC / Spring Boot controllers ({@code @RestController} with {@code @GetMapping}
 * and friends), as served behind aws-serverless-java-container. See docs/extractors/spring-mvc.md.
 */
public final class SpringMvcRouteExtractor implements RouteExtractor {

  static final String ANNOTATIONS = "org.springframework.web.bind.annotation.";

  private static final Set<String> CONTROLLERS =
      Set.of("org.springframework.stereotype.Controller", ANNOTATIONS + "RestController");

  private static final Map<String, String> MAPPINGS =
      Map.of(
          ANNOTATIONS + "RequestMapping", "",
          ANNOTATIONS + "GetMapping", "GET",
          ANNOTATIONS + "PostMapping", "POST",
          ANNOTATIONS + "PutMapping", "PUT",
          ANNOTATIONS + "DeleteMapping", "DELETE",
          ANNOTATIONS + "PatchMapping", "PATCH");

  private static final Set<String> REQUEST_MAPPING = Set.of(ANNOTATIONS + "RequestMapping");

  @Override
  public String id() {
    return "spring-mvc";
  }

  @Override
  public boolean appliesTo(RouteContext context) {
    return importsPackage(context, "org.springframework.web");
  }

  static boolean importsPackage(RouteContext context, String prefix) {
    return context.importsAny(name -> name.startsWith(prefix));
  }

  /**
   * Methods Spring runs before every handler of their controller (and, in a {@code
   * ControllerAdvice}, of every controller): their code is part of each route's prelude.
   */
  static final Set<String> PRELUDE_METHODS =
      Set.of(
          "org.springframework.web.bind.annotation.ModelAttribute",
          "org.springframework.web.bind.annotation.InitBinder");

  static final Set<String> CONTROLLER_ADVICE =
      Set.of(
          "org.springframework.web.bind.annotation.ControllerAdvice",
          "org.springframework.web.bind.annotation.RestControllerAdvice");

  @Override
  public List<ExtractedRoute> extract(RouteContext context) {
    AnnotationValues values = new AnnotationValues(context.workspace());
    TypeHierarchy hierarchy = new TypeHierarchy(context.workspace(), values.typeNames());
    Set<String> controllers = withMetaAnnotated(context, values, CONTROLLERS);
    Map<String, AnnotationExpr> composed = composedMappings(context, values);

    Optional<String> functionId =
        FrameworkEntryPoints.functionFor(context, FrameworkEntryPoints.SPRING_CONTAINERS)
            .or(
                () ->
                    FrameworkEntryPoints.functionFor(
                        context, FrameworkEntryPoints.MICRONAUT_CONTAINERS));
    LambdaFunction function =
        functionId.flatMap(id -> context.iac().function(id)).orElse(null);
    ApplicationProperties properties = ApplicationProperties.load(context).forFunction(function);
    Prefix prefix = prefix(properties);

    List<Node> advicePrelude = new ArrayList<>();
    for (TypeDeclaration<?> type : context.workspace().types().all().values()) {
      if (values.find(type, CONTROLLER_ADVICE).isPresent()) {
        for (MethodDeclaration method : type.getMethods()) {
          if (values.find(method, PRELUDE_METHODS).isPresent()) {
            advicePrelude.add(method);
          }
        }
      }
    }

    List<ExtractedRoute> routes = new ArrayList<>();
    for (TypeDeclaration<?> type : context.workspace().types().all().values()) {
      if (!(type instanceof ClassOrInterfaceDeclaration declaration)
          || declaration.isInterface()
          || declaration.isAbstract()) {
        continue;
      }
      List<TypeDeclaration<?>> ancestry = hierarchy.ancestry(declaration);
      if (ancestry.stream().noneMatch(t -> values.find(t, controllers).isPresent())) {
        continue;
      }
      new ControllerReader(
              context, values, hierarchy, composed, properties, prefix, functionId.orElse(null))
          .read(declaration, ancestry, advicePrelude, routes);
    }
    return routes;
  }

  /** The context path and servlet path every route of the application is served under. */
  record Prefix(String path, boolean usedDefault, List<String> unresolved) {
    PropertyPlaceholders.Result asResult() {
      return new PropertyPlaceholders.Result(path, usedDefault, unresolved);
    }
  }

  static Prefix prefix(ApplicationProperties properties) {
    String contextPath =
        properties
            .get("server.servlet.context-path")
            .or(() -> properties.get("server.context-path"))
            .or(() -> properties.get("spring.webflux.base-path"))
            .orElse("");
    String servletPath =
        properties
            .get("spring.mvc.servlet.path")
            .or(() -> properties.get("server.servlet-path"))
            .orElse("");
    PropertyPlaceholders.Result context =
        PropertyPlaceholders.resolve(contextPath, properties::get);
    PropertyPlaceholders.Result servlet =
        PropertyPlaceholders.resolve(servletPath, properties::get);
    List<String> unresolved = new ArrayList<>(context.unresolved());
    unresolved.addAll(servlet.unresolved());
    String path =
        RoutePaths.join(RoutePaths.prefix(context.text()), RoutePaths.prefix(servlet.text()));
    return new Prefix(path, context.usedDefault() || servlet.usedDefault(), unresolved);
  }

  /**
   * The given annotations plus the repository's own annotations meta-annotated with one of them
   * ({@code @ApiController} carrying {@code @RestController}), transitively.
   */
  static Set<String> withMetaAnnotated(
      RouteContext context, AnnotationValues values, Set<String> base) {
    Set<String> names = new TreeSet<>(base);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, TypeDeclaration<?>> e : context.workspace().types().all().entrySet()) {
        if (e.getValue() instanceof AnnotationDeclaration annotation
            && !names.contains(e.getKey())
            && values.find(annotation, names).isPresent()) {
          names.add(e.getKey());
          grew = true;
        }
      }
    }
    return names;
  }

  /**
   * The repository's own composed mapping annotations ({@code @GetJson} carrying {@code
   * @RequestMapping(method = GET, produces = ...)}), each with the Spring mapping annotation it
   * carries, following chains of composed annotations.
   */
  static Map<String, AnnotationExpr> composedMappings(RouteContext context, AnnotationValues values) {
    Map<String, AnnotationExpr> composed = new TreeMap<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, TypeDeclaration<?>> e : context.workspace().types().all().entrySet()) {
        if (!(e.getValue() instanceof AnnotationDeclaration annotation)
            || composed.containsKey(e.getKey())) {
          continue;
        }
        Optional<AnnotationExpr> direct = values.find(annotation, MAPPINGS.keySet());
        if (direct.isPresent()) {
          composed.put(e.getKey(), direct.get());
          grew = true;
          continue;
        }
        Optional<AnnotationExpr> viaComposed = values.find(annotation, composed.keySet());
        if (viaComposed.isPresent()) {
          values
              .qualify(viaComposed.get())
              .map(composed::get)
              .ifPresent(base -> composed.put(e.getKey(), base));
          if (composed.containsKey(e.getKey())) {
            grew = true;
          }
        }
      }
    }
    return composed;
  }

  /** Reads one concrete controller class. */
  private static final class ControllerReader {
    private final RouteContext context;
    private final AnnotationValues values;
    private final TypeHierarchy hierarchy;
    private final Map<String, AnnotationExpr> composed;
    private final Set<String> methodMappings;
    private final Set<String> classMappings;
    private final ApplicationProperties properties;
    private final Prefix prefix;
    private final String functionId;

    ControllerReader(
        RouteContext context,
        AnnotationValues values,
        TypeHierarchy hierarchy,
        Map<String, AnnotationExpr> composed,
        ApplicationProperties properties,
        Prefix prefix,
        String functionId) {
      this.context = context;
      this.values = values;
      this.hierarchy = hierarchy;
      this.composed = composed;
      this.methodMappings = new TreeSet<>(MAPPINGS.keySet());
      this.methodMappings.addAll(composed.keySet());
      this.classMappings = new TreeSet<>(REQUEST_MAPPING);
      composed.forEach(
          (name, base) -> {
            if (REQUEST_MAPPING.contains(qualifiedMapping(base))) {
              classMappings.add(name);
            }
          });
      this.properties = properties;
      this.prefix = prefix;
      this.functionId = functionId;
    }

    void read(
        ClassOrInterfaceDeclaration controller,
        List<TypeDeclaration<?>> ancestry,
        List<Node> advicePrelude,
        List<ExtractedRoute> out) {
      String className = controller.getFullyQualifiedName().orElse(controller.getNameAsString());
      // The class-level mapping: the nearest one in the hierarchy, as Spring's merged lookup.
      List<String> classPaths = List.of("");
      List<String> classMethods = List.of();
      for (TypeDeclaration<?> t : ancestry) {
        Optional<AnnotationExpr> mapping = values.find(t, classMappings);
        if (mapping.isPresent()) {
          Optional<List<String>> paths = paths(mapping.get());
          if (paths.isEmpty()) {
            unresolvedPath(mapping.get(), className);
            return;
          }
          classPaths = paths.get();
          classMethods = httpMethods(mapping.get());
          break;
        }
      }
      List<TypeHierarchy.Member> members = hierarchy.members(controller);
      List<Node> prelude = new ArrayList<>(advicePrelude);
      for (TypeHierarchy.Member member : members) {
        boolean runsBeforeHandlers =
            member.declarations().stream()
                .anyMatch(d -> values.find(d, PRELUDE_METHODS).isPresent()
                    && values.find(d, methodMappings).isEmpty());
        if (runsBeforeHandlers) {
          prelude.add(member.implementation());
        }
      }
      for (TypeHierarchy.Member member : members) {
        Optional<AnnotationExpr> mapping = Optional.empty();
        for (MethodDeclaration declaration : member.declarations()) {
          mapping = values.find(declaration, methodMappings);
          if (mapping.isPresent()) {
            break;
          }
        }
        if (mapping.isEmpty()) {
          continue;
        }
        AnnotationExpr annotation = mapping.get();
        Optional<List<String>> methodPaths = paths(annotation);
        if (methodPaths.isEmpty()) {
          unresolvedPath(annotation, className + "#" + member.name());
          continue;
        }
        Set<String> httpMethods = new LinkedHashSet<>(classMethods);
        httpMethods.addAll(httpMethods(annotation));
        if (httpMethods.isEmpty()) {
          httpMethods.add("ANY");
        }
        boolean overloaded =
            members.stream().filter(m -> m.name().equals(member.name())).count() > 1;
        String handler =
            className
                + "#"
                + member.name()
                + (overloaded
                    ? "(" + TypeHierarchy.parameterTypes(member.implementation()) + ")"
                    : "");
        SourceRef source = context.workspace().ref(annotation);
        Set<String> seen = new TreeSet<>();
        for (String classPath : classPaths) {
          for (String methodPath : methodPaths.get()) {
            String raw = RoutePaths.join(prefix.path(), RoutePaths.join(classPath, methodPath));
            PropertyPlaceholders.Result resolved =
                PropertyPlaceholders.resolveRoutePath(
                    raw, properties::get, prefix.asResult(), "spring-mvc-unresolved-placeholder",
                    handler, source, context.diagnostics());
            RoutePaths.Converted converted = RoutePaths.fromSpring(resolved.text());
            Confidence confidence =
                converted.confidence().min(PropertyPlaceholders.confidenceOf(resolved));
            for (String httpMethod : httpMethods) {
              if (!seen.add(httpMethod + " " + converted.path())) {
                continue;
              }
              Route route =
                  new Route(
                      httpMethod,
                      converted.path(),
                      handler,
                      source,
                      functionId,
                      confidence,
                      "spring-mvc",
                      List.of());
              List<Node> entryCode = new ArrayList<>(prelude);
              entryCode.add(member.implementation());
              out.add(new ExtractedRoute(route, entryCode));
            }
          }
        }
      }
    }

    /**
     * The qualified name of a mapping annotation (Spring's or a composed one of the repository);
     * written with a wildcard import, the Spring annotation of that simple name.
     */
    private String qualifiedMapping(AnnotationExpr annotation) {
      return values
          .qualify(annotation)
          .orElse(ANNOTATIONS + annotation.getName().getIdentifier());
    }

    /**
     * The paths of a mapping annotation; a composed annotation without its own {@code value} or
     * {@code path} (an {@code @AliasFor} of the carried mapping's) uses the carried mapping's.
     */
    private Optional<List<String>> paths(AnnotationExpr annotation) {
      Optional<Expression> member = AnnotationValues.member(annotation, "value", "path");
      AnnotationExpr base = composed.get(qualifiedMapping(annotation));
      if (member.isEmpty() && base != null) {
        member = AnnotationValues.member(base, "value", "path");
      }
      if (member.isEmpty()) {
        return Optional.of(List.of(""));
      }
      return values.strings(member.get()).map(list -> list.isEmpty() ? List.of("") : list);
    }

    /** The methods an annotation names: its own fixed one, its {@code method}, its base's. */
    private List<String> httpMethods(AnnotationExpr annotation) {
      List<String> methods = new ArrayList<>();
      AnnotationExpr base = composed.get(qualifiedMapping(annotation));
      for (AnnotationExpr a : base == null ? List.of(annotation) : List.of(annotation, base)) {
        String fixed = MAPPINGS.get(qualifiedMapping(a));
        if (fixed != null && !fixed.isEmpty()) {
          methods.add(fixed);
        }
        methods.addAll(methods(a));
      }
      return methods.stream().distinct().toList();
    }

    private static List<String> methods(AnnotationExpr annotation) {
      return AnnotationValues.member(annotation, "method")
          .map(AnnotationValues::names)
          .orElse(List.of())
          .stream()
          .map(m -> m.toUpperCase(Locale.ROOT))
          .toList();
    }

    private void unresolvedPath(AnnotationExpr annotation, String where) {
      context
          .diagnostics()
          .warning(
              "spring-mvc-unresolved-path",
              "The path of "
                  + where
                  + " ("
                  + annotation
                  + ") is not a constant ficus can read; "
                  + "its routes are not reported.",
              context.workspace().ref(annotation));
    }
  }
}
