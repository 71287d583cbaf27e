package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each module carries the monolith's files its functions run, from where their code is. */
class ModuleSourcesTest {

  private static final String HANDLER = """
      package app;
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
      public class App implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        private final Store store = new Store();
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent e, Context c) {
          store.%s();
          return new APIGatewayProxyResponseEvent().withStatusCode(200);
        }
      }
      """;

  private static final String STORE = """
      package app;
      import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
      public class Store {
        private final DynamoDbClient ddb = DynamoDbClient.create();
        public void %s() {
          ddb.%s(b -> b.tableName("items"));
        }
      }
      """;

  @Test
  void aClassDeclaredInEachFunctionsFolderIsCopiedFromThatFunctionsFolder(@TempDir Path dir) {
    TestRepo.create()
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              ReadFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ReadFunction
                  Handler: app.App::handleRequest
                  Runtime: java17
                  Events: {Get: {Type: Api, Properties: {Path: /, Method: get}}}
              WriteFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: WriteFunction
                  Handler: app.App::handleRequest
                  Runtime: java17
                  Events: {Post: {Type: Api, Properties: {Path: /, Method: post}}}
            """)
        .file("ReadFunction/src/main/java/app/App.java", HANDLER.formatted("scan"))
        .file("ReadFunction/src/main/java/app/Store.java", STORE.formatted("scan", "scan"))
        .file("WriteFunction/src/main/java/app/App.java", HANDLER.formatted("put"))
        .file("WriteFunction/src/main/java/app/Store.java", STORE.formatted("put", "putItem"))
        .writeTo(dir);
    // One service per route: each function's module.
    ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.scaffold(dir, ScaffoldOptions.defaults(), "per-route");

    java.util.Map<String, String> storeByModule = new java.util.TreeMap<>();
    for (GeneratedFile f : s.project().files()) {
      if (f.path().endsWith("/src/main/java/app/Store.java")) {
        String module = f.path().substring(0, f.path().indexOf("/src/"));
        String handler = s.project().files().stream()
            .map(GeneratedFile::path)
            .filter(p -> p.startsWith(module + "/src/main/java/app/") && p.endsWith("RootHandler.java"))
            .findFirst().orElse("");
        storeByModule.put(handler, f.content());
      }
    }
    assertThat(storeByModule).hasSize(2);
    storeByModule.forEach((handler, store) -> assertThat(store)
        .as(handler)
        .contains(handler.contains("Post") ? "putItem" : "ddb.scan"));
  }
}
