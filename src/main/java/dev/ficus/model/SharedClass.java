package dev.ficus.model;

import java.util.List;
import java.util.Objects;

/**
 * A repository class that routes of several services run: it goes to a shared library module, and
 * any static state it holds is no longer shared at run time once the services are apart.
 *
 * @param services the names of the services that run it, sorted
 */
public record SharedClass(String name, List<String> services) {
  public SharedClass {
    Objects.requireNonNull(name, "name");
    services = services.stream().distinct().sorted().toList();
  }
}
