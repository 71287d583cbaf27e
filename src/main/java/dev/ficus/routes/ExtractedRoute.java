package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import dev.ficus.model.Route;
import java.util.List;
import java.util.Objects;

/**
 * A route together with the code that runs when it is served, for the graph stage to start from.
 * For an annotated controller method that is the method; for a branch of a hand-written dispatch,
 * the statements that run before the branching (the dispatch prelude: an API-key check, say)
 * followed by the branch itself, so that a route never inherits another branch's calls. Parser
 * nodes stay inside the parsing stages; the {@link Route} record is what later stages see.
 *
 * @param entryCode nodes of the analyzed repository, in execution order
 */
public record ExtractedRoute(Route route, List<Node> entryCode) {
  public ExtractedRoute {
    Objects.requireNonNull(route, "route");
    entryCode = List.copyOf(entryCode);
  }
}
