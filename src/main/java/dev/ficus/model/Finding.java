package dev.ficus.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * An anti-pattern a {@code Rule} found: what, where, and what to do about it.
 *
 * @param rule the rule's stable id, e.g. {@code lambda-calls-lambda}
 * @param function logical id of the function it concerns, or null
 * @param route id of the route it concerns ({@code GET /orders}), or null
 */
public record Finding(
    String rule,
    Severity severity,
    String message,
    SourceRef source,
    String function,
    String route,
    String advice)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::source)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }
}
