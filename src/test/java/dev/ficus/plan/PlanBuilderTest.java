package dev.ficus.plan;

import static dev.ficus.cluster.HandBuilt.analysis;
import static dev.ficus.cluster.HandBuilt.cls;
import static dev.ficus.cluster.HandBuilt.dynamo;
import static dev.ficus.cluster.HandBuilt.reads;
import static dev.ficus.cluster.HandBuilt.route;
import static dev.ficus.cluster.HandBuilt.tableArn;
import static dev.ficus.cluster.HandBuilt.unresolved;
import static dev.ficus.cluster.HandBuilt.writes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.ByPath;
import dev.ficus.cluster.HandBuilt;
import dev.ficus.cluster.PerRoute;
import dev.ficus.cluster.Strategies;
import dev.ficus.model.Analysis;
import dev.ficus.model.Conflict;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.Phase;
import dev.ficus.model.Plan;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.PolicyStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

  static final Planner PLANNER = new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED);

  static Plan plan(Analysis analysis, String strategy) {
    return PLANNER.plan(analysis, Strategies.find(strategy, Planner.DEFAULT_SEED).orElseThrow(), 0);
  }

  static PlannedFunction function(Plan plan, String route) {
    return plan.functions().stream().filter(f -> f.route().equals(route)).findFirst().orElseThrow();
  }

  @Test
  void perRouteGivesEachRouteAFunctionWithItsOwnPolicy() {
    Plan plan = PLANNER.plan(HandBuilt.twoDomains(), new PerRoute(), 0);
    assertThat(plan.services()).hasSize(7).allSatisfy(s -> assertThat(s.functions()).hasSize(1));
    assertThat(function(plan, "GET /orders/{id}").policy())
        .containsExactly(new PolicyStatement(tableArn("Orders"), List.of("dynamodb:GetItem"), null));
    assertThat(function(plan, "POST /checkout").policy())
        .containsExactly(new PolicyStatement(tableArn("Orders"), List.of("dynamodb:PutItem", "dynamodb:UpdateItem"), null));
    assertThat(function(plan, "DELETE /users/{id}").policy())
        .containsExactly(new PolicyStatement(tableArn("Users"), List.of("dynamodb:DeleteItem"), null));
    assertThat(plan.functions()).extracting(PlannedFunction::name)
        .containsExactlyInAnyOrder("PostCheckout", "GetOrders", "PostOrders", "GetOrdersById", "PostUsers",
            "DeleteUsersById", "GetUsersById");
    assertThat(plan.services()).extracting(PlannedService::name).doesNotHaveDuplicates();
  }

  @Test
  void autoPlanNamesServicesAfterTheirPathsAndMovesTheirOwnClasses() {
    Plan plan = plan(HandBuilt.twoDomains(), "auto");
    assertThat(plan.services()).extracting(PlannedService::name).containsExactly("orders", "users");
    PlannedService orders = plan.services().get(0);
    assertThat(orders.routes()).containsExactly("POST /checkout", "GET /orders", "POST /orders", "GET /orders/{id}");
    assertThat(orders.classes())
        .containsExactly("app.orders.CheckoutService", "app.orders.OrderRepository", "app.orders.OrderService");
    assertThat(orders.writes()).containsExactly(tableArn("Orders"));
    assertThat(plan.sharedClasses()).extracting(c -> c.name()).containsExactly("app.Json", "app.Router");
  }

  @Test
  void aFunctionGetsTheMonolithsEnvironmentVariablesOfTheTablesItUses() {
    Plan plan = plan(HandBuilt.twoDomains(), "auto");
    assertThat(function(plan, "GET /users/{id}").environment()).extracting(EnvBinding::name).containsExactly("USERS_TABLE");
    assertThat(function(plan, "POST /orders").environment()).extracting(EnvBinding::name).containsExactly("ORDERS_TABLE");
  }

  @Test
  void aTableWithoutAPhysicalNameIsMatchedByTheLogicalIdInItsPlaceholder() {
    Analysis a =
        new Analysis(
            List.of(HandBuilt.route("GET /invoices", HandBuilt.reads("${InvoicesTable}"), "app.Router")),
            List.of(HandBuilt.monolith(
                HandBuilt.tableVar("INVOICES_TABLE", "InvoicesTable", null),
                HandBuilt.tableVar("USERS_TABLE", "UsersTable", null))),
            List.of(),
            List.of(),
            List.of(HandBuilt.cls("app.Router", 10)));
    assertThat(function(plan(a, "per-route"), "GET /invoices").environment())
        .extracting(EnvBinding::name)
        .containsExactly("INVOICES_TABLE");
  }

  @Test
  void aTableWrittenByTwoDomainsIsAConflict() {
    Analysis a =
        analysis(
            List.of(
                route("GET /orders", reads("Orders"), "app.OrderService"),
                route("POST /orders", writes("Orders"), writes("Audit"), "app.OrderService", "app.Audit"),
                route("GET /users", reads("Users"), "app.UserService"),
                route("POST /users", writes("Users"), writes("Audit"), "app.UserService", "app.Audit")),
            List.of(cls("app.OrderService", 50, "app.Audit", 1), cls("app.UserService", 50, "app.Audit", 1), cls("app.Audit", 20)));
    for (String strategy : List.of("auto", "by-path")) {
      Plan plan = plan(a, strategy);
      assertThat(plan.services()).extracting(PlannedService::name).as(strategy).containsExactly("orders", "users");
      assertThat(plan.conflicts())
          .as(strategy)
          .filteredOn(c -> c.kind().equals("shared-write"))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.subject()).isEqualTo(tableArn("Audit"));
                assertThat(c.services()).containsExactly("orders", "users");
                assertThat(c.message()).startsWith("Audit is written by 2 services (orders, users)");
              });
      assertThat(plan.conflicts()).as(strategy)
          .filteredOn(c -> c.kind().equals("shared-class")).extracting(Conflict::subject).containsExactly("app.Audit");
      assertThat(plan.metrics().sharedWrites()).isEqualTo(1);
    }
  }

  @Test
  void aCallBetweenTwoServicesOwnClassesIsFlagged() {
    Analysis a =
        analysis(
            List.of(route("GET /orders", reads("Orders"), "app.OrderService"), route("GET /users", reads("Users"), "app.UserService")),
            List.of(cls("app.OrderService", 50, "app.UserService", 2), cls("app.UserService", 50)));
    Plan plan = PLANNER.plan(a, new ByPath(), 0);
    assertThat(plan.conflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo("cross-service-call");
              assertThat(c.subject()).isEqualTo("app.OrderService -> app.UserService");
              assertThat(c.message()).contains("2 call sites").contains("network call");
            });
  }

  @Test
  void anUnresolvedResourceIsAStarWithItsReasonAndWildcardActionsAreNeverGranted() {
    Analysis a =
        analysis(
            List.of(
                route("GET /files", unresolved("s3:GetObject", "bucket name computed at run time"),
                    new dev.ficus.model.AwsEffect("s3", "Anything", List.of("s3:*"),
                        new dev.ficus.model.ResourceRef(null, null, "*", "unresolved", null),
                        List.of(new dev.ficus.model.CallFrame("a#b", dev.ficus.model.SourceRef.of("A.java", 3)))))),
            List.of());
    Plan plan = plan(a, "per-route");
    assertThat(function(plan, "GET /files").policy())
        .containsExactly(new PolicyStatement("*", List.of("s3:GetObject"), "bucket name computed at run time"));
    assertThat(plan.diagnostics()).extracting(d -> d.code()).containsExactly("wildcard-action");
  }

  @Test
  void phasesTakeReadOnlyRoutesFirstAndSharedWritersLast() {
    Analysis a =
        analysis(
            List.of(
                route("GET /orders", reads("Orders")),
                route("POST /orders", writes("Orders"), writes("Audit")),
                route("GET /users", reads("Users")),
                route("POST /users", writes("Users")),
                route("POST /admin/audit", writes("Audit"))),
            List.of());
    Plan plan = PLANNER.plan(a, new ByPath(), 0);
    // read-only first; then users, whose writes nobody shares; Audit's two writers last, by name
    assertThat(plan.phases())
        .extracting(Phase::routes)
        .containsExactly(
            List.of("GET /orders"),
            List.of("GET /users"),
            List.of("POST /users"),
            List.of("POST /admin/audit"),
            List.of("POST /orders"));
    assertThat(plan.phases().get(0).reason()).startsWith("read-only routes");
    assertThat(plan.phases().get(4).reason()).contains("1 resource also written elsewhere");
    assertThat(plan.pinnedPhases()).isFalse();
  }

  @Test
  void everyRouteIsInExactlyOneServiceAndOnePhaseWhateverTheStrategy() {
    Analysis a = HandBuilt.twoDomains();
    for (String id : Strategies.ids()) {
      Plan plan = plan(a, id);
      List<String> inServices = plan.services().stream().flatMap(s -> s.routes().stream()).sorted().toList();
      List<String> inPhases = plan.phases().stream().flatMap(p -> p.routes().stream()).sorted().toList();
      List<String> all = a.routes().stream().map(r -> r.id()).sorted().toList();
      assertThat(inServices).as(id).isEqualTo(all);
      assertThat(inPhases).as(id).isEqualTo(all);
    }
  }

  @Test
  void clashingServiceNamesLookOneSegmentDeeper() {
    Analysis a =
        analysis(
            List.of(
                route("GET /admin/users", writes("Users")),
                route("GET /admin/reports", writes("Reports")),
                route("GET /health")),
            List.of());
    Plan plan = PLANNER.plan(a, new PerRoute(), 0);
    assertThat(plan.services()).extracting(PlannedService::name)
        .containsExactly("admin-reports", "admin-users", "health");
  }

  @Test
  void namesAreKebabCaseServicesAndLogicalIdFunctions() {
    assertThat(Names.kebab("adminUsers")).isEqualTo("admin-users");
    assertThat(Names.kebab("Admin_Users ")).isEqualTo("admin-users");
    assertThat(Names.function(route("POST /orders/{orderId}/pay"))).isEqualTo("PostOrdersByOrderIdPay");
    assertThat(Names.function(route("ANY /files/{proxy+}"))).isEqualTo("AnyFilesByProxy");
    assertThat(Names.function(route("GET /"))).isEqualTo("GetRoot");
    assertThat(Names.function(route("GET /v1.0/user-profiles"))).isEqualTo("GetV10UserProfiles");
    assertThat(Names.uniqueIds(List.of("GetA", "GetA", "GetA2"))).containsExactly("GetA", "GetA3", "GetA2");
    assertThat(Names.unique(List.of("orders", "orders"))).containsExactly("orders", "orders-2");
  }

  @Test
  void theSameAnalysisGivesTheSamePlan() {
    assertThat(plan(HandBuilt.twoDomains(), "auto")).isEqualTo(plan(HandBuilt.twoDomains(), "auto"));
    assertThat(dynamo("Query", "T").iamActions()).containsExactly("dynamodb:Query");
  }
}
