package dev.ficus.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.HandBuilt;
import dev.ficus.cluster.Strategies;
import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import dev.ficus.model.Route;
import dev.ficus.report.PlanJson;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * plan.json round trip: whatever the routes' paths hold, the plan ficus writes is a plan ficus
 * reads back without an error, and re-rendering the decisions read gives the same bytes.
 */
class PlanFilePropertyTest {

  static final Planner PLANNER = new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED);

  /** Analyses of routes with arbitrary paths, each route reading or writing a table. */
  @Provide
  static Arbitrary<Analysis> analyses() {
    Arbitrary<Route> route =
        Arbitraries.oneOf(NamesPropertyTest.paths(), Arbitraries.strings().all().ofMaxLength(20).map(s -> "/" + s))
            .flatMap(path -> Arbitraries.of("GET", "POST", "DELETE", "ANY")
                .flatMap(method -> Arbitraries.of("Orders", "Users", "Tab|le`s").map(
                    table -> HandBuilt.route(method + " " + path,
                        method.equals("GET") ? HandBuilt.reads(table) : HandBuilt.writes(table),
                        "app.Router"))));
    return route.list().ofMinSize(1).ofMaxSize(8).uniqueElements(Route::id)
        .map(routes -> new Analysis(routes, List.of(HandBuilt.monolith()), List.of(), List.of()));
  }

  @Property(tries = 150)
  void aPlanFicusWritesReadsBackToTheSameBytes(
      @ForAll("analyses") Analysis analysis, @ForAll("strategies") String strategy) {
    Plan plan = PLANNER.plan(analysis, Strategies.find(strategy, Planner.DEFAULT_SEED).orElseThrow(), 0);
    String json = PlanJson.render(plan);
    PlanFile.Result read = PlanFile.read("plan.json", json, analysis);
    assertThat(read.errors()).isEmpty();
    assertThat(PlanJson.render(PLANNER.replan(analysis, read.edited()))).isEqualTo(json);
  }

  @Provide
  static Arbitrary<String> strategies() {
    return Arbitraries.of(Strategies.ids());
  }
}
