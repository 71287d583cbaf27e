package dev.ficus.cluster;

import dev.ficus.model.Diagnostic;
import dev.ficus.model.Route;
import java.util.List;

/** One service per route: the finest cut, and the baseline the other strategies are judged by. */
public final class PerRoute implements Strategy {

  @Override
  public String id() {
    return "per-route";
  }

  @Override
  public String description() {
    return "one service per route";
  }

  @Override
  public Partition partition(AffinityGraph graph, int services) {
    List<List<Route>> groups = graph.routes().stream().map(List::of).toList();
    List<Diagnostic> notes =
        services > 0 && services != groups.size()
            ? List.of(
                Diagnostic.note(
                    "services-ignored",
                    "per-route makes one service per route ("
                        + groups.size()
                        + "); --services "
                        + services
                        + " was ignored.",
                    null))
            : List.of();
    return new Partition(groups, notes);
  }
}
