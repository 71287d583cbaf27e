package dev.ficus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ficus.model.Route;
import dev.ficus.routes.ExtractedRoute;
import dev.ficus.routes.RouteContext;
import dev.ficus.routes.RouteExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks an extractor against {@code // ROUTE:} markers in the sources of a {@link TestRepo}, the
 * way Error Prone's test helper reads {@code // BUG: Diagnostic contains:}: a marker with no route
 * on its line fails, and so does a route on a line with no marker, so one test checks recall and
 * precision together.
 *
 * <p>Marker syntax, at the end of the line where the route is declared (the {@code case} label,
 * the {@code if}, the annotation, the IaC event's {@code Path}; {@code #} in YAML):
 *
 * <pre>
 * // ROUTE: GET /orders/{id}
 * // ROUTE: GET /orders, POST /orders
 * // ROUTE: GET /orders/{id} -> com.acme.OrderService#find
 * </pre>
 *
 * The handler after {@code ->} is checked when given.
 */
public final class RouteMarkers {

  private static final Pattern MARKER = Pattern.compile("(?://|#)\\s*ROUTE:\\s*(.+?)\\s*$");

  private RouteMarkers() {}

  /** Runs {@code extractor} on {@code repo} and compares with the markers. Returns the routes. */
  public static List<Route> check(RouteExtractor extractor, TestRepo repo) {
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<Route> routes = extractor.extract(context).stream().map(ExtractedRoute::route).toList();
    compare(repo, routes);
    return routes;
  }

  /** Compares routes found by any means with the markers of {@code repo}. */
  public static void compare(TestRepo repo, List<Route> routes) {
    TreeSet<String> expected = new TreeSet<>();
    TreeSet<String> expectedWithHandler = new TreeSet<>();
    for (Markers.Marker marker : Markers.scan(repo, MARKER)) {
      for (String spec : marker.match().group(1).split(",")) {
        String[] parts = spec.trim().split("\\s*->\\s*");
        String key = marker.file() + ":" + marker.line() + " " + parts[0].trim();
        expected.add(key);
        if (parts.length > 1) {
          expectedWithHandler.add(key + " -> " + parts[1].trim());
        }
      }
    }
    TreeSet<String> actual = new TreeSet<>();
    TreeSet<String> actualWithHandler = new TreeSet<>();
    for (Route r : routes) {
      String key = r.source().file() + ":" + r.source().line() + " " + r.id();
      actual.add(key);
      actualWithHandler.add(key + " -> " + r.handler());
    }
    List<String> problems = new ArrayList<>(Markers.differences(expected, actual, "route"));
    for (String e : expectedWithHandler) {
      if (actual.contains(e.substring(0, e.indexOf(" -> "))) && !actualWithHandler.contains(e)) {
        String key = e.substring(0, e.indexOf(" -> "));
        String got =
            actualWithHandler.stream().filter(a -> a.startsWith(key + " -> ")).findFirst().orElse("?");
        problems.add("wrong handler:    expected " + e + " but was " + got);
      }
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems) + "\nall routes found:\n  " + String.join("\n  ", actualWithHandler));
    }
  }
}
