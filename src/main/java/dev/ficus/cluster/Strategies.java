package dev.ficus.cluster;

import java.util.List;
import java.util.Optional;

/** The built-in strategies, an explicit reviewed list like the route extractors'. */
public final class Strategies {

  private Strategies() {}

  /** Every strategy, in the order {@code --compare} shows them. */
  public static List<Strategy> builtIn(long seed) {
    return List.of(new PerRoute(), new ByPath(), new ByResource(), new Auto(seed));
  }

  public static Optional<Strategy> find(String id, long seed) {
    return builtIn(seed).stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public static List<String> ids() {
    return builtIn(0).stream().map(Strategy::id).toList();
  }
}
