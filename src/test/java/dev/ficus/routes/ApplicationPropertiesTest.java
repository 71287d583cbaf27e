package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationPropertiesTest {

  private static ApplicationProperties load(TestRepo repo) {
    TestRepo.Loaded loaded = repo.load();
    return ApplicationProperties.load(
        new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics()));
  }

  @Test
  void defaultProfileWinsAndProfilesOnlyFillGaps() {
    ApplicationProperties properties = load(TestRepo.create()
        .file("src/main/resources/application.yml", """
            server:
              servlet:
                context-path: /default
            ---
            spring:
              config:
                activate:
                  on-profile: prod
            server:
              servlet:
                context-path: /prod
            api:
              only-in-prod: yes
            """)
        .file("src/main/resources/application-dev.properties", """
            server.servlet.context-path=/dev
            api.dev=/dev-only
            """));
    assertThat(properties.get("server.servlet.context-path")).contains("/default");
    assertThat(properties.get("api.dev")).contains("/dev-only");
    assertThat(properties.get("api.only-in-prod")).contains("true");
    assertThat(properties.get("server.servlet.contextPath")).contains("/default");
  }

  @Test
  void environmentOfTheFunctionOverridesFilesWithRelaxedNames() {
    ApplicationProperties properties = load(TestRepo.create()
        .file("src/main/resources/application.properties", """
            server.servlet.context-path=/file
            """));
    LambdaFunction function = new LambdaFunction("Fn", "a.B", "a.B", null, "java17", ".", "sam",
        null,
        List.of(new EnvBinding("SERVER_SERVLET_CONTEXT_PATH", EnvBinding.Kind.LITERAL, "/env", null, null)),
        List.of(), List.of());
    assertThat(properties.forFunction(function).get("server.servlet.context-path")).contains("/env");
    assertThat(properties.get("server.servlet.context-path")).contains("/file");
  }

  @Test
  void brokenFilesAreDiagnosticsNotFailures() {
    TestRepo.Loaded loaded = TestRepo.create()
        .file("src/main/resources/application.yml", "a: [unclosed\n")
        .file("src/main/resources/application.properties", "ok=1\n")
        .load();
    ApplicationProperties properties = ApplicationProperties.load(
        new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics()));
    assertThat(properties.get("ok")).contains("1");
    assertThat(loaded.diagnostics().sorted())
        .anySatisfy(d -> assertThat(d.code()).isEqualTo("invalid-config"));
  }
}
