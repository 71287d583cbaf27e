package dev.ficus.plan;

import static dev.ficus.cluster.HandBuilt.analysis;
import static dev.ficus.cluster.HandBuilt.cls;
import static dev.ficus.cluster.HandBuilt.reads;
import static dev.ficus.cluster.HandBuilt.route;
import static dev.ficus.cluster.HandBuilt.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ficus.cluster.DataAccess;
import dev.ficus.cluster.Partition;
import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import dev.ficus.model.PlanMetrics;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every metric of docs/metrics.md against values computed by hand. */
class MetricsTest {

  /*
   * Partition p1 = {A, B}, p2 = {C, D, E}; calls (call sites):
   *   A->B 2 (inside p1), B->C 1 (p1 to p2), C->D 3, D->E 1 (inside p2), E->A 1 (p2 to p1).
   */
  static final Map<String, String> PARTITION = Map.of("A", "p1", "B", "p1", "C", "p2", "D", "p2", "E", "p2");
  static final Map<String, Map<String, Integer>> CALLS =
      Map.of("A", Map.of("B", 2), "B", Map.of("C", 1), "C", Map.of("D", 3), "D", Map.of("E", 1), "E", Map.of("A", 1));

  @Test
  void structuralModularityIsMeanCohesionMinusMeanCoupling() {
    // scoh(p1) = 1 edge / 2^2 = 1/4; scoh(p2) = 2 edges / 3^2 = 2/9
    // scop(p1,p2) = 2 edges / (2 * 2 * 3) = 1/6; K = 2
    // SM = (1/4 + 2/9) / 2 - 2 / (2 * 1) * 1/6 = 17/72 - 12/72 = 5/72
    assertThat(Metrics.structural(PARTITION, CALLS).sm()).isCloseTo(5.0 / 72, within(1e-12));
  }

  @Test
  void interPartitionCallPercentageCountsCallSites() {
    // crossing: B->C 1 + E->A 1 = 2 of 2 + 1 + 3 + 1 + 1 = 8
    assertThat(Metrics.structural(PARTITION, CALLS).icp()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void interfaceNumberIsTheMeanCountOfClassesCalledFromOutside() {
    // p1's interface: A (called by E); p2's: C (called by B); 2 interfaces / 2 partitions
    assertThat(Metrics.structural(PARTITION, CALLS).ifn()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void nonExtremeDistributionIsTheShareOfClassesInTooSmallOrTooLargePartitions() {
    // both partitions have fewer than 5 classes: every class is in an extreme partition
    assertThat(Metrics.structural(PARTITION, CALLS).ned()).isCloseTo(1.0, within(1e-12));
    // 5 classes in q1 (not extreme), 1 in q2 (extreme): NED = 1 - 5/6
    Map<String, String> p = Map.of("a", "q1", "b", "q1", "c", "q1", "d", "q1", "e", "q1", "f", "q2");
    assertThat(Metrics.structural(p, Map.of()).ned()).isCloseTo(1.0 / 6, within(1e-12));
  }

  @Test
  void oneServiceHasOnlyCohesionAndNoCrossingCalls() {
    Map<String, String> one = Map.of("A", "p", "B", "p");
    Metrics.Structural s = Metrics.structural(one, Map.of("A", Map.of("B", 1, "A", 5)));
    assertThat(s.sm()).isCloseTo(0.25, within(1e-12)); // 1 edge / 2^2; the self-call is not counted
    assertThat(s.icp()).isZero();
    assertThat(s.ifn()).isZero();
  }

  @Test
  void planMetricsCountSharedWritesSharedClassesAndPermissionReduction() {
    // two services by path; Audit is written by both; Util is run by both
    Analysis a =
        analysis(
            List.of(
                route("POST /orders", writes("Orders"), writes("Audit"), "Orders", "Util"),
                route("GET /orders", reads("Orders"), "Orders"),
                route("POST /users", writes("Users"), writes("Audit"), "Users", "Util")),
            List.of(cls("Orders", 10, "Util", 1), cls("Users", 10, "Util", 1), cls("Util", 5)));
    List<List<Route>> groups = List.of(List.of(a.routes().get(0), a.routes().get(1)), List.of(a.routes().get(2)));
    Plan plan = new PlanBuilder(a, DataAccess.defaults()).build("test", false, Map.of(), new Partition(groups));
    PlanMetrics m = plan.metrics();
    assertThat(m.services()).isEqualTo(2);
    assertThat(m.functions()).isEqualTo(3);
    assertThat(m.sharedWrites()).isEqualTo(1);
    assertThat(m.sharedClassRatio()).isCloseTo(1.0 / 3, within(1e-12));
    // the monolith holds GetItem and PutItem (2 actions) on Orders, Audit, Users (3 resources)
    PlannedFunction getOrders = plan.functions().stream().filter(f -> f.route().equals("GET /orders")).findFirst().orElseThrow();
    assertThat(getOrders.permissions()).isEqualTo(new PlannedFunction.Permissions(1, 1, 2, 3));
    // GET /orders: 1 - 1/2 actions, 1 - 1/3 resources; each POST: 1 - 1/2, 1 - 2/3
    assertThat(m.actionReduction()).isCloseTo(0.5, within(1e-12));
    assertThat(m.resourceReduction()).isCloseTo((2.0 / 3 + 1.0 / 3 + 1.0 / 3) / 3, within(1e-12));
    // Util is run by one route of each service; the tie goes to orders by name, so Users -> Util
    // crosses and Orders -> Util does not
    assertThat(m.icp()).isCloseTo(0.5, within(1e-12));
  }
}
