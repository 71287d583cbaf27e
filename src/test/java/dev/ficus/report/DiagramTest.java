package dev.ficus.report;

import static dev.ficus.cluster.HandBuilt.analysis;
import static dev.ficus.cluster.HandBuilt.reads;
import static dev.ficus.cluster.HandBuilt.route;
import static dev.ficus.cluster.HandBuilt.unresolved;
import static dev.ficus.cluster.HandBuilt.writes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.Auto;
import dev.ficus.cluster.HandBuilt;
import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import dev.ficus.plan.Planner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The route/service/resource graph, and how DOT and Mermaid draw it. */
class DiagramTest {

  static final Planner PLANNER = new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED);

  /** Two services that both write Audit: a shared write, the gravest conflict. */
  static Analysis sharedAudit() {
    return analysis(
        List.of(
            route("GET /orders", reads("Orders"), "app.OrderService", "app.Json"),
            route("POST /orders", writes("Orders"), writes("Audit"), "app.OrderService", "app.Audit"),
            route("GET /users", reads("Users"), "app.UserService", "app.Json"),
            route("POST /users", writes("Users"), writes("Audit"), "app.UserService", "app.Audit"),
            route("GET /files/{proxy+}", unresolved("s3:GetObject", "the bucket name is computed at run time"))),
        List.of(
            HandBuilt.cls("app.OrderService", 60, "app.Audit", 1),
            HandBuilt.cls("app.UserService", 40, "app.Audit", 1),
            HandBuilt.cls("app.Audit", 20),
            HandBuilt.cls("app.Json", 30)));
  }

  @Test
  void anAnalysisGroupsRoutesByFunctionAndLinksEachRouteToTheDataItUses() {
    Diagram d = Diagram.of(sharedAudit());
    assertThat(d.groups()).extracting(Diagram.Group::label).containsExactly(HandBuilt.MONOLITH);
    assertThat(d.groups().get(0).routes()).extracting(Diagram.Node::label)
        .containsExactly("GET /files/{proxy+}", "GET /orders", "POST /orders", "GET /users", "POST /users");
    assertThat(d.resources()).extracting(Diagram.Node::label).containsExactly("Audit", "Orders", "Users");
    // POST /orders (n2) writes Audit (r0) and Orders (r1); a call on * draws no edge.
    assertThat(d.edges()).contains(
        new Diagram.Edge("n2", "r0", Diagram.Use.WRITES, false),
        new Diagram.Edge("n1", "r1", Diagram.Use.READS, false));
    assertThat(d.edges()).noneMatch(e -> e.from().equals("n0"));
  }

  @Test
  void aPlanMarksTheResourceTwoServicesWriteAndTheClassesTheyShare() {
    Plan plan = PLANNER.plan(sharedAudit(), new Auto(Planner.DEFAULT_SEED), 0);
    Diagram d = Diagram.of(plan);
    assertThat(d.groups()).extracting(Diagram.Group::label).contains("orders", "users");
    Diagram.Node audit = d.resources().stream().filter(n -> n.label().equals("Audit") && n.kind() == Diagram.Kind.RESOURCE).findFirst().orElseThrow();
    Diagram.Node orders = d.resources().stream().filter(n -> n.label().equals("Orders")).findFirst().orElseThrow();
    assertThat(audit.conflict()).isTrue();
    assertThat(orders.conflict()).isFalse();
    assertThat(d.resources()).filteredOn(n -> n.kind() == Diagram.Kind.SHARED_CLASS)
        .extracting(Diagram.Node::detail).contains("app.Audit");
    assertThat(d.edges()).filteredOn(e -> e.to().equals(audit.id()))
        .allMatch(e -> e.use() == Diagram.Use.WRITES && e.conflict())
        .hasSize(2);
  }

  @Test
  void mermaidDrawsGroupsAsSubgraphsAndConflictsInRed() {
    String mermaid = DiagramMermaid.render(Diagram.of(PLANNER.plan(sharedAudit(), new Auto(Planner.DEFAULT_SEED), 0)));
    assertThat(mermaid).startsWith("flowchart LR\n")
        .contains("  subgraph g", "    n", "[(\"Audit\")]", "[[\"Audit\"]]", " -- writes --> ")
        .contains("classDef conflict").contains("linkStyle ");
    assertThat(DiagramMermaid.render(Diagram.of(sharedAudit()))).contains("  n1 -. reads .-> r1\n");
    assertThat(mermaid.lines().filter(l -> l.startsWith("  subgraph")).count())
        .isEqualTo(mermaid.lines().filter(l -> l.equals("  end")).count());
  }

  @Test
  void labelsCannotBreakOutOfTheirQuotes() {
    assertThat(DiagramMermaid.label("say \"hi\" <b>#1</b>")).isEqualTo("say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt;");
    assertThat(DiagramDot.quote("a \"b\" \\ c\nd")).isEqualTo("\"a \\\"b\\\" \\\\ c d\"");
  }

  @Test
  void dotDrawsGroupsAsClustersWithEdgesFromTheCluster() {
    Plan plan = PLANNER.plan(sharedAudit(), new Auto(Planner.DEFAULT_SEED), 0);
    String dot = DiagramDot.render(Diagram.of(plan));
    assertThat(dot).startsWith("digraph ficus {\n").endsWith("}\n")
        .contains("subgraph cluster_g0 {", "shape=cylinder", "shape=component", "ltail=cluster_g", "penwidth=2");
    assertThat(DiagramDot.render(Diagram.of(sharedAudit()))).contains("  n1 -> r1 [label=\"reads\", style=dashed];\n");
    long open = dot.chars().filter(c -> c == '{').count();
    long close = dot.chars().filter(c -> c == '}').count();
    // Route paths carry braces inside quoted labels; every other brace pairs up.
    assertThat(open - close).isZero();
  }

  @Test
  void theSameInputGivesTheSameText() {
    assertThat(DiagramDot.render(Diagram.of(sharedAudit()))).isEqualTo(DiagramDot.render(Diagram.of(sharedAudit())));
    assertThat(DiagramMermaid.render(Diagram.of(sharedAudit()))).isEqualTo(DiagramMermaid.render(Diagram.of(sharedAudit())));
  }
}
