package dev.ficus.cluster;

import dev.ficus.cluster.DataAccess.Access;
import dev.ficus.model.Analysis;
import dev.ficus.model.ClassInfo;
import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  private final DataAccess dataAccess;
  private Graph<Route, DefaultWeightedEdge> graph;

  private AffinityGraph(
      List<Route> routes, double[][] weight, List<Map<String, Access>> access, DataAccess dataAccess) {
    this.routes = routes;
    this.weight = weight;
    this.access = access;
    this.dataAccess = dataAccess;
  }

  /** The affinity graph of the analysis' routes, in their sorted order. */
  public static AffinityGraph of(Analysis analysis, AffinityWeights weights, DataAccess dataAccess) {
    List<Route> routes = analysis.routes();
    int n = routes.size();
    Map<String, Integer> lines = new HashMap<>();
    analysis.classes().forEach(c -> lines.put(c.name(), c.lines()));
    // Classes and resources as sorted int ids, so that each pair is a merge of two arrays.
    Map<String, Integer> classIds = new TreeMap<>();
    routes.forEach(r -> r.classes().forEach(c -> classIds.putIfAbsent(c, 0)));
    int next = 0;
    for (Map.Entry<String, Integer> e : classIds.entrySet()) {
      e.setValue(next++);
    }
    int[] users = new int[classIds.size()];
    int[][] classes = new int[n][];
    for (int i = 0; i < n; i++) {
      classes[i] = routes.get(i).classes().stream().mapToInt(classIds::get).sorted().toArray();
      for (int c : classes[i]) {
        users[c]++;
      }
    }
    double[] classWeight = new double[classIds.size()];
    classIds.forEach(
        (name, id) ->
            classWeight[id] = Math.max(1, lines.getOrDefault(name, 1)) * Math.log((1.0 + n) / users[id]));
    List<Map<String, Access>> access = routes.stream().map(dataAccess::of).toList();
    Map<String, Integer> keyIds = new TreeMap<>();
    access.forEach(m -> m.keySet().forEach(k -> keyIds.putIfAbsent(k, keyIds.size())));
    int[][] keys = new int[n][];
    boolean[][] writes = new boolean[n][];
    for (int i = 0; i < n; i++) {
      Map<Integer, Access> byId = new TreeMap<>();
      access.get(i).forEach((k, a) -> byId.put(keyIds.get(k), a));
      keys[i] = byId.keySet().stream().mapToInt(Integer::intValue).toArray();
      writes[i] = new boolean[keys[i].length];
      int j = 0;
      for (Access a : byId.values()) {
        writes[i][j++] = a == Access.WRITE;
      }
    }
    List<List<String>> segments = routes.stream().map(r -> staticSegments(r.path())).toList();
    double[][] weight = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double code = codeAffinity(classes[i], classes[j], classWeight);
        double data = dataAffinity(keys[i], writes[i], keys[j], writes[j], weights);
        double path = pathAffinity(segments.get(i), segments.get(j));
        double w = weights.code() * code + weights.data() * data + weights.path() * path;
        weight[i][j] = w;
        weight[j][i] = w;
      }
    }
    return new AffinityGraph(routes, weight, access, dataAccess);
  }

  /** Size- and rarity-weighted Jaccard similarity of two routes' sorted class ids. */
  static double codeAffinity(int[] a, int[] b, double[] classWeight) {
    double shared = 0;
    double total = 0;
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (j == b.length || (i < a.length && a[i] < b[j])) {
        total += classWeight[a[i++]];
      } else if (i == a.length || b[j] < a[i]) {
        total += classWeight[b[j++]];
      } else {
        shared += classWeight[a[i]];
        total += classWeight[a[i]];
        i++;
        j++;
      }
    }
    return total == 0 ? 0 : shared / total;
  }

  /** Shared resources, weighted by how each route uses them, over all resources either uses. */
  static double dataAffinity(int[] a, boolean[] aw, int[] b, boolean[] bw, AffinityWeights weights) {
    int union = 0;
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      union++;
      if (j == b.length || (i < a.length && a[i] < b[j])) {
        i++;
      } else if (i == a.length || b[j] < a[i]) {
        j++;
      } else {
        int w = (aw[i] ? 1 : 0) + (bw[j] ? 1 : 0);
        sum += w == 2 ? weights.writeWrite() : w == 1 ? weights.readWrite() : weights.readRead();
        i++;
        j++;
      }
    }
    return union == 0 ? 0 : sum / union;
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

  /**
   * The graph itself, routes as vertices and an edge for every positive affinity, for algorithms
   * that want JGraphT's view; built on first use.
   */
  public synchronized Graph<Route, DefaultWeightedEdge> graph() {
    if (graph == null) {
      Graph<Route, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
      routes.forEach(g::addVertex);
      for (int i = 0; i < routes.size(); i++) {
        for (int j = i + 1; j < routes.size(); j++) {
          if (weight[i][j] > 0) {
            g.setEdgeWeight(g.addEdge(routes.get(i), routes.get(j)), weight[i][j]);
          }
        }
      }
      graph = g;
    }
    return graph;
  }

  /** Newman's modularity of a grouping of the routes on this graph; 0 when it has no edges. */
  public double modularity(List<List<Route>> groups) {
    Graph<Route, DefaultWeightedEdge> g = graph();
    if (g.edgeSet().isEmpty()) {
      return 0;
    }
    List<Set<Route>> sets = groups.stream().<Set<Route>>map(LinkedHashSet::new).toList();
    return new UndirectedModularityMeasurer<>(g).modularity(sets);
  }
}
