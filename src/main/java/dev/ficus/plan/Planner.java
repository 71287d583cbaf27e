package dev.ficus.plan;

import dev.ficus.cluster.AffinityGraph;
import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.DataAccess;
import dev.ficus.cluster.Partition;
import dev.ficus.cluster.Strategies;
import dev.ficus.cluster.Strategy;
import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import java.util.List;

/**
 * What {@code ficus plan} runs after the analysis: the affinity graph, a strategy's cut, and the
 * plan built from it; or the plan a user edited, re-judged on the same analysis.
 */
public final class Planner {

  /** The default seed of the seeded strategies; any fixed value keeps runs identical. */
  public static final long DEFAULT_SEED = 42;

  private final AffinityWeights weights;
  private final long seed;
  private final DataAccess access;

  public Planner(AffinityWeights weights, long seed) {
    this.weights = weights;
    this.seed = seed;
    this.access = DataAccess.defaults();
  }

  public Plan plan(Analysis analysis, Strategy strategy, int services) {
    return plan(analysis, AffinityGraph.of(analysis, weights, access), strategy, services);
  }

  private Plan plan(Analysis analysis, AffinityGraph graph, Strategy strategy, int services) {
    Partition partition = strategy.partition(graph, services);
    return new PlanBuilder(analysis, access)
        .build(strategy.id(), strategy.namesByResource(), weights.asMap(), partition);
  }

  /** One plan per built-in strategy, in {@link Strategies#builtIn} order. */
  public List<Plan> compare(Analysis analysis, int services) {
    AffinityGraph graph = AffinityGraph.of(analysis, weights, access);
    return Strategies.builtIn(seed).stream().map(s -> plan(analysis, graph, s, services)).toList();
  }

  /** The plan a user edited, rebuilt from its decisions. */
  public Plan replan(Analysis analysis, PlanFile.Edited edited) {
    return new PlanBuilder(analysis, access)
        .build(
            edited.strategy(),
            edited.weights().isEmpty() ? weights.asMap() : edited.weights(),
            edited.layout(),
            edited.notes());
  }

  public long seed() {
    return seed;
  }
}
