package dev.ficus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cli.AnalysisPipeline;
import dev.ficus.model.Analysis;
import dev.ficus.model.FunctionEffects;
import dev.ficus.model.Route;
import dev.ficus.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Functions built from folders of their own (SAM's {@code CodeUri}) may declare classes with the
 * same name; each function's code is the code under its CodeUri, never its neighbour's.
 */
class CodeUriScopesTest {

  private static final String TEMPLATE = """
      AWSTemplateFormatVersion: '2010-09-09'
      Transform: AWS::Serverless-2016-10-31
      Resources:
        ReadFunction:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ReadFunction
            Handler: app.App::handleRequest
            Runtime: java21
            Events:
              Read:
                Type: Api
                Properties:
                  Path: /
                  Method: get
        WriteFunction:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: WriteFunction
            Handler: app.App::handleRequest
            Runtime: java21
            Events:
              Write:
                Type: Api
                Properties:
                  Path: /
                  Method: post
      """;

  private static String app(String call) {
    return """
        package app;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

        public class App implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
          private final DynamoDbClient dynamodb = DynamoDbClient.create();

          @Override
          public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            %s
            return new APIGatewayProxyResponseEvent().withStatusCode(200);
          }
        }
        """.formatted(call);
  }

  @Test
  void eachFunctionRunsTheHandlerUnderItsCodeUri() throws Exception {
    Analysis analysis = analyze(TestRepo.create()
        .file("template.yaml", TEMPLATE)
        .file("ReadFunction/src/main/java/app/App.java",
            app("dynamodb.scan(b -> b.tableName(\"Items\"));"))
        .file("WriteFunction/src/main/java/app/App.java",
            app("dynamodb.putItem(b -> b.tableName(\"Items\"));")));

    assertThat(actionsByRoute(analysis))
        .containsExactly(
            Map.entry("GET / ReadFunction", "[dynamodb:Scan]"),
            Map.entry("POST / WriteFunction", "[dynamodb:PutItem]"));
    assertThat(actionsByFunction(analysis))
        .containsExactly(
            Map.entry("ReadFunction", "[dynamodb:Scan]"),
            Map.entry("WriteFunction", "[dynamodb:PutItem]"));
  }

  private static final String HANDLER_WITH_STORE = """
      package app;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

      public class App implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        private final Store store = new Store();

        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
          store.run();
          return new APIGatewayProxyResponseEvent().withStatusCode(200);
        }
      }
      """;

  private static String store(String call) {
    return """
        package app;

        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

        class Store {
          private final DynamoDbClient dynamodb = DynamoDbClient.create();

          void run() {
            %s
          }
        }
        """.formatted(call);
  }

  @Test
  void helperClassesOfTheSameNameResolveInTheFunctionsOwnFolder() throws Exception {
    Analysis analysis = analyze(TestRepo.create()
        .file("template.yaml", TEMPLATE)
        .file("ReadFunction/src/main/java/app/App.java", HANDLER_WITH_STORE)
        .file("ReadFunction/src/main/java/app/Store.java", store("dynamodb.scan(b -> b.tableName(\"Items\"));"))
        .file("WriteFunction/src/main/java/app/App.java", HANDLER_WITH_STORE)
        .file("WriteFunction/src/main/java/app/Store.java", store("dynamodb.putItem(b -> b.tableName(\"Items\"));")));

    assertThat(actionsByRoute(analysis))
        .containsExactly(
            Map.entry("GET / ReadFunction", "[dynamodb:Scan]"),
            Map.entry("POST / WriteFunction", "[dynamodb:PutItem]"));
    assertThat(actionsByFunction(analysis))
        .containsExactly(
            Map.entry("ReadFunction", "[dynamodb:Scan]"),
            Map.entry("WriteFunction", "[dynamodb:PutItem]"));
    assertThat(analysis.diagnostics()).noneMatch(d -> d.code().equals("ambiguous-type"));
  }

  @Test
  void aHandlerInSharedCodeRunsEachFunctionsOwnHelpers() throws Exception {
    Analysis analysis = analyze(TestRepo.create()
        .file("template.yaml", TEMPLATE)
        .file("common/src/main/java/app/App.java", HANDLER_WITH_STORE)
        .file("ReadFunction/src/main/java/app/Store.java", store("dynamodb.scan(b -> b.tableName(\"Items\"));"))
        .file("WriteFunction/src/main/java/app/Store.java", store("dynamodb.putItem(b -> b.tableName(\"Items\"));")));

    assertThat(actionsByRoute(analysis))
        .containsExactly(
            Map.entry("GET / ReadFunction", "[dynamodb:Scan]"),
            Map.entry("POST / WriteFunction", "[dynamodb:PutItem]"));
    assertThat(analysis.diagnostics()).noneMatch(d -> d.code().startsWith("dispatch-"));
  }

  @Test
  void aRouteBelongsOnlyToTheFunctionWhoseCodeHoldsItsHandler() throws Exception {
    Analysis analysis = analyze(TestRepo.create()
        .file("template.yaml", TEMPLATE)
        .file("ReadFunction/src/main/java/app/App.java",
            app("dynamodb.scan(b -> b.tableName(\"Items\"));"))
        .file("WriteFunction/src/main/java/app/Other.java", "package app;\nclass Other {}\n"));

    // WriteFunction names app.App, but its folder holds none: ReadFunction's code is not its code.
    assertThat(actionsByRoute(analysis)).containsExactly(Map.entry("GET / ReadFunction", "[dynamodb:Scan]"));
    assertThat(actionsByFunction(analysis)).containsExactly(Map.entry("ReadFunction", "[dynamodb:Scan]"));
    assertThat(analysis.diagnostics())
        .filteredOn(d -> d.code().equals("handler-outside-codeuri"))
        .extracting(d -> d.message() + " @ " + d.source())
        .containsExactly(
            "WriteFunction's handler app.App is not in its code (WriteFunction) but only in"
                + " ReadFunction/src/main/java/app/App.java; ficus does not give it another function's"
                + " code, so its routes and permissions are missing. @ template.yaml:16");
  }

  @Test
  void withoutACodeUriToChooseByTheAnalyzedCopyIsNamed() throws Exception {
    Analysis analysis = analyze(TestRepo.create()
        .file("ReadFunction/src/main/java/app/App.java",
            app("dynamodb.scan(b -> b.tableName(\"Items\"));"))
        .file("WriteFunction/src/main/java/app/App.java",
            app("dynamodb.putItem(b -> b.tableName(\"Items\"));")));

    assertThat(analysis.diagnostics())
        .filteredOn(d -> d.code().equals("ambiguous-type"))
        .extracting(d -> d.message())
        .containsExactly(
            "app.App is declared in 2 files (ReadFunction/src/main/java/app/App.java,"
                + " WriteFunction/src/main/java/app/App.java) and no function's CodeUri tells which"
                + " one is meant; ficus analyzed ReadFunction/src/main/java/app/App.java.");
  }

  private static final String SPRING_HANDLER = """
      package com.acme;

      import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
      import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
      import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
      import java.io.IOException;
      import java.io.InputStream;
      import java.io.OutputStream;

      public class StreamLambdaHandler implements RequestStreamHandler {
        private static final SpringBootLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> handler;

        static {
          try {
            handler = SpringBootLambdaContainerHandler.getAwsProxyHandler(Application.class);
          } catch (Exception e) {
            throw new RuntimeException(e);
          }
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
          handler.proxyStream(input, output, context);
        }
      }
      """;

  private static final String SPRING_APPLICATION = """
      package com.acme;

      import org.springframework.boot.autoconfigure.SpringBootApplication;

      @SpringBootApplication
      public class Application {}
      """;

  private static String controller(String path, String call) {
    return """
        package com.acme;

        import org.springframework.beans.factory.annotation.Value;
        import org.springframework.web.bind.annotation.*;
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

        @RestController
        public class Controller {
          private final DynamoDbClient dynamodb = DynamoDbClient.create();

          @Value("${table}")
          private String table;

          @GetMapping("%s")
          public String serve() {
            %s
            return "ok";
          }
        }
        """.formatted(path, call);
  }

  @Test
  void frameworkAppsInFoldersOfTheirOwnKeepTheirControllers() throws Exception {
    String template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: orders/target/orders.jar
              Handler: com.acme.StreamLambdaHandler::handleRequest
              Runtime: java21
              Events:
                Proxy:
                  Type: Api
                  Properties:
                    Path: /orders/{proxy+}
                    Method: ANY
          UsersFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: users/target/users.jar
              Handler: com.acme.StreamLambdaHandler::handleRequest
              Runtime: java21
              Events:
                Proxy:
                  Type: Api
                  Properties:
                    Path: /users/{proxy+}
                    Method: ANY
        """;
    Analysis analysis = analyze(TestRepo.create()
        .file("template.yaml", template)
        .file("orders/src/main/java/com/acme/StreamLambdaHandler.java", SPRING_HANDLER)
        .file("orders/src/main/java/com/acme/Application.java", SPRING_APPLICATION)
        .file("orders/src/main/java/com/acme/Controller.java",
            controller("/orders/list", "dynamodb.scan(b -> b.tableName(table));"))
        .file("orders/src/main/resources/application.properties", "table=Orders\n")
        .file("users/src/main/java/com/acme/StreamLambdaHandler.java", SPRING_HANDLER)
        .file("users/src/main/java/com/acme/Application.java", SPRING_APPLICATION)
        .file("users/src/main/java/com/acme/Controller.java",
            controller("/users/list", "dynamodb.getItem(b -> b.tableName(table));"))
        .file("users/src/main/resources/application.properties", "table=Users\n"));

    assertThat(actionsByRoute(analysis))
        .containsExactly(
            Map.entry("GET /orders/list OrdersFunction", "[dynamodb:Scan]"),
            Map.entry("GET /users/list UsersFunction", "[dynamodb:GetItem]"));
    // Each folder's application.properties names its own table.
    assertThat(analysis.routes())
        .flatExtracting(Route::effects)
        .extracting(e -> e.operation() + " " + e.resource().arn())
        .containsExactlyInAnyOrder(
            "Scan arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Orders",
            "GetItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Users");
    assertThat(analysis.diagnostics()).noneMatch(d -> d.code().equals("ambiguous-type"));
  }

  @Test
  void anEntryPointIsAnalyzedInTheCodeOfTheFolderHoldingIt() throws Exception {
    Path dir = TestRepo.create()
        .file("template.yaml", TEMPLATE)
        .file("ReadFunction/src/main/java/app/App.java", app("dynamodb.scan(b -> b.tableName(\"Items\"));"))
        .file("WriteFunction/src/main/java/app/App.java", HANDLER_WITH_STORE)
        .file("WriteFunction/src/main/java/app/Store.java", store("dynamodb.putItem(b -> b.tableName(\"Items\"));"))
        .file("WriteFunction/src/main/java/app/Job.java", """
            package app;

            public class Job {
              public static void main(String[] args) {
                new Store().run();
              }
            }
            """)
        .writeTo(Files.createTempDirectory("ficus-codeuri-"));

    Analysis analysis =
        new AnalysisPipeline(new AnalysisPipeline.Options(false, false, List.of("app.Job#main"))).analyze(dir);

    assertThat(actionsByFunction(analysis)).containsEntry("app.Job#main", "[dynamodb:PutItem]");
  }

  private static Map<String, String> actionsByRoute(Analysis analysis) {
    Map<String, String> out = new TreeMap<>();
    for (Route r : analysis.routes()) {
      out.put(r.id() + " " + r.function(), r.iamActions().toString());
    }
    return out;
  }

  private static Map<String, String> actionsByFunction(Analysis analysis) {
    Map<String, String> out = new TreeMap<>();
    for (FunctionEffects f : analysis.functionEffects()) {
      out.put(f.logicalId(), f.iamActions().toString());
    }
    return out;
  }

  private static Analysis analyze(TestRepo repo) throws Exception {
    Path dir = repo.writeTo(Files.createTempDirectory("ficus-codeuri-"));
    return new AnalysisPipeline(new AnalysisPipeline.Options(false, false)).analyze(dir);
  }
}
