package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each planned function gets its handler class and a unit test, named as the layout says. */
class HandlerClassesTest {

  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        OrdersFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.acme.api.OrdersHandler::handleRequest
            Runtime: java17
            Events:
              Get:
                Type: Api
                Properties: {Path: /orders/{id}, Method: get}
              Pay:
                Type: Api
                Properties: {Path: /orders/{orderId}/pay, Method: post}
      """;

  private static final String HANDLER = """
      package com.acme.api;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

      /* Dispatches on "GET /orders/{id}" and friends */
      public class OrdersHandler
          implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        private final Orders orders;

        public OrdersHandler() {
          this(new Orders());
        }

        OrdersHandler(Orders orders) {
          this.orders = orders;
        }

        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
          if (event.getHttpMethod().equals("GET") && event.getResource().equals("/orders/{id}")) {
            return ok(orders.get(event.getPathParameters().get("id")));
          }
          if (event.getHttpMethod().equals("POST") && event.getResource().equals("/orders/{orderId}/pay")) {
            return ok(orders.pay(event.getPathParameters().get("orderId")));
          }
          return new APIGatewayProxyResponseEvent().withStatusCode(404);
        }

        private static APIGatewayProxyResponseEvent ok(String body) {
          return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(body);
        }
      }
      """;

  private static final String ORDERS = """
      package com.acme.domain;

      public class Orders {
        public String get(String id) { return id; }
        public String pay(String id) { return id; }
      }
      """;

  private static ScaffoldFixtures.Scaffolded scaffold(Path dir) {
    TestRepo.create()
        .file("template.yaml", TEMPLATE)
        .file("pom.xml", """
            <project>
              <dependencies>
                <dependency>
                  <groupId>com.amazonaws</groupId>
                  <artifactId>aws-lambda-java-events</artifactId>
                  <version>${events.version}</version>
                </dependency>
              </dependencies>
              <properties><events.version>3.11.1</events.version></properties>
            </project>
            """)
        .java("com/acme/api/OrdersHandler.java", HANDLER.replace("import com.amazonaws.services.lambda.runtime.Context;",
            "import com.acme.domain.Orders;\nimport com.amazonaws.services.lambda.runtime.Context;"))
        .java("com/acme/domain/Orders.java", ORDERS)
        .writeTo(dir);
    return ScaffoldFixtures.scaffold(dir, ScaffoldOptions.defaults());
  }

  private static String handlerOf(ScaffoldFixtures.Scaffolded s, String simpleName) {
    return s.project().files().stream()
        .filter(f -> f.path().endsWith("/src/main/java/com/acme/api/" + simpleName + ".java"))
        .findFirst()
        .map(GeneratedFile::content)
        .orElseThrow(() -> new AssertionError(simpleName + " not generated: " + s.paths()));
  }

  @Test
  void theHandlerRunsTheBranchUnderTheLayoutsName(@TempDir Path dir) {
    ScaffoldFixtures.Scaffolded s = scaffold(dir);
    String get = handlerOf(s, "GetOrdersByIdHandler");

    assertThat(get)
        .startsWith("package com.acme.api;")
        .contains("public class GetOrdersByIdHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {")
        .contains("GetOrdersByIdHandler(Orders orders) {")
        .contains("return ok(orders.get(event.getPathParameters().get(\"id\")));")
        .doesNotContain("orders.pay")
        .doesNotContain("withStatusCode(404)");
  }

  @Test
  void pathVariablesRenamedByTheApiAreBoundToTheNamesTheCodeReads(@TempDir Path dir) {
    // The API has /orders/{id} beside it, so /orders/{orderId}/pay becomes /orders/{id}/pay.
    String pay = handlerOf(scaffold(dir), "PostOrdersByOrderIdPayHandler");

    assertThat(pay)
        .contains("pathParameters.put(\"orderId\", event.getPathParameters().get(\"id\"));")
        .contains("event.setPathParameters(pathParameters);")
        .contains("return ok(orders.pay(event.getPathParameters().get(\"orderId\")));");
  }

  @Test
  void eachHandlerHasATestThatBindsItsEvent(@TempDir Path dir) {
    ScaffoldFixtures.Scaffolded s = scaffold(dir);
    String test = s.project().files().stream()
        .filter(f -> f.path().endsWith("/src/test/java/com/acme/api/PostOrdersByOrderIdPayHandlerTest.java"))
        .findFirst().map(GeneratedFile::content).orElseThrow();

    assertThat(test)
        .contains("class PostOrdersByOrderIdPayHandlerTest {")
        .contains("import com.acme.domain.Orders;")
        .contains("return new PostOrdersByOrderIdPayHandler(collaborator(Orders.class));")
        .contains(".withHttpMethod(\"POST\")")
        .contains(".withResource(\"/orders/{id}/pay\")")
        .contains(".withPath(\"/orders/id-1/pay\")")
        .contains("pathParameters.put(\"id\", \"id-1\");")
        .contains("assertTrue(received(\"id-1\")");
  }

  @Test
  void theModuleNeedsTheLambdaLibrariesAtTheMonolithsVersions(@TempDir Path dir) {
    ScaffoldFixtures.Scaffolded s = scaffold(dir);
    ScaffoldContext context = new ScaffoldContext(s.analysis(), s.plan(), ScaffoldOptions.defaults(), dir);
    new HandlerClasses().contribute(context);
    String module = context.layout().modules().get(0).dir();

    assertThat(context.requiredDependencies(module))
        .contains(MavenDependency.of("com.amazonaws", "aws-lambda-java-events", "3.11.1"))
        .contains(MavenDependency.of("com.amazonaws", "aws-lambda-java-core", HandlerClasses.CORE_VERSION))
        .contains(new MavenDependency("org.mockito", "mockito-core", HandlerClasses.MOCKITO_VERSION, "test"));
    assertThat(context.requiredClasses(module)).contains("com.acme.domain.Orders");
    assertThat(context.replacedClasses(module)).contains("com.acme.api.OrdersHandler");
  }

  @Test
  void textFromUserCodeCannotEndACommentOrAStringLiteral() {
    assertThat(HandlerClasses.comment("/files/*/x\\u000a")).isEqualTo("/files/*\\/x\\\\u000a");
    assertThat(HandlerClasses.javaString("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
  }

  @Test
  void aRepositoryWithoutAPomGetsCurrentLibraryVersions(@TempDir Path dir) throws Exception {
    assertThat(MonolithPom.none().versionOf("com.amazonaws:aws-lambda-java-core")).isEmpty();
    assertThat(MonolithPom.read(dir)).isEmpty();
  }

  @Test
  void theMonolithsVersionOfALibraryIsTakenWithItsPropertyFilledIn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("pom.xml"), """
        <project>
          <properties><lambda.events>3.11.4</lambda.events></properties>
          <dependencies>
            <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-core</artifactId><version>1.2.1</version></dependency>
            <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-events</artifactId><version>${lambda.events}</version></dependency>
            <dependency><groupId>org.mockito</groupId><artifactId>mockito-core</artifactId><version>${undefined}</version></dependency>
          </dependencies>
        </project>
        """);
    MonolithPom pom = MonolithPom.read(dir).orElseThrow();
    assertThat(pom.versionOf("com.amazonaws:aws-lambda-java-core")).contains("1.2.1");
    assertThat(pom.versionOf("com.amazonaws:aws-lambda-java-events")).contains("3.11.4");
    assertThat(pom.versionOf("org.mockito:mockito-core")).isEmpty();
  }

  @Test
  void aPojoHandlerKeepsItsMethodInTheTemplateAndItsTestHandsItTheEventAsAMap(@TempDir Path dir) {
    TestRepo.create()
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              ItemsFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.api.Items::handle
                  Runtime: java17
                  Events:
                    Get: {Type: Api, Properties: {Path: /items, Method: get}}
                    Put: {Type: Api, Properties: {Path: /items, Method: put}}
            """)
        .java("com/acme/api/Items.java", """
            package com.acme.api;
            import java.util.Map;
            public class Items {
              public Map<String, Object> handle(Map<String, Object> event) {
                if ("GET".equals(event.get("httpMethod"))) {
                  return Map.of("statusCode", 200);
                }
                return Map.of("statusCode", 204);
              }
            }
            """)
        .writeTo(dir);
    ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.scaffold(dir, ScaffoldOptions.defaults());

    assertThat(s.file("template.yaml")).contains("Handler: \"com.acme.api.GetItemsHandler::handle\"");
    String test = s.project().files().stream()
        .filter(f -> f.path().endsWith("/GetItemsHandlerTest.java")).findFirst().orElseThrow().content();
    assertThat(test)
        .contains("m.getName().equals(\"handle\")")
        .contains("event.put(\"httpMethod\", \"GET\");")
        .doesNotContain("handleRequest(event(), output, context())");
  }
}
