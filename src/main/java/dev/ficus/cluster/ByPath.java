package dev.ficus.cluster;

import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups routes by the first static segment of their path ({@code /orders}, {@code
 * /orders/{id}/pay} together), variables ignored. With {@code --services N} it looks one segment
 * deeper while that stays within N groups, and merges the closest groups when there are more.
 */
public final class ByPath implements Strategy {

  @Override
  public String id() {
    return "by-path";
  }

  @Override
  public String description() {
    return "one service per first path segment, variables ignored";
  }

  @Override
  public Partition partition(AffinityGraph graph, int services) {
    List<List<Route>> groups = groupsAtDepth(graph.routes(), 1);
    if (services > 0) {
      for (int depth = 2; depth <= 4; depth++) {
        List<List<Route>> deeper = groupsAtDepth(graph.routes(), depth);
        if (deeper.size() > services || deeper.size() == groups.size()) {
          break;
        }
        groups = deeper;
      }
    }
    return new Partition(Merging.capTo(groups, graph, services));
  }

  static List<List<Route>> groupsAtDepth(List<Route> routes, int depth) {
    Map<String, List<Route>> byKey = new TreeMap<>();
    for (Route route : routes) {
      List<String> segments = AffinityGraph.staticSegments(route.path());
      String key = String.join("/", segments.subList(0, Math.min(depth, segments.size())));
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(route);
    }
    return List.copyOf(byKey.values());
  }
}
