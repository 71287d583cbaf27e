package dev.ficus.report;

import dev.ficus.report.Diagram.Edge;
import dev.ficus.report.Diagram.Group;
import dev.ficus.report.Diagram.Node;

/**
 * A {@link Diagram} in Graphviz DOT ({@code --format dot}), for {@code dot -Tsvg} and for docs
 * that prefer Graphviz to Mermaid. Groups become clusters; an edge from a group starts at the
 * group's first route and is clipped to the cluster ({@code ltail}), the DOT way to draw an edge
 * from a box of nodes.
 */
public final class DiagramDot {

  private DiagramDot() {}

  public static String render(Diagram diagram) {
    StringBuilder out = new StringBuilder();
    out.append("digraph ficus {\n");
    out.append("  graph [rankdir=LR, compound=true, fontname=\"Helvetica\", label=")
        .append(quote(diagram.title())).append(", labelloc=t];\n");
    out.append("  node [fontname=\"Helvetica\", fontsize=11];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (Group g : diagram.groups()) {
      out.append("  subgraph cluster_").append(g.id()).append(" {\n");
      out.append("    label=").append(quote(g.label())).append(";\n");
      out.append("    style=rounded; color=").append(g.conflict() ? "\"#c62828\", penwidth=2" : "\"#546e7a\"").append(";\n");
      if (g.routes().isEmpty()) {
        out.append("    ").append(g.id()).append(" [shape=point, style=invis];\n");
      }
      for (Node n : g.routes()) {
        out.append("    ").append(n.id()).append(" [shape=box, style=rounded, label=").append(quote(n.label()))
            .append(", tooltip=").append(quote(n.detail())).append("];\n");
      }
      out.append("  }\n");
    }
    for (Node n : diagram.resources()) {
      out.append("  ").append(n.id()).append(" [shape=")
          .append(n.kind() == Diagram.Kind.SHARED_CLASS ? "component" : "cylinder")
          .append(", label=").append(quote(n.label()))
          .append(", tooltip=").append(quote(n.detail()));
      if (n.conflict()) {
        out.append(", color=\"#c62828\", penwidth=2");
      }
      out.append("];\n");
    }
    for (Edge e : diagram.edges()) {
      Group from = group(diagram, e.from());
      String tail = from == null ? e.from() : anchor(from);
      out.append("  ").append(tail).append(" -> ").append(e.to()).append(" [");
      if (from != null) {
        out.append("ltail=cluster_").append(from.id()).append(", ");
      }
      switch (e.use()) {
        case WRITES -> out.append("label=\"writes\"");
        case READS -> out.append("label=\"reads\", style=dashed");
        case RUNS -> out.append("label=\"shares\", style=dotted, arrowhead=none");
      }
      if (e.conflict()) {
        out.append(", color=\"#c62828\", penwidth=2");
      }
      out.append("];\n");
    }
    return out.append("}\n").toString();
  }

  private static Group group(Diagram diagram, String id) {
    return diagram.groups().stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
  }

  private static String anchor(Group group) {
    return group.routes().isEmpty() ? group.id() : group.routes().get(0).id();
  }

  /** A DOT double-quoted string: backslashes and quotes escaped, line breaks as spaces. */
  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ") + "\"";
  }
}
