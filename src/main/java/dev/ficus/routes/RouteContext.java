package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import dev.ficus.iac.IacModel;
import dev.ficus.model.Diagnostics;
import dev.ficus.workspace.JavaSource;
import dev.ficus.workspace.Workspace;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a {@link RouteExtractor} may look at: the parsed repository, the IaC, and the collector
 * for what it could not resolve.
 *
 * @param namesWritten the qualified names each class writes out in full, worked out once for all
 *     extractors ({@link FrameworkEntryPoints}); kept here rather than as node data, since the
 *     trees are read on other threads while routes are found (docs/adr/0004)
 */
public record RouteContext(
    Workspace workspace, IacModel iac, Diagnostics diagnostics, Map<Node, Set<String>> namesWritten) {

  public RouteContext(Workspace workspace, IacModel iac, Diagnostics diagnostics) {
    this(workspace, iac, diagnostics, new IdentityHashMap<>());
  }

  /**
   * Whether some file imports a name that {@code written} accepts: names as written after {@code
   * import}, without {@code static}, on-demand imports ending in {@code .*}.
   */
  public boolean importsAny(Predicate<String> written) {
    for (JavaSource source : workspace.sources()) {
      for (String name : source.nodes().imports()) {
        if (written.test(name)) {
          return true;
        }
      }
    }
    return false;
  }
}
