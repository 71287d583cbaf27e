package dev.ficus.cluster;

import dev.ficus.cluster.DataAccess.Access;
import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Graph clustering of the affinity graph by modularity maximization (Louvain: local moves of
 * routes between communities, then communities folded into nodes, until nothing improves), with
 * a seeded visiting order so that the same graph always gives the same cut. Then the data rule: a
 * route that writes a resource another group also writes moves to the group that uses it most,
 * when nothing it writes is used by the rest of its own group and the move lowers the number of
 * resources written by two groups; what cannot be fixed so is left for the plan to flag. Finally {@code --services N} merges the closest groups down to N.
 */
public final class Auto implements Strategy {

  private static final double EPS = 1e-12;
  private final long seed;

  public Auto(long seed) {
    this.seed = seed;
  }

  @Override
  public String id() {
    return "auto";
  }

  @Override
  public String description() {
    return "modularity clustering (Louvain) of the affinity graph, avoiding shared writes";
  }

  @Override
  public Partition partition(AffinityGraph graph, int services) {
    int n = graph.size();
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = i == j ? 0 : graph.weight(i, j);
      }
    }
    int[] community = louvain(a, new Random(seed));
    repairSharedWrites(graph, community);
    Map<Integer, List<Route>> groups = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(community[i], k -> new ArrayList<>()).add(graph.routes().get(i));
    }
    return new Partition(Merging.capTo(new ArrayList<>(groups.values()), graph, services));
  }

  /** The community of each node of the symmetric weight matrix, numbered from 0. */
  static int[] louvain(double[][] adjacency, Random random) {
    int n = adjacency.length;
    int[] membership = new int[n];
    for (int i = 0; i < n; i++) {
      membership[i] = i;
    }
    double[][] a = adjacency;
    while (true) {
      int[] local = moveNodes(a, random);
      int count = 0;
      for (int c : local) {
        count = Math.max(count, c + 1);
      }
      if (count == a.length) {
        return membership;
      }
      for (int i = 0; i < n; i++) {
        membership[i] = local[membership[i]];
      }
      double[][] folded = new double[count][count];
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < a.length; j++) {
          folded[local[i]][local[j]] += a[i][j];
        }
      }
      a = folded;
    }
  }

  /** One level of Louvain: local moves until none improves modularity; communities renumbered. */
  private static int[] moveNodes(double[][] a, Random random) {
    int n = a.length;
    double[] degree = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        degree[i] += a[i][j];
      }
      total += degree[i];
    }
    int[] community = new int[n];
    double[] communityDegree = new double[n];
    for (int i = 0; i < n; i++) {
      community[i] = i;
      communityDegree[i] = degree[i];
    }
    if (total <= 0) {
      return community;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    boolean moved = true;
    for (int pass = 0; moved && pass < 1000; pass++) {
      moved = false;
      for (int i : order) {
        int own = community[i];
        communityDegree[own] -= degree[i];
        Map<Integer, Double> links = new TreeMap<>();
        for (int j = 0; j < n; j++) {
          if (j != i && a[i][j] > 0) {
            links.merge(community[j], a[i][j], Double::sum);
          }
        }
        int best = own;
        double bestGain = links.getOrDefault(own, 0.0) - communityDegree[own] * degree[i] / total;
        for (Map.Entry<Integer, Double> e : links.entrySet()) {
          double gain = e.getValue() - communityDegree[e.getKey()] * degree[i] / total;
          if (gain > bestGain + EPS) {
            best = e.getKey();
            bestGain = gain;
          }
        }
        if (bestGain <= EPS && links.getOrDefault(own, 0.0) <= EPS) {
          best = own;
        }
        community[i] = best;
        communityDegree[best] += degree[i];
        if (best != own) {
          moved = true;
        }
      }
    }
    Map<Integer, Integer> renumber = new LinkedHashMap<>();
    int[] result = new int[n];
    for (int i = 0; i < n; i++) {
      result[i] = renumber.computeIfAbsent(community[i], k -> renumber.size());
    }
    return result;
  }

  /**
   * Moves writers of a shared resource to the group that uses it most (two points per writing
   * route, one per reading route; ties to the lower group), while each move lowers the count of
   * resources written by two groups.
   */
  static void repairSharedWrites(AffinityGraph graph, int[] community) {
    int n = graph.size();
    int conflicts = sharedWrites(graph, community);
    boolean improved = conflicts > 0;
    for (int round = 0; improved && round < n; round++) {
      improved = false;
      for (int i = 0; i < n && conflicts > 0; i++) {
        if (!movable(graph, community, i)) {
          continue;
        }
        Set<Integer> targets = new java.util.TreeSet<>();
        for (Map.Entry<String, Access> e : graph.access(i).entrySet()) {
          if (e.getValue() == Access.WRITE) {
            int home = home(graph, community, e.getKey());
            if (home != community[i]) {
              targets.add(home);
            }
          }
        }
        int own = community[i];
        for (int target : targets) {
          community[i] = target;
          int after = sharedWrites(graph, community);
          if (after < conflicts) {
            conflicts = after;
            improved = true;
            own = target;
            break;
          }
          community[i] = own;
        }
      }
    }
  }

  /** True when no other route of its group uses what route {@code i} writes. */
  private static boolean movable(AffinityGraph graph, int[] community, int i) {
    for (Map.Entry<String, Access> e : graph.access(i).entrySet()) {
      if (e.getValue() != Access.WRITE) {
        continue;
      }
      for (int j = 0; j < graph.size(); j++) {
        if (j != i && community[j] == community[i] && graph.access(j).containsKey(e.getKey())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The group that uses a resource most. */
  private static int home(AffinityGraph graph, int[] community, String key) {
    Map<Integer, Integer> score = new TreeMap<>();
    for (int j = 0; j < graph.size(); j++) {
      Access a = graph.access(j).get(key);
      if (a != null) {
        score.merge(community[j], a == Access.WRITE ? 2 : 1, Integer::sum);
      }
    }
    int best = -1;
    for (Map.Entry<Integer, Integer> e : score.entrySet()) {
      if (best < 0 || e.getValue() > score.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  /** The number of resources written by routes of more than one community. */
  static int sharedWrites(AffinityGraph graph, int[] community) {
    Map<String, Set<Integer>> writers = new TreeMap<>();
    for (int i = 0; i < graph.size(); i++) {
      for (Map.Entry<String, Access> e : graph.access(i).entrySet()) {
        if (e.getValue() == Access.WRITE) {
          writers.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(community[i]);
        }
      }
    }
    return (int) writers.values().stream().filter(s -> s.size() > 1).count();
  }
}
