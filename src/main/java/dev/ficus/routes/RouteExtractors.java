package dev.ficus.routes;

import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reviewed list of built-in extractors (as Error Prone's {@code BuiltInCheckerSuppliers}),
 * and the one place that runs them and merges what they find.
 */
public final class RouteExtractors {

  private final List<RouteExtractor> extractors;

  public RouteExtractors(List<RouteExtractor> extractors) {
    this.extractors = List.copyOf(extractors);
  }

  /** Every built-in extractor, in a fixed order. */
  public static RouteExtractors builtIn() {
    return new RouteExtractors(List.of(new ApiGatewayDispatchRouteExtractor()));
  }

  public List<RouteExtractor> extractors() {
    return extractors;
  }

  /**
   * Runs every applicable extractor and keeps one route per function, method and path: when two
   * extractors report the same route, the more confident one wins (ties: the first in order).
   */
  public List<ExtractedRoute> extractAll(RouteContext context) {
    Map<String, ExtractedRoute> byKey = new LinkedHashMap<>();
    for (RouteExtractor extractor : extractors) {
      if (!extractor.appliesTo(context)) {
        continue;
      }
      for (ExtractedRoute extracted : extractor.extract(context)) {
        Route route = extracted.route();
        String key = route.function() + " " + route.id();
        ExtractedRoute existing = byKey.get(key);
        if (existing == null
            || route.confidence().compareTo(existing.route().confidence()) > 0) {
          byKey.put(key, extracted);
        }
      }
    }
    List<ExtractedRoute> routes = new ArrayList<>(byKey.values());
    routes.sort(Comparator.comparing(ExtractedRoute::route));
    return routes;
  }
}
