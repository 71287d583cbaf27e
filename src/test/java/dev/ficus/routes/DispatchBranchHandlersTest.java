package dev.ficus.routes;

import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handler of a branch that chooses between calls with {@code ?:}. */
class DispatchBranchHandlersTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  @Test
  void aConditionalBetweenTwoServiceCallsIsInlineWorkAndOneBetweenACallAndAnErrorIsTheCall() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Service.java", """
            package com.acme;

            import java.util.List;

            public class Service {
              public List<String> byStatus(String s) { return List.of(); }
              public List<String> all() { return List.of(); }
              public boolean delete(String id) { return true; }
            }
            """)
        .java("com/acme/Api.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.List;

            public class Api implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final Service service = new Service();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                switch (event.getHttpMethod() + " " + event.getResource()) {
                  case "GET /orders": { // ROUTE: GET /orders -> com.acme.Api#handleRequest
                    String status = event.getQueryStringParameters().get("status");
                    List<String> orders = status != null ? service.byStatus(status) : service.all();
                    return respond(200, orders);
                  }
                  case "DELETE /orders/{id}": { // ROUTE: DELETE /orders/{id} -> com.acme.Service#delete
                    String id = event.getPathParameters().get("id");
                    return service.delete(id) ? respond(204, null) : respond(404, "no order");
                  }
                  default:
                    return respond(404, "no route");
                }
              }

              private APIGatewayProxyResponseEvent respond(int status, Object body) {
                return new APIGatewayProxyResponseEvent().withStatusCode(status).withBody(String.valueOf(body));
              }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> routes = extractor.extract(context);
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
  }
}
