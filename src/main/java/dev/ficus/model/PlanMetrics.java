package dev.ficus.model;

/**
 * How good a decomposition is, by the measures of docs/metrics.md: structural modularity (higher
 * is better), inter-partition call percentage, interface number and non-extreme distribution
 * (lower is better) as Mono2Micro defines them on the class call graph, plus the conflicts and the
 * least-privilege gain that matter for Lambda functions.
 *
 * @param sm structural modularity
 * @param icp share of class-to-class call sites that cross services, 0..1
 * @param ifn mean number of interface classes per service
 * @param ned share of classes in services of extreme size (fewer than 5 or more than 20 classes)
 * @param sharedWrites resources written by more than one service
 * @param sharedClassRatio shared classes over all classes the routes run
 * @param actionReduction mean over functions of 1 - actions held / monolith actions
 * @param resourceReduction mean over functions of 1 - resources held / monolith resources
 */
public record PlanMetrics(
    int services,
    int functions,
    double sm,
    double icp,
    double ifn,
    double ned,
    int sharedWrites,
    double sharedClassRatio,
    double actionReduction,
    double resourceReduction) {}
