package dev.ficus.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.Node;
import dev.ficus.graph.CallGraph;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipeline builds each call graph knowing what SDK factories return ({@link
 * EffectAnalyzer#graphOf}), and effects then read the graph's types instead of typing every
 * expression again. The answers must be the ones an analyzer with its own types gives, including
 * types only the SDK knowledge supplies (an enhanced client's table, a client's waiter).
 */
class SharedGraphTypesTest {

  @Test
  void effectsOnTheGraphsTypesAreTheEffectsOnTheirOwn() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/OrderStore.java", """
            package com.acme;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
            import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            public class OrderStore {
              private final DynamoDbClient dynamo = DynamoDbClient.create();
              private final DynamoDbTable<Order> orders = DynamoDbEnhancedClient.builder()
                  .dynamoDbClient(dynamo).build().table("Orders", TableSchema.fromBean(Order.class));
              void save(Order order) {
                orders.putItem(order);
                dynamo.waiter().waitUntilTableExists(b -> b.tableName("Orders"));
              }
            }
            """)
        .java("com/acme/Order.java", "package com.acme; public class Order { String id; }")
        .java("com/acme/Handler.java", """
            package com.acme;
            public class Handler {
              private final OrderStore store = new OrderStore();
              public void handle(String id) {
                Order o = new Order();
                store.save(o);
              }
            }
            """)
        .load();
    SdkCatalog catalog = SdkCatalog.load();
    EffectAnalyzer shared = new EffectAnalyzer(
        repo.workspace(), repo.iac(), catalog, EffectAnalyzer.graphOf(repo.workspace(), catalog));
    EffectAnalyzer own = new EffectAnalyzer(
        repo.workspace(), repo.iac(), catalog, CallGraph.build(repo.workspace()));
    List<Node> handle = List.of(EffectsTesting.method(repo, "com.acme.Handler#handle"));

    List<String> onShared = EffectsTesting.lines(shared.effectsOf("com.acme.Handler#handle", handle, null));
    List<String> onOwn = EffectsTesting.lines(own.effectsOf("com.acme.Handler#handle", handle, null));

    assertThat(onShared).isNotEmpty().isEqualTo(onOwn);
    assertThat(onShared).extracting(l -> l.substring(0, l.indexOf(' ')))
        .containsExactly("DescribeTable", "PutItem"); // the waiter's and the enhanced table's
  }
}
