package dev.ficus.graph;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.ficus.model.ClassInfo;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which repository classes a route's code runs, and how classes call each other: what moves with
 * a route when it is extracted, and what planning measures coupling on. Classes are the unit here
 * (not methods) because a class is what a scaffolded module copies.
 */
public final class CodeFootprint {

  private final Workspace workspace;
  private final CallGraph graph;

  public CodeFootprint(Workspace workspace, CallGraph graph) {
    this.workspace = workspace;
    this.graph = graph;
  }

  /** Classes whose code runs for this entry code: its own classes and every class it reaches. */
  public List<String> classesRunBy(List<Node> entryCode) {
    TreeSet<String> classes = new TreeSet<>();
    for (Node node : entryCode) {
      enclosingType(node).ifPresent(classes::add);
    }
    for (CallGraph.Target target : graph.callsIn(entryCode).targets()) {
      for (String vertex : graph.reachableFrom(target.vertex()).keySet()) {
        classOf(vertex).ifPresent(classes::add);
      }
    }
    return List.copyOf(classes);
  }

  /** Size and outgoing calls of each of these classes; unknown names are left out. */
  public List<ClassInfo> classInfo(Set<String> classNames) {
    Map<String, Map<String, Integer>> calls = new TreeMap<>();
    for (CallGraph.CallEdge edge : graph.graph().edgeSet()) {
      Optional<String> from = classOf(graph.graph().getEdgeSource(edge));
      Optional<String> to = classOf(graph.graph().getEdgeTarget(edge));
      if (from.isPresent() && to.isPresent() && !from.get().equals(to.get())
          && classNames.contains(from.get())) {
        calls.computeIfAbsent(from.get(), k -> new TreeMap<>()).merge(to.get(), 1, Integer::sum);
      }
    }
    List<ClassInfo> out = new ArrayList<>();
    for (String name : classNames) {
      Optional<TypeDeclaration<?>> type = workspace.findType(name);
      if (type.isEmpty()) {
        continue;
      }
      int lines =
          type.get().getRange().map(r -> r.end.line - r.begin.line + 1).orElse(0);
      out.add(new ClassInfo(name, workspace.ref(type.get()), lines, calls.getOrDefault(name, Map.of())));
    }
    return out;
  }

  /** The repository class a vertex belongs to: nested classes count as themselves. */
  private Optional<String> classOf(String vertex) {
    int hash = vertex.indexOf('#');
    String name = hash < 0 ? vertex : vertex.substring(0, hash);
    return workspace.findType(name).isPresent() ? Optional.of(name) : Optional.empty();
  }

  private static Optional<String> enclosingType(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> type) {
        return type.getFullyQualifiedName();
      }
    }
    return Optional.empty();
  }
}
