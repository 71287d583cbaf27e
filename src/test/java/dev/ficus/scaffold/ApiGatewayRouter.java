package dev.ficus.scaffold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An independent model of how API Gateway picks the integration for a request, built from a SAM
 * template's {@code Api}/{@code HttpApi} events (all joining one implicit API), to check the
 * strangler's templates. It follows the rules in the project's API Gateway notes, taking the
 * stricter reading where they leave room:
 *
 * <ul>
 *   <li>REST: the request walks the resource tree from the root, at each level a literal child
 *       before a path variable before a greedy variable, and never backtracks; the resource it
 *       ends on answers with the request's method, else with {@code ANY}, else not at all (no
 *       fall-back to a {@code {proxy+}} elsewhere). A greedy variable needs at least one segment,
 *       so {@code /{proxy+}} never matches {@code /}.
 *   <li>HTTP: a route whose path fully matches (variables count) wins over a greedy route, and
 *       the request's own method over {@code ANY}; a literal segment is more specific than a
 *       variable; among greedy routes the longest prefix wins.
 * </ul>
 */
final class ApiGatewayRouter {

  record Binding(String function, String method, String path) {}

  private final boolean rest;
  private final List<Binding> bindings = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private ApiGatewayRouter(boolean rest) {
    this.rest = rest;
  }

  /** The API of a parsed template ({@link CfnYaml#load}). */
  @SuppressWarnings("unchecked")
  static ApiGatewayRouter of(Map<String, Object> template) {
    Map<String, Object> resources = (Map<String, Object>) template.getOrDefault("Resources", Map.of());
    Set<String> kinds = new TreeSet<>();
    List<Binding> found = new ArrayList<>();
    resources.forEach(
        (id, value) -> {
          Map<String, Object> resource = (Map<String, Object>) value;
          if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
            return;
          }
          Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
          Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
          events.values().forEach(
              e -> {
                Map<String, Object> event = (Map<String, Object>) e;
                String type = String.valueOf(event.get("Type"));
                if (type.equals("Api") || type.equals("HttpApi")) {
                  kinds.add(type);
                  Map<String, Object> p = (Map<String, Object>) event.get("Properties");
                  found.add(
                      new Binding(
                          id,
                          String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT),
                          String.valueOf(p.get("Path"))));
                }
              });
        });
    ApiGatewayRouter router = new ApiGatewayRouter(!kinds.contains("HttpApi"));
    if (kinds.size() > 1) {
      router.problems.add("Api and HttpApi events in one template make two APIs");
    }
    router.bindings.addAll(found);
    router.check();
    return router;
  }

  /** What API Gateway would refuse or leave ambiguous. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  private void check() {
    Map<String, String> byRoute = new TreeMap<>();
    for (Binding b : bindings) {
      String previous = byRoute.putIfAbsent(b.method() + " " + b.path(), b.function());
      if (previous != null) {
        problems.add(b.method() + " " + b.path() + " is bound twice (" + previous + ", " + b.function() + ")");
      }
    }
    if (rest) {
      Map<String, Set<String>> variables = new TreeMap<>();
      for (String path : resources()) {
        List<String> s = StranglerRoutes.segments(path);
        if (!s.isEmpty() && s.get(s.size() - 1).startsWith("{")) {
          variables.computeIfAbsent(String.join("/", s.subList(0, s.size() - 1)), k -> new TreeSet<>())
              .add(s.get(s.size() - 1));
        }
      }
      variables.forEach(
          (parent, names) -> {
            if (names.size() > 1) {
              problems.add("sibling path variables " + names + " under /" + parent);
            }
          });
    }
  }

  private Set<String> resources() {
    Set<String> out = new TreeSet<>();
    out.add("/");
    bindings.forEach(b -> out.addAll(StranglerRoutes.resources(b.path())));
    return out;
  }

  /** The function a request reaches, or empty when API Gateway would answer it with an error. */
  Optional<String> resolve(String method, String path) {
    return rest ? resolveRest(method, path) : resolveHttp(method, path);
  }

  private Optional<String> resolveRest(String method, String path) {
    Set<String> resources = resources();
    String current = "/";
    List<String> request = StranglerRoutes.segments(path);
    for (int i = 0; i < request.size(); i++) {
      String prefix = current.equals("/") ? "" : current;
      String segment = request.get(i);
      List<String> children = resources.stream().filter(r -> isChild(prefix, r)).toList();
      Optional<String> literal = children.stream().filter(c -> last(c).equals(segment)).findFirst();
      Optional<String> variable = children.stream().filter(c -> isVariable(last(c)) && !isGreedy(last(c))).findFirst();
      Optional<String> greedy = children.stream().filter(c -> isGreedy(last(c))).findFirst();
      if (literal.isPresent()) {
        current = literal.get();
      } else if (variable.isPresent()) {
        current = variable.get();
      } else if (greedy.isPresent()) {
        current = greedy.get();
        break;
      } else {
        return Optional.empty();
      }
    }
    String resource = current;
    Optional<Binding> exact = bindings.stream().filter(b -> b.path().equals(resource) && b.method().equals(method)).findFirst();
    Optional<Binding> any = bindings.stream().filter(b -> b.path().equals(resource) && b.method().equals("ANY")).findFirst();
    return exact.or(() -> any).map(Binding::function);
  }

  private Optional<String> resolveHttp(String method, String path) {
    List<String> request = StranglerRoutes.segments(path);
    Comparator<Binding> specific =
        Comparator.comparing((Binding b) -> specificity(b.path()))
            .thenComparing(b -> b.method().equals(method) ? 1 : 0);
    Optional<Binding> full =
        bindings.stream()
            .filter(b -> b.method().equals(method) || b.method().equals("ANY"))
            .filter(b -> !b.path().contains("+}") && matches(StranglerRoutes.segments(b.path()), request))
            .max(specific);
    if (full.isPresent()) {
      return full.map(Binding::function);
    }
    return bindings.stream()
        .filter(b -> b.method().equals(method) || b.method().equals("ANY"))
        .filter(b -> b.path().endsWith("+}"))
        .filter(
            b -> {
              List<String> s = StranglerRoutes.segments(b.path());
              List<String> prefix = s.subList(0, s.size() - 1);
              return request.size() > prefix.size() && matches(prefix, request.subList(0, prefix.size()));
            })
        .max(Comparator.comparing((Binding b) -> StranglerRoutes.segments(b.path()).size())
            .thenComparing(b -> b.method().equals(method) ? 1 : 0))
        .map(Binding::function);
  }

  private static String specificity(String path) {
    StringBuilder key = new StringBuilder();
    for (String s : StranglerRoutes.segments(path)) {
      key.append(isVariable(s) ? '1' : '2');
    }
    return key.toString();
  }

  private static boolean matches(List<String> template, List<String> request) {
    if (template.size() != request.size()) {
      return false;
    }
    for (int i = 0; i < template.size(); i++) {
      if (!isVariable(template.get(i)) && !template.get(i).equals(request.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isChild(String parentPrefix, String resource) {
    return resource.startsWith(parentPrefix + "/")
        && resource.length() > parentPrefix.length() + 1
        && resource.indexOf('/', parentPrefix.length() + 1) < 0;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static boolean isVariable(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static boolean isGreedy(String segment) {
    return segment.startsWith("{") && segment.endsWith("+}");
  }
}
