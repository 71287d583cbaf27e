package dev.ficus.routes;

import dev.ficus.iac.IacModel;
import dev.ficus.model.Diagnostics;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.Trigger;
import java.util.List;
import java.util.Optional;

/**
 * Checks each route found in code against the API events of its function, with API Gateway's
 * matching rules: a route that no event delivers (a Spring {@code GET /} behind a REST API's
 * {@code /{proxy+}}, which never matches the root) exists in code but not for clients, and the
 * strangler must not plan around it silently.
 */
public final class ApiRouteCoverage {

  private ApiRouteCoverage() {}

  public static void check(List<Route> routes, IacModel iac, Diagnostics diagnostics) {
    for (Route route : routes) {
      if (route.function() == null) {
        continue;
      }
      Optional<LambdaFunction> function = iac.function(route.function());
      if (function.isEmpty() || function.get().apiTriggers().isEmpty()) {
        continue;
      }
      boolean served = function.get().apiTriggers().stream().anyMatch(t -> delivers(t, route));
      if (!served) {
        diagnostics.warning(
            "route-not-routed",
            route.id()
                + " is declared in code but no API event of function "
                + route.function()
                + " delivers it"
                + (route.path().equals("/") ? " (a {proxy+} route never matches the root path)" : "")
                + ".",
            route.source());
      }
    }
  }

  /** True when API Gateway sends a request for {@code route} through this event. */
  static boolean delivers(Trigger trigger, Route route) {
    boolean methodMatches =
        trigger.method().equals("ANY")
            || route.method().equals("ANY")
            || trigger.method().equals(route.method());
    if (!methodMatches) {
      return false;
    }
    if ("$default".equals(trigger.properties().get("RouteKey"))) {
      return true;
    }
    return pathMatches(segments(trigger.path()), segments(route.path()));
  }

  static boolean pathMatches(String[] event, String[] route) {
    for (int i = 0; i < event.length; i++) {
      String e = event[i];
      if (e.startsWith("{") && e.endsWith("+}")) {
        return route.length > i; // a greedy variable needs at least one segment
      }
      if (i >= route.length) {
        return false;
      }
      String r = route[i];
      boolean eVar = e.startsWith("{");
      boolean rVar = r.startsWith("{");
      if (rVar && r.endsWith("+}")) {
        return eVar; // a greedy route path is only fully delivered by a variable or greedy event
      }
      if (!eVar && (rVar || !e.equals(r))) {
        return false;
      }
    }
    return event.length == route.length;
  }

  private static String[] segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
  }
}
