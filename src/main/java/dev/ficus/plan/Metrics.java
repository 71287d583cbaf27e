package dev.ficus.plan;

import dev.ficus.model.Analysis;
import dev.ficus.model.ClassInfo;
import dev.ficus.model.PlanMetrics;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * The measures of docs/metrics.md. The coupling measures (SM, ICP, IFN, NED) are Mono2Micro's and
 * need every class in exactly one partition: a class goes to the service whose routes run it most
 * (ties to the first service by name), shared classes included, so that a plan that shares a lot
 * is not rewarded for it; the shared-class ratio reports the sharing itself.
 */
public final class Metrics {

  /** Classes of fewer than this many or more than {@link #MAX_SIZE} make a partition extreme. */
  public static final int MIN_SIZE = 5;

  public static final int MAX_SIZE = 20;

  private Metrics() {}

  /** Mono2Micro's four measures of one partition of a class call graph. */
  public record Structural(double sm, double icp, double ifn, double ned) {}

  static PlanMetrics of(
      Analysis analysis,
      Map<Route, String> serviceOf,
      List<PlannedService> services,
      int sharedClasses,
      int sharedWrites) {
    Map<String, Map<String, Integer>> runs = new TreeMap<>();
    for (Route route : analysis.routes()) {
      for (String c : route.classes()) {
        runs.computeIfAbsent(c, k -> new TreeMap<>()).merge(serviceOf.get(route), 1, Integer::sum);
      }
    }
    Map<String, String> partition = new TreeMap<>();
    runs.forEach(
        (c, counts) -> {
          String best = null;
          for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
              best = e.getKey();
            }
          }
          partition.put(c, best);
        });
    Map<String, Map<String, Integer>> calls = new TreeMap<>();
    for (ClassInfo info : analysis.classes()) {
      calls.put(info.name(), info.calls());
    }
    Structural s = structural(partition, calls);
    List<PlannedFunction> functions =
        services.stream().flatMap(x -> x.functions().stream()).toList();
    // An event function moves whole: it is not cut out of a monolith, so it has no reduction to count.
    double actions =
        functions.stream()
            .filter(f -> !f.isEvent())
            .filter(f -> f.permissions().monolithActions() > 0)
            .mapToDouble(f -> f.permissions().actionReduction())
            .average()
            .orElse(0);
    double resources =
        functions.stream()
            .filter(f -> !f.isEvent())
            .filter(f -> f.permissions().monolithResources() > 0)
            .mapToDouble(f -> f.permissions().resourceReduction())
            .average()
            .orElse(0);
    return new PlanMetrics(
        services.size(),
        functions.size(),
        s.sm(),
        s.icp(),
        s.ifn(),
        s.ned(),
        sharedWrites,
        runs.isEmpty() ? 0 : (double) sharedClasses / runs.size(),
        actions,
        resources);
  }

  /**
   * SM, ICP, IFN and NED of a partition of classes, on the calls between them. Calls from or to a
   * class outside the partition, and calls of a class to itself, are not counted.
   *
   * @param partition the partition of each class
   * @param calls for each class, the classes it calls with their number of call sites
   */
  public static Structural structural(
      Map<String, String> partition, Map<String, Map<String, Integer>> calls) {
    Graph<String, DefaultWeightedEdge> graph = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    partition.keySet().forEach(graph::addVertex);
    calls.forEach(
        (from, callees) -> {
          if (!partition.containsKey(from)) {
            return;
          }
          callees.forEach(
              (to, count) -> {
                if (partition.containsKey(to) && !to.equals(from) && count > 0) {
                  graph.setEdgeWeight(graph.addEdge(from, to), count);
                }
              });
        });
    Map<String, Integer> size = new TreeMap<>();
    partition.values().forEach(p -> size.merge(p, 1, Integer::sum));
    int k = size.size();
    if (k == 0) {
      return new Structural(0, 0, 0, 0);
    }
    Map<String, Integer> inside = new HashMap<>();
    Map<String, Integer> between = new HashMap<>();
    Map<String, Set<String>> interfaces = new HashMap<>();
    double crossing = 0;
    double all = 0;
    for (DefaultWeightedEdge e : graph.edgeSet()) {
      String from = graph.getEdgeSource(e);
      String to = graph.getEdgeTarget(e);
      String pf = partition.get(from);
      String pt = partition.get(to);
      double weight = graph.getEdgeWeight(e);
      all += weight;
      if (pf.equals(pt)) {
        inside.merge(pf, 1, Integer::sum);
      } else {
        crossing += weight;
        String pair = pf.compareTo(pt) < 0 ? pf + "\n" + pt : pt + "\n" + pf;
        between.merge(pair, 1, Integer::sum);
        interfaces.computeIfAbsent(pt, x -> new TreeSet<>()).add(to);
      }
    }
    double cohesion = 0;
    for (Map.Entry<String, Integer> e : size.entrySet()) {
      double m = e.getValue();
      cohesion += inside.getOrDefault(e.getKey(), 0) / (m * m);
    }
    double coupling = 0;
    for (Map.Entry<String, Integer> e : between.entrySet()) {
      String[] pair = e.getKey().split("\n");
      coupling += e.getValue() / (2.0 * size.get(pair[0]) * size.get(pair[1]));
    }
    double sm = cohesion / k - (k > 1 ? 2.0 / (k * (k - 1.0)) * coupling : 0);
    double icp = all == 0 ? 0 : crossing / all;
    double ifn = interfaces.values().stream().mapToInt(Set::size).sum() / (double) k;
    int nonExtreme =
        size.values().stream().filter(m -> m >= MIN_SIZE && m <= MAX_SIZE).mapToInt(Integer::intValue).sum();
    double ned = 1 - nonExtreme / (double) partition.size();
    return new Structural(sm, icp, ifn, ned);
  }
}
