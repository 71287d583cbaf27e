package dev.ficus.scaffold;

import dev.ficus.model.Analysis;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Phase;
import dev.ficus.model.Plan;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.Route;
import dev.ficus.model.Trigger;
import dev.ficus.scaffold.StranglerRoutes.ApiKind;
import dev.ficus.scaffold.StranglerRoutes.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The strangler as the deployment parts see it, decided once for the templates and the guide:
 * which monolith functions stay, which of them keeps the catch-all routes, what kind of API the
 * routes join, and in which phase each planned function takes its route over.
 */
public final class Strangler {

  /** Logical id of the stand-in for routes whose monolith function the IaC did not name. */
  static final String UNKNOWN_MONOLITH = "MonolithFunction";

  private final Analysis analysis;
  private final Plan plan;
  private final ProjectLayout layout;
  private final Map<String, LambdaFunction> monoliths = new LinkedHashMap<>();
  private final String primary;
  private final boolean catchAll;
  private final ApiKind kind;
  private final Map<String, Integer> phaseOfFunction = new TreeMap<>();
  private final Map<Route, PlannedFunction> functionOfRoute = new LinkedHashMap<>();

  private Strangler(Analysis analysis, Plan plan, ProjectLayout layout) {
    this.analysis = analysis;
    this.plan = plan;
    this.layout = layout;
    Map<String, LambdaFunction> declared = new TreeMap<>();
    analysis.functions().forEach(f -> declared.put(f.logicalId(), f));
    Set<String> names = new TreeSet<>();
    plan.functions().forEach(f -> names.add(f.name()));
    Map<String, Integer> routeCount = new TreeMap<>();
    for (Route route : analysis.routes()) {
      routeCount.merge(monolithOf(route, declared), 1, Integer::sum);
    }
    routeCount.keySet().forEach(id -> monoliths.put(id, declared.get(id)));
    this.primary =
        routeCount.entrySet().stream()
            .max(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .orElse(UNKNOWN_MONOLITH);
    LambdaFunction main = declared.get(primary);
    // A lambdalith answers paths it does not serve itself (its own 404), often through a proxy
    // resource; a repository whose functions each serve one route declared as it is had no such
    // catch-all, and the split must not give unknown paths to one of them.
    this.catchAll = main == null
        || routeCount.getOrDefault(primary, 0) > 1
        || main.apiTriggers().stream().anyMatch(t -> "ANY".equals(t.method()) || t.path().contains("+}"));
    this.kind = main != null && main.apiTriggers().stream().anyMatch(t -> t.kind().equals("HttpApi"))
        && main.apiTriggers().stream().noneMatch(t -> t.kind().equals("Api"))
        ? ApiKind.HTTP
        : ApiKind.REST;
    for (Phase phase : plan.phases()) {
      for (PlannedFunction f : plan.functions()) {
        if (phase.routes().contains(f.route())) {
          phaseOfFunction.putIfAbsent(f.name(), phase.number());
        }
      }
    }
    for (Route route : analysis.routes()) {
      plan.functions().stream()
          .filter(f -> f.route().equals(route.id()) && Objects.equals(f.handler(), route.handler()))
          .findFirst()
          .or(() -> plan.functions().stream().filter(f -> f.route().equals(route.id())).findFirst())
          .ifPresent(f -> functionOfRoute.put(route, f));
    }
  }

  public static Strangler of(Analysis analysis, Plan plan, ProjectLayout layout) {
    return new Strangler(analysis, plan, layout);
  }

  public static Strangler of(ScaffoldContext context) {
    return of(context.analysis(), context.plan(), context.layout());
  }

  private static String monolithOf(Route route, Map<String, LambdaFunction> declared) {
    return route.function() != null && declared.containsKey(route.function())
        ? route.function()
        : UNKNOWN_MONOLITH;
  }

  /** The monolith function that serves a route before its phase. */
  public String monolithOf(Route route) {
    return route.function() != null && monoliths.containsKey(route.function())
        ? route.function()
        : UNKNOWN_MONOLITH;
  }

  /** Logical ids of the monolith functions that serve routes, sorted. */
  public List<String> monoliths() {
    return List.copyOf(new TreeSet<>(monoliths.keySet()));
  }

  /** The IaC's declaration of a monolith, empty for the stand-in of an undeclared one. */
  public Optional<LambdaFunction> declaration(String monolith) {
    return Optional.ofNullable(monoliths.get(monolith));
  }

  /** The monolith that keeps {@code ANY /{proxy+}} and {@code ANY /}: the one serving most routes. */
  public String primary() {
    return primary;
  }

  /**
   * True when the primary keeps catch-all routes: it serves several routes or declared a proxy
   * or {@code ANY} event. False for a repository of single-route functions, whose unknown paths
   * API Gateway answered itself.
   */
  public boolean catchAll() {
    return catchAll;
  }

  /** HTTP API when the primary monolith's API events are all {@code HttpApi}, else REST. */
  public ApiKind kind() {
    return kind;
  }

  /** The number of phases, at least 1 so that a plan without routes still has a template. */
  public int phaseCount() {
    return Math.max(1, plan.phases().size());
  }

  /** The phase that extracts a function, or empty when no phase names its route. */
  public Optional<Integer> phaseOf(PlannedFunction function) {
    return Optional.ofNullable(phaseOfFunction.get(function.name()));
  }

  /** The event functions of the plan, which move whole with their triggers, in plan order. */
  public List<PlannedFunction> eventFunctions() {
    return plan.functions().stream().filter(PlannedFunction::isEvent).toList();
  }

  /** The planned functions a phase deploys: those of this phase and every earlier one. */
  public List<PlannedFunction> deployed(int phase) {
    return plan.functions().stream()
        .filter(f -> phaseOf(f).map(p -> p <= phase).orElse(false))
        .toList();
  }

  /** The planned function that takes a route over, if the plan has one. */
  public Optional<PlannedFunction> functionOf(Route route) {
    return Optional.ofNullable(functionOfRoute.get(route));
  }

  /** The function that serves a route in a phase: its own once extracted, its monolith before. */
  public String servingFunction(Route route, int phase) {
    return functionOf(route)
        .filter(f -> phaseOf(f).map(p -> p <= phase).orElse(false))
        .map(PlannedFunction::name)
        .orElseGet(() -> monolithOf(route));
  }

  /** The API events of a phase. */
  public StranglerRoutes.Routing routing(int phase) {
    List<Event> explicit = new ArrayList<>();
    for (PlannedFunction f : deployed(phase)) {
      if (!f.isEvent()) {
        explicit.add(new Event(f.name(), f.method(), layout.apiPath(f.path())));
      }
    }
    List<String> kept = new ArrayList<>();
    for (Route route : analysis.routes()) {
      String serving = servingFunction(route, phase);
      if (!serving.equals(monolithOf(route))) {
        continue;
      }
      String path = layout.apiPath(route.path());
      if (serving.equals(primary) && catchAll) {
        kept.add(path);
      } else {
        explicit.add(new Event(serving, route.method(), path));
      }
    }
    return StranglerRoutes.route(kind, primary, explicit, kept, catchAll);
  }

  /** The API kind each monolith's events use, for a note when they differ from {@link #kind()}. */
  static ApiKind kindOf(LambdaFunction function) {
    List<Trigger> api = function.apiTriggers();
    return !api.isEmpty() && api.stream().allMatch(t -> t.kind().equals("HttpApi"))
        ? ApiKind.HTTP
        : ApiKind.REST;
  }
}
