package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Confidence;
import dev.ficus.model.Route;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dispatch with {@code if}/{@code else if} chains and the string tests people use in them. */
class DispatchIfChainTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  private static final String SERVICE = """
      package com.acme;

      public interface OrderService {
        Object list();
        Object find(String id);
        Object create(String body);
        Object items(String orderId);
        Object cancel(String id);
      }
      """;

  /**
   * A chain that tests one variable against a string per link, as generators write dispatch, is
   * looked up instead of run link by link: each key still reaches its own branch, a key written
   * twice the first of its branches, and any other key the final {@code else}.
   */
  @Test
  void anElseIfChainOverOneVariableReachesTheFirstBranchOfEachKey() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OrderService.java", SERVICE)
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final OrderService service;

              public Handler(OrderService service) { this.service = service; }

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent input, Context context) {
                String key = input.getHttpMethod() + " " + input.getPath();
                if ("GET /orders".equals(key)) { // ROUTE: GET /orders -> com.acme.OrderService#list
                  return json(service.list());
                } else if (key.equals("POST /orders")) { // ROUTE: POST /orders -> com.acme.OrderService#create
                  return json(service.create(input.getBody()));
                } else if ("GET /orders".equals(key)) {
                  return json(service.cancel("never reached"));
                } else if ("DELETE /orders/current".equals(key)) { // ROUTE: DELETE /orders/current -> com.acme.OrderService#cancel
                  return json(service.cancel("current"));
                } else {
                  return new APIGatewayProxyResponseEvent().withStatusCode(404);
                }
              }

              private APIGatewayProxyResponseEvent json(Object body) {
                return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(String.valueOf(body));
              }
            }
            """);

    List<Route> routes = RouteMarkers.check(extractor, repo);

    assertThat(routes).hasSize(3);
  }

  @Test
  void equalsStartsWithAndEndsWith() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OrderService.java", SERVICE)
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.Objects;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final OrderService service;

              public Handler(OrderService service) { this.service = service; }

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent input, Context context) {
                context.getLogger().log("request " + input.getPath());
                String httpMethod = input.getHttpMethod();
                String path = input.getPath();
                if ("GET".equalsIgnoreCase(httpMethod) && Objects.equals(path, "/orders")) { // ROUTE: GET /orders -> com.acme.OrderService#list
                  return json(service.list());
                } else if (httpMethod.equals("POST") && path.equals("/orders")) { // ROUTE: POST /orders -> com.acme.OrderService#create
                  return json(service.create(input.getBody()));
                } else if (httpMethod.equals("GET") && path.startsWith("/orders/") && path.endsWith("/items")) { // ROUTE: GET /orders/{orderId}/items -> com.acme.OrderService#items
                  String orderId = input.getPathParameters().get("orderId");
                  return json(service.items(orderId));
                } else if (httpMethod.equals("GET") && path.startsWith("/orders/")) { // ROUTE: GET /orders/{id} -> com.acme.OrderService#find
                  return json(service.find(path.substring("/orders/".length())));
                } else {
                  return new APIGatewayProxyResponseEvent().withStatusCode(404).withBody("{\\"message\\":\\"Not Found\\"}");
                }
              }

              private APIGatewayProxyResponseEvent json(Object body) {
                return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(String.valueOf(body));
              }
            }
            """);

    List<Route> routes = RouteMarkers.check(extractor, repo);

    assertThat(routes).filteredOn(r -> r.path().equals("/orders"))
        .allMatch(r -> r.confidence() == Confidence.HIGH);
    assertThat(routes).filteredOn(r -> r.path().startsWith("/orders/"))
        .allMatch(r -> r.confidence() == Confidence.MEDIUM);
  }

  @Test
  void sequentialIfsWithEarlyReturnsAndAMethodGuard() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OrderService.java", SERVICE)
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private OrderService service;

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                if (!"/orders".equals(event.getResource())) {
                  return new APIGatewayProxyResponseEvent().withStatusCode(404);
                }
                if (event.getHttpMethod().equals("GET")) { // ROUTE: GET /orders -> com.acme.OrderService#list
                  return new APIGatewayProxyResponseEvent().withBody(String.valueOf(service.list()));
                }
                if (!event.getHttpMethod().equals("POST")) {
                  return new APIGatewayProxyResponseEvent().withStatusCode(405).withBody("Method Not Allowed");
                }
                Object created = service.create(event.getBody()); // ROUTE: POST /orders -> com.acme.OrderService#create
                return new APIGatewayProxyResponseEvent().withStatusCode(201).withBody(String.valueOf(created));
              }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void regularExpressionsAndPatterns() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OrderService.java", SERVICE)
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.regex.Matcher;
            import java.util.regex.Pattern;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private static final Pattern ORDER = Pattern.compile("^/orders/(?<orderId>\\\\d+)$");
              private static final Pattern ITEMS = Pattern.compile("^/orders/([^/]+)/items/?$");
              private static final Pattern WEIRD = Pattern.compile("^/(reports|exports)/.*\\\\.csv$");
              private final OrderService service = null;

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                String path = event.getPath();
                Matcher m = ORDER.matcher(path);
                if (m.matches()) { // ROUTE: ANY /orders/{orderId} -> com.acme.OrderService#find
                  return ok(service.find(m.group("orderId")));
                }
                Matcher items = ITEMS.matcher(path);
                if (items.find()) { // ROUTE: ANY /orders/{id}/items -> com.acme.OrderService#items
                  return ok(service.items(items.group(1)));
                }
                if (WEIRD.matcher(path).matches()) {
                  return ok(service.list());
                }
                if (path.matches("/orders/?")) { // ROUTE: ANY /orders -> com.acme.OrderService#list
                  return ok(service.list());
                }
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }

              private static APIGatewayProxyResponseEvent ok(Object o) {
                return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(String.valueOf(o));
              }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<Route> routes = extractor.extract(context).stream().map(ExtractedRoute::route).toList();
    RouteMarkers.compare(repo, routes);

    assertThat(routes).allMatch(r -> r.confidence() == Confidence.LOW);
    assertThat(loaded.diagnostics().sorted())
        .anyMatch(d -> d.code().equals("dispatch-regex") && d.message().contains("csv"));
  }

  @Test
  void pathSegmentsAndCounts() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OrderService.java", SERVICE)
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final OrderService orders;

              public Handler() { this(null); }
              Handler(OrderService orders) { this.orders = orders; }

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                String[] segments = event.getPath().split("/");
                String method = event.getHttpMethod();
                if (segments.length == 2 && segments[1].equals("orders") && method.equals("GET")) { // ROUTE: GET /orders -> com.acme.OrderService#list
                  return wrap(orders.list());
                }
                if (segments.length == 3 && "orders".equals(segments[1])) {
                  if (method.equals("GET")) { // ROUTE: GET /orders/{id} -> com.acme.OrderService#find
                    return wrap(orders.find(segments[2]));
                  } else if (method.equals("DELETE")) { // ROUTE: DELETE /orders/{id} -> com.acme.OrderService#cancel
                    return wrap(orders.cancel(segments[2]));
                  }
                }
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }

              private APIGatewayProxyResponseEvent wrap(Object o) {
                return new APIGatewayProxyResponseEvent().withBody(String.valueOf(o));
              }
            }
            """);

    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).allMatch(r -> r.confidence() == Confidence.LOW);
  }
}
