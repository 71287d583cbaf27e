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
import dev.ficus.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** plan.json and plan.md of hand-built analyses, compared with golden files. */
class PlanReportsTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden/plan");
  static final Planner PLANNER = new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED);

  static Plan twoDomains() {
    return PLANNER.plan(HandBuilt.twoDomains(), new Auto(Planner.DEFAULT_SEED), 0);
  }

  /** Two domains that both write an audit table, and a route whose bucket is unknown. */
  static Plan withConflicts() {
    Analysis a =
        analysis(
            List.of(
                route("GET /orders", reads("Orders"), "app.OrderService", "app.Json"),
                route("POST /orders", writes("Orders"), writes("Audit"), "app.OrderService", "app.Audit"),
                route("GET /users", reads("Users"), "app.UserService", "app.Json"),
                route("POST /users", writes("Users"), writes("Audit"), "app.UserService", "app.Audit"),
                route("GET /files/{proxy+}", unresolved("s3:GetObject", "the bucket name is computed at run time"))),
            List.of(
                HandBuilt.cls("app.OrderService", 60, "app.Audit", 1, "app.UserService", 1),
                HandBuilt.cls("app.UserService", 40, "app.Audit", 1),
                HandBuilt.cls("app.Audit", 20),
                HandBuilt.cls("app.Json", 30)));
    return PLANNER.plan(a, new Auto(Planner.DEFAULT_SEED), 0);
  }

  @Test
  void planJsonOfTwoDomains() {
    Golden.assertMatches(GOLDEN.resolve("two-domains/plan.json"), PlanJson.render(twoDomains()));
  }

  @Test
  void planMarkdownOfTwoDomains() {
    Golden.assertMatches(GOLDEN.resolve("two-domains/plan.md"), PlanMarkdown.render(twoDomains()));
  }

  @Test
  void planJsonAndMarkdownWithConflicts() {
    Plan plan = withConflicts();
    Golden.assertMatches(GOLDEN.resolve("conflicts/plan.json"), PlanJson.render(plan));
    Golden.assertMatches(GOLDEN.resolve("conflicts/plan.md"), PlanMarkdown.render(plan));
  }

  @Test
  void compareShowsEveryStrategy() {
    String table = PlanMarkdown.compare(PLANNER.compare(HandBuilt.twoDomains(), 0));
    Golden.assertMatches(GOLDEN.resolve("two-domains/compare.md"), table);
    assertThat(table).contains("| per-route | 7 |").contains("| auto | 2 |");
  }

  @Test
  void renderingIsByteIdenticalAcrossRuns() {
    assertThat(PlanJson.render(twoDomains())).isEqualTo(PlanJson.render(twoDomains()));
    assertThat(PlanMarkdown.render(withConflicts())).isEqualTo(PlanMarkdown.render(withConflicts()));
  }
}
