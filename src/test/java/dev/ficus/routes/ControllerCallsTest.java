package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.ControllerCall;
import dev.ficus.model.ControllerCall.Argument;
import dev.ficus.model.ControllerCall.Result;
import dev.ficus.model.ControllerCall.Shape;
import dev.ficus.model.ControllerCall.Source;
import dev.ficus.model.Diagnostics;
import dev.ficus.model.RouteCode;
import dev.ficus.testing.TestRepo;
import org.junit.jupiter.api.Test;

/**
 * A framework route's controller method is called directly when every step the framework takes
 * for it can be reproduced: the binding of each argument, the wiring of the controller, the
 * writing of the result. Otherwise the route keeps the adapter, and the first note says why.
 */
class ControllerCallsTest {

  private static final String TEMPLATE = dev.ficus.testing.SpringShop.TEMPLATE;

  private static final String ADAPTER = dev.ficus.testing.SpringShop.ADAPTER;

  private static final String APPLICATION = """
      package com.acme;

      import org.springframework.boot.autoconfigure.SpringBootApplication;

      @SpringBootApplication
      public class ShopApplication {}
      """;

  private static RouteCode code(String route, String... sources) {
    TestRepo repo = TestRepo.create().file("template.yaml", TEMPLATE)
        .java("com/acme/StreamLambdaHandler.java", ADAPTER)
        .java("com/acme/ShopApplication.java", APPLICATION);
    for (String source : sources) {
      String name = source.replaceAll("(?s).*?(?:class|interface|enum|record) (\\w+).*", "$1");
      repo.java("com/acme/" + name + ".java", source);
    }
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), new Diagnostics());
    return RouteCodes.of(RouteExtractors.builtIn().extractAll(context), loaded.workspace(),
            loaded.iac(), new Diagnostics())
        .stream().filter(c -> c.route().equals(route)).findFirst()
        .orElseThrow(() -> new AssertionError("no code for " + route + " in " + RouteCodes.of(RouteExtractors.builtIn().extractAll(context), loaded.workspace(), loaded.iac(), new Diagnostics()).stream().map(c -> c.route() + " " + c.kind()).toList()));
  }

  private static final String SERVICE = """
      package com.acme;

      import org.springframework.stereotype.Service;

      @Service
      public class Items {
        private final Store store;

        public Items(Store store) {
          this.store = store;
        }
      }
      """;

  private static final String STORE = """
      package com.acme;

      public interface Store {}
      """;

  private static final String DYNAMO_STORE = """
      package com.acme;

      import org.springframework.stereotype.Repository;
      import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

      @Repository
      class DynamoStore implements Store {
        DynamoStore(DynamoDbClient client) {}
      }
      """;

  private static final String AWS_CONFIG = """
      package com.acme;

      import org.springframework.context.annotation.Bean;
      import org.springframework.context.annotation.Configuration;
      import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

      @Configuration
      public class AwsConfig {
        @Bean
        public DynamoDbClient dynamo() {
          return DynamoDbClient.create();
        }
      }
      """;

  @Test
  void springArgumentsAreBoundAsSpringBindsThem() {
    RouteCode code = code("GET /items/{id}", """
        package com.acme;

        import org.springframework.web.bind.annotation.*;

        @RestController
        @RequestMapping("/items")
        public class ItemController {
          @GetMapping("/{id}")
          public Item get(
              @PathVariable("id") long itemId,
              @RequestParam(defaultValue = "EUR") Currency currency,
              @RequestParam(required = false) String q,
              @RequestHeader("X-Tenant") String tenant) {
            return null;
          }
        }
        """, "package com.acme;\npublic enum Currency { EUR, USD }\n",
        "package com.acme;\npublic record Item(long id) {}\n");

    assertThat(code.kind()).isEqualTo(RouteCode.Kind.CALL);
    ControllerCall call = code.call();
    assertThat(call.arguments()).containsExactly(
        new Argument(Source.PATH, "id", "long", null, true, false, 400, "1"),
        new Argument(Source.QUERY, "currency", "com.acme.Currency", "EUR", false, true, 400, "EUR"),
        new Argument(Source.QUERY, "q", "java.lang.String", null, false, false, 400, "q-1"),
        new Argument(Source.HEADER, "X-Tenant", "java.lang.String", null, true, false, 400, "XTenant-1"));
    assertThat(call.result()).isEqualTo(Result.JSON);
    assertThat(call.status()).isEqualTo(200);
    assertThat(call.shape()).isEqualTo(Shape.OBJECT);
    assertThat(code.pathParameters()).containsExactly("id");
    assertThat(code.notes().get(0)).startsWith("ficus calls ItemController#get directly");
  }

  @Test
  void aRequestBodyIsReadAsJsonAndResponseStatusGivesTheStatus() {
    ControllerCall call = code("POST /items", """
        package com.acme;

        import java.util.List;
        import org.springframework.http.HttpStatus;
        import org.springframework.web.bind.annotation.*;

        @RestController
        public class ItemController {
          @PostMapping("/items")
          @ResponseStatus(HttpStatus.CREATED)
          public List<Item> create(@RequestBody List<Item> items) {
            return items;
          }
        }
        """, "package com.acme;\npublic record Item(long id) {}\n").call();

    assertThat(call.arguments()).containsExactly(
        new Argument(Source.BODY, "items", "java.util.List<com.acme.Item>", null, true, false, 400, "[]"));
    assertThat(call.status()).isEqualTo(201);
    assertThat(call.shape()).isEqualTo(Shape.ARRAY);
  }

  @Test
  void theControllerIsBuiltWithTheImplementationsTheFrameworkInjects() {
    ControllerCall call = code("GET /items", """
        package com.acme;

        import org.springframework.http.ResponseEntity;
        import org.springframework.web.bind.annotation.*;

        @RestController
        public class ItemController {
          private final Items items;

          ItemController(Items items) {
            this.items = items;
          }

          @GetMapping("/items")
          public ResponseEntity<String> list() {
            return ResponseEntity.ok("[]");
          }
        }
        """, SERVICE, STORE, DYNAMO_STORE, AWS_CONFIG).call();

    assertThat(call.result()).isEqualTo(Result.SPRING_RESPONSE_ENTITY);
    assertThat(call.wiring()).isEqualTo(
        "new com.acme.ItemController(bean(\"com.acme.Items\", () -> new com.acme.Items("
            + "bean(\"com.acme.DynamoStore\", () -> new com.acme.DynamoStore("
            + "bean(\"com.acme.AwsConfig#dynamo\", () -> ((com.acme.AwsConfig) bean(\"com.acme.AwsConfig\","
            + " () -> new com.acme.AwsConfig())).dynamo()))))))");
    assertThat(call.testWiring()).isEqualTo("new com.acme.ItemController(standIn(\"com.acme.Items\"))");
    assertThat(call.classes())
        .containsExactly("com.acme.AwsConfig", "com.acme.DynamoStore", "com.acme.ItemController",
            "com.acme.Items", "com.acme.Store");
  }

  @Test
  void jaxRsFieldInjectionAndDefaultsFollowJaxRs() {
    RouteCode code = code("GET /stock/{sku}", """
        package com.acme;

        import jakarta.inject.Inject;
        import jakarta.ws.rs.*;

        @Path("/stock")
        public class StockResource {
          @Inject Levels levels;

          @GET
          @Path("{sku}")
          public Level level(@PathParam("sku") String sku, @QueryParam("limit") int limit,
              @QueryParam("site") @DefaultValue("main") String site) {
            return null;
          }
        }
        """, """
        package com.acme;

        import jakarta.enterprise.context.ApplicationScoped;

        @ApplicationScoped
        public class Levels {}
        """, "package com.acme;\npublic record Level(int quantity) {}\n");

    ControllerCall call = code.call();
    assertThat(call.framework()).isEqualTo(ControllerCall.Framework.JAX_RS);
    assertThat(call.frameworkPackage()).isEqualTo("jakarta.ws.rs");
    assertThat(call.arguments()).containsExactly(
        new Argument(Source.PATH, "sku", "java.lang.String", null, true, false, 404, "sku-1"),
        new Argument(Source.QUERY, "limit", "int", "0", false, false, 404, "1"),
        new Argument(Source.QUERY, "site", "java.lang.String", "main", false, false, 404, "site-1"));
    assertThat(call.wiring()).isEqualTo(
        "inject(new com.acme.StockResource(), \"levels\", bean(\"com.acme.Levels\", () -> new com.acme.Levels()))");
    assertThat(call.testWiring()).isEqualTo(
        "inject(new com.acme.StockResource(), \"levels\", standIn(\"com.acme.Levels\"))");
  }

  @Test
  void aJaxRsVoidMethodAnswers204AndAnUnannotatedParameterIsTheBody() {
    ControllerCall call = code("PUT /stock/{sku}", """
        package com.acme;

        import jakarta.ws.rs.*;

        @Path("/stock")
        public class StockResource {
          @PUT
          @Path("{sku}")
          public void put(@PathParam("sku") String sku, Level level) {}
        }
        """, "package com.acme;\npublic record Level(int quantity) {}\n").call();

    assertThat(call.status()).isEqualTo(204);
    assertThat(call.result()).isEqualTo(Result.VOID);
    assertThat(call.arguments().get(1).source()).isEqualTo(Source.BODY);
    assertThat(call.arguments().get(1).required()).isFalse();
  }

  @Test
  void micronautBindsUnannotatedValuesFromThePathOrTheQuery() {
    ControllerCall call = code("GET /books/{isbn}", """
        package com.acme;

        import io.micronaut.core.annotation.Nullable;
        import io.micronaut.http.HttpResponse;
        import io.micronaut.http.annotation.*;

        @Controller("/books")
        public class BookController {
          @Get("/{isbn}")
          public HttpResponse<Book> show(String isbn, @Nullable Integer page, @QueryValue(defaultValue = "x") String sort) {
            return HttpResponse.ok();
          }
        }
        """, "package com.acme;\npublic record Book(String isbn) {}\n").call();

    assertThat(call.result()).isEqualTo(Result.MICRONAUT_HTTP_RESPONSE);
    assertThat(call.arguments()).containsExactly(
        new Argument(Source.PATH, "isbn", "java.lang.String", null, true, false, 400, "isbn-1"),
        new Argument(Source.QUERY, "page", "java.lang.Integer", null, false, false, 400, "1"),
        new Argument(Source.QUERY, "sort", "java.lang.String", "x", false, false, 400, "sort-1"));
  }

  private static String refusal(String route, String... sources) {
    RouteCode code = code(route, sources);
    assertThat(code.kind()).as("served by the adapter").isEqualTo(RouteCode.Kind.CONTAINER);
    return code.notes().get(0);
  }

  @Test
  void aConfigurationPropertyKeepsTheAdapterAndSaysWhere() {
    assertThat(refusal("GET /items", """
        package com.acme;

        import org.springframework.web.bind.annotation.*;

        @RestController
        public class ItemController {
          ItemController(Store store) {}

          @GetMapping("/items")
          public String list() { return ""; }
        }
        """, STORE, """
        package com.acme;

        import org.springframework.beans.factory.annotation.Value;
        import org.springframework.stereotype.Repository;

        @Repository
        class TableStore implements Store {
          TableStore(@Value("${tables.items}") String table) {}
        }
        """))
        .isEqualTo("ficus does not call ItemController#list directly because the parameter table of"
            + " TableStore's constructor is a configuration property (@Value(\"${tables.items}\")),"
            + " so the framework's adapter serves the route (and starts the whole application).");
  }

  @Test
  void twoImplementationsWithoutAQualifierKeepTheAdapter() {
    assertThat(refusal("GET /items", """
        package com.acme;

        import org.springframework.web.bind.annotation.*;

        @RestController
        public class ItemController {
          ItemController(Store store) {}

          @GetMapping("/items")
          public String list() { return ""; }
        }
        """, STORE,
        "package com.acme;\n@org.springframework.stereotype.Component\nclass AStore implements Store {}\n",
        "package com.acme;\n@org.springframework.stereotype.Component\nclass BStore implements Store {}\n"))
        .contains("because 2 beans are a Store (AStore, BStore)");
  }

  @Test
  void whatTheFrameworkDoesAroundTheCallKeepsTheAdapter() {
    String controller = """
        package com.acme;

        import org.springframework.web.bind.annotation.*;

        @RestController
        public class ItemController {
          @PostMapping("/items")
          public Item create(@jakarta.validation.Valid @RequestBody Item item) { return item; }

          @GetMapping("/items/{id}")
          public java.util.concurrent.CompletableFuture<Item> get(@PathVariable String id) { return null; }

          @GetMapping("/items")
          public Item list(jakarta.servlet.http.HttpServletRequest request) { return null; }
        }
        """;
    String item = "package com.acme;\npublic record Item(long id) {}\n";
    assertThat(refusal("POST /items", controller, item)).contains("because parameter item is validated (@Valid)");
    assertThat(refusal("GET /items/{id}", controller, item))
        .contains("because the method answers asynchronously (CompletableFuture)");
    assertThat(refusal("GET /items", controller, item))
        .contains("because parameter request (HttpServletRequest) is not bound from the request's path,"
            + " query, headers or body");
  }

  @Test
  void anExceptionHandlerOrAdviceKeepsTheAdapter() {
    String controller = """
        package com.acme;

        import org.springframework.web.bind.annotation.*;

        @RestController
        public class ItemController {
          @GetMapping("/items")
          public String list() { return ""; }
        }
        """;
    assertThat(refusal("GET /items", controller, """
        package com.acme;

        import org.springframework.web.bind.annotation.*;

        @RestControllerAdvice
        class Errors {
          @ExceptionHandler(IllegalStateException.class)
          String conflict() { return "conflict"; }
        }
        """)).contains("because @RestControllerAdvice Errors applies to every request");
  }

  @Test
  void aSingletonServiceWithATransactionalMethodKeepsTheAdapter() {
    assertThat(refusal("GET /items", """
        package com.acme;

        import org.springframework.web.bind.annotation.*;

        @RestController
        public class ItemController {
          ItemController(Items items) {}

          @GetMapping("/items")
          public String list() { return ""; }
        }
        """, """
        package com.acme;

        @org.springframework.stereotype.Service
        public class Items {
          @org.springframework.transaction.annotation.Transactional
          public void save() {}
        }
        """)).contains("because @Transactional on Items#save asks the framework for more than a new instance");
  }
}
