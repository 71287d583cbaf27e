package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the code's path tests become candidate templates. */
class DispatchPathsTest {

  @Test
  void regularExpressionsThatAreTemplates() {
    assertThat(DispatchPaths.regexToTemplate("^/orders/([^/]+)/items$")).contains("/orders/{id}/items");
    assertThat(DispatchPaths.regexToTemplate("^/orders/(?<orderId>\\d+)$")).contains("/orders/{orderId}");
    assertThat(DispatchPaths.regexToTemplate("/users/\\w+/?")).contains("/users/{id}");
    assertThat(DispatchPaths.regexToTemplate("^/a/([0-9]+)/b/([a-z-]+)$")).contains("/a/{id}/b/{id2}");
    assertThat(DispatchPaths.regexToTemplate("^/v1\\.0/things$")).contains("/v1.0/things");
  }

  @Test
  void regularExpressionsThatAreNot() {
    assertThat(DispatchPaths.regexToTemplate("^/(reports|exports)/.*\\.csv$")).isEmpty();
    assertThat(DispatchPaths.regexToTemplate("^/orders(/\\d+)?$")).isEmpty();
    assertThat(DispatchPaths.regexToTemplate("orders")).isEmpty();
  }

  @Test
  void concretePathsAreGeneralized() {
    assertThat(DispatchPaths.generalize("/orders/123")).isEqualTo("/orders/{id}");
    assertThat(DispatchPaths.generalize("/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301/items/7"))
        .isEqualTo("/orders/{id}/items/{id2}");
    assertThat(DispatchPaths.generalize("/v2/orders")).isEqualTo("/v2/orders");
  }

  @Test
  void routeKeysInEitherOrder() {
    assertThat(DispatchPaths.routeKey("GET /orders/{id}")).hasValueSatisfying(k -> assertThat(k).containsExactly("GET", "/orders/{id}"));
    assertThat(DispatchPaths.routeKey("post:/orders")).hasValueSatisfying(k -> assertThat(k).containsExactly("POST", "/orders"));
    assertThat(DispatchPaths.routeKey("/orders#DELETE")).hasValueSatisfying(k -> assertThat(k).containsExactly("DELETE", "/orders"));
    assertThat(DispatchPaths.routeKey("$default")).isEmpty();
    assertThat(DispatchPaths.routeKey("FETCH /orders")).isEmpty();
  }

  @Test
  void templatesMatchAndRename() {
    assertThat(DispatchPaths.matches("/users/{id}", "/users/me")).isTrue();
    assertThat(DispatchPaths.matches("/users/{id}", "/users/me/x")).isFalse();
    assertThat(DispatchPaths.matches("/files/{proxy+}", "/files/a/b")).isTrue();
    assertThat(DispatchPaths.shape("/orders/{orderId}")).isEqualTo(DispatchPaths.shape("/orders/{id}"));
    assertThat(DispatchPaths.rename("/orders/{id}/lines/{id2}", List.of("orderId", "lineNo")))
        .isEqualTo("/orders/{orderId}/lines/{lineNo}");
    assertThat(DispatchPaths.rename("/orders/{orderId}", List.of("x"))).isEqualTo("/orders/{orderId}");
  }

  @Test
  void samplesFillEveryVariable() {
    DispatchRequest request = DispatchRequest.of("GET", "/orders/{orderId}/files/{proxy+}", "abc");
    assertThat(request.path()).isEqualTo("/orders/abc/files/abc");
    assertThat(request.routeKey()).isEqualTo("GET /orders/{orderId}/files/{proxy+}");
    assertThat(request.parameters()).containsOnlyKeys("orderId", "proxy");
    assertThat(DispatchRequest.of("GET", "/orders", "1").parameters()).isNull();
  }
}
