package dev.ficus.plan;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.DataAccess;
import dev.ficus.cluster.DataAccess.Access;
import dev.ficus.cluster.Partition;
import dev.ficus.model.Analysis;
import dev.ficus.model.ClassInfo;
import dev.ficus.model.Conflict;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Phase;
import dev.ficus.model.Plan;
import dev.ficus.model.PlanMetrics;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.PolicyStatement;
import dev.ficus.model.Route;
import dev.ficus.model.SharedClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a cut of the routes into a {@link Plan}: names, functions with their policies and
 * environment, the code and data each service takes, the conflicts of the cut, the phases and the
 * metrics. The same code serves a strategy's partition and a user's edited plan, so both are
 * judged the same way.
 */
public final class PlanBuilder {

  /**
   * The decisions a plan is made of, whoever made them.
   *
   * @param groups the routes of each service
   * @param serviceNames a name per group, or null to derive them
   * @param functionNames function names chosen by a user, by route id; the others are derived
   * @param pinnedPhases route ids (and event function ids) per phase as a user fixed them, or
   *     null to compute the order
   * @param eventServices the service a user put each event function in, by the function's id;
   *     the others join a service by affinity ({@link EventFunctions})
   */
  public record Layout(
      List<List<Route>> groups,
      List<String> serviceNames,
      Map<String, String> functionNames,
      List<List<String>> pinnedPhases,
      Map<String, String> eventServices) {

    public Layout {
      eventServices = eventServices == null ? Map.of() : Map.copyOf(eventServices);
    }

    /** The decisions of a plan without event functions placed by hand. */
    public Layout(
        List<List<Route>> groups,
        List<String> serviceNames,
        Map<String, String> functionNames,
        List<List<String>> pinnedPhases) {
      this(groups, serviceNames, functionNames, pinnedPhases, Map.of());
    }
  }

  private final Analysis analysis;
  private final DataAccess access;

  public PlanBuilder(Analysis analysis, DataAccess access) {
    this.analysis = analysis;
    this.access = access;
  }

  /** The plan of a strategy's partition, names derived. */
  public Plan build(String strategy, boolean namesByResource, Map<String, Double> weights, Partition partition) {
    List<String> names = Names.services(partition.groups(), namesByResource, access);
    return build(strategy, weights, new Layout(partition.groups(), names, Map.of(), null), partition.notes());
  }

  public Plan build(String strategy, Map<String, Double> weights, Layout layout, List<Diagnostic> notes) {
    List<Diagnostic> diagnostics = new ArrayList<>(notes);
    List<List<Route>> groups = layout.groups();
    List<String> serviceNames =
        layout.serviceNames() == null ? Names.services(groups, false, access) : layout.serviceNames();
    Map<Route, String> serviceOf = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      for (Route route : groups.get(i)) {
        serviceOf.put(route, serviceNames.get(i));
      }
    }
    Map<Route, String> functionNames = functionNames(layout.functionNames());
    Map<String, LambdaFunction> monoliths = new HashMap<>();
    analysis.functions().forEach(f -> monoliths.put(f.logicalId(), f));
    Map<Route, List<PolicyStatement>> policies = new LinkedHashMap<>();
    Map<String, List<List<PolicyStatement>>> byMonolith = new TreeMap<>();
    for (Route route : analysis.routes()) {
      List<PolicyStatement> policy = Policies.of(route, diagnostics);
      policies.put(route, policy);
      byMonolith.computeIfAbsent(String.valueOf(route.function()), k -> new ArrayList<>()).add(policy);
    }

    Map<String, Policies.Totals> totals = new TreeMap<>();
    byMonolith.forEach((k, v) -> totals.put(k, Policies.Totals.of(v)));
    Map<Route, Map<String, Access>> accessOf = new HashMap<>();
    analysis.routes().forEach(r -> accessOf.put(r, access.of(r)));

    // Event functions: each joins a service (the user's, else by affinity, else its own).
    List<EventFunctions.Event> events = EventFunctions.of(analysis, diagnostics);
    Map<String, Set<String>> routeClasses = new TreeMap<>();
    Map<String, Map<String, Access>> routeAccess = new TreeMap<>();
    serviceNames.forEach(n -> routeClasses.put(n, new TreeSet<>()));
    for (Route route : analysis.routes()) {
      String service = serviceOf.get(route);
      routeClasses.computeIfAbsent(service, k -> new TreeSet<>()).addAll(route.classes());
      Map<String, Access> merged = routeAccess.computeIfAbsent(service, k -> new TreeMap<>());
      accessOf.get(route).forEach((k, a) -> merged.merge(k, a, (x, y) -> x == Access.WRITE ? x : y));
    }
    AffinityWeights affinity = affinityWeights(weights);
    Map<String, String> eventService = new LinkedHashMap<>();
    Map<String, Map<String, Access>> eventAccess = new HashMap<>();
    Set<String> takenServices = new TreeSet<>(serviceNames);
    for (EventFunctions.Event event : events) {
      Map<String, Access> own = EventFunctions.access(event.effects(), access);
      eventAccess.put(event.id(), own);
      String service = layout.eventServices().get(event.id());
      if (service == null) {
        service = EventFunctions.affinity(event, routeClasses, routeAccess, own, affinity);
      }
      if (service == null) {
        service = EventFunctions.serviceName(event.id(), takenServices);
      }
      takenServices.add(service);
      eventService.put(event.id(), service);
    }
    Map<String, String> eventNames = eventNames(events, layout.functionNames(), functionNames);

    // Classes: who runs what.
    Map<String, Set<String>> servicesOfClass = new TreeMap<>();
    for (Route route : analysis.routes()) {
      for (String c : route.classes()) {
        servicesOfClass.computeIfAbsent(c, k -> new TreeSet<>()).add(serviceOf.get(route));
      }
    }
    for (EventFunctions.Event event : events) {
      for (String c : event.classes()) {
        servicesOfClass.computeIfAbsent(c, k -> new TreeSet<>()).add(eventService.get(event.id()));
      }
    }
    Map<String, String> owner = new TreeMap<>();
    List<SharedClass> shared = new ArrayList<>();
    servicesOfClass.forEach(
        (c, services) -> {
          if (services.size() == 1) {
            owner.put(c, services.iterator().next());
          } else {
            shared.add(new SharedClass(c, List.copyOf(services)));
          }
        });

    // Data: who writes and reads what.
    Map<String, Set<String>> writers = new TreeMap<>();
    Map<String, Set<String>> writes = new TreeMap<>();
    Map<String, Set<String>> reads = new TreeMap<>();
    List<Map.Entry<String, Map<String, Access>>> uses = new ArrayList<>();
    analysis.routes().forEach(r -> uses.add(Map.entry(serviceOf.get(r), accessOf.get(r))));
    events.forEach(e -> uses.add(Map.entry(eventService.get(e.id()), eventAccess.get(e.id()))));
    for (Map.Entry<String, Map<String, Access>> use : uses) {
      String service = use.getKey();
      use.getValue().forEach(
          (key, a) -> {
            if (a == Access.WRITE) {
              writers.computeIfAbsent(key, k -> new TreeSet<>()).add(service);
              writes.computeIfAbsent(service, k -> new TreeSet<>()).add(key);
            } else {
              reads.computeIfAbsent(service, k -> new TreeSet<>()).add(key);
            }
          });
    }

    Map<String, List<PlannedFunction>> eventFunctions = new LinkedHashMap<>();
    for (EventFunctions.Event event : events) {
      List<PolicyStatement> policy = Policies.of("Function " + event.id(), event.effects(), diagnostics);
      eventFunctions
          .computeIfAbsent(eventService.get(event.id()), k -> new ArrayList<>())
          .add(
              new PlannedFunction(
                  eventNames.get(event.id()),
                  event.id(),
                  null,
                  null,
                  event.function().handler(),
                  event.id(),
                  policy,
                  Policies.environment(event.effects(), event.function()),
                  Policies.permissions(policy, Policies.Totals.of(List.of(policy))),
                  event.triggers()));
    }

    List<PlannedService> services = new ArrayList<>();
    List<String> allNames = new ArrayList<>(serviceNames);
    eventService.values().stream().filter(n -> !allNames.contains(n)).distinct().forEach(allNames::add);
    for (int i = 0; i < allNames.size(); i++) {
      String name = allNames.get(i);
      List<PlannedFunction> functions = new ArrayList<>();
      for (Route route : i < groups.size() ? groups.get(i) : List.<Route>of()) {
        List<PolicyStatement> policy = policies.get(route);
        functions.add(
            new PlannedFunction(
                functionNames.get(route),
                route.id(),
                route.method(),
                route.path(),
                route.handler(),
                route.function(),
                policy,
                Policies.environment(route, monoliths.get(route.function())),
                Policies.permissions(policy, totals.get(String.valueOf(route.function())))));
      }
      functions.addAll(eventFunctions.getOrDefault(name, List.of()));
      Set<String> written = writes.getOrDefault(name, Set.of());
      List<String> readOnly =
          reads.getOrDefault(name, Set.of()).stream().filter(k -> !written.contains(k)).toList();
      List<String> classes =
          owner.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).toList();
      services.add(new PlannedService(name, functions, classes, List.copyOf(written), readOnly));
    }

    List<Conflict> conflicts = new ArrayList<>();
    writers.forEach(
        (key, ws) -> {
          if (ws.size() > 1) {
            conflicts.add(
                new Conflict(
                    "shared-write",
                    key,
                    List.copyOf(ws),
                    DataAccess.shortName(key) + " is written by " + ws.size() + " services ("
                        + String.join(", ", ws) + "): give it one owner and let the others go"
                        + " through that service's API, or accept that they share it."));
          }
        });
    for (SharedClass c : shared) {
      conflicts.add(
          new Conflict(
              "shared-class",
              c.name(),
              c.services(),
              c.name() + " is run by " + String.join(", ", c.services())
                  + ": it goes to a shared library, and any static state it holds is no longer"
                  + " shared once the services are apart."));
    }
    Map<String, Integer> crossCalls = new TreeMap<>();
    for (ClassInfo info : analysis.classes()) {
      String from = owner.get(info.name());
      if (from == null) {
        continue;
      }
      info.calls().forEach(
          (callee, count) -> {
            String to = owner.get(callee);
            if (to != null && !to.equals(from)) {
              crossCalls.merge(from, count, Integer::sum);
              crossCalls.merge(to, count, Integer::sum);
              conflicts.add(
                  new Conflict(
                      "cross-service-call",
                      info.name() + " -> " + callee,
                      List.of(from, to),
                      info.name() + " (" + from + ") calls " + callee + " (" + to + ") at " + count
                          + " call site" + (count == 1 ? "" : "s")
                          + ": once they are apart this is a network call."));
            }
          });
    }
    conflicts.sort(null);

    Map<String, Integer> sharedWritesOf = new TreeMap<>();
    writers.forEach(
        (key, ws) -> {
          if (ws.size() > 1) {
            ws.forEach(s -> sharedWritesOf.merge(s, 1, Integer::sum));
          }
        });
    Map<String, Integer> sharedClassesOf = new TreeMap<>();
    shared.forEach(c -> c.services().forEach(s -> sharedClassesOf.merge(s, 1, Integer::sum)));

    boolean pinned = layout.pinnedPhases() != null;
    List<Phase> phases;
    if (pinned) {
      Map<String, String> serviceOfId = new TreeMap<>();
      serviceOf.forEach((route, service) -> serviceOfId.put(route.id(), service));
      serviceOfId.putAll(eventService);
      List<List<String>> order = new ArrayList<>(layout.pinnedPhases());
      Set<String> listed = new HashSet<>();
      order.forEach(listed::addAll);
      for (EventFunctions.Event event : events) {
        if (!listed.contains(event.id())) {
          order.add(List.of(event.id()));
          diagnostics.add(
              Diagnostic.note(
                  "event-function-unpinned",
                  "The pinned phases do not name the event function " + event.id() + "; it leaves"
                      + " in a phase of its own after them.",
                  null));
        }
      }
      phases = Phases.pinned(order, serviceOfId);
    } else {
      List<Phases.EventUnit> eventUnits = new ArrayList<>();
      for (EventFunctions.Event event : events) {
        String service = eventService.get(event.id());
        Map<String, Access> own = eventAccess.get(event.id());
        boolean writing = event.effects().stream().anyMatch(access::writes);
        int sharedKeys = (int) own.entrySet().stream()
            .filter(e -> e.getValue() == Access.WRITE && writers.getOrDefault(e.getKey(), Set.of()).size() > 1)
            .count();
        eventUnits.add(
            new Phases.EventUnit(
                event.id(), service, writing, sharedKeys,
                event.triggers().stream().map(dev.ficus.model.Trigger::kind).distinct().sorted().toList()));
      }
      phases = Phases.compute(services, analysis.routes(), serviceOf, access, accessOf, writers, crossCalls, sharedClassesOf, eventUnits);
    }
    PlanMetrics metrics =
        Metrics.of(analysis, serviceOf, services, shared.size(), (int) writers.values().stream().filter(w -> w.size() > 1).count());
    return new Plan(strategy, weights, services, shared, phases, pinned, conflicts, metrics, diagnostics);
  }

  /**
   * Every event function's name: the user's where given, else its logical id, numbered when a
   * route's function already has that name.
   */
  private static Map<String, String> eventNames(
      List<EventFunctions.Event> events, Map<String, String> chosen, Map<Route, String> routeNames) {
    Set<String> taken = new HashSet<>(routeNames.values());
    Map<String, String> result = new TreeMap<>();
    for (EventFunctions.Event event : events) {
      String name = chosen.getOrDefault(event.id(), event.id());
      String base = name;
      for (int n = 2; taken.contains(name); n++) {
        name = base + n;
      }
      taken.add(name);
      result.put(event.id(), name);
    }
    return result;
  }

  /** The affinity weights of a plan's weight map; a weight it lacks keeps its default. */
  private static AffinityWeights affinityWeights(Map<String, Double> weights) {
    Map<String, Double> all = new LinkedHashMap<>(AffinityWeights.defaults().asMap());
    weights.forEach((k, v) -> {
      if (all.containsKey(k) && v != null && v >= 0 && !v.isInfinite()) {
        all.put(k, v);
      }
    });
    return new AffinityWeights(
        all.get("code"), all.get("data"), all.get("path"),
        all.get("writeWrite"), all.get("readWrite"), all.get("readRead"));
  }

  /** Every route's function name: the user's where given, derived and numbered otherwise. */
  private Map<Route, String> functionNames(Map<String, String> chosen) {
    Set<String> taken = new HashSet<>(chosen.values());
    Map<Route, String> result = new HashMap<>();
    for (Route route : analysis.routes()) {
      String name = chosen.get(route.id());
      if (name == null) {
        String base = Names.function(route);
        name = base;
        for (int n = 2; taken.contains(name); n++) {
          name = base + n;
        }
      }
      if (taken.contains(name) && result.containsValue(name)) {
        String base = name;
        for (int n = 2; taken.contains(name); n++) {
          name = base + n;
        }
      }
      taken.add(name);
      result.put(route, name);
    }
    return result;
  }
}
