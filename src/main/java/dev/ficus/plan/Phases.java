package dev.ficus.plan;

import dev.ficus.cluster.DataAccess;
import dev.ficus.model.Phase;
import dev.ficus.model.PlannedService;
import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order in which routes leave the monolith, lowest risk first. Each service leaves in at most
 * two phases: its read-only routes, then the routes that write. Between phases the monolith keeps
 * serving every route not yet extracted, so every phase is a deployable state. Risk, compared in
 * this order: resources the phase writes that another service writes too; whether it writes at
 * all; call sites between the service's own classes and other services' classes; classes it
 * shares; then the service name, so that the order is total.
 */
public final class Phases {

  private Phases() {}

  private record Unit(
      String service, boolean writes, List<String> routes, int sharedWrites, int crossCalls, int sharedClasses) {}

  static List<Phase> compute(
      List<PlannedService> services,
      List<Route> routes,
      Map<Route, String> serviceOf,
      DataAccess access,
      Map<Route, Map<String, DataAccess.Access>> accessOf,
      Map<String, Set<String>> writers,
      Map<String, Integer> crossCalls,
      Map<String, Integer> sharedClasses) {
    Map<String, List<Route>> routesOf = new java.util.HashMap<>();
    for (Route route : routes) {
      routesOf.computeIfAbsent(serviceOf.get(route), k -> new ArrayList<>()).add(route);
    }
    List<Unit> units = new ArrayList<>();
    for (PlannedService service : services) {
      List<String> readers = new ArrayList<>();
      List<String> writing = new ArrayList<>();
      Set<String> sharedKeys = new TreeSet<>();
      for (Route route : routesOf.getOrDefault(service.name(), List.of())) {
        if (access.readOnly(route)) {
          readers.add(route.id());
        } else {
          writing.add(route.id());
          accessOf.get(route).forEach(
              (key, a) -> {
                if (a == DataAccess.Access.WRITE && writers.getOrDefault(key, Set.of()).size() > 1) {
                  sharedKeys.add(key);
                }
              });
        }
      }
      int calls = crossCalls.getOrDefault(service.name(), 0);
      int shared = sharedClasses.getOrDefault(service.name(), 0);
      if (!readers.isEmpty()) {
        units.add(new Unit(service.name(), false, readers, 0, calls, shared));
      }
      if (!writing.isEmpty()) {
        units.add(new Unit(service.name(), true, writing, sharedKeys.size(), calls, shared));
      }
    }
    units.sort(
        Comparator.comparingInt(Unit::sharedWrites)
            .thenComparing(Unit::writes)
            .thenComparingInt(Unit::crossCalls)
            .thenComparingInt(Unit::sharedClasses)
            .thenComparing(Unit::service));
    List<Phase> phases = new ArrayList<>();
    for (Unit unit : units) {
      phases.add(new Phase(phases.size() + 1, List.of(unit.service()), unit.routes(), reason(unit)));
    }
    return phases;
  }

  private static String reason(Unit unit) {
    StringBuilder text = new StringBuilder(unit.writes() ? "writing routes" : "read-only routes");
    if (unit.sharedWrites() > 0) {
      text.append("; ").append(count(unit.sharedWrites(), "resource")).append(" also written elsewhere");
    }
    text.append("; ").append(count(unit.crossCalls(), "cross-service call site"));
    text.append("; ").append(count(unit.sharedClasses(), "shared class"));
    return text.toString();
  }

  private static String count(int n, String noun) {
    String plural = noun.endsWith("s") ? noun + "es" : noun + "s";
    return n + " " + (n == 1 ? noun : plural);
  }

  /** The phases exactly as a user pinned them (already validated). */
  static List<Phase> pinned(List<List<String>> phases, Map<Route, String> serviceOf) {
    List<Phase> result = new ArrayList<>();
    for (List<String> routes : phases) {
      Set<String> services = new TreeSet<>();
      serviceOf.forEach(
          (route, service) -> {
            if (routes.contains(route.id())) {
              services.add(service);
            }
          });
      result.add(new Phase(result.size() + 1, List.copyOf(services), routes, "pinned in the plan file"));
    }
    return result;
  }
}
