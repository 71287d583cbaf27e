package dev.ficus.cluster;

import dev.ficus.model.Diagnostic;
import dev.ficus.model.Route;
import java.util.Comparator;
import java.util.List;

/**
 * Routes cut into groups, each group a future service: what a strategy returns. Canonical order
 * (routes sorted in a group, groups by their first route) so equal cuts compare and print equal.
 *
 * @param notes what the strategy could not honor (a target it could not reach), for the plan
 */
public record Partition(List<List<Route>> groups, List<Diagnostic> notes) {

  public Partition {
    groups =
        groups.stream()
            .filter(g -> !g.isEmpty())
            .map(g -> g.stream().sorted().toList())
            .sorted(Comparator.comparing((List<Route> g) -> g.get(0)))
            .toList();
    notes = List.copyOf(notes);
  }

  public Partition(List<List<Route>> groups) {
    this(groups, List.of());
  }
}
