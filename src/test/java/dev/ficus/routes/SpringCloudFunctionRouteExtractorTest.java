package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Confidence;
import dev.ficus.model.Route;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringCloudFunctionRouteExtractorTest {

  private final SpringCloudFunctionRouteExtractor extractor = new SpringCloudFunctionRouteExtractor();

  private static final String FUNCTIONS = """
      package com.acme;

      import java.util.function.Consumer;
      import java.util.function.Function;
      import java.util.function.Supplier;
      import org.springframework.boot.autoconfigure.SpringBootApplication;
      import org.springframework.context.annotation.Bean;

      @SpringBootApplication
      public class Application {
        @Bean %s
        public Function<String, String> uppercase() { return s -> s.toUpperCase(); }

        @Bean %s
        public Function<String, String> reverse() { return s -> new StringBuilder(s).reverse().toString(); }

        @Bean("audit") %s
        public Consumer<String> auditLog() { return s -> {}; }

        @Bean
        public String notAFunction() { return "x"; }

        public Supplier<String> notABean() { return () -> "x"; }
      }
      """;

  @Test
  void definedFunctionTakesTheApiPathsOfItsFunctionInvokerFunction() {
    TestRepo repo = TestRepo.create()
        .file("src/main/resources/application.properties", """
            spring.cloud.function.definition=uppercase
            """)
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::ApiGateway
              UppercaseFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java21
                  Handler: org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest
                  Events:
                    Upper: # ROUTE: POST /upper -> com.acme.Application#uppercase
                      Type: Api
                      Properties:
                        Path: /upper
                        Method: post
            """)
        .java("com/acme/Application.java", FUNCTIONS.formatted("", "", ""));
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).singleElement().satisfies(r -> {
      assertThat(r.function()).isEqualTo("UppercaseFunction");
      assertThat(r.confidence()).isEqualTo(Confidence.HIGH);
    });
  }

  @Test
  void definitionFromTheFunctionEnvironmentWithCompositionAndTheEntryCodeOfEachPart() {
    TestRepo repo = TestRepo.create()
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java21
                  Handler: org.springframework.cloud.function.adapter.aws.FunctionInvoker
                  Environment:
                    Variables:
                      SPRING_CLOUD_FUNCTION_DEFINITION: uppercase|reverse
                  Events:
                    Shout: # ROUTE: GET /shout -> com.acme.Application#uppercase
                      Type: HttpApi
                      Properties:
                        Path: /shout
                        Method: GET
            """)
        .java("com/acme/Application.java", FUNCTIONS.formatted("", "", ""));
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    assertThat(extractor.appliesTo(context)).isTrue();
    List<ExtractedRoute> extracted = extractor.extract(context);
    RouteMarkers.compare(repo, extracted.stream().map(ExtractedRoute::route).toList());
    assertThat(extracted.get(0).entryCode()).hasSize(2);
    assertThat(extracted.get(0).entryCode().get(1).toString()).contains("reverse()");
  }

  @Test
  void withoutIacPathsEachDefinedFunctionIsAPlaceholderRouteWithLowConfidence() {
    TestRepo repo = TestRepo.create()
        .file("src/main/resources/application.yml", """
            spring:
              cloud:
                function:
                  definition: uppercase;audit
            """)
        .java("com/acme/Application.java", FUNCTIONS.formatted(
            "// ROUTE: ANY /uppercase -> com.acme.Application#uppercase",
            "",
            "// ROUTE: ANY /audit -> com.acme.Application#auditLog"));
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).extracting(Route::confidence).containsOnly(Confidence.LOW);
    assertThat(routes).extracting(Route::function).containsOnlyNulls();
  }

  @Test
  void aComposedFunctionInAListIsNamedByItsPartsJoinedWithCommas() {
    TestRepo.Loaded loaded = TestRepo.create()
        .file("src/main/resources/application.properties", """
            spring.cloud.function.definition=audit;uppercase|reverse
            """)
        .java("com/acme/Application.java", FUNCTIONS.formatted("", "", ""))
        .load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    assertThat(extractor.extract(context)).extracting(e -> e.route().id() + " " + e.route().handler())
        .containsExactly(
            "ANY /audit com.acme.Application#auditLog",
            "ANY /uppercase,reverse com.acme.Application#uppercase");
  }

  @Test
  void routingByHeaderReportsEveryFunctionEvenWhenTheApiDeclaresOnePath() {
    TestRepo repo = TestRepo.create()
        .file("src/main/resources/application.properties", """
            spring.cloud.function.routing-expression=headers['x-function-name']
            """)
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Router:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java21
                  Handler: com.acme.Handler
                  Events:
                    All:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: any
            """)
        .java("com/acme/Handler.java", """
            package com.acme;

            import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

            public class Handler extends FunctionInvoker {}
            """)
        .java("com/acme/Application.java", FUNCTIONS.formatted(
            "// ROUTE: ANY /uppercase", "// ROUTE: ANY /reverse", "// ROUTE: ANY /audit"));
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<Route> routes = extractor.extract(context).stream().map(ExtractedRoute::route).toList();
    RouteMarkers.compare(repo, routes);
    assertThat(routes).extracting(Route::function).containsOnly("Router");
    assertThat(loaded.diagnostics().sorted())
        .anySatisfy(d -> assertThat(d.code()).isEqualTo("spring-cloud-function-routed-by-header"));
  }

  @Test
  void componentClassesAndMessageRoutingCallback() {
    TestRepo repo = TestRepo.create()
        .file("src/main/resources/application.properties", """
            spring.main.banner-mode=off
            """)
        .java("com/acme/Greeter.java", """
            package com.acme;

            import java.util.function.Function;
            import org.springframework.stereotype.Component;

            @Component // ROUTE: ANY /greeter -> com.acme.Greeter#apply
            public class Greeter implements Function<String, String> {
              @Override
              public String apply(String name) { return "hello " + name; }
            }
            """)
        .java("com/acme/Ticker.java", """
            package com.acme;

            import java.util.function.Supplier;
            import org.springframework.stereotype.Service;

            @Service("clock") // ROUTE: ANY /clock -> com.acme.Ticker#get
            class Ticker implements Supplier<Long> {
              public Long get() { return 1L; }
            }
            """)
        .java("com/acme/Router.java", """
            package com.acme;

            import org.springframework.cloud.function.context.MessageRoutingCallback;
            import org.springframework.messaging.Message;

            class Router implements MessageRoutingCallback {
              @Override
              public String routingResult(Message<?> message) {
                return (String) message.getHeaders().get("x-function-name");
              }
            }
            """)
        .java("com/acme/Helper.java", """
            package com.acme;

            import java.util.function.Function;

            class Helper implements Function<String, String> {
              public String apply(String s) { return s; }
            }
            """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void nearMissAPlainSpringBootAppWithAFunctionBeanIsNotSpringCloudFunction() {
    TestRepo.Loaded loaded = TestRepo.create()
        .java("com/acme/Application.java", FUNCTIONS.formatted("", "", ""))
        .load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    assertThat(extractor.appliesTo(context)).isFalse();
  }

  @Test
  void unknownDefinitionIsADiagnostic() {
    TestRepo repo = TestRepo.create()
        .file("src/main/resources/application.properties", """
            spring.cloud.function.definition=lowercase
            """)
        .java("com/acme/Application.java", FUNCTIONS.formatted("", "", ""));
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    assertThat(extractor.extract(context)).isEmpty();
    assertThat(loaded.diagnostics().sorted())
        .anySatisfy(d -> assertThat(d.code()).isEqualTo("spring-cloud-function-unknown-function"));
  }

  @Test
  void beansReturningRepositoryFunctionClassesAndScannedFunctionsPackage() {
    TestRepo repo = TestRepo.create()
        .file("src/main/resources/application.properties", """
            spring.cloud.function.routing-expression=headers['fn']
            """)
        .java("com/acme/Config.java", """
            package com.acme;

            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;

            @Configuration
            class Config {
              @Bean(name = {"charge", "pay"}) // ROUTE: ANY /charge -> com.acme.Charge#apply
              Charge charger() { return new Charge(); }
            }
            """)
        .java("com/acme/Charge.java", """
            package com.acme;

            import java.util.function.Function;

            class Charge implements Function<String, String> {
              public String apply(String order) { return "charged " + order; }
            }
            """)
        .java("functions/Refund.java", """
            package functions;

            import java.util.function.Consumer;

            public class Refund implements Consumer<String> {
              public void accept(String order) {}
            }
            """);
    // The scanned class has no annotation: its route is declared by the class itself.
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    assertThat(extractor.extract(context))
        .extracting(e -> e.route().id() + " " + e.route().handler() + " " + e.route().source())
        .containsExactly(
            "ANY /charge com.acme.Charge#apply src/main/java/com/acme/Config.java:8",
            "ANY /refund functions.Refund#accept src/main/java/functions/Refund.java:5");
  }
}
