package dev.ficus.cluster;

/**
 * One way of cutting a monolith's routes into services. Each strategy is one class registered in
 * {@link Strategies}; all read the same {@link AffinityGraph}, and all are deterministic: the same
 * graph and target give the same partition.
 */
public interface Strategy {

  /** Stable id used on the command line and in plan.json, e.g. {@code by-path}. */
  String id();

  /** One sentence for {@code --help} and docs. */
  String description();

  /** True when the strategy names services after the resource they own rather than the path. */
  default boolean namesByResource() {
    return false;
  }

  /**
   * Cuts the routes of the graph into services.
   *
   * @param services the number of services wanted, or 0 for the strategy's own choice; a strategy
   *     that cannot honor it says so in the partition's notes
   */
  Partition partition(AffinityGraph graph, int services);
}
