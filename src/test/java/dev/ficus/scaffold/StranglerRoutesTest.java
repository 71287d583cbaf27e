package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.scaffold.StranglerRoutes.ApiKind;
import dev.ficus.scaffold.StranglerRoutes.Event;
import dev.ficus.scaffold.YamlWriter.Mapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The phase routing on hand-built routes, checked with the independent API Gateway model. */
class StranglerRoutesTest {

  /** The events as a template, so the router reads them the way it reads generated ones. */
  private static ApiGatewayRouter router(ApiKind kind, List<Event> events) {
    Mapping resources = new Mapping();
    for (String function : events.stream().map(Event::function).distinct().sorted().toList()) {
      Mapping ev = new Mapping();
      int n = 0;
      for (Event e : events) {
        if (e.function().equals(function)) {
          ev.put("E" + n++, new Mapping().put("Type", kind.eventType())
              .put("Properties", new Mapping().put("Path", e.path()).put("Method", e.method())));
        }
      }
      resources.put(function, new Mapping().put("Type", "AWS::Serverless::Function")
          .put("Properties", new Mapping().put("Events", ev)));
    }
    return ApiGatewayRouter.of(CfnYaml.load(YamlWriter.write(new Mapping().put("Resources", resources))));
  }

  @Test
  void restTheMonolithKeepsTheOtherMethodsOfEveryResourceADeeperExtractedRouteCreates() {
    // Phase 1 extracts only POST /orders/{id}/pay; GET /orders/{id} and GET /orders stay.
    var routing =
        StranglerRoutes.route(
            ApiKind.REST, "Monolith",
            List.of(new Event("Pay", "POST", "/orders/{id}/pay")),
            List.of("/orders", "/orders/{id}", "/health"));
    assertThat(routing.of("Monolith"))
        .containsExactly(
            new Event("Monolith", "ANY", "/"),
            new Event("Monolith", "ANY", "/orders"),
            new Event("Monolith", "ANY", "/orders/{id}"),
            new Event("Monolith", "ANY", "/orders/{id}/pay"),
            new Event("Monolith", "ANY", "/{proxy+}"));
    assertThat(routing.problems()).isEmpty();
    ApiGatewayRouter api = router(ApiKind.REST, routing.events());
    assertThat(api.resolve("POST", "/orders/7/pay")).contains("Pay");
    assertThat(api.resolve("GET", "/orders/7/pay")).contains("Monolith");
    assertThat(api.resolve("GET", "/orders/7")).contains("Monolith");
    assertThat(api.resolve("GET", "/orders")).contains("Monolith");
    assertThat(api.resolve("GET", "/health")).contains("Monolith");
    assertThat(api.resolve("GET", "/")).contains("Monolith");
  }

  @Test
  void restAKeptRouteBelowAnExtractedOneGetsItsOwnResourceSoItNeverNeedsTheGreedyFallBack() {
    var routing =
        StranglerRoutes.route(
            ApiKind.REST, "Monolith",
            List.of(new Event("GetOrder", "GET", "/orders/{id}")),
            List.of("/orders/{id}/pay", "/orders/{id}/items/{item}", "/customers/{id}"));
    assertThat(routing.of("Monolith")).extracting(Event::path)
        .containsExactly("/", "/orders", "/orders/{id}", "/orders/{id}/items", "/orders/{id}/items/{item}",
            "/orders/{id}/pay", "/{proxy+}");
    ApiGatewayRouter api = router(ApiKind.REST, routing.events());
    assertThat(api.resolve("GET", "/orders/1")).contains("GetOrder");
    assertThat(api.resolve("DELETE", "/orders/1")).contains("Monolith");
    assertThat(api.resolve("POST", "/orders/1/pay")).contains("Monolith");
    assertThat(api.resolve("GET", "/customers/1")).contains("Monolith");
  }

  @Test
  void httpApiNeedsOnlyTheCatchAllBecauseUnmatchedMethodsFallThroughToTheGreedyRoute() {
    var routing =
        StranglerRoutes.route(
            ApiKind.HTTP, "Monolith",
            List.of(new Event("Pay", "POST", "/orders/{id}/pay")),
            List.of("/orders", "/orders/{id}"));
    assertThat(routing.of("Monolith")).extracting(Event::path).containsExactly("/", "/{proxy+}");
    ApiGatewayRouter api = router(ApiKind.HTTP, routing.events());
    assertThat(api.resolve("POST", "/orders/7/pay")).contains("Pay");
    assertThat(api.resolve("GET", "/orders/7/pay")).contains("Monolith");
    assertThat(api.resolve("GET", "/orders/7")).contains("Monolith");
    assertThat(api.resolve("GET", "/")).contains("Monolith");
  }

  @Test
  void anExtractedAnyRouteTakesItsPathWholeAndAnotherMonolithKeepsItsOwnRoutes() {
    var routing =
        StranglerRoutes.route(
            ApiKind.REST, "Main",
            List.of(new Event("Files", "ANY", "/files"), new Event("Billing", "GET", "/invoices")),
            List.of());
    assertThat(routing.events()).doesNotContain(new Event("Main", "ANY", "/files"));
    ApiGatewayRouter api = router(ApiKind.REST, routing.events());
    assertThat(api.resolve("DELETE", "/files")).contains("Files");
    assertThat(api.resolve("GET", "/invoices")).contains("Billing");
    assertThat(api.resolve("POST", "/invoices")).contains("Main");
  }

  @Test
  void aVariableAtTheRootCannotSitBesideTheMonolithsProxyOnARestApi() {
    var routing =
        StranglerRoutes.route(ApiKind.REST, "Monolith", List.of(new Event("Page", "GET", "/{slug}")), List.of());
    assertThat(routing.problems()).singleElement().asString().contains("{proxy+}", "{slug}");
    assertThat(router(ApiKind.REST, routing.events()).problems()).isNotEmpty();
  }

  @Test
  void twoFunctionsOnOneMethodAndPathAreAProblem() {
    var routing =
        StranglerRoutes.route(
            ApiKind.HTTP, "M", List.of(new Event("A", "GET", "/x"), new Event("B", "GET", "/x")), List.of());
    assertThat(routing.problems()).singleElement().asString().contains("GET /x", "A", "B");
  }

  @Test
  void nearMissTheRoutingCheckFailsWhenTheMonolithLacksAnyOnAnIntermediateResource() {
    // /orders/{id} exists only because of /orders/{id}/pay; without the monolith's ANY on it,
    // GET /orders/7 ends on a resource with no method and does not fall back to /{proxy+}.
    String template =
        """
        Resources:
          Monolith:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Root: {Type: Api, Properties: {Path: /, Method: ANY}}
                Proxy: {Type: Api, Properties: {Path: "/{proxy+}", Method: ANY}}
                Orders: {Type: Api, Properties: {Path: /orders, Method: ANY}}
          Pay:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Route: {Type: Api, Properties: {Path: "/orders/{id}/pay", Method: POST}}
        """;
    ApiGatewayRouter api = ApiGatewayRouter.of(CfnYaml.load(template));
    assertThat(api.resolve("POST", "/orders/7/pay")).contains("Pay");
    assertThat(api.resolve("GET", "/orders/7")).isEqualTo(Optional.empty());
    assertThat(api.resolve("GET", "/other/7")).contains("Monolith");
    // The same template read as an HTTP API routes it: there the greedy route catches it.
    Map<String, Object> http = CfnYaml.load(template.replace("Type: Api", "Type: HttpApi"));
    assertThat(ApiGatewayRouter.of(http).resolve("GET", "/orders/7")).contains("Monolith");
  }

  @Test
  void samplePathsFillVariablesIn() {
    assertThat(StranglerRoutes.samplePath("/orders/{id}/files/{proxy+}")).isEqualTo("/orders/sample-id/files/sample/rest");
    assertThat(StranglerRoutes.samplePath("/")).isEqualTo("/");
  }
}
