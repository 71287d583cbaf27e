package dev.ficus.cluster;

import static dev.ficus.cluster.HandBuilt.analysis;
import static dev.ficus.cluster.HandBuilt.route;
import static dev.ficus.cluster.HandBuilt.reads;
import static dev.ficus.cluster.HandBuilt.writes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Analysis;
import dev.ficus.model.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategiesTest {

  static final AffinityGraph TWO_DOMAINS =
      AffinityGraph.of(HandBuilt.twoDomains(), AffinityWeights.defaults(), DataAccess.defaults());

  static List<List<String>> ids(Partition partition) {
    return partition.groups().stream().map(g -> g.stream().map(Route::id).toList()).toList();
  }

  @Test
  void perRouteMakesOneServicePerRoute() {
    Partition p = new PerRoute().partition(TWO_DOMAINS, 0);
    assertThat(p.groups()).hasSize(7).allSatisfy(g -> assertThat(g).hasSize(1));
    assertThat(p.notes()).isEmpty();
  }

  @Test
  void perRouteSaysItIgnoresATarget() {
    assertThat(new PerRoute().partition(TWO_DOMAINS, 2).notes())
        .singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("services-ignored"));
  }

  @Test
  void byPathGroupsByFirstStaticSegment() {
    assertThat(ids(new ByPath().partition(TWO_DOMAINS, 0)))
        .containsExactly(
            List.of("POST /checkout"),
            List.of("GET /orders", "POST /orders", "GET /orders/{id}"),
            List.of("POST /users", "DELETE /users/{id}", "GET /users/{id}"));
  }

  @Test
  void byPathMergesTheClosestGroupsDownToTheTarget() {
    // /checkout writes the orders table and runs the order service: it joins /orders, not /users.
    assertThat(ids(new ByPath().partition(TWO_DOMAINS, 2)))
        .containsExactly(
            List.of("POST /checkout", "GET /orders", "POST /orders", "GET /orders/{id}"),
            List.of("POST /users", "DELETE /users/{id}", "GET /users/{id}"));
  }

  @Test
  void byPathLooksDeeperWhenMoreServicesAreWanted() {
    Analysis a =
        analysis(
            List.of(route("GET /admin/users"), route("POST /admin/users"), route("GET /admin/reports"), route("GET /health")),
            List.of());
    AffinityGraph g = AffinityGraph.of(a, AffinityWeights.defaults(), DataAccess.defaults());
    assertThat(ids(new ByPath().partition(g, 0))).hasSize(2);
    assertThat(ids(new ByPath().partition(g, 3)))
        .containsExactly(
            List.of("GET /admin/reports"), List.of("GET /admin/users", "POST /admin/users"), List.of("GET /health"));
  }

  @Test
  void byResourceKeepsTheWritersOfATableTogetherAndReadersJoinThem() {
    assertThat(ids(new ByResource().partition(TWO_DOMAINS, 0)))
        .containsExactly(
            List.of("POST /checkout", "GET /orders", "POST /orders", "GET /orders/{id}"),
            List.of("POST /users", "DELETE /users/{id}", "GET /users/{id}"));
  }

  @Test
  void byResourceJoinsDomainsThatWriteTheSameTable() {
    Analysis a =
        analysis(
            List.of(
                route("POST /orders", writes("Orders"), writes("Audit")),
                route("POST /users", writes("Users"), writes("Audit")),
                route("GET /stats", reads("Stats")),
                route("GET /users", reads("Users"))),
            List.of());
    AffinityGraph g = AffinityGraph.of(a, AffinityWeights.defaults(), DataAccess.defaults());
    assertThat(ids(new ByResource().partition(g, 0)))
        .containsExactly(List.of("POST /orders", "GET /users", "POST /users"), List.of("GET /stats"));
  }

  @Test
  void autoFindsTheTwoDomainsEvenWhereThePathsDisagree() {
    assertThat(ids(new Auto(42).partition(TWO_DOMAINS, 0)))
        .containsExactly(
            List.of("POST /checkout", "GET /orders", "POST /orders", "GET /orders/{id}"),
            List.of("POST /users", "DELETE /users/{id}", "GET /users/{id}"));
  }

  @Test
  void autoIsTheSameForEverySeedOnClearDomainsAndHonorsACap() {
    for (long seed = 0; seed < 20; seed++) {
      assertThat(new Auto(seed).partition(TWO_DOMAINS, 0).groups()).hasSize(2);
    }
    assertThat(new Auto(42).partition(TWO_DOMAINS, 1).groups()).hasSize(1);
  }

  @Test
  void autoIsDeterministic() {
    assertThat(new Auto(7).partition(TWO_DOMAINS, 0)).isEqualTo(new Auto(7).partition(TWO_DOMAINS, 0));
  }

  @Test
  void autoMovesALoneWriterToTheOwnerOfItsTable() {
    // POST /users/{id}/orders lives under /users and runs user code, but it only writes Orders.
    Analysis a =
        analysis(
            List.of(
                route("GET /orders", reads("Orders"), "app.OrderService"),
                route("POST /orders", writes("Orders"), "app.OrderService"),
                route("GET /users", reads("Users"), "app.UserService"),
                route("POST /users", writes("Users"), "app.UserService"),
                route("POST /users/{id}/orders", writes("Orders"), "app.UserService")),
            List.of());
    AffinityGraph g =
        AffinityGraph.of(a, AffinityWeights.defaults().with("data=0.1"), DataAccess.defaults());
    int[] community = {0, 0, 1, 1, 1};
    List<Route> routes = g.routes();
    // routes are sorted by path: /orders GET, /orders POST, /users GET, /users POST, /users/{id}/orders
    assertThat(routes.get(4).id()).isEqualTo("POST /users/{id}/orders");
    assertThat(Auto.sharedWrites(g, community)).isEqualTo(1);
    Auto.repairSharedWrites(g, community);
    assertThat(community).containsExactly(0, 0, 1, 1, 0);
  }

  @Test
  void louvainSplitsTwoTrianglesJoinedByOneWeakEdge() {
    double[][] a = new double[6][6];
    int[][] strong = {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}};
    for (int[] e : strong) {
      a[e[0]][e[1]] = a[e[1]][e[0]] = 1;
    }
    a[2][3] = a[3][2] = 0.1;
    int[] c = Auto.louvain(a, new java.util.Random(1));
    assertThat(c[0]).isEqualTo(c[1]).isEqualTo(c[2]);
    assertThat(c[3]).isEqualTo(c[4]).isEqualTo(c[5]);
    assertThat(c[0]).isNotEqualTo(c[3]);
  }

  @Test
  void autosCutHasAHigherModularityThanThePathsCut() {
    double auto = TWO_DOMAINS.modularity(new Auto(42).partition(TWO_DOMAINS, 0).groups());
    double byPath = TWO_DOMAINS.modularity(new ByPath().partition(TWO_DOMAINS, 0).groups());
    double oneGroup = TWO_DOMAINS.modularity(List.of(TWO_DOMAINS.routes()));
    assertThat(auto).isGreaterThan(byPath).isGreaterThan(oneGroup);
    assertThat(oneGroup).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void strategiesAreFoundById() {
    assertThat(Strategies.ids()).containsExactly("per-route", "by-path", "by-resource", "auto");
    assertThat(Strategies.find("nope", 1)).isEmpty();
  }
}
