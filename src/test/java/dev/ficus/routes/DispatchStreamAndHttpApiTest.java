package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Confidence;
import dev.ficus.model.Route;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stream handlers that parse the event themselves, and HTTP API payload 2.0 route keys. */
class DispatchStreamAndHttpApiTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  @Test
  void streamHandlerReadingTheEventWithJackson() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/StreamHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;

            public class StreamHandler implements RequestStreamHandler {
              private static final ObjectMapper MAPPER = new ObjectMapper();
              private final CartService carts = new CartService();

              @Override
              public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
                JsonNode event = MAPPER.readTree(input);
                String method = event.get("httpMethod").asText();
                String path = event.path("path").asText("/");
                Object result;
                if (method.equals("GET") && path.equals("/cart")) { // ROUTE: GET /cart -> com.acme.CartService#current
                  result = carts.current(event.path("headers").path("x-user").asText());
                } else if (method.equals("POST") && path.equals("/cart/items")) { // ROUTE: POST /cart/items -> com.acme.CartService#addItem
                  result = carts.addItem(event.get("body").asText());
                } else {
                  result = "{\\"statusCode\\":404}";
                }
                MAPPER.writeValue(output, result);
              }
            }
            """)
        .java("com/acme/CartService.java", """
            package com.acme;

            public class CartService {
              public Object current(String user) { return user; }
              public Object addItem(String body) { return body; }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> routes = extractor.extract(context);
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());

    // What runs after the branch (writing the response) belongs to the route too.
    ExtractedRoute cart = routes.stream().filter(r -> r.route().id().equals("GET /cart")).findFirst().orElseThrow();
    assertThat(cart.entryCode()).extracting(Object::toString)
        .anyMatch(s -> s.contains("MAPPER.writeValue"))
        .noneMatch(s -> s.contains("addItem"));
  }

  @Test
  void streamHandlerReadingTheEventIntoAMapWithTheRouteKey() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Lambda.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.util.Map;

            public class Lambda implements RequestStreamHandler {
              private final ObjectMapper mapper = new ObjectMapper();
              private final Payments payments = new Payments();

              @Override
              @SuppressWarnings("unchecked")
              public void handleRequest(InputStream in, OutputStream out, Context context) {
                try {
                  Map<String, Object> event = mapper.readValue(in, Map.class);
                  String routeKey = (String) event.get("routeKey");
                  Object response = switch (routeKey) {
                    case "POST /payments" -> payments.charge(event); // ROUTE: POST /payments -> com.acme.Payments#charge
                    case "GET /payments/{paymentId}" -> { // ROUTE: GET /payments/{paymentId} -> com.acme.Payments#status
                      Map<String, String> params = (Map<String, String>) event.get("pathParameters");
                      yield payments.status(params.get("paymentId"));
                    }
                    case "$default" -> Map.of("statusCode", 404);
                    default -> throw new IllegalStateException("Unknown route " + routeKey);
                  };
                  mapper.writeValue(out, response);
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              }
            }
            """)
        .java("com/acme/Payments.java", """
            package com.acme;

            import java.util.Map;

            public class Payments {
              public Object charge(Map<String, Object> event) { return event; }
              public Object status(String id) { return id; }
            }
            """);

    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).allMatch(r -> r.confidence() == Confidence.HIGH);
  }

  @Test
  void httpApiPayloadTwoWithRequestContextAndRawPath() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/HttpApiHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

            public class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
              private final ShipmentService shipments = new ShipmentService();

              @Override
              public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
                var http = event.getRequestContext().getHttp();
                String method = http.getMethod();
                String path = event.getRawPath();
                if ("GET".equals(method) && path.equals("/shipments")) { // ROUTE: GET /shipments -> com.acme.ShipmentService#all
                  return shipments.all();
                }
                if ("PUT".equals(method) && path.startsWith("/shipments/")) { // ROUTE: PUT /shipments/{shipmentId} -> com.acme.ShipmentService#update
                  return shipments.update(event.getPathParameters().get("shipmentId"), event.getBody());
                }
                return APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
              }
            }
            """)
        .java("com/acme/ShipmentService.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

            public class ShipmentService {
              public APIGatewayV2HTTPResponse all() { return null; }
              public APIGatewayV2HTTPResponse update(String id, String body) { return null; }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void httpApiRouteKeySwitchWithIacTemplate() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Router.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

            public class Router implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
              private final Notes notes = new Notes();

              @Override
              public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
                switch (event.getRouteKey()) {
                  case "GET /notes": // ROUTE: GET /notes -> com.acme.Notes#list
                    return notes.list();
                  case "POST /notes": // ROUTE: POST /notes -> com.acme.Notes#add
                    return notes.add(event.getBody());
                  default:
                    return APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
                }
              }
            }
            """)
        .java("com/acme/Notes.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

            public class Notes {
              public APIGatewayV2HTTPResponse list() { return null; }
              public APIGatewayV2HTTPResponse add(String body) { return null; }
            }
            """)
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              NotesFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.Router::handleRequest
                  Runtime: java17
                  Events:
                    ListNotes:
                      Type: HttpApi
                      Properties:
                        Path: /notes
                        Method: GET
                    AddNote:
                      Type: HttpApi
                      Properties:
                        Path: /notes
                        Method: POST
            """);

    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).allMatch(r -> "NotesFunction".equals(r.function()) && r.confidence() == Confidence.HIGH);
  }
}
