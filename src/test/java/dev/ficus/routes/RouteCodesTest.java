package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Diagnostics;
import dev.ficus.model.RouteCode;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A route's code cut out of a hand-written dispatcher: prelude and branch, nothing else. */
class RouteCodesTest {

  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        OrdersFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.acme.OrdersHandler::handleRequest
            Runtime: java17
            Events:
              Get:
                Type: Api
                Properties: {Path: /orders/{id}, Method: get}
              Create:
                Type: Api
                Properties: {Path: /orders, Method: post}
      """;

  private static final String HANDLER = """
      package com.acme;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
      import java.io.IOException;

      public class OrdersHandler
          implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        private final Orders orders;
        private final Parser parser;

        public OrdersHandler() {
          this(new Orders(), new Parser());
        }

        OrdersHandler(Orders orders, Parser parser) {
          this.orders = orders;
          this.parser = parser;
        }

        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
          if (event.getHeaders() == null || !event.getHeaders().containsKey("x-api-key")) {
            return respond(401, "unauthorized");
          }
          try {
            switch (event.getHttpMethod() + " " + event.getResource()) {
              case "GET /orders/{id}":
                return respond(200, orders.get(id(event)));
              case "POST /orders": {
                String created = orders.create(parser.parse(event.getBody()));
                return respond(201, created);
              }
              default:
                return respond(404, "not found");
            }
          } catch (IOException e) {
            return respond(400, "bad body");
          } catch (IllegalStateException e) {
            return respond(409, e.getMessage());
          }
        }

        private static String id(APIGatewayProxyRequestEvent event) {
          return event.getPathParameters().get("id");
        }

        private static APIGatewayProxyResponseEvent respond(int status, String body) {
          return new APIGatewayProxyResponseEvent().withStatusCode(status).withBody(body);
        }
      }
      """;

  private static final String ORDERS = """
      package com.acme;

      public class Orders {
        public String get(String id) { return id; }
        public String create(String order) { return order; }
      }
      """;

  private static final String PARSER = """
      package com.acme;

      import java.io.IOException;

      public class Parser {
        public String parse(String body) throws IOException { return body; }
      }
      """;

  private static List<RouteCode> codes() {
    TestRepo.Loaded repo = TestRepo.create()
        .file("template.yaml", TEMPLATE)
        .java("com/acme/OrdersHandler.java", HANDLER)
        .java("com/acme/Orders.java", ORDERS)
        .java("com/acme/Parser.java", PARSER)
        .load();
    RouteContext context = new RouteContext(repo.workspace(), repo.iac(), new Diagnostics());
    return RouteCodes.of(RouteExtractors.builtIn().extractAll(context), repo.workspace(), repo.iac(),
        new Diagnostics());
  }

  /** The route code of a repository of one function: its handler, its API events, its one class. */
  private static List<RouteCode> codesOf(String handler, String events, String path, String source) {
    TestRepo.Loaded repo = TestRepo.create()
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              ItemsFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: %s
                  Runtime: java17
                  Events:
            %s""".formatted(handler, events.indent(10)))
        .java(path, source)
        .load();
    RouteContext context = new RouteContext(repo.workspace(), repo.iac(), new Diagnostics());
    return RouteCodes.of(RouteExtractors.builtIn().extractAll(context), repo.workspace(), repo.iac(),
        new Diagnostics());
  }

  private static RouteCode code(String route) {
    return codes().stream().filter(c -> c.route().equals(route)).findFirst().orElseThrow();
  }

  @Test
  void theBranchTakesThePlaceOfTheSwitchAfterThePrelude() {
    RouteCode get = code("GET /orders/{id}");

    assertThat(get.kind()).isEqualTo(RouteCode.Kind.SLICE);
    assertThat(get.origin()).isEqualTo("com.acme.OrdersHandler");
    assertThat(get.event()).isEqualTo(RouteCode.Event.REST);
    assertThat(get.entryBody())
        .contains("return respond(401, \"unauthorized\");")
        .contains("return respond(200, orders.get(id(event)));")
        .doesNotContain("switch")
        .doesNotContain("orders.create")
        .doesNotContain("respond(404");
    assertThat(get.pathParameters()).containsExactly("id");
  }

  @Test
  void aCatchOfACheckedExceptionTheBranchCannotThrowIsDropped() {
    // GET calls nothing that throws IOException: javac would reject the catch. (A call ficus
    // cannot resolve, into a library it cannot see, keeps the catch: it might throw.)
    assertThat(code("GET /orders/{id}").entryBody())
        .doesNotContain("catch (IOException e)")
        .contains("catch (IllegalStateException e)");
    // POST parses the body, which may throw it.
    assertThat(code("POST /orders").entryBody()).contains("catch (IOException e)");
  }

  @Test
  void membersOnlyOtherBranchesUseAreLeftOut() {
    RouteCode get = code("GET /orders/{id}");

    assertThat(get.members()).noneMatch(m -> m.startsWith("private final Parser"));
    assertThat(get.members()).anyMatch(m -> m.startsWith("private final Orders orders"));
    assertThat(get.members()).anyMatch(m -> m.startsWith("private static String id("));
    // Constructors keep their signatures, the class's own name stands in for the new one.
    assertThat(get.members())
        .anyMatch(m -> m.startsWith(RouteCode.SELF + "(Orders orders, Parser parser)")
            && !m.contains("this.parser"));
    assertThat(get.seam()).containsExactly("Orders", "Parser");
    assertThat(get.classes()).contains("com.acme.Orders").doesNotContain("com.acme.OrdersHandler");
  }

  @Test
  void theSignatureIsTheDispatchersOwn() {
    RouteCode get = code("GET /orders/{id}");

    assertThat(get.entrySignature())
        .contains("public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context)");
    assertThat(get.header())
        .isEqualTo("implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>");
    assertThat(get.imports()).contains("com.amazonaws.services.lambda.runtime.Context");
  }

  @Test
  void aHandlerNamedHandlerWithASwitchExpressionIsCutToItsEntry() {
    List<RouteCode> codes = codesOf("demo.Handler::handleRequest", """
        Get: {Type: Api, Properties: {Path: /items, Method: get}}
        Post: {Type: Api, Properties: {Path: /items, Method: post}}
        """, "demo/Handler.java", """
            package demo;
            import com.amazonaws.services.lambda.runtime.*;
            import com.amazonaws.services.lambda.runtime.events.*;
            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent e, Context c) {
                return switch (e.getHttpMethod()) {
                  case "GET" -> get();
                  case "POST" -> {
                    String body = e.getBody();
                    yield post(body);
                  }
                  default -> new APIGatewayProxyResponseEvent().withStatusCode(405);
                };
              }
              private APIGatewayProxyResponseEvent get() { return new APIGatewayProxyResponseEvent().withStatusCode(200); }
              private APIGatewayProxyResponseEvent post(String body) { return new APIGatewayProxyResponseEvent().withStatusCode(201); }
            }
            """);
    RouteCode get = codes.stream().filter(c -> c.route().equals("GET /items")).findFirst().orElseThrow();
    RouteCode post = codes.stream().filter(c -> c.route().equals("POST /items")).findFirst().orElseThrow();

    assertThat(get.header())
        .as("RequestHandler keeps its name; only the class's own name is replaced")
        .isEqualTo("implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>");
    assertThat(get.entryBody()).contains("return get();").doesNotContain("switch").doesNotContain("post(");
    assertThat(get.members()).noneMatch(m -> m.contains(" post("));
    assertThat(post.entryBody())
        .contains("String body = e.getBody();")
        .contains("return post(body);")
        .doesNotContain("yield")
        .doesNotContain("switch");
  }

  @Test
  void pathParametersAreReadThroughTheVariablesThatHoldTheEventsParameterMap() {
    List<RouteCode> codes = codesOf("demo.Items::handleRequest", """
        Get: {Type: Api, Properties: {Path: '/items/{id}', Method: get}}
        Put: {Type: Api, Properties: {Path: '/items/{id}/tags/{tag}', Method: put}}
        Delete: {Type: Api, Properties: {Path: '/items/{key}', Method: delete}}
        """, "demo/Items.java", """
            package demo;
            import com.amazonaws.services.lambda.runtime.*;
            import com.amazonaws.services.lambda.runtime.events.*;
            import java.util.Map;
            public class Items implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent e, Context c) {
                Map<String, String> p = e.getPathParameters();
                Map<String, String> safe = e.getPathParameters() == null ? Map.of() : e.getPathParameters();
                Map<String, String> raw = (Map<String, String>) e.getPathParameters();
                Map<String, String> size = Map.of("n", String.valueOf(e.getPathParameters().size()));
                switch (e.getHttpMethod()) {
                  case "GET": return ok(p.get("id"));
                  case "PUT": return ok(safe.get("id") + raw.get("tag"));
                  case "DELETE": return ok(size.get("key"));
                  default: return new APIGatewayProxyResponseEvent().withStatusCode(405);
                }
              }
              private APIGatewayProxyResponseEvent ok(String body) {
                return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(body);
              }
            }
            """);

    assertThat(codes).filteredOn(c -> c.route().equals("GET /items/{id}"))
        .singleElement().satisfies(c -> assertThat(c.pathParameters()).containsExactly("id"));
    assertThat(codes).filteredOn(c -> c.route().equals("PUT /items/{id}/tags/{tag}"))
        .as("a null-safe copy and a cast hold the parameters too")
        .singleElement().satisfies(c -> assertThat(c.pathParameters()).containsExactly("id", "tag"));
    assertThat(codes).filteredOn(c -> c.route().equals("DELETE /items/{key}"))
        .as("a map built from something else is not the parameters")
        .singleElement().satisfies(c -> assertThat(c.pathParameters()).isEmpty());
  }
}
