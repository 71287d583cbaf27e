package dev.ficus.aws;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.graph.TypeResolver;
import java.util.Map;
import java.util.Optional;

/**
 * What SDK factory methods return, so that a client obtained from another client is still
 * recognized: {@code enhancedClient.table(...)} is a {@code DynamoDbTable}, {@code
 * dynamoDB.getTable(...)} a document API {@code Table}, {@code client.waiter()} the service's
 * waiter. Builder chains and {@code create()} are handled by the {@link TypeResolver} itself.
 */
final class SdkTypes implements TypeResolver.ExternalTypes {

  private static final String ENHANCED = "software.amazon.awssdk.enhanced.dynamodb.";
  private static final String DOCUMENT = "com.amazonaws.services.dynamodbv2.document.";

  private static final Map<String, String> RETURNS = Map.ofEntries(
      Map.entry(ENHANCED + "DynamoDbEnhancedClient#table", ENHANCED + "DynamoDbTable"),
      Map.entry(ENHANCED + "DynamoDbEnhancedAsyncClient#table", ENHANCED + "DynamoDbAsyncTable"),
      Map.entry(ENHANCED + "DynamoDbTable#index", ENHANCED + "DynamoDbIndex"),
      Map.entry(ENHANCED + "DynamoDbAsyncTable#index", ENHANCED + "DynamoDbAsyncIndex"),
      Map.entry(DOCUMENT + "DynamoDB#getTable", DOCUMENT + "Table"),
      Map.entry(DOCUMENT + "Table#getIndex", DOCUMENT + "Index"));

  private final SdkCatalog catalog;

  SdkTypes(SdkCatalog catalog) {
    this.catalog = catalog;
  }

  SdkCatalog catalog() {
    return catalog;
  }

  /** The catalog's clients and what SDK factories return are known to exist. */
  @Override
  public boolean exists(String qualifiedName) {
    return catalog.client(qualifiedName).isPresent() || RETURNS.containsValue(qualifiedName);
  }

  @Override
  public Optional<String> returnType(String receiverType, String method, MethodCallExpr call) {
    String known = RETURNS.get(receiverType + "#" + method);
    if (known != null) {
      return Optional.of(known);
    }
    if (method.equals("waiter") && receiverType.startsWith("software.amazon.awssdk.services.")
        && receiverType.endsWith("Client")) {
      int dot = receiverType.lastIndexOf('.');
      String pkg = receiverType.substring(0, dot);
      String simple = receiverType.substring(dot + 1, receiverType.length() - "Client".length());
      return Optional.of(pkg + ".waiters." + simple + "Waiter");
    }
    return Optional.empty();
  }
}
