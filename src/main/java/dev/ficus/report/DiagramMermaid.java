package dev.ficus.report;

import dev.ficus.report.Diagram.Edge;
import dev.ficus.report.Diagram.Group;
import dev.ficus.report.Diagram.Node;

/**
 * A {@link Diagram} as a Mermaid flowchart, which GitHub and most wikis draw in place: plan.md
 * embeds it, {@code --format mermaid} prints it alone. Groups become subgraphs, resources
 * cylinders, shared classes subroutine boxes; conflicts get the {@code conflict} class (red).
 */
public final class DiagramMermaid {

  private DiagramMermaid() {}

  /** The flowchart alone, as {@code --format mermaid} prints it. */
  public static String render(Diagram diagram) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    for (Group g : diagram.groups()) {
      out.append("  subgraph ").append(g.id()).append("[\"").append(label(g.label())).append("\"]\n");
      for (Node n : g.routes()) {
        out.append("    ").append(n.id()).append("[\"").append(label(n.label())).append("\"]\n");
      }
      out.append("  end\n");
    }
    for (Node n : diagram.resources()) {
      out.append("  ").append(n.id());
      if (n.kind() == Diagram.Kind.SHARED_CLASS) {
        out.append("[[\"").append(label(n.label())).append("\"]]\n");
      } else {
        out.append("[(\"").append(label(n.label())).append("\")]\n");
      }
    }
    for (Edge e : diagram.edges()) {
      out.append("  ").append(e.from());
      switch (e.use()) {
        case WRITES -> out.append(" -- writes --> ");
        case READS -> out.append(" -. reads .-> ");
        case RUNS -> out.append(" -. shares .- ");
      }
      out.append(e.to()).append('\n');
    }
    StringBuilder conflicts = new StringBuilder();
    diagram.groups().stream().filter(Group::conflict).forEach(g -> conflicts.append(conflicts.isEmpty() ? "" : ",").append(g.id()));
    diagram.resources().stream().filter(Node::conflict).forEach(n -> conflicts.append(conflicts.isEmpty() ? "" : ",").append(n.id()));
    if (!conflicts.isEmpty()) {
      out.append("  classDef conflict stroke:#c62828,stroke-width:3px\n");
      out.append("  class ").append(conflicts).append(" conflict\n");
    }
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < diagram.edges().size(); i++) {
      if (diagram.edges().get(i).conflict()) {
        links.append(links.isEmpty() ? "" : ",").append(i);
      }
    }
    if (!links.isEmpty()) {
      out.append("  linkStyle ").append(links).append(" stroke:#c62828,stroke-width:3px\n");
    }
    return out.toString();
  }

  /** The flowchart in a Markdown code block. */
  public static String markdown(Diagram diagram) {
    return "```mermaid\n" + render(diagram) + "```\n";
  }

  /**
   * Text inside a quoted Mermaid label: quotes and the characters Mermaid reads as markup become
   * its {@code #name;} entities, so a path like {@code /a/{id}} or a class like {@code Map<K,V>}
   * shows as written.
   */
  static String label(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '#' -> out.append("#35;");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
