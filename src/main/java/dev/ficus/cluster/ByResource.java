package dev.ficus.cluster;

import dev.ficus.cluster.DataAccess.Access;
import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data ownership: routes that write the same resource stay together (transitively), so that each
 * table, bucket or queue has one writer. A route that writes nothing joins the group that writes
 * what it reads most; routes that touch no owned data are grouped by path.
 */
public final class ByResource implements Strategy {

  @Override
  public String id() {
    return "by-resource";
  }

  @Override
  public String description() {
    return "one service per group of routes writing the same data; readers join the writer";
  }

  @Override
  public boolean namesByResource() {
    return true;
  }

  @Override
  public Partition partition(AffinityGraph graph, int services) {
    int n = graph.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> firstWriter = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      for (Map.Entry<String, Access> e : graph.access(i).entrySet()) {
        if (e.getValue() == Access.WRITE) {
          Integer other = firstWriter.putIfAbsent(e.getKey(), i);
          if (other != null) {
            union(parent, other, i);
          }
        }
      }
    }
    int[] group = new int[n];
    List<Integer> unowned = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean writes = graph.access(i).containsValue(Access.WRITE);
      group[i] = writes ? find(parent, i) : -1;
    }
    for (int i = 0; i < n; i++) {
      if (group[i] >= 0) {
        continue;
      }
      Map<Integer, Integer> reads = new TreeMap<>();
      for (String key : graph.access(i).keySet()) {
        Integer writer = firstWriter.get(key);
        if (writer != null) {
          reads.merge(find(parent, writer), 1, Integer::sum);
        }
      }
      int best = -1;
      for (Map.Entry<Integer, Integer> e : reads.entrySet()) {
        if (best < 0 || e.getValue() > reads.get(best)) {
          best = e.getKey();
        }
      }
      if (best >= 0) {
        group[i] = best;
      } else {
        unowned.add(i);
      }
    }
    Map<Integer, List<Route>> byGroup = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (group[i] >= 0) {
        byGroup.computeIfAbsent(group[i], k -> new ArrayList<>()).add(graph.routes().get(i));
      }
    }
    List<List<Route>> groups = new ArrayList<>(byGroup.values());
    groups.addAll(ByPath.groupsAtDepth(unowned.stream().map(graph.routes()::get).toList(), 1));
    return new Partition(Merging.capTo(groups, graph, services));
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
