package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dispatch table whose values are references to methods of other objects: the receiver's type
 * comes from where it is declared (a constructor parameter, a field), and the route runs the
 * referenced method, not the constructor that filled the table.
 */
class DispatchTableReferencesTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  @Test
  void methodReferencesOnConstructorParametersFieldsTypesAndLambdas() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Handlers.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

            public class Handlers {
              public APIGatewayV2HTTPResponse getCustomer(APIGatewayV2HTTPEvent e) { return save(e); }
              public APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent e) { return null; }
              APIGatewayV2HTTPResponse save(APIGatewayV2HTTPEvent e) { return null; }
              public static APIGatewayV2HTTPResponse health(APIGatewayV2HTTPEvent e) { return null; }
            }
            """)
        .java("com/acme/Api.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
            import java.util.HashMap;
            import java.util.Map;
            import java.util.function.Function;

            public class Api implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
              private static final String CUSTOMER = "/customers/{customerId}";
              private final Map<String, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes = new HashMap<>();
              private final Handlers others;

              public Api() {
                this(new Handlers(), new Handlers());
              }

              Api(Handlers customers, Handlers other) {
                this.others = other;
                routes.put("GET " + CUSTOMER, customers::getCustomer); // ROUTE: GET /customers/{customerId} -> com.acme.Handlers#getCustomer
                routes.put("PUT " + CUSTOMER, others::getCustomer); // ROUTE: PUT /customers/{customerId} -> com.acme.Handlers#getCustomer
                routes.put("GET /health", Handlers::health); // ROUTE: GET /health -> com.acme.Handlers#health
                routes.put("GET /me", this::me); // ROUTE: GET /me -> com.acme.Api#me
                routes.put("GET /things", e -> customers.get(e)); // ROUTE: GET /things -> com.acme.Handlers#get
              }

              @Override
              public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
                return routes.getOrDefault(event.getRouteKey(), this::notFound).apply(event);
              }

              private APIGatewayV2HTTPResponse me(APIGatewayV2HTTPEvent event) {
                return others.get(event);
              }

              private APIGatewayV2HTTPResponse notFound(APIGatewayV2HTTPEvent event) {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
              }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> routes = extractor.extract(context);
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());

    // The entry code holds the referenced method itself, so later stages follow its calls.
    ExtractedRoute get = route(routes, "GET /customers/{customerId}");
    assertThat(get.entryCode()).anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(MethodDeclaration.class,
        m -> assertThat(m.getNameAsString()).isEqualTo("getCustomer")));
    assertThat(get.entryCode()).extracting(Object::toString).noneMatch(s -> s.contains("routes.getOrDefault"));
    // A lambda is its own code.
    assertThat(route(routes, "GET /things").entryCode()).anySatisfy(n -> assertThat(n).isInstanceOf(LambdaExpr.class));
  }

  private static ExtractedRoute route(List<ExtractedRoute> routes, String id) {
    return routes.stream().filter(r -> r.route().id().equals(id)).findFirst().orElseThrow();
  }
}
