package dev.ficus.cluster;

import static dev.ficus.cluster.HandBuilt.analysis;
import static dev.ficus.cluster.HandBuilt.cls;
import static dev.ficus.cluster.HandBuilt.reads;
import static dev.ficus.cluster.HandBuilt.route;
import static dev.ficus.cluster.HandBuilt.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ficus.model.Analysis;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffinityGraphTest {

  @Test
  void pathAffinityIsTheCommonStaticPrefixOverTheShorterPath() {
    assertThat(AffinityGraph.pathAffinity(
            AffinityGraph.staticSegments("/orders"), AffinityGraph.staticSegments("/orders/{id}/pay")))
        .isEqualTo(1.0);
    assertThat(AffinityGraph.pathAffinity(
            AffinityGraph.staticSegments("/orders/{id}/pay"), AffinityGraph.staticSegments("/orders/{id}/ship")))
        .isEqualTo(0.5);
    assertThat(AffinityGraph.pathAffinity(
            AffinityGraph.staticSegments("/"), AffinityGraph.staticSegments("/orders")))
        .isZero();
  }

  @Test
  void sharedDataWeighsWritesAboveReads() {
    // three routes: two writers of T, one reader; only data, no code and no common path
    Analysis a =
        analysis(
            List.of(route("POST /a", writes("T")), route("POST /b", writes("T")), route("GET /c", reads("T"))),
            List.of());
    AffinityGraph g = AffinityGraph.of(a, AffinityWeights.defaults(), DataAccess.defaults());
    // sorted: /a, /b, /c; data weight 2 * writeWrite 1.0, and 2 * readWrite 0.5
    assertThat(g.weight(0, 1)).isEqualTo(2.0);
    assertThat(g.weight(0, 2)).isEqualTo(1.0);
  }

  @Test
  void rareLargeClassesCountMoreThanClassesEveryRouteRuns() {
    // Util runs in all three routes, Big only in /a and /b: /a-/b share more code than /a-/c.
    Analysis a =
        analysis(
            List.of(route("GET /a", "Util", "Big"), route("GET /b", "Util", "Big"), route("GET /c", "Util", "Small")),
            List.of(cls("Util", 100), cls("Big", 100), cls("Small", 10)));
    AffinityGraph g = AffinityGraph.of(a, new AffinityWeights(1, 0, 0, 1, 0.5, 0.25), DataAccess.defaults());
    double util = 100 * Math.log(4.0 / 3);
    double big = 100 * Math.log(4.0 / 2);
    double small = 10 * Math.log(4.0 / 1);
    assertThat(g.weight(0, 1)).isCloseTo(1.0, within(1e-9));
    assertThat(g.weight(0, 2)).isCloseTo(util / (util + big + small), within(1e-9));
  }

  @Test
  void actionsAreReadOrWriteByTheirVerb() {
    DataAccess access = DataAccess.defaults();
    assertThat(access.isWrite("dynamodb:GetItem")).isFalse();
    assertThat(access.isWrite("dynamodb:BatchGetItem")).isFalse();
    assertThat(access.isWrite("s3:ListBucket")).isFalse();
    assertThat(access.isWrite("sqs:ReceiveMessage")).isFalse();
    assertThat(access.isWrite("dynamodb:PutItem")).isTrue();
    assertThat(access.isWrite("dynamodb:BatchWriteItem")).isTrue();
    assertThat(access.isWrite("sqs:SendMessage")).isTrue();
    assertThat(access.isWrite("s3:Getaway")).isTrue();
  }

  @Test
  void objectsCountAsTheirBucketAndIndexesAsTheirTable() {
    assertThat(DataAccess.resourceKey("arn:${AWS::Partition}:s3:::media/uploads/*"))
        .isEqualTo("arn:${AWS::Partition}:s3:::media");
    assertThat(DataAccess.resourceKey("arn:aws:dynamodb:r:a:table/Orders/index/ByUser"))
        .isEqualTo("arn:aws:dynamodb:r:a:table/Orders");
    assertThat(DataAccess.shortName("arn:aws:dynamodb:r:a:table/Orders/index/ByUser")).isEqualTo("Orders");
    assertThat(DataAccess.shortName("arn:aws:sqs:r:a:jobs")).isEqualTo("jobs");
  }

  @Test
  void aPlaceholderInsideANameKeepsItsColons() {
    assertThat(DataAccess.shortName("arn:${AWS::Partition}:s3:::media-${AWS::AccountId}-${Stage}/thumbnails/*"))
        .isEqualTo("media-${AWS::AccountId}-${Stage}");
    assertThat(DataAccess.shortName("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs-${Stage}"))
        .isEqualTo("jobs-${Stage}");
  }

  @Test
  void weightsAreConfigurableByName() {
    AffinityWeights w = AffinityWeights.defaults().with("code=3, path=0");
    assertThat(w.code()).isEqualTo(3);
    assertThat(w.path()).isZero();
    assertThat(w.data()).isEqualTo(2);
    assertThatThrownBy(() -> AffinityWeights.defaults().with("colour=1")).hasMessageContaining("unknown weight");
    assertThatThrownBy(() -> AffinityWeights.defaults().with("code=x")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> AffinityWeights.defaults().with("code=-1")).hasMessageContaining("at least 0");
  }
}
