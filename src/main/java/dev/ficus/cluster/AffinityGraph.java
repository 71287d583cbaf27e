package dev.ficus.cluster;

import dev.ficus.cluster.DataAccess.Access;
import dev.ficus.model.Analysis;
import dev.ficus.model.ClassInfo;
import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * How strongly each pair of routes belongs together, from what the analysis knows: the code they
 * both run, the data they both use, and their paths (docs/strategies.md gives the formulas). Every
 * strategy reads this one graph, so they differ only in how they cut it.
 */
public final class AffinityGraph {

  private final List<Route> routes;
  private final double[][] weight;
  private final List<Map<String, Access>> access;
  private final Graph<Route, DefaultWeightedEdge> graph;
  private final DataAccess dataAccess;

  private AffinityGraph(
      List<Route> routes, double[][] weight, List<Map<String, Access>> access, DataAccess dataAccess) {
    this.routes = routes;
    this.weight = weight;
    this.access = access;
    this.dataAccess = dataAccess;
    this.graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    routes.forEach(graph::addVertex);
    for (int i = 0; i < routes.size(); i++) {
      for (int j = i + 1; j < routes.size(); j++) {
        if (weight[i][j] > 0) {
          DefaultWeightedEdge e = graph.addEdge(routes.get(i), routes.get(j));
          graph.setEdgeWeight(e, weight[i][j]);
        }
      }
    }
  }

  /** The affinity graph of the analysis' routes, in their sorted order. */
  public static AffinityGraph of(Analysis analysis, AffinityWeights weights, DataAccess dataAccess) {
    List<Route> routes = analysis.routes();
    int n = routes.size();
    Map<String, Integer> lines = new HashMap<>();
    analysis.classes().forEach(c -> lines.put(c.name(), c.lines()));
    Map<String, Integer> users = new HashMap<>();
    routes.forEach(r -> r.classes().forEach(c -> users.merge(c, 1, Integer::sum)));
    Map<String, Double> classWeight = new HashMap<>();
    users.forEach(
        (c, count) ->
            classWeight.put(c, Math.max(1, lines.getOrDefault(c, 1)) * Math.log((1.0 + n) / count)));
    List<Map<String, Access>> access = routes.stream().map(dataAccess::of).toList();
    List<List<String>> segments = routes.stream().map(r -> staticSegments(r.path())).toList();
    double[][] weight = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double code = codeAffinity(routes.get(i).classes(), routes.get(j).classes(), classWeight);
        double data = dataAffinity(access.get(i), access.get(j), weights);
        double path = pathAffinity(segments.get(i), segments.get(j));
        double w = weights.code() * code + weights.data() * data + weights.path() * path;
        weight[i][j] = w;
        weight[j][i] = w;
      }
    }
    return new AffinityGraph(routes, weight, access, dataAccess);
  }

  /** Size- and rarity-weighted Jaccard similarity of two routes' classes. */
  static double codeAffinity(List<String> a, List<String> b, Map<String, Double> classWeight) {
    Set<String> union = new LinkedHashSet<>(a);
    union.addAll(b);
    Set<String> inB = Set.copyOf(b);
    double shared = 0;
    double total = 0;
    for (String c : union) {
      double w = classWeight.getOrDefault(c, 0.0);
      total += w;
      if (inB.contains(c) && a.contains(c)) {
        shared += w;
      }
    }
    return total == 0 ? 0 : shared / total;
  }

  /** Shared resources, weighted by how each route uses them, over all resources either uses. */
  static double dataAffinity(Map<String, Access> a, Map<String, Access> b, AffinityWeights weights) {
    Set<String> union = new LinkedHashSet<>(a.keySet());
    union.addAll(b.keySet());
    if (union.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (Map.Entry<String, Access> e : a.entrySet()) {
      Access other = b.get(e.getKey());
      if (other == null) {
        continue;
      }
      int writes = (e.getValue() == Access.WRITE ? 1 : 0) + (other == Access.WRITE ? 1 : 0);
      sum += writes == 2 ? weights.writeWrite() : writes == 1 ? weights.readWrite() : weights.readRead();
    }
    return sum / union.size();
  }

  /** Length of the common prefix of static segments over the shorter of the two. */
  static double pathAffinity(List<String> a, List<String> b) {
    int min = Math.min(a.size(), b.size());
    if (min == 0) {
      return 0;
    }
    int common = 0;
    while (common < min && a.get(common).equals(b.get(common))) {
      common++;
    }
    return (double) common / min;
  }

  /** The segments of a route path that are not variables: {@code /orders/{id}/pay} gives orders, pay. */
  public static List<String> staticSegments(String path) {
    List<String> result = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty() && !s.startsWith("{") && !s.startsWith(":") && !s.equals("*")) {
        result.add(s);
      }
    }
    return result;
  }

  public List<Route> routes() {
    return routes;
  }

  public int size() {
    return routes.size();
  }

  public double weight(int i, int j) {
    return weight[i][j];
  }

  /** The data resources route {@code i} uses, by resource key. */
  public Map<String, Access> access(int i) {
    return access.get(i);
  }

  public DataAccess dataAccess() {
    return dataAccess;
  }

  /** The graph itself, routes as vertices, for algorithms that want JGraphT's view. */
  public Graph<Route, DefaultWeightedEdge> graph() {
    return graph;
  }

  /** Newman's modularity of a grouping of the routes on this graph; 0 when it has no edges. */
  public double modularity(List<List<Route>> groups) {
    if (graph.edgeSet().isEmpty()) {
      return 0;
    }
    List<Set<Route>> sets = groups.stream().<Set<Route>>map(LinkedHashSet::new).toList();
    return new UndirectedModularityMeasurer<>(graph).modularity(sets);
  }
}
