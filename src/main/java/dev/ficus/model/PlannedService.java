package dev.ficus.model;

import java.util.List;
import java.util.Objects;

/**
 * One service of a plan: a group of routes that leave the monolith together, one function each,
 * with the code that moves with them and the data they own.
 *
 * @param name kebab-case, unique within the plan ({@code orders}, {@code admin-users})
 * @param functions one per route, sorted by route, then the event functions that join the
 *     service, sorted by their id
 * @param classes the repository classes only this service runs: they move into its module
 * @param writes resource ARNs (tables, buckets, queues) the service writes: the data it owns
 * @param reads resource ARNs it only reads
 */
public record PlannedService(
    String name,
    List<PlannedFunction> functions,
    List<String> classes,
    List<String> writes,
    List<String> reads) {

  public PlannedService {
    Objects.requireNonNull(name, "name");
    functions = List.copyOf(functions);
    classes = classes.stream().distinct().sorted().toList();
    writes = writes.stream().distinct().sorted().toList();
    reads = reads.stream().distinct().sorted().toList();
  }

  /** The ids ({@code GET /orders}) of the routes this service serves. */
  public List<String> routes() {
    return functions.stream().filter(f -> !f.isEvent()).map(PlannedFunction::route).toList();
  }

  /** The event functions that join this service, as they are named in its module. */
  public List<PlannedFunction> eventFunctions() {
    return functions.stream().filter(PlannedFunction::isEvent).toList();
  }
}
