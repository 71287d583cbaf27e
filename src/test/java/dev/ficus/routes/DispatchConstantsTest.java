package dev.ficus.routes;

import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import org.junit.jupiter.api.Test;

/** Paths and methods spelled through constants of other classes and enums. */
class DispatchConstantsTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  @Test
  void constantsOfOtherClassesAndConcatenatedConstants() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/api/Routes.java", """
            package com.acme.api;

            public final class Routes {
              public static final String BASE = "/v1";
              public static final String ORDERS = BASE + "/orders";
              public static final String ORDER = ORDERS + "/{orderId}";
              public static final String HEALTH = "/health";

              private Routes() {}
            }
            """)
        .java("com/acme/api/Methods.java", """
            package com.acme.api;

            public interface Methods {
              String GET = "GET";
              String POST = "POST";
            }
            """)
        .java("com/acme/Handler.java", """
            package com.acme;

            import static com.acme.api.Routes.HEALTH;

            import com.acme.api.Methods;
            import com.acme.api.Routes;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private static final String ORDER_ITEMS = Routes.ORDER + "/items";
              private final OrderController controller = new OrderController();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                String resource = event.getResource();
                String method = event.getHttpMethod();
                if (Routes.ORDERS.equals(resource) && Methods.GET.equals(method)) { // ROUTE: GET /v1/orders -> com.acme.OrderController#list
                  return controller.list(event);
                }
                if (Routes.ORDERS.equals(resource) && Methods.POST.equals(method)) { // ROUTE: POST /v1/orders -> com.acme.OrderController#create
                  return controller.create(event);
                }
                if (resource.equals(Routes.ORDER)) { // ROUTE: ANY /v1/orders/{orderId} -> com.acme.OrderController#get
                  return controller.get(event);
                }
                if (ORDER_ITEMS.equals(resource)) { // ROUTE: ANY /v1/orders/{orderId}/items -> com.acme.OrderController#items
                  return controller.items(event);
                }
                if (HEALTH.equals(resource)) { // ROUTE: ANY /health -> com.acme.Handler#handleRequest
                  return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("ok");
                }
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }
            }
            """)
        .java("com/acme/OrderController.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class OrderController {
              public APIGatewayProxyResponseEvent list(APIGatewayProxyRequestEvent e) { return null; }
              public APIGatewayProxyResponseEvent create(APIGatewayProxyRequestEvent e) { return null; }
              public APIGatewayProxyResponseEvent get(APIGatewayProxyRequestEvent e) { return null; }
              public APIGatewayProxyResponseEvent items(APIGatewayProxyRequestEvent e) { return null; }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void enumConversionOfTheMethodThenSwitchOnConstants() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/HttpMethod.java", """
            package com.acme;

            public enum HttpMethod { GET, POST, PUT, DELETE, PATCH }
            """)
        .java("com/acme/ProductHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class ProductHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final ProductService products = new ProductService();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                if (!"/products".equals(event.getResource())) {
                  return new APIGatewayProxyResponseEvent().withStatusCode(404);
                }
                HttpMethod method = HttpMethod.valueOf(event.getHttpMethod().toUpperCase());
                switch (method) {
                  case GET: // ROUTE: GET /products -> com.acme.ProductService#search
                    return products.search(event.getQueryStringParameters());
                  case PUT: // ROUTE: PUT /products -> com.acme.ProductService#upsert
                  case POST: // ROUTE: POST /products -> com.acme.ProductService#upsert
                    return products.upsert(event.getBody());
                  default:
                    throw new UnsupportedOperationException("Unsupported method " + method);
                }
              }
            }
            """)
        .java("com/acme/ProductService.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.Map;

            public class ProductService {
              public APIGatewayProxyResponseEvent search(Map<String, String> query) { return null; }
              public APIGatewayProxyResponseEvent upsert(String body) { return null; }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void enumConstantsWithAPathField() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Endpoint.java", """
            package com.acme;

            public enum Endpoint {
              USERS("/users"),
              USER("/users/{userId}"),
              SESSIONS("/sessions");

              private final String path;

              Endpoint(String path) {
                this.path = path;
              }

              public String path() {
                return path;
              }
            }
            """)
        .java("com/acme/UserHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class UserHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final UserService users = new UserService();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                String resource = event.getResource();
                boolean get = "GET".equals(event.getHttpMethod());
                boolean post = event.getHttpMethod().equalsIgnoreCase("post");
                if (get && Endpoint.USERS.path().equals(resource)) { // ROUTE: GET /users -> com.acme.UserService#all
                  return users.all();
                } else if (get && resource.equals(Endpoint.USER.path())) { // ROUTE: GET /users/{userId} -> com.acme.UserService#one
                  return users.one(event.getPathParameters().get("userId"));
                } else if (post && Endpoint.SESSIONS.path().equals(resource)) { // ROUTE: POST /sessions -> com.acme.UserService#login
                  return users.login(event.getBody());
                }
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }
            }
            """)
        .java("com/acme/UserService.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class UserService {
              public APIGatewayProxyResponseEvent all() { return null; }
              public APIGatewayProxyResponseEvent one(String id) { return null; }
              public APIGatewayProxyResponseEvent login(String body) { return null; }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }
}
