package dev.ficus.report;

import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Route;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code ficus analyze --explain ROUTE}: why a route needs each of its IAM actions, one call
 * chain per SDK call, so a reviewer can check a permission against the code line that needs it.
 */
public final class ExplainReport {

  private ExplainReport() {}

  /** The routes matching {@code query}: an id such as {@code GET /orders/{id}}, or a path for every method. */
  public static List<Route> find(Analysis analysis, String query) {
    String q = query.trim().replaceAll("\\s+", " ");
    int space = q.indexOf(' ');
    if (space > 0) {
      String method = q.substring(0, space).toUpperCase(Locale.ROOT);
      String path = q.substring(space + 1);
      return analysis.routes().stream()
          .filter(r -> r.method().equals(method) && r.path().equals(path))
          .toList();
    }
    return analysis.routes().stream().filter(r -> r.path().equals(q)).toList();
  }

  public static Optional<String> render(Analysis analysis, String query) {
    List<Route> routes = find(analysis, query);
    if (routes.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    for (Route route : routes) {
      out.append(route.id()).append("  served by ").append(route.handler());
      if (route.function() != null) {
        out.append(" in function ").append(route.function());
      }
      out.append(" (").append(route.source()).append(")\n");
      if (route.effects().isEmpty()) {
        out.append("  needs no IAM action: no AWS SDK call is reachable from its handler.\n\n");
        continue;
      }
      TreeMap<String, List<AwsEffect>> byAction = new TreeMap<>();
      for (AwsEffect effect : route.effects()) {
        for (String action : effect.iamActions()) {
          byAction.computeIfAbsent(action, a -> new java.util.ArrayList<>()).add(effect);
        }
      }
      for (var entry : byAction.entrySet()) {
        out.append("  ").append(entry.getKey()).append('\n');
        for (AwsEffect effect : entry.getValue()) {
          out.append("    because ").append(effect.service()).append(' ').append(effect.operation())
              .append(" on ").append(effect.resource().arn());
          if (effect.resource().reason() != null) {
            out.append(" (").append(effect.resource().reason()).append(')');
          }
          out.append('\n');
          for (CallFrame frame : effect.callChain()) {
            out.append("      ").append(frame.method()).append("  ").append(frame.source()).append('\n');
          }
        }
      }
      out.append('\n');
    }
    return Optional.of(out.toString());
  }
}
