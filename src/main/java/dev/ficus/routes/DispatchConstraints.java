package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import dev.ficus.routes.DispatchValue.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the dispatch code compares the request against, collected by running it in explore mode:
 * the raw material candidate routes are synthesized from.
 */
final class DispatchConstraints {

  /** How a request attribute is compared with a constant. */
  enum Op {
    EQUALS,
    STARTS_WITH,
    ENDS_WITH,
    CONTAINS,
    MATCHES,
    /** A comparison of a segment count: {@code ==}, or a bound. */
    COUNT
  }

  /**
   * One comparison.
   *
   * @param index the segment index for {@link Origin#SEGMENT}, else -1
   * @param constant a String, Integer or enum constant name
   */
  record Constraint(Origin origin, int index, Op op, Object constant, Node where) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Constraint c
          && c.origin == origin
          && c.index == index
          && c.op == op
          && c.constant.equals(constant);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(origin, index, op, constant);
    }
  }

  final Set<Constraint> constraints = new LinkedHashSet<>();
  final Set<String> parameterNames = new LinkedHashSet<>();
  final List<Node> unresolved = new ArrayList<>();
  boolean dispatches;

  void add(Origin origin, int index, Op op, Object constant, Node where) {
    if (origin.dispatches() && constant != null) {
      constraints.add(new Constraint(origin, index, op, constant, where));
    }
  }
}
