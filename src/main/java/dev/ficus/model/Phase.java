package dev.ficus.model;

import java.util.List;
import java.util.Objects;

/**
 * One step of the strangler: the routes that leave the monolith together. After each phase the
 * system is deployable, the monolith still serving every route not yet extracted.
 *
 * @param number 1-based, consecutive
 * @param services names of the services the phase's routes belong to, sorted
 * @param routes route ids, sorted
 * @param reason why it comes at this point (its risk), or {@code pinned} when a user fixed it
 */
public record Phase(int number, List<String> services, List<String> routes, String reason) {
  public Phase {
    Objects.requireNonNull(reason, "reason");
    services = services.stream().distinct().sorted().toList();
    routes = routes.stream().distinct().sorted().toList();
  }
}
