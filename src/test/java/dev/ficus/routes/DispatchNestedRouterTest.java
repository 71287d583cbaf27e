package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A router that hands the event to sub-routers in other classes, which dispatch further. */
class DispatchNestedRouterTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  @Test
  void pathPrefixThenMethodInSubRouters() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/MainHandler.java", """
            package com.acme;

            import com.acme.orders.OrdersRouter;
            import com.acme.users.UsersRouter;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class MainHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final OrdersRouter orders = new OrdersRouter();
              private final UsersRouter users = new UsersRouter();
              private final Auth auth = new Auth();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                auth.check(event.getHeaders());
                String path = event.getPath();
                if (path.startsWith("/orders")) {
                  return orders.route(event);
                }
                if (path.startsWith("/users")) {
                  return users.route(event.getHttpMethod(), event);
                }
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }
            }
            """)
        .java("com/acme/Auth.java", """
            package com.acme;

            import java.util.Map;

            public class Auth {
              public void check(Map<String, String> headers) { }
            }
            """)
        .java("com/acme/orders/OrdersRouter.java", """
            package com.acme.orders;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class OrdersRouter {
              private final OrderService service = new OrderService();

              public APIGatewayProxyResponseEvent route(APIGatewayProxyRequestEvent event) {
                boolean single = event.getPathParameters() != null && event.getPathParameters().containsKey("orderId");
                switch (event.getHttpMethod()) {
                  case "GET":
                    return single ? service.get(event.getPathParameters().get("orderId")) : service.list();
                  case "POST": // ROUTE: POST /orders -> com.acme.orders.OrderService#create
                    return service.create(event.getBody());
                  default:
                    return new APIGatewayProxyResponseEvent().withStatusCode(405);
                }
              }
            }
            """)
        .java("com/acme/orders/OrderService.java", """
            package com.acme.orders;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class OrderService {
              public APIGatewayProxyResponseEvent list() { return null; }
              public APIGatewayProxyResponseEvent get(String id) { return null; }
              public APIGatewayProxyResponseEvent create(String body) { return null; }
            }
            """)
        .java("com/acme/users/UsersRouter.java", """
            package com.acme.users;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class UsersRouter {
              public APIGatewayProxyResponseEvent route(String method, APIGatewayProxyRequestEvent event) {
                if ("GET".equals(method) && event.getPath().equals("/users/me")) { // ROUTE: GET /users/me -> com.acme.users.UsersRouter#me
                  return me(event);
                }
                if ("DELETE".equals(method) && event.getPath().startsWith("/users/")) { // ROUTE: DELETE /users/{id} -> com.acme.users.UsersRouter#delete
                  return delete(event.getPath().substring(7));
                }
                return null;
              }

              private APIGatewayProxyResponseEvent me(APIGatewayProxyRequestEvent event) { return null; }

              private APIGatewayProxyResponseEvent delete(String id) { return null; }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> routes = extractor.extract(context);
    List<dev.ficus.model.Route> found = routes.stream().map(ExtractedRoute::route).toList();
    // GET /orders and GET /orders/{id} go through the conditional expression: one branch each.
    assertThat(found).extracting(r -> r.id() + " " + r.handler())
        .contains("GET /orders com.acme.orders.OrderService#list",
            "GET /orders/{orderId} com.acme.orders.OrderService#get");
    RouteMarkers.compare(repo, found.stream().filter(r -> !r.method().equals("GET") || !r.path().startsWith("/orders")).toList());

    // The prelude runs for every route; another branch's code never does.
    ExtractedRoute me = routes.stream().filter(r -> r.route().id().equals("GET /users/me")).findFirst().orElseThrow();
    List<String> code = me.entryCode().stream().map(Object::toString).toList();
    assertThat(code).anyMatch(s -> s.contains("auth.check"));
    assertThat(code).noneMatch(s -> s.contains("orders.route") || s.contains("delete("));
  }
}
