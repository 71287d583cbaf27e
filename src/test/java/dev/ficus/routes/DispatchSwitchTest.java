package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Confidence;
import dev.ficus.model.Route;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dispatch with {@code switch} statements and expressions, old and arrow form. */
class DispatchSwitchTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  @Test
  void aDefaultInTheMiddleFallsThroughToTheCaseBelowItAndServesEveryOtherRequest() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final Catalog catalog = new Catalog();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                switch (event.getHttpMethod() + " " + event.getResource()) {
                  case "GET /items": // ROUTE: GET /items -> com.acme.Catalog#list
                    return catalog.list();
                  default: // ROUTE: ANY /{proxy+} -> com.acme.Catalog#overview
                    context.getLogger().log("unknown route, answering with the catalog");
                  case "GET /catalog": // ROUTE: GET /catalog -> com.acme.Catalog#overview
                    return catalog.overview();
                  case "DELETE /items":
                    return new APIGatewayProxyResponseEvent().withStatusCode(405);
                }
              }
            }
            """)
        .java("com/acme/Catalog.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            class Catalog {
              APIGatewayProxyResponseEvent list() { return new APIGatewayProxyResponseEvent().withStatusCode(200); }
              APIGatewayProxyResponseEvent overview() { return new APIGatewayProxyResponseEvent().withStatusCode(200); }
            }
            """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void oldStyleSwitchOnMethodAndResource() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OrderHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class OrderHandler
                implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

              private final OrderService orders = new OrderService();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                String key = event.getHttpMethod() + " " + event.getResource();
                switch (key) {
                  case "GET /orders": // ROUTE: GET /orders -> com.acme.OrderService#list
                    return ok(orders.list());
                  case "GET /orders/{id}": // ROUTE: GET /orders/{id} -> com.acme.OrderService#find
                    if (event.getPathParameters() == null || !event.getPathParameters().containsKey("id")) {
                      return new APIGatewayProxyResponseEvent().withStatusCode(400);
                    }
                    return ok(orders.find(event.getPathParameters().get("id")));
                  case "POST /orders": // ROUTE: POST /orders -> com.acme.OrderService#create
                    return ok(orders.create(event.getBody()));
                  case "DELETE /orders/{id}": { // ROUTE: DELETE /orders/{id} -> com.acme.OrderService#delete
                    orders.delete(event.getPathParameters().get("id"));
                    return new APIGatewayProxyResponseEvent().withStatusCode(204);
                  }
                  default:
                    return new APIGatewayProxyResponseEvent().withStatusCode(404).withBody("Not found");
                }
              }

              private APIGatewayProxyResponseEvent ok(Object body) {
                return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(String.valueOf(body));
              }
            }
            """)
        .java("com/acme/OrderService.java", """
            package com.acme;

            import java.util.List;

            public class OrderService {
              public List<String> list() { return List.of(); }
              public String find(String id) { return id; }
              public String create(String body) { return body; }
              public void delete(String id) { }
            }
            """);

    List<Route> routes = RouteMarkers.check(extractor, repo);

    assertThat(routes).allMatch(r -> r.confidence() == Confidence.HIGH);
    assertThat(routes).allMatch(r -> r.extractor().equals("apigateway-dispatch"));
  }

  @Test
  void arrowSwitchExpressionWithMultipleLabelsAndYield() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/ApiHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.*;

            public class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final CustomerService customers;

              public ApiHandler() {
                this.customers = new CustomerService();
              }

              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context ctx) {
                final String route = request.getHttpMethod().toUpperCase() + " " + request.getPath().trim();
                return switch (route) {
                  case "GET /customers", "HEAD /customers" -> customers.list(); // ROUTE: GET /customers -> com.acme.CustomerService#list, HEAD /customers -> com.acme.CustomerService#list
                  case "POST /customers" -> { // ROUTE: POST /customers -> com.acme.CustomerService#register
                    var saved = customers.register(request.getBody());
                    yield Responses.created(saved);
                  }
                  case "GET /health" -> Responses.ok("up"); // ROUTE: GET /health -> com.acme.ApiHandler#handleRequest
                  default -> Responses.notFound();
                };
              }
            }
            """)
        .java("com/acme/CustomerService.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class CustomerService {
              public APIGatewayProxyResponseEvent list() { return Responses.ok("[]"); }
              public String register(String body) { return body; }
            }
            """)
        .java("com/acme/Responses.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public final class Responses {
              public static APIGatewayProxyResponseEvent ok(Object body) {
                return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(String.valueOf(body));
              }
              public static APIGatewayProxyResponseEvent created(Object body) {
                return new APIGatewayProxyResponseEvent().withStatusCode(201).withBody(String.valueOf(body));
              }
              public static APIGatewayProxyResponseEvent notFound() {
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void switchOnMethodThenOnPathWithFallThroughLabels() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/InventoryHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class InventoryHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final InventoryRepository repository = new InventoryRepository();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                if (event.getHeaders() == null || event.getHeaders().get("x-api-key") == null) {
                  return new APIGatewayProxyResponseEvent().withStatusCode(401);
                }
                String method = event.getHttpMethod();
                String path = event.getPath();
                switch (method) {
                  case "GET":
                    switch (path) {
                      case "/items": // ROUTE: GET /items -> com.acme.InventoryRepository#findAll
                        return respond(repository.findAll());
                      case "/stock": // ROUTE: GET /stock -> com.acme.InventoryRepository#stockLevels
                        return respond(repository.stockLevels());
                    }
                    break;
                  case "PUT":
                  case "POST":
                    if (path.equals("/items")) { // ROUTE: PUT /items -> com.acme.InventoryRepository#save, POST /items
                      return respond(repository.save(event.getBody()));
                    }
                    break;
                  default:
                    break;
                }
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }

              private APIGatewayProxyResponseEvent respond(Object o) {
                return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(o.toString());
              }
            }
            """)
        .java("com/acme/InventoryRepository.java", """
            package com.acme;

            public class InventoryRepository {
              public Object findAll() { return "[]"; }
              public Object stockLevels() { return "{}"; }
              public Object save(String body) { return body; }
            }
            """);

    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).hasSize(4);
  }
}
