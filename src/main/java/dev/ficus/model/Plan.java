package dev.ficus.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A strangler-fig decomposition of an analyzed lambdalith: which routes become which functions of
 * which services, in what order they leave the monolith, what they may touch, and what the cut
 * costs. It is what {@code ficus plan} writes and what a user edits before scaffolding, so it
 * carries everything a reviewer needs and nothing that changes from run to run.
 *
 * @param strategy the id of the strategy that grouped the routes, {@code edited} for a user's plan
 * @param weights the affinity weights the strategy used, by name
 * @param sharedClasses classes that more than one service runs: the shared library module
 * @param phases extraction order; every route appears in exactly one phase
 * @param pinnedPhases true when a user fixed the phases in the plan file; false when ficus
 *     computed them (and recomputes them when the plan is re-rendered)
 * @param diagnostics what planning could not do well (an unresolved resource, an ignored option)
 */
public record Plan(
    String strategy,
    Map<String, Double> weights,
    List<PlannedService> services,
    List<SharedClass> sharedClasses,
    List<Phase> phases,
    boolean pinnedPhases,
    List<Conflict> conflicts,
    PlanMetrics metrics,
    List<Diagnostic> diagnostics) {

  /** Version of plan.json's schema; bump on a breaking change (docs/plan-format.md). */
  public static final int SCHEMA_VERSION = 1;

  public Plan {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(metrics, "metrics");
    weights = java.util.Collections.unmodifiableMap(new TreeMap<>(weights));
    services = List.copyOf(services);
    sharedClasses = List.copyOf(sharedClasses);
    phases = List.copyOf(phases);
    conflicts = List.copyOf(conflicts);
    diagnostics = diagnostics.stream().distinct().sorted().toList();
  }

  /** All functions of all services, in service order. */
  public List<PlannedFunction> functions() {
    return services.stream().flatMap(s -> s.functions().stream()).toList();
  }
}
