package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request filters that run before JAX-RS resource methods, the prelude of their routes: a
 * {@code @Provider} {@code ContainerRequestFilter} (for every route, or, when it carries a
 * {@code @NameBinding} annotation, for the routes that carry it too) and Quarkus REST's {@code
 * @ServerRequestFilter} methods. Ordered by {@code @Priority}, lowest first.
 */
final class JaxRsRequestFilters {

  private static final int USER_PRIORITY = 5000;

  /** One filter: its code, the name-binding annotations it needs, and its place in the order. */
  private record RequestFilter(MethodDeclaration method, Set<String> bindings, int priority, String name) {}

  private final Workspace workspace;
  private final JaxRsConstants constants;
  private final Set<String> nameBindings = new TreeSet<>();
  private final List<RequestFilter> filters = new ArrayList<>();

  JaxRsRequestFilters(Workspace workspace, JaxRsConstants constants) {
    this.workspace = workspace;
    this.constants = constants;
    for (TypeDeclaration<?> type : workspace.types().all().values()) {
      if (type instanceof AnnotationDeclaration a && JaxRsRouteExtractor.jaxRsAnnotation(a, "NameBinding").isPresent()) {
        a.getFullyQualifiedName().ifPresent(nameBindings::add);
      }
    }
    for (TypeDeclaration<?> type : workspace.types().all().values()) {
      collect(type);
    }
    filters.sort(Comparator.comparingInt(RequestFilter::priority).thenComparing(RequestFilter::name));
  }

  /** The filter methods that run before a resource method, in order. */
  List<Node> before(MethodDeclaration handler, MethodDeclaration annotated, List<TypeDeclaration<?>> types) {
    Set<String> present = new TreeSet<>();
    present.addAll(bindings(handler));
    present.addAll(bindings(annotated));
    types.forEach(t -> present.addAll(bindings(t)));
    List<Node> code = new ArrayList<>();
    for (RequestFilter filter : filters) {
      if (present.containsAll(filter.bindings())) {
        code.add(filter.method());
      }
    }
    return code;
  }

  private void collect(TypeDeclaration<?> type) {
    for (MethodDeclaration m : type.getMethods()) {
      if (m.getBody().isPresent()
          && m.getAnnotations().stream().anyMatch(a -> named(a, "ServerRequestFilter", "org.jboss.resteasy.reactive.server"))) {
        filters.add(new RequestFilter(m, Set.of(), priority(m).orElse(USER_PRIORITY), JaxRsHandlers.of(m)));
      }
    }
    if (!(type instanceof ClassOrInterfaceDeclaration c) || c.isInterface() || c.isAbstract()
        || c.getAnnotations().stream().noneMatch(a -> named(a, "Provider", "javax.ws.rs.ext", "jakarta.ws.rs.ext"))
        || !implementsRequestFilter(c)) {
      return;
    }
    c.getMethodsByName("filter").stream()
        .filter(m -> m.getParameters().size() == 1 && m.getBody().isPresent())
        .findFirst()
        .ifPresent(m -> filters.add(
            new RequestFilter(m, bindings(c), priority(c).orElse(USER_PRIORITY), JaxRsHandlers.of(m))));
  }

  private boolean implementsRequestFilter(ClassOrInterfaceDeclaration c) {
    List<TypeDeclaration<?>> types = new ArrayList<>(List.of(c));
    for (int i = 0; i < types.size() && i < 32; i++) {
      if (types.get(i) instanceof ClassOrInterfaceDeclaration t) {
        for (ClassOrInterfaceType written : t.getImplementedTypes()) {
          Optional<String> q = constants.names().qualify(written.getNameWithScope(), t);
          if (q.filter(n -> n.equals("javax.ws.rs.container.ContainerRequestFilter")
              || n.equals("jakarta.ws.rs.container.ContainerRequestFilter")).isPresent()) {
            return true;
          }
        }
      }
      for (TypeDeclaration<?> s : constants.supertypes(types.get(i))) {
        if (!types.contains(s)) {
          types.add(s);
        }
      }
    }
    return false;
  }

  private Set<String> bindings(NodeWithAnnotations<?> node) {
    Set<String> found = new TreeSet<>();
    if (nameBindings.isEmpty()) {
      return found;
    }
    for (AnnotationExpr a : node.getAnnotations()) {
      constants.names().qualify(a.getNameAsString(), a).filter(nameBindings::contains).ifPresent(found::add);
    }
    return found;
  }

  private Optional<Integer> priority(NodeWithAnnotations<?> node) {
    for (AnnotationExpr a : node.getAnnotations()) {
      if (named(a, "Priority", "javax.annotation", "jakarta.annotation")) {
        Optional<String> value = JaxRsRouteExtractor.value(a)
            .flatMap(v -> v.isFieldAccessExpr() && v.asFieldAccessExpr().getScope().toString().endsWith("Priorities")
                ? Optional.of(String.valueOf(priorities(v.asFieldAccessExpr().getNameAsString())))
                : constants.evaluate(v));
        try {
          return value.map(String::trim).map(Integer::valueOf);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** {@code javax.ws.rs.Priorities} constants. */
  private static int priorities(String name) {
    return switch (name) {
      case "AUTHENTICATION" -> 1000;
      case "AUTHORIZATION" -> 2000;
      case "HEADER_DECORATOR" -> 3000;
      case "ENTITY_CODER" -> 4000;
      default -> USER_PRIORITY;
    };
  }

  /** An annotation written as {@code Simple} or qualified with one of the packages. */
  private static boolean named(AnnotationExpr a, String simple, String... packages) {
    String written = a.getNameAsString();
    if (written.equals(simple)) {
      return true;
    }
    for (String pkg : packages) {
      if (written.equals(pkg + "." + simple)) {
        return true;
      }
    }
    return false;
  }
}
