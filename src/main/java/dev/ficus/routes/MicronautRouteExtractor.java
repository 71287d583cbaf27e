package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.ficus.model.Confidence;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Routes of Micronaut controllers ({@code @Controller("/books")} with {@code @Get("/{id}")}), as
 * served by Micronaut's API Gateway function handlers. Micronaut applications written with Spring
 * annotations (micronaut-spring) are left to {@link SpringMvcRouteExtractor}. See
 * docs/extractors/micronaut.md.
 */
public final class MicronautRouteExtractor implements RouteExtractor {

  private static final String ANNOTATIONS = "io.micronaut.http.annotation.";

  private static final Set<String> CONTROLLER = Set.of(ANNOTATIONS + "Controller");

  private static final Map<String, String> METHODS = methods();

  private static Map<String, String> methods() {
    Map<String, String> methods = new TreeMap<>();
    for (String verb :
        List.of("Get", "Post", "Put", "Delete", "Patch", "Head", "Options", "Trace")) {
      methods.put(ANNOTATIONS + verb, verb.toUpperCase(Locale.ROOT));
    }
    methods.put(ANNOTATIONS + "CustomHttpMethod", "");
    return methods;
  }

  @Override
  public String id() {
    return "micronaut";
  }

  @Override
  public boolean appliesTo(RouteContext context) {
    return SpringMvcRouteExtractor.importsPackage(context, "io.micronaut.http.annotation");
  }

  @Override
  public List<ExtractedRoute> extract(RouteContext context) {
    AnnotationValues values = new AnnotationValues(context.workspace());
    TypeHierarchy hierarchy = new TypeHierarchy(context.workspace(), values.typeNames());
    Optional<String> functionId =
        FrameworkEntryPoints.functionFor(context, FrameworkEntryPoints.MICRONAUT_CONTAINERS);
    LambdaFunction function =
        functionId.flatMap(id -> context.iac().function(id)).orElse(null);
    ApplicationProperties properties = ApplicationProperties.load(context).forFunction(function);
    PropertyPlaceholders.Result contextPath =
        PropertyPlaceholders.resolve(
            properties.get("micronaut.server.context-path").orElse(""), properties::get);
    String prefix = RoutePaths.prefix(contextPath.text());

    List<ExtractedRoute> routes = new ArrayList<>();
    for (TypeDeclaration<?> type : context.workspace().types().all().values()) {
      if (!(type instanceof ClassOrInterfaceDeclaration declaration)
          || declaration.isInterface()
          || declaration.isAbstract()) {
        continue;
      }
      Optional<AnnotationExpr> controller = values.find(declaration, CONTROLLER);
      if (controller.isEmpty()) {
        continue;
      }
      String className = declaration.getFullyQualifiedName().orElse(declaration.getNameAsString());
      Optional<List<String>> base = uris(values, controller.get(), "/");
      if (base.isEmpty()) {
        unresolvedPath(context, controller.get(), className);
        continue;
      }
      List<TypeHierarchy.Member> members = hierarchy.members(declaration);
      for (TypeHierarchy.Member member : members) {
        AnnotationExpr mapping = null;
        for (MethodDeclaration method : member.declarations()) {
          Optional<AnnotationExpr> found = values.find(method, METHODS.keySet());
          if (found.isPresent()) {
            mapping = found.get();
            break;
          }
        }
        if (mapping == null) {
          continue;
        }
        String handler = handler(className, member, members);
        String httpMethod = httpMethod(values, mapping);
        if (httpMethod == null) {
          unresolvedPath(context, mapping, handler);
          continue;
        }
        Optional<List<String>> uris = uris(values, mapping, "/");
        if (uris.isEmpty()) {
          unresolvedPath(context, mapping, handler);
          continue;
        }
        SourceRef source = context.workspace().ref(mapping);
        Set<String> seen = new TreeSet<>();
        for (String baseUri : base.get()) {
          for (String uri : uris.get()) {
            String raw = RoutePaths.join(prefix, RoutePaths.join(baseUri, uri));
            PropertyPlaceholders.Result resolved =
                PropertyPlaceholders.resolveRoutePath(
                    raw, properties::get, contextPath, "micronaut-unresolved-placeholder", handler,
                    source, context.diagnostics());
            Confidence placeholderConfidence = PropertyPlaceholders.confidenceOf(resolved);
            for (RoutePaths.Converted converted : RoutePaths.fromMicronaut(resolved.text())) {
              if (!seen.add(converted.path())) {
                continue;
              }
              Route route =
                  new Route(
                      httpMethod,
                      converted.path(),
                      handler,
                      source,
                      functionId.orElse(null),
                      converted.confidence().min(placeholderConfidence),
                      "micronaut",
                      List.of());
              routes.add(new ExtractedRoute(route, List.<Node>of(member.implementation())));
            }
          }
        }
      }
    }
    return routes;
  }

  private static String handler(
      String className, TypeHierarchy.Member member, List<TypeHierarchy.Member> members) {
    boolean overloaded = members.stream().filter(m -> m.name().equals(member.name())).count() > 1;
    return className
        + "#"
        + member.name()
        + (overloaded ? "(" + TypeHierarchy.parameterTypes(member.implementation()) + ")" : "");
  }

  /** The HTTP method of a mapping annotation, or null for an unreadable custom one. */
  private static String httpMethod(AnnotationValues values, AnnotationExpr mapping) {
    String qualified =
        values.qualify(mapping).orElse(ANNOTATIONS + mapping.getName().getIdentifier());
    String fixed = METHODS.get(qualified);
    if (fixed != null && !fixed.isEmpty()) {
      return fixed;
    }
    return AnnotationValues.member(mapping, "method")
        .flatMap(e -> values.scalar(e, 0))
        .map(m -> m.toUpperCase(Locale.ROOT))
        .orElse(null);
  }

  /** {@code value}/{@code uri} and {@code uris} together; the fallback when none is given. */
  private static Optional<List<String>> uris(
      AnnotationValues values, AnnotationExpr annotation, String fallback) {
    List<String> out = new ArrayList<>();
    for (String member : List.of("value", "uri", "uris")) {
      Optional<Expression> expression = AnnotationValues.member(annotation, member);
      if (expression.isEmpty()) {
        continue;
      }
      Optional<List<String>> strings = values.strings(expression.get());
      if (strings.isEmpty()) {
        return Optional.empty();
      }
      strings.get().stream().filter(s -> !out.contains(s)).forEach(out::add);
    }
    if (out.isEmpty()) {
      out.add(fallback);
    }
    return Optional.of(out);
  }

  private static void unresolvedPath(
      RouteContext context, AnnotationExpr annotation, String where) {
    context
        .diagnostics()
        .warning(
            "micronaut-unresolved-path",
            "The URI of "
                + where
                + " ("
                + annotation
                + ") is not a constant ficus can read; "
                + "its routes are not reported.",
            context.workspace().ref(annotation));
  }
}
