package dev.ficus.model;

import java.util.List;
import java.util.Objects;

/**
 * One Allow statement of a function's policy: the actions it needs on one resource. A wildcard
 * resource always comes with the reason the analysis could not narrow it, so that the output says
 * so where the user reads it instead of granting {@code *} silently.
 *
 * @param resource an ARN template, or {@code *}
 * @param actions sorted, unique, never {@code *}
 * @param reason why the resource is {@code *}; null otherwise
 */
public record PolicyStatement(String resource, List<String> actions, String reason) {
  public PolicyStatement {
    Objects.requireNonNull(resource, "resource");
    actions = actions.stream().distinct().sorted().toList();
  }
}
