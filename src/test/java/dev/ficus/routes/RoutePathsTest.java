package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Confidence;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutePathsTest {

  @Test
  void springPatternsBecomeApiGatewayTemplates() {
    assertThat(RoutePaths.fromSpring("/owners/{ownerId}"))
        .isEqualTo(new RoutePaths.Converted("/owners/{ownerId}", Confidence.HIGH));
    assertThat(RoutePaths.fromSpring("/orders/{id:[0-9]+}").path()).isEqualTo("/orders/{id}");
    assertThat(RoutePaths.fromSpring("/codes/{code:\\\\d{3}}").path()).isEqualTo("/codes/{code}");
    assertThat(RoutePaths.fromSpring("/static/**").path()).isEqualTo("/static/{proxy+}");
    assertThat(RoutePaths.fromSpring("/files/{*rest}").path()).isEqualTo("/files/{rest+}");
    assertThat(RoutePaths.fromSpring("").path()).isEqualTo("/");
    assertThat(RoutePaths.fromSpring("//a//b/").path()).isEqualTo("/a/b");
  }

  @Test
  void finerThanASegmentIsWidenedWithMediumConfidence() {
    assertThat(RoutePaths.fromSpring("/files/{name}.{ext}"))
        .isEqualTo(new RoutePaths.Converted("/files/{name}", Confidence.MEDIUM));
    assertThat(RoutePaths.fromSpring("/a/*/b/*.html"))
        .isEqualTo(new RoutePaths.Converted("/a/{wildcard}/b/{wildcard2}", Confidence.MEDIUM));
    assertThat(RoutePaths.fromSpring("/a/**/b"))
        .isEqualTo(new RoutePaths.Converted("/a/{proxy+}", Confidence.MEDIUM));
  }

  @Test
  void micronautTemplatesWithOptionalSegmentsGiveBothVariants() {
    assertThat(RoutePaths.fromMicronaut("/books{/id}"))
        .extracting(RoutePaths.Converted::path)
        .containsExactly("/books", "/books/{id}");
    assertThat(RoutePaths.fromMicronaut("/books/{id}{?max,offset}"))
        .extracting(RoutePaths.Converted::path)
        .containsExactly("/books/{id}");
    assertThat(RoutePaths.fromMicronaut("/assets/{+path}"))
        .extracting(RoutePaths.Converted::path)
        .containsExactly("/assets/{path+}");
    assertThat(RoutePaths.fromMicronaut("/report{.format}"))
        .containsExactly(new RoutePaths.Converted("/report", Confidence.MEDIUM));
  }

  @Test
  void joinsAndPrefixes() {
    assertThat(RoutePaths.join("/api/", "/x")).isEqualTo("/api/x");
    assertThat(RoutePaths.join("/api", "x")).isEqualTo("/api/x");
    assertThat(RoutePaths.join("", "x")).isEqualTo("x");
    assertThat(RoutePaths.prefix("api/")).isEqualTo("/api");
    assertThat(RoutePaths.prefix("/")).isEqualTo("");
  }

  @Test
  void placeholdersWithDefaultsNestingAndMissingKeys() {
    Map<String, String> config = Map.of("base", "/api", "inner", "v2");
    PropertyPlaceholders.Result result = PropertyPlaceholders.resolve(
        "${base}/${missing:${inner}}/${gone}/x", k -> Optional.ofNullable(config.get(k)));
    assertThat(result.text()).isEqualTo("/api/v2/{gone}/x");
    assertThat(result.usedDefault()).isTrue();
    assertThat(result.unresolved()).containsExactly("gone");
    assertThat(PropertyPlaceholders.resolve("/plain/{id}", k -> Optional.empty()).resolved()).isTrue();
    assertThat(PropertyPlaceholders.resolve("${a.b-c}", k -> Optional.empty()).text())
        .isEqualTo("{a_b_c}");
    assertThat(PropertyPlaceholders.resolve("${unclosed", k -> Optional.empty()).text())
        .isEqualTo("${unclosed");
  }
}
