package dev.ficus.routes;

import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import org.junit.jupiter.api.Test;

/** Dispatch spread over small helpers: predicates, tables filled in static blocks, builders. */
class DispatchHelpersTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  private static final String CONTROLLER = """
      package com.acme;

      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

      public class AccountController {
        public APIGatewayProxyResponseEvent open(APIGatewayProxyRequestEvent e) { return null; }
        public APIGatewayProxyResponseEvent balance(APIGatewayProxyRequestEvent e) {
          String accountId = e.getPathParameters().get("accountId");
          return null;
        }
        public APIGatewayProxyResponseEvent close(APIGatewayProxyRequestEvent e) { return null; }
      }
      """;

  @Test
  void onePredicatePerRouteInHelperMethods() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/AccountController.java", CONTROLLER)
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final AccountController accounts = new AccountController();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                if (isPost(event) && isAccounts(event)) { // ROUTE: POST /accounts -> com.acme.AccountController#open
                  return accounts.open(event);
                } else if (isGet(event) && isAccount(event)) { // ROUTE: GET /accounts/{accountId} -> com.acme.AccountController#balance
                  return accounts.balance(event);
                } else if (is(event, "DELETE") && isAccount(event)) { // ROUTE: DELETE /accounts/{id} -> com.acme.AccountController#close
                  return accounts.close(event);
                }
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }

              private static boolean isGet(APIGatewayProxyRequestEvent e) { return is(e, "GET"); }
              private static boolean isPost(APIGatewayProxyRequestEvent e) { return is(e, "POST"); }
              private static boolean is(APIGatewayProxyRequestEvent e, String method) {
                return method.equalsIgnoreCase(e.getHttpMethod());
              }
              private static boolean isAccounts(APIGatewayProxyRequestEvent e) {
                return "/accounts".equals(e.getPath());
              }
              private static boolean isAccount(APIGatewayProxyRequestEvent e) {
                return e.getPath().matches("/accounts/[^/]+");
              }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void tableFilledInAStaticBlock() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/AccountController.java", CONTROLLER)
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.HashMap;
            import java.util.Map;
            import java.util.function.Function;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private static final AccountController ACCOUNTS = new AccountController();
              private static final Map<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> ROUTES =
                  new HashMap<>();

              static {
                ROUTES.put("POST /accounts", ACCOUNTS::open); // ROUTE: POST /accounts -> com.acme.AccountController#open
                ROUTES.put("GET /accounts/{accountId}", ACCOUNTS::balance); // ROUTE: GET /accounts/{accountId} -> com.acme.AccountController#balance
              }

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                String key = String.format("%s %s", event.getHttpMethod(), event.getResource());
                if (!ROUTES.containsKey(key)) {
                  return new APIGatewayProxyResponseEvent().withStatusCode(404);
                }
                return ROUTES.get(key).apply(event);
              }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void doubleBraceAndBuilderTables() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/AccountController.java", CONTROLLER)
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import com.google.common.collect.ImmutableMap;
            import java.util.HashMap;
            import java.util.Map;
            import java.util.function.Function;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final AccountController accounts = new AccountController();

              private final Map<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> reads =
                  new HashMap<>() {{
                    put("/accounts/{accountId}", accounts::balance); // ROUTE: GET /accounts/{accountId} -> com.acme.AccountController#balance
                  }};

              private final Map<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> writes =
                  ImmutableMap.<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>>builder()
                      .put("/accounts", accounts::open) // ROUTE: POST /accounts -> com.acme.AccountController#open
                      .put("/accounts/{accountId}", accounts::close) // ROUTE: POST /accounts/{accountId} -> com.acme.AccountController#close
                      .build();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                var table = "GET".equals(event.getHttpMethod()) ? reads : writes;
                if ("GET".equals(event.getHttpMethod())) {
                  return reads.get(event.getResource()).apply(event);
                }
                if ("POST".equals(event.getHttpMethod())) {
                  return writes.get(event.getResource()).apply(event);
                }
                return new APIGatewayProxyResponseEvent().withStatusCode(405);
              }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void aHelperThatReadsThePathParametersIsNoRouterWhenTheRouteGoesOnAfterIt() {
    TestRepo.Loaded repo = TestRepo.create()
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: demo.H::handleRequest
                  Runtime: java17
                  Events: {A: {Type: Api, Properties: {Path: "/items/{id}", Method: get}}}
            """)
        .java("demo/Resp.java", """
            package demo;
            public class Resp {
              public static Builder builder() { return new Builder(); }
              public static class Builder {
                public Builder setObjectBody(Object b) { return this; }
                public Resp build() { return new Resp(); }
              }
            }
            """)
        .java("demo/Util.java", """
            package demo;
            import java.util.HashMap;
            import java.util.Map;
            public class Util {
              @SuppressWarnings("unchecked")
              public static Map<String, String> pathParams(Map<String, Object> input) {
                Object params = input.get("pathParameters");
                return params == null ? new HashMap<>() : (Map<String, String>) params;
              }
            }
            """)
        .java("demo/H.java", """
            package demo;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.util.Map;
            public class H implements RequestHandler<Map<String, Object>, Resp> {
              public Resp handleRequest(Map<String, Object> input, Context c) {
                Map<String, String> params = Util.pathParams(input);
                return Resp.builder().setObjectBody(params.get("id")).build();
              }
            }
            """)
        .load();
    RouteContext context = new RouteContext(repo.workspace(), repo.iac(), new dev.ficus.model.Diagnostics());
    java.util.List<ExtractedRoute> routes = RouteExtractors.builtIn().extractAll(context);

    org.assertj.core.api.Assertions.assertThat(routes)
        .extracting(r -> r.route().id() + " -> " + r.route().handler())
        .containsExactly("GET /items/{id} -> demo.H#handleRequest");
  }
}
