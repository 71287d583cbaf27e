package dev.ficus.routes;

import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inside a branch already taken (a nested router), a failed test whose branch does real work
 * for other requests is not a guard: what follows it is a branch of its own. A failed test whose
 * branch only answers an error stays a guard.
 */
class DispatchNestedFallThroughTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  @Test
  void statementsAfterAFailedWorkingTestAreTheirOwnBranch() {
    TestRepo repo = TestRepo.create()
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Catalog:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.Catalog::handleRequest
                  Runtime: java17
                  Events:
                    List:
                      Type: Api
                      Properties:
                        Path: /products
                        Method: get
                    Get:
                      Type: Api
                      Properties:
                        Path: /products/{productId}
                        Method: get
                    Create:
                      Type: Api
                      Properties:
                        Path: /products
                        Method: post
                    Update:
                      Type: Api
                      Properties:
                        Path: /products/{productId}
                        Method: put
                    Delete:
                      Type: Api
                      Properties:
                        Path: /products/{productId}
                        Method: delete
            """)
        .java("com/acme/ApiResponses.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public final class ApiResponses {
              public static APIGatewayProxyResponseEvent ok(Object body) { return new APIGatewayProxyResponseEvent().withStatusCode(200); }
              public static APIGatewayProxyResponseEvent error(int status, String message) { return new APIGatewayProxyResponseEvent().withStatusCode(status); }
            }
            """)
        .java("com/acme/Service.java", """
            package com.acme;

            public class Service {
              public Object list() { return null; }
              public Object find(String id) { return null; }
              public Object create(String body) { return null; }
              public Object update(String id, String body) { return null; }
              public boolean delete(String id) { return true; }
            }
            """)
        .java("com/acme/Catalog.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Catalog implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final Reads reads = new Reads();
              private final Writes writes = new Writes();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                switch (event.getHttpMethod()) {
                  case "GET":
                    return reads.handle(event);
                  case "POST":
                  case "PUT":
                  case "DELETE":
                    return writes.handle(event);
                  default:
                    return ApiResponses.error(405, "not allowed");
                }
              }
            }
            """)
        .java("com/acme/Reads.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Reads {
              private final Service service = new Service();

              public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
                if (event.getPathParameters() != null && event.getPathParameters().containsKey("productId")) { // ROUTE: GET /products/{productId} -> com.acme.Service#find
                  String id = event.getPathParameters().get("productId");
                  return ApiResponses.ok(service.find(id));
                }
                return ApiResponses.ok(service.list()); // ROUTE: GET /products -> com.acme.Service#list
              }
            }
            """)
        .java("com/acme/Writes.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.Map;

            public class Writes {
              private final Service service = new Service();

              public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
                Map<String, String> params = event.getPathParameters();
                boolean hasId = params != null && params.containsKey("productId");
                if ("POST".equals(event.getHttpMethod())) { // ROUTE: POST /products -> com.acme.Service#create
                  if (hasId) {
                    return ApiResponses.error(405, "POST is not supported on a single product");
                  }
                  return ApiResponses.ok(service.create(event.getBody()));
                }
                if (!hasId) {
                  return ApiResponses.error(405, "needs a product id");
                }
                String id = params.get("productId");
                if ("PUT".equals(event.getHttpMethod())) { // ROUTE: PUT /products/{productId} -> com.acme.Service#update
                  return ApiResponses.ok(service.update(id, event.getBody()));
                }
                // DELETE
                return service.delete(id) ? ApiResponses.ok(null) : ApiResponses.error(404, "no product"); // ROUTE: DELETE /products/{productId} -> com.acme.Service#delete
              }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> routes = extractor.extract(context);
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
  }
}
