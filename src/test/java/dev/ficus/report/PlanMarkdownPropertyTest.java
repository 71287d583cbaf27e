package dev.ficus.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.HandBuilt;
import dev.ficus.cluster.Strategies;
import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import dev.ficus.model.Route;
import dev.ficus.plan.Planner;
import dev.ficus.robustness.MarkdownTables;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * plan.md tables stay tables whatever a route path or table name holds: pipes, backticks (single,
 * runs, at the ends), line breaks, spaces at both ends. Each row keeps its columns, and each code
 * span reads back as the text it shows.
 */
class PlanMarkdownPropertyTest {

  @Provide
  static Arbitrary<String> nasty() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("|`\\ \r\na{}").ofMinLength(1).ofMaxLength(10),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(10),
        Arbitraries.of("`", "``", " ` ", "a|b", "a\\|b", "  ", "x`", "`x", "\\", "|", " a "));
  }

  @Property(tries = 300)
  void aCodeSpanReadsBackAsItsText(@ForAll("nasty") String text) {
    String cell = "| " + PlanMarkdown.code(text) + " |";
    List<String> cells = MarkdownTables.cells(cell);
    assertThat(cells).hasSize(1);
    assertThat(MarkdownTables.codeSpans(cells.get(0))).containsExactly(oneLine(text));
  }

  @Property(tries = 100)
  void everyTableRowKeepsItsColumnsAndEveryRouteReadsBack(
      @ForAll("nasty") String a, @ForAll("nasty") String b, @ForAll @StringLength(max = 8) String table) {
    List<Route> routes = new ArrayList<>();
    routes.add(HandBuilt.route("GET /" + a, HandBuilt.reads(table.isEmpty() ? "t" : table), "app.A"));
    routes.add(HandBuilt.route("POST /" + a + "/" + b, HandBuilt.writes(table + "|`"), "app.B"));
    routes.add(HandBuilt.route("DELETE /x", "app.A", "app.B"));
    Analysis analysis = new Analysis(routes, List.of(HandBuilt.monolith()), List.of(), List.of());
    Plan plan =
        new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED)
            .plan(analysis, Strategies.find("per-route", Planner.DEFAULT_SEED).orElseThrow(), 0);
    String md = PlanMarkdown.render(plan);

    List<String> shown = new ArrayList<>();
    String header = null;
    for (String line : md.lines().toList()) {
      if (!line.startsWith("|")) {
        header = null;
        continue;
      }
      List<String> cells = MarkdownTables.cells(line);
      if (header == null) {
        header = line;
        assertThat(cells).isNotEmpty();
      }
      assertThat(cells).as(line).hasSize(MarkdownTables.cells(header).size());
      if (header.startsWith("| function |") && !line.startsWith("|---") && line != header) {
        shown.addAll(MarkdownTables.codeSpans(cells.get(2)));
      }
    }
    assertThat(shown)
        .containsExactlyInAnyOrderElementsOf(analysis.routes().stream().map(r -> oneLine(r.id())).toList());
  }

  private static String oneLine(String text) {
    return text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
  }
}
