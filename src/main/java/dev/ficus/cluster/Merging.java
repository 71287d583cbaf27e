package dev.ficus.cluster;

import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a partition down to at most N groups by merging, each time, the two groups with the
 * highest mean affinity between their routes (the two smallest when no pair has any), ties going
 * to the groups that come first. Shared by the strategies that honor {@code --services}.
 */
final class Merging {

  private Merging() {}

  static List<List<Route>> capTo(List<List<Route>> groups, AffinityGraph graph, int max) {
    List<List<Route>> current = new ArrayList<>(new Partition(groups).groups().stream().map(ArrayList::new).toList());
    if (max <= 0) {
      return current.stream().map(List::copyOf).toList();
    }
    Map<Route, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < graph.routes().size(); i++) {
      index.put(graph.routes().get(i), i);
    }
    while (current.size() > max) {
      int bestA = -1;
      int bestB = -1;
      double best = 0;
      for (int a = 0; a < current.size(); a++) {
        for (int b = a + 1; b < current.size(); b++) {
          double sum = 0;
          for (Route x : current.get(a)) {
            for (Route y : current.get(b)) {
              sum += graph.weight(index.get(x), index.get(y));
            }
          }
          double mean = sum / (current.get(a).size() * (double) current.get(b).size());
          if (mean > best + 1e-12) {
            best = mean;
            bestA = a;
            bestB = b;
          }
        }
      }
      if (bestA < 0) {
        bestA = smallest(current, -1);
        bestB = smallest(current, bestA);
        if (bestB < bestA) {
          int t = bestA;
          bestA = bestB;
          bestB = t;
        }
      }
      current.get(bestA).addAll(current.remove(bestB));
    }
    return new Partition(current.stream().map(List::copyOf).toList()).groups();
  }

  private static int smallest(List<List<Route>> groups, int except) {
    int result = -1;
    for (int i = 0; i < groups.size(); i++) {
      if (i != except && (result < 0 || groups.get(i).size() < groups.get(result).size())) {
        result = i;
      }
    }
    return result;
  }
}
