package dev.ficus.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.Auto;
import dev.ficus.cluster.HandBuilt;
import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import dev.ficus.model.PlannedService;
import dev.ficus.report.PlanJson;
import org.junit.jupiter.api.Test;

/** The edited-plan path: what a user may change in plan.json, and the errors when it is wrong. */
class PlanFileTest {

  static final Analysis ANALYSIS = HandBuilt.twoDomains();
  static final Planner PLANNER = new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED);

  static PlanFile.Result read(String json) {
    return PlanFile.read("plan.json", json, ANALYSIS);
  }

  @Test
  void anUneditedPlanReRendersToTheSameBytes() {
    String json = PlanJson.render(PLANNER.plan(ANALYSIS, new Auto(Planner.DEFAULT_SEED), 0));
    PlanFile.Result result = read(json);
    assertThat(result.errors()).isEmpty();
    assertThat(PlanJson.render(PLANNER.replan(ANALYSIS, result.edited()))).isEqualTo(json);
  }

  @Test
  void aMovedRouteARenamedServiceAndARenamedFunctionAreKept() {
    String json =
        """
        {
          "schemaVersion": 1,
          "strategy": "auto",
          "services": [
            { "name": "shop", "functions": [
                { "route": "GET /orders" }, { "route": "POST /orders", "name": "PlaceOrder" },
                { "route": "GET /orders/{id}" } ] },
            { "name": "checkout", "functions": [ { "route": "POST /checkout" } ] },
            { "name": "users", "functions": [
                { "route": "GET /users/{id}" }, { "route": "POST /users" }, { "route": "DELETE /users/{id}" } ] }
          ]
        }
        """;
    PlanFile.Result result = read(json);
    assertThat(result.errors()).isEmpty();
    Plan plan = PLANNER.replan(ANALYSIS, result.edited());
    assertThat(plan.services()).extracting(PlannedService::name).containsExactly("shop", "checkout", "users");
    assertThat(plan.services().get(1).routes()).containsExactly("POST /checkout");
    assertThat(plan.functions()).filteredOn(f -> f.route().equals("POST /orders"))
        .singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("PlaceOrder"));
    // checkout now writes Orders beside shop
    assertThat(plan.conflicts()).filteredOn(c -> c.kind().equals("shared-write")).hasSize(1);
  }

  @Test
  void errorsNameTheLineOrTheRoute() {
    String json =
        """
        {
          "schemaVersion": 1,
          "services": [
            { "name": "orders", "functions": [
                { "route": "GET /orders" }, { "route": "POST /orders" }, { "route": "GET /orders/{id}" },
                { "route": "POST /checkout" } ] },
            { "name": "orders", "functions": [
                { "route": "GET /nope" },
                { "route": "POST /orders" },
                { "route": "GET /users/{id}" }, { "route": "POST /users" } ] }
          ]
        }
        """;
    assertThat(read(json).errors())
        .containsExactly(
            "plan.json line 7: duplicate service name 'orders' (first at line 4)",
            "plan.json line 8: unknown route 'GET /nope'; 'ficus analyze' lists the routes of the repository",
            "plan.json line 9: route 'POST /orders' is in two services: orders (line 5) and orders",
            "plan.json: route 'DELETE /users/{id}' is in no service; add it to the functions of one");
  }

  @Test
  void badNamesAndBadJsonAreReported() {
    assertThat(read("{ \"schemaVersion\": 1, \"services\": [ { \"name\": \"Orders!\", \"functions\": [] } ] }").errors())
        .first().asString().contains("bad service name 'Orders!'");
    assertThat(read("{ \"schemaVersion\": 1,\n \"services\": [ \n").errors())
        .singleElement().asString().startsWith("plan.json line 3: not valid JSON");
    assertThat(read("{ \"schemaVersion\": 9, \"services\": [] }").errors())
        .first().asString().contains("schemaVersion must be 1");
  }

  @Test
  void pinnedPhasesAreKeptAndChecked() {
    String services =
        """
          "services": [
            { "name": "orders", "functions": [
                { "route": "GET /orders" }, { "route": "POST /orders" }, { "route": "GET /orders/{id}" },
                { "route": "POST /checkout" } ] },
            { "name": "users", "functions": [
                { "route": "GET /users/{id}" }, { "route": "POST /users" }, { "route": "DELETE /users/{id}" } ] }
          ],
        """;
    String good =
        "{ \"schemaVersion\": 1,\n" + services
            + """
              "phaseOrder": "pinned",
              "phases": [
                { "phase": 2, "routes": ["GET /orders", "POST /orders", "GET /orders/{id}", "POST /checkout"] },
                { "phase": 1, "routes": ["GET /users/{id}", "POST /users", "DELETE /users/{id}"] }
              ]
            }
            """;
    PlanFile.Result result = read(good);
    assertThat(result.errors()).isEmpty();
    Plan plan = PLANNER.replan(ANALYSIS, result.edited());
    assertThat(plan.pinnedPhases()).isTrue();
    assertThat(plan.phases().get(0).services()).containsExactly("users");
    assertThat(plan.phases().get(0).reason()).isEqualTo("pinned in the plan file");

    String bad =
        "{ \"schemaVersion\": 1,\n" + services
            + """
              "phaseOrder": "pinned",
              "phases": [
                { "phase": 0, "routes": ["GET /orders"] },
                { "phase": 1, "routes": ["GET /orders", "POST /orders", "GET /orders/{id}", "POST /checkout", "GET /nope"] },
                { "phase": 3, "routes": ["GET /orders"] },
                { "phase": 1, "routes": ["POST /users"] }
              ]
            }
            """;
    assertThat(read(bad).errors())
        .containsExactly(
            "plan.json line 11: bad phase: phase 0; phases are numbered from 1",
            "plan.json line 12: bad phase: unknown route 'GET /nope' in phase 1",
            "plan.json line 13: bad phase: route 'GET /orders' is in phase 1 (line 12) and in phase 3",
            "plan.json line 14: bad phase: phase 1 appears twice (first at line 12)",
            "plan.json line 13: bad phase: phase 3 follows phase 1; number the phases 1, 2, 3 ... without gaps",
            "plan.json: bad phase: route 'DELETE /users/{id}' is in no phase; with pinned phases every route needs one",
            "plan.json: bad phase: route 'GET /users/{id}' is in no phase; with pinned phases every route needs one",
            "plan.json: bad phase: route 'POST /users' is in no phase; with pinned phases every route needs one");
  }
}
