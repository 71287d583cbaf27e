package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Confidence;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRouteCoverageTest {

  private static Trigger event(String method, String path, Map<String, String> properties) {
    return new Trigger("Api", "E", method, path, null, properties, SourceRef.of("template.yaml", 1));
  }

  private static Route route(String method, String path) {
    return new Route(method, path, "a.B#c", SourceRef.of("B.java", 1), "Fn", Confidence.HIGH, "x", List.of());
  }

  @Test
  void aGreedyProxyDeliversEveryPathButTheRoot() {
    Trigger proxy = event("ANY", "/{proxy+}", Map.of());
    assertThat(ApiRouteCoverage.delivers(proxy, route("GET", "/owners/{ownerId}"))).isTrue();
    assertThat(ApiRouteCoverage.delivers(proxy, route("POST", "/vets.json"))).isTrue();
    assertThat(ApiRouteCoverage.delivers(proxy, route("GET", "/"))).isFalse();
  }

  @Test
  void httpApiDefaultRouteDeliversEverything() {
    Trigger fallback = event("ANY", "/{proxy+}", Map.of("RouteKey", "$default"));
    assertThat(ApiRouteCoverage.delivers(fallback, route("GET", "/"))).isTrue();
  }

  @Test
  void specificEventsMatchByMethodAndTemplateWhateverTheVariableNames() {
    Trigger get = event("GET", "/orders/{id}", Map.of());
    assertThat(ApiRouteCoverage.delivers(get, route("GET", "/orders/{orderId}"))).isTrue();
    assertThat(ApiRouteCoverage.delivers(get, route("DELETE", "/orders/{orderId}"))).isFalse();
    assertThat(ApiRouteCoverage.delivers(get, route("GET", "/orders"))).isFalse();
    assertThat(ApiRouteCoverage.delivers(get, route("GET", "/orders/{id}/pay"))).isFalse();
    assertThat(ApiRouteCoverage.delivers(event("GET", "/orders/{id}", Map.of()), route("GET", "/orders/latest"))).isTrue();
    assertThat(ApiRouteCoverage.delivers(event("GET", "/orders/latest", Map.of()), route("GET", "/orders/{id}"))).isFalse();
    assertThat(ApiRouteCoverage.delivers(event("ANY", "/files/{proxy+}", Map.of()), route("GET", "/files/{path+}"))).isTrue();
  }
}
