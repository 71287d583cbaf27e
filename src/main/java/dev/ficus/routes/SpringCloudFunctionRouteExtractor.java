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
import dev.ficus.model.Trigger;
import java.beans.Introspector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Routes of Spring Cloud Function applications on AWS: each function bean ({@code @Bean
 * Function<..>}, a {@code @Component} implementing {@code Function}) is a route, chosen by {@code
 * spring.cloud.function.definition} or by a routing header. The path comes from the IaC when it can
 * be told which function an API event reaches; otherwise it is a placeholder {@code /functionName}
 * with LOW confidence. See docs/extractors/spring-cloud-function.md.
 */
public final class SpringCloudFunctionRouteExtractor implements RouteExtractor {

  private static final String DEFINITION = "spring.cloud.function.definition";
  private static final String ROUTING_EXPRESSION = "spring.cloud.function.routing-expression";
  private static final String ROUTER = "functionRouter";

  private static final Map<String, String> FUNCTIONAL_TYPES =
      Map.of(
          "java.util.function.Function", "apply",
          "java.util.function.Consumer", "accept",
          "java.util.function.Supplier", "get");

  private static final Set<String> BEAN = Set.of("org.springframework.context.annotation.Bean");
  private static final Set<String> COMPONENTS =
      Set.of(
          "org.springframework.stereotype.Component",
          "org.springframework.stereotype.Service",
          "org.springframework.stereotype.Repository",
          "org.springframework.stereotype.Controller");
  private static final Set<String> ROUTING_CALLBACKS =
      Set.of(
          "org.springframework.cloud.function.context.MessageRoutingCallback",
          "org.springframework.cloud.function.context.config.RoutingFunction",
          "org.springframework.cloud.function.context.config.MessageRoutingCallback");

  /** A function of the catalog: its bean name, handler and the code that runs it. */
  private record CatalogEntry(
      String name, String handler, SourceRef source, List<Node> entryCode) {}

  @Override
  public String id() {
    return "spring-cloud-function";
  }

  @Override
  public boolean appliesTo(RouteContext context) {
    if (SpringMvcRouteExtractor.importsPackage(context, "org.springframework.cloud.function")) {
      return true;
    }
    if (!FrameworkEntryPoints.functionsFor(
            context, FrameworkEntryPoints.SPRING_CLOUD_FUNCTION_CONTAINERS)
        .isEmpty()) {
      return true;
    }
    for (LambdaFunction function : context.iac().functions()) {
      if (ApplicationProperties.empty()
          .forFunction(function)
          .hasKeyStartingWith("spring.cloud.function")) {
        return true;
      }
    }
    return ApplicationProperties.load(
            new RouteContext(context.workspace(), context.iac(), new dev.ficus.model.Diagnostics()))
        .hasKeyStartingWith("spring.cloud.function");
  }

  @Override
  public List<ExtractedRoute> extract(RouteContext context) {
    AnnotationValues values = new AnnotationValues(context.workspace());
    TypeHierarchy hierarchy = new TypeHierarchy(context.workspace(), values.typeNames());
    ApplicationProperties properties = ApplicationProperties.load(context);
    Map<String, CatalogEntry> catalog = catalog(context, values, hierarchy, properties);
    boolean callback = hasRoutingCallback(context, values, hierarchy);

    List<String> hosts =
        FrameworkEntryPoints.functionsFor(
            context, FrameworkEntryPoints.SPRING_CLOUD_FUNCTION_CONTAINERS);
    List<ExtractedRoute> routes = new ArrayList<>();
    if (hosts.isEmpty()) {
      routesFor(context, null, properties, catalog, callback, routes);
    }
    for (String host : hosts) {
      LambdaFunction function =
          context.iac().functions().stream()
              .filter(f -> f.logicalId().equals(host))
              .findFirst()
              .orElse(null);
      routesFor(context, function, properties.forFunction(function), catalog, callback, routes);
    }
    return routes;
  }

  private void routesFor(
      RouteContext context,
      LambdaFunction function,
      ApplicationProperties properties,
      Map<String, CatalogEntry> catalog,
      boolean callback,
      List<ExtractedRoute> out) {
    String functionId = function == null ? null : function.logicalId();
    SourceRef hostRef = function == null ? null : function.source();
    String definition =
        properties
            .get(DEFINITION)
            .map(d -> PropertyPlaceholders.resolve(d, properties::get).text().trim())
            .orElse("");
    boolean routing =
        callback || properties.get(ROUTING_EXPRESSION).isPresent() || definition.equals(ROUTER);

    List<List<String>> chosen = new ArrayList<>();
    if (!routing && !definition.isEmpty()) {
      for (String item : definition.split("[;,]")) {
        List<String> names = new ArrayList<>();
        for (String name : item.split("\\|")) {
          if (!name.isBlank()) {
            names.add(name.trim());
          }
        }
        if (!names.isEmpty()) {
          chosen.add(names);
        }
      }
    } else if (!routing && catalog.size() == 1) {
      chosen.add(List.of(catalog.keySet().iterator().next()));
    } else {
      catalog.keySet().forEach(name -> chosen.add(List.of(name)));
    }
    if ((routing || chosen.size() > 1) && function != null && !function.apiTriggers().isEmpty()) {
      context
          .diagnostics()
          .note(
              "spring-cloud-function-routed-by-header",
              "Function "
                  + functionId
                  + " can run several Spring Cloud Functions (a definition list, a routing "
                  + "expression, callback or header); each function is reported as ANY /{name}, "
                  + "since the API path does not tell them apart.",
              hostRef);
    }
    boolean single = chosen.size() == 1 && !routing;
    for (List<String> composition : chosen) {
      List<CatalogEntry> entries = new ArrayList<>();
      for (String name : composition) {
        CatalogEntry entry = catalog.get(name);
        if (entry == null) {
          context
              .diagnostics()
              .warning(
                  "spring-cloud-function-unknown-function",
                  "spring.cloud.function.definition names '"
                      + name
                      + "', which is no function bean "
                      + "of the repository"
                      + (functionId == null ? "" : " (function " + functionId + ")")
                      + ".",
                  hostRef);
        } else {
          entries.add(entry);
        }
      }
      if (entries.size() != composition.size()) {
        continue;
      }
      CatalogEntry first = entries.get(0);
      List<Node> entryCode = new ArrayList<>();
      entries.forEach(e -> entryCode.addAll(e.entryCode()));
      List<Trigger> triggers = function == null ? List.of() : function.apiTriggers();
      if (single && !triggers.isEmpty()) {
        for (Trigger trigger : triggers) {
          SourceRef source =
              trigger.source() != null
                  ? trigger.source()
                  : hostRef != null ? hostRef : first.source();
          Route route =
              new Route(
                  trigger.method(),
                  trigger.path(),
                  first.handler(),
                  source,
                  functionId,
                  Confidence.HIGH,
                  id(),
                  List.of());
          out.add(new ExtractedRoute(route, entryCode));
        }
      } else {
        String path = "/" + String.join(",", composition);
        Route route =
            new Route(
                "ANY",
                path,
                first.handler(),
                first.source(),
                functionId,
                Confidence.LOW,
                id(),
                List.of());
        out.add(new ExtractedRoute(route, entryCode));
      }
    }
  }

  /** Function beans by name, sorted: {@code @Bean} methods, components, scanned classes. */
  private Map<String, CatalogEntry> catalog(
      RouteContext context,
      AnnotationValues values,
      TypeHierarchy hierarchy,
      ApplicationProperties properties) {
    Set<String> components = SpringMvcRouteExtractor.withMetaAnnotated(context, values, COMPONENTS);
    List<String> scanPackages = new ArrayList<>();
    for (String p :
        properties.get("spring.cloud.function.scan.packages").orElse("functions").split(",")) {
      if (!p.isBlank()) {
        scanPackages.add(p.trim());
      }
    }
    Map<String, CatalogEntry> catalog = new TreeMap<>();
    for (TypeDeclaration<?> type : context.workspace().types().all().values()) {
      for (MethodDeclaration method : type.getMethods()) {
        Optional<AnnotationExpr> bean = values.find(method, BEAN);
        if (bean.isEmpty()) {
          continue;
        }
        String returned = method.getType().asString();
        Optional<String> qualified = values.typeNames().qualify(returned, method);
        String name = beanName(values, bean.get()).orElse(method.getNameAsString());
        SourceRef source = context.workspace().ref(bean.get());
        if (qualified.isPresent() && FUNCTIONAL_TYPES.containsKey(qualified.get())) {
          String owner = type.getFullyQualifiedName().orElse(type.getNameAsString());
          catalog.putIfAbsent(
              name,
              new CatalogEntry(
                  name, owner + "#" + method.getNameAsString(), source, List.of(method)));
        } else if (qualified.isPresent()) {
          Optional<TypeDeclaration<?>> implementation =
              context.workspace().findType(qualified.get());
          if (implementation.isPresent()) {
            functionalMethod(hierarchy, implementation.get())
                .ifPresent(
                    m ->
                        catalog.putIfAbsent(
                            name,
                            new CatalogEntry(
                                name, handlerOf(implementation.get(), m), source, List.of(m))));
          }
        }
      }
      if (!(type instanceof ClassOrInterfaceDeclaration declaration)
          || declaration.isInterface()
          || declaration.isAbstract()) {
        continue;
      }
      Optional<AnnotationExpr> component = values.find(declaration, components);
      String pkg =
          declaration
              .findCompilationUnit()
              .flatMap(u -> u.getPackageDeclaration())
              .map(p -> p.getNameAsString())
              .orElse("");
      boolean scanned =
          scanPackages.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
      if (component.isEmpty() && !scanned) {
        continue;
      }
      Optional<MethodDeclaration> method = functionalMethod(hierarchy, declaration);
      if (method.isEmpty()) {
        continue;
      }
      String name =
          component
              .flatMap(c -> beanName(values, c))
              .orElse(Introspector.decapitalize(declaration.getNameAsString()));
      SourceRef source =
          context.workspace().ref(component.isPresent() ? component.get() : declaration);
      catalog.putIfAbsent(
          name,
          new CatalogEntry(
              name, handlerOf(declaration, method.get()), source, List.of(method.get())));
    }
    return catalog;
  }

  /** {@code apply}, {@code accept} or {@code get} of a class implementing a functional type. */
  private static Optional<MethodDeclaration> functionalMethod(
      TypeHierarchy hierarchy, TypeDeclaration<?> type) {
    Set<String> supertypes = hierarchy.allSupertypeNames(type);
    for (Map.Entry<String, String> functional : new TreeMap<>(FUNCTIONAL_TYPES).entrySet()) {
      if (!supertypes.contains(functional.getKey())) {
        continue;
      }
      int arity = functional.getValue().equals("get") ? 0 : 1;
      for (TypeHierarchy.Member member : hierarchy.members(type)) {
        if (member.name().equals(functional.getValue())
            && member.implementation().getParameters().size() == arity
            && member.implementation().getBody().isPresent()) {
          return Optional.of(member.implementation());
        }
      }
    }
    return Optional.empty();
  }

  private static String handlerOf(TypeDeclaration<?> type, MethodDeclaration method) {
    return type.getFullyQualifiedName().orElse(type.getNameAsString())
        + "#"
        + method.getNameAsString();
  }

  /** The first name a {@code @Bean} or {@code @Component} gives, when it gives one. */
  private static Optional<String> beanName(AnnotationValues values, AnnotationExpr annotation) {
    Optional<Expression> member = AnnotationValues.member(annotation, "value", "name");
    return member
        .flatMap(values::strings)
        .flatMap(names -> names.stream().findFirst())
        .filter(n -> !n.isBlank());
  }

  /** A {@code MessageRoutingCallback} (or a custom RoutingFunction) picks functions per message. */
  private static boolean hasRoutingCallback(
      RouteContext context, AnnotationValues values, TypeHierarchy hierarchy) {
    for (TypeDeclaration<?> type : context.workspace().types().all().values()) {
      if (hierarchy.allSupertypeNames(type).stream().anyMatch(ROUTING_CALLBACKS::contains)) {
        return true;
      }
      for (MethodDeclaration method : type.getMethods()) {
        if (values.find(method, BEAN).isPresent()
            && values
                .typeNames()
                .qualify(method.getType().asString(), method)
                .filter(ROUTING_CALLBACKS::contains)
                .isPresent()) {
          return true;
        }
      }
    }
    return false;
  }
}
