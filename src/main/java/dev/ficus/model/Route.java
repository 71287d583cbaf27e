package dev.ficus.model;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One API route of the analyzed application: the unit a strangler moves from the monolith to a
 * function of its own.
 *
 * @param method upper-case HTTP method, {@code ANY} for every method
 * @param path API Gateway template syntax: {@code /orders/{id}}, {@code /files/{proxy+}}
 * @param handler {@code fully.qualified.Class#method} of the method that serves the route; for
 *     an inline branch, its enclosing method
 * @param source where the route is declared (the branch, the annotation, the IaC event)
 * @param function logical id of the Lambda function that serves it, {@code null} when unknown
 * @param confidence how sure the extractor is of method and path
 * @param extractor id of the {@code RouteExtractor} that found it
 * @param effects the AWS calls reachable from the handler, sorted
 * @param classes fully qualified names of the repository's classes whose code the route runs
 *     (its entry code and everything reachable from it), sorted; what moves with it when it is
 *     extracted
 */
public record Route(
    String method,
    String path,
    String handler,
    SourceRef source,
    String function,
    Confidence confidence,
    String extractor,
    List<AwsEffect> effects,
    List<String> classes)
    implements Comparable<Route> {

  private static final Comparator<Route> ORDER =
      Comparator.comparing(Route::path)
          .thenComparing(Route::method)
          .thenComparing(r -> String.valueOf(r.function()))
          .thenComparing(Route::handler);

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(extractor, "extractor");
    method = method.toUpperCase(Locale.ROOT);
    effects = effects == null ? List.of() : effects.stream().sorted().toList();
    classes = classes == null ? List.of() : classes.stream().distinct().sorted().toList();
  }

  /** A route as an extractor reports it, before the graph stage adds effects and classes. */
  public Route(
      String method,
      String path,
      String handler,
      SourceRef source,
      String function,
      Confidence confidence,
      String extractor,
      List<AwsEffect> effects) {
    this(method, path, handler, source, function, confidence, extractor, effects, List.of());
  }

  /** {@code GET /orders/{id}}: how users name a route on the command line and in plans. */
  public String id() {
    return method + " " + path;
  }

  /** The sorted, unique IAM actions of all effects. */
  public List<String> iamActions() {
    TreeSet<String> actions = new TreeSet<>();
    effects.forEach(e -> actions.addAll(e.iamActions()));
    return List.copyOf(actions);
  }

  public Route withEffects(List<AwsEffect> newEffects) {
    return new Route(method, path, handler, source, function, confidence, extractor, newEffects, classes);
  }

  public Route withClasses(List<String> newClasses) {
    return new Route(method, path, handler, source, function, confidence, extractor, effects, newClasses);
  }

  @Override
  public int compareTo(Route other) {
    return ORDER.compare(this, other);
  }
}
