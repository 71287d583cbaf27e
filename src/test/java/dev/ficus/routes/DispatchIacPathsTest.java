package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Confidence;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Route;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paths that only the IaC spells out, assigned to the branch whose conditions they satisfy. */
class DispatchIacPathsTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  private static final String METHOD_ONLY_HANDLER = """
      package com.acme;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
      import java.util.Map;

      public class OrdersFunction implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        private final OrderRepository repository = new OrderRepository();

        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
          Map<String, String> params = event.getPathParameters();
          switch (event.getHttpMethod()) {
            case "GET": // ROUTE: GET /orders -> com.acme.OrderRepository#loadAll
              if (params != null && params.containsKey("orderId")) { // ROUTE: GET /orders/{orderId} -> com.acme.OrderRepository#load
                return repository.load(params.get("orderId"));
              }
              return repository.loadAll();
            case "POST": // ROUTE: POST /orders -> com.acme.OrderRepository#store
              return repository.store(event.getBody());
            case "DELETE": // ROUTE: DELETE /orders/{orderId} -> com.acme.OrderRepository#remove
              return repository.remove(params.get("orderId"));
            default:
              return new APIGatewayProxyResponseEvent().withStatusCode(405);
          }
        }
      }
      """;

  private static final String REPOSITORY = """
      package com.acme;

      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

      public class OrderRepository {
        public APIGatewayProxyResponseEvent load(String id) { return null; }
        public APIGatewayProxyResponseEvent loadAll() { return null; }
        public APIGatewayProxyResponseEvent store(String body) { return null; }
        public APIGatewayProxyResponseEvent remove(String id) { return null; }
      }
      """;

  @Test
  void methodOnlyDispatchTakesItsPathsFromTheTemplate() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OrdersFunction.java", METHOD_ONLY_HANDLER)
        .java("com/acme/OrderRepository.java", REPOSITORY)
        .file("template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.OrdersFunction::handleRequest
                  Runtime: java17
                  Events:
                    List:
                      Type: Api
                      Properties:
                        Path: /orders
                        Method: get
                    Create:
                      Type: Api
                      Properties:
                        Path: /orders
                        Method: post
                    Get:
                      Type: Api
                      Properties:
                        Path: /orders/{orderId}
                        Method: get
                    Delete:
                      Type: Api
                      Properties:
                        Path: /orders/{orderId}
                        Method: delete
                    Patch:
                      Type: Api
                      Properties:
                        Path: /orders/{orderId}
                        Method: patch
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<Route> routes = extractor.extract(context).stream().map(ExtractedRoute::route).toList();
    RouteMarkers.compare(repo, routes);

    assertThat(routes).allMatch(r -> "OrdersFunction".equals(r.function()));
    assertThat(routes).allMatch(r -> r.confidence() == Confidence.MEDIUM);
    // PATCH is routed to the function but only answered with 405.
    assertThat(loaded.diagnostics().sorted()).extracting(Diagnostic::code).contains("dispatch-iac-unmatched");
  }

  @Test
  void proxyOnlyTemplateGivesMethodAndProxyWithLowConfidence() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OrdersFunction.java", METHOD_ONLY_HANDLER.replace(
            "// ROUTE: GET /orders/{orderId} -> com.acme.OrderRepository#load", "")
            .replace("// ROUTE: GET /orders -> com.acme.OrderRepository#loadAll", "// ROUTE: GET /{proxy+}")
            .replace("// ROUTE: POST /orders -> com.acme.OrderRepository#store", "// ROUTE: POST /{proxy+}")
            .replace("// ROUTE: DELETE /orders/{orderId} -> com.acme.OrderRepository#remove", "// ROUTE: DELETE /{proxy+}"))
        .java("com/acme/OrderRepository.java", REPOSITORY)
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.OrdersFunction
                  Runtime: java17
                  Events:
                    Proxy:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: ANY
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<Route> routes = extractor.extract(context).stream().map(ExtractedRoute::route).toList();
    RouteMarkers.compare(repo, routes);

    assertThat(routes).allMatch(r -> r.confidence() == Confidence.LOW && "Api".equals(r.function()));
    assertThat(loaded.diagnostics().sorted()).extracting(Diagnostic::code).contains("dispatch-proxy-only");
  }

  @Test
  void aClassServingTwoFunctionsGivesRoutesForEach() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OrdersFunction.java", METHOD_ONLY_HANDLER)
        .java("com/acme/OrderRepository.java", REPOSITORY)
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              ReadFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.OrdersFunction::handleRequest
                  Runtime: java17
                  Events:
                    List:
                      Type: Api
                      Properties:
                        Path: /orders
                        Method: get
                    Get:
                      Type: Api
                      Properties:
                        Path: /orders/{orderId}
                        Method: get
              WriteFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.OrdersFunction::handleRequest
                  Runtime: java17
                  Events:
                    Create:
                      Type: Api
                      Properties:
                        Path: /orders
                        Method: post
                    Delete:
                      Type: Api
                      Properties:
                        Path: /orders/{orderId}
                        Method: delete
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<Route> routes = extractor.extract(context).stream().map(ExtractedRoute::route).toList();

    RouteMarkers.compare(repo, routes);
    assertThat(routes).extracting(r -> r.function() + " " + r.id()).containsExactlyInAnyOrder(
        "ReadFunction GET /orders",
        "ReadFunction GET /orders/{orderId}",
        "WriteFunction POST /orders",
        "WriteFunction DELETE /orders/{orderId}");
  }

  @Test
  void aHandlerNamedByTheTemplateNeedsNoInterfaceAndMayLiveInABaseClass() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/web/BaseApiHandler.java", """
            package com.acme.web;

            import java.util.Map;

            public abstract class BaseApiHandler {
              public Map<String, Object> handle(Map<String, Object> event) {
                String method = String.valueOf(event.get("httpMethod"));
                if ("OPTIONS".equals(method)) {
                  return Map.of("statusCode", 204);
                }
                return dispatch(method, event);
              }

              protected abstract Map<String, Object> dispatch(String method, Map<String, Object> event);
            }
            """)
        .java("com/acme/web/InvoiceApi.java", """
            package com.acme.web;

            import java.util.Map;

            public class InvoiceApi extends BaseApiHandler {
              private final InvoiceService invoices = new InvoiceService();

              @Override
              protected Map<String, Object> dispatch(String method, Map<String, Object> event) {
                if (method.equals("GET")) { // ROUTE: GET /invoices -> com.acme.web.InvoiceService#list
                  return invoices.list();
                }
                if (method.equals("POST")) { // ROUTE: POST /invoices -> com.acme.web.InvoiceService#issue
                  return invoices.issue((String) event.get("body"));
                }
                return Map.of("statusCode", 405);
              }
            }
            """)
        .java("com/acme/web/InvoiceService.java", """
            package com.acme.web;

            import java.util.Map;

            public class InvoiceService {
              public Map<String, Object> list() { return Map.of(); }
              public Map<String, Object> issue(String body) { return Map.of(); }
            }
            """)
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              InvoiceFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.web.InvoiceApi::handle
                  Runtime: java17
                  Events:
                    Read:
                      Type: Api
                      Properties:
                        Path: /invoices
                        Method: get
                    Write:
                      Type: Api
                      Properties:
                        Path: /invoices
                        Method: post
            """);

    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).allMatch(r -> "InvoiceFunction".equals(r.function()));
  }
}
