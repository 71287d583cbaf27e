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
 *
 * <p>An event function leaves in a phase of its own, ordered by the same risks, after the routes
 * of equal risk: moving it means a second consumer of its queue or stream for a while, or a
 * bucket notification changed in the stack that owns the bucket, where a route moves by one
 * atomic API deployment; and a phase per function lets each trigger switch be rolled back alone.
 */
public final class Phases {

  private Phases() {}

  private record Unit(
      String service, boolean writes, List<String> routes, int sharedWrites, int crossCalls,
      int sharedClasses, List<String> triggerKinds) {

    boolean event() {
      return !triggerKinds.isEmpty();
    }
  }

  /**
   * What the order needs to know of an event function.
   *
   * @param id its logical id, what the phase lists
   * @param sharedWrites resources it writes that another service writes too
   * @param triggerKinds its triggers' kinds ({@code S3}, {@code SQS}), sorted
   */
  record EventUnit(String id, String service, boolean writes, int sharedWrites, List<String> triggerKinds) {}

  static List<Phase> compute(
      List<PlannedService> services,
      List<Route> routes,
      Map<Route, String> serviceOf,
      DataAccess access,
      Map<Route, Map<String, DataAccess.Access>> accessOf,
      Map<String, Set<String>> writers,
      Map<String, Integer> crossCalls,
      Map<String, Integer> sharedClasses,
      List<EventUnit> events) {
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
        units.add(new Unit(service.name(), false, readers, 0, calls, shared, List.of()));
      }
      if (!writing.isEmpty()) {
        units.add(new Unit(service.name(), true, writing, sharedKeys.size(), calls, shared, List.of()));
      }
    }
    for (EventUnit e : events) {
      units.add(
          new Unit(
              e.service(), e.writes(), List.of(e.id()), e.sharedWrites(),
              crossCalls.getOrDefault(e.service(), 0), sharedClasses.getOrDefault(e.service(), 0),
              e.triggerKinds()));
    }
    units.sort(
        Comparator.comparingInt(Unit::sharedWrites)
            .thenComparing(Unit::writes)
            .thenComparing(Unit::event)
            .thenComparingInt(Unit::crossCalls)
            .thenComparingInt(Unit::sharedClasses)
            .thenComparing(Unit::service)
            .thenComparing(u -> u.routes().get(0)));
    List<Phase> phases = new ArrayList<>();
    for (Unit unit : units) {
      phases.add(new Phase(phases.size() + 1, List.of(unit.service()), unit.routes(), reason(unit)));
    }
    return phases;
  }

  private static String reason(Unit unit) {
    StringBuilder text =
        new StringBuilder(
            unit.event()
                ? (unit.writes() ? "writing" : "read-only") + " event function ("
                    + String.join(", ", unit.triggerKinds()) + " trigger)"
                : unit.writes() ? "writing routes" : "read-only routes");
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

  /**
   * The phases exactly as a user pinned them (already validated).
   *
   * @param serviceOf the service of each route id and event function id
   */
  static List<Phase> pinned(List<List<String>> phases, Map<String, String> serviceOf) {
    List<Phase> result = new ArrayList<>();
    for (List<String> routes : phases) {
      Set<String> services = new TreeSet<>();
      for (String id : routes) {
        if (serviceOf.containsKey(id)) {
          services.add(serviceOf.get(id));
        }
      }
      result.add(new Phase(result.size() + 1, List.copyOf(services), routes, "pinned in the plan file"));
    }
    return result;
  }
}
