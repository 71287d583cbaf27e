package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A framework route whose controller method ficus calls directly gets a handler that binds the
 * event as the framework would, and a test that sends an event through it; a route that keeps the
 * adapter gets a test that sends its event through the framework.
 */
class CallHandlersTest {

  private static final String TEMPLATE = dev.ficus.testing.SpringShop.TEMPLATE;

  private static final String ADAPTER = dev.ficus.testing.SpringShop.ADAPTER;

  private static final String CONTROLLER = """
      package com.acme;

      import org.springframework.http.HttpStatus;
      import org.springframework.web.bind.annotation.*;

      @RestController
      @RequestMapping("/items")
      public class ItemController {
        private final Items items;

        public ItemController(Items items) {
          this.items = items;
        }

        @GetMapping("/{id}")
        public Item get(@PathVariable long id, @RequestParam(defaultValue = "10") int limit,
            @RequestHeader("X-Tenant") String tenant) {
          return items.find(id);
        }

        @PostMapping
        @ResponseStatus(HttpStatus.CREATED)
        public Item create(@jakarta.validation.Valid @RequestBody Item item) {
          return item;
        }
      }
      """;

  private static final String ITEMS = """
      package com.acme;

      @org.springframework.stereotype.Service
      public class Items {
        public Item find(long id) {
          return new Item(id);
        }
      }
      """;

  private static ScaffoldFixtures.Scaffolded scaffold(Path dir) {
    TestRepo.create()
        .file("template.yaml", TEMPLATE)
        .java("com/acme/StreamLambdaHandler.java", ADAPTER)
        .java("com/acme/ShopApplication.java", """
            package com.acme;

            @org.springframework.boot.autoconfigure.SpringBootApplication
            public class ShopApplication {}
            """)
        .java("com/acme/ItemController.java", CONTROLLER)
        .java("com/acme/Items.java", ITEMS)
        .java("com/acme/Item.java", "package com.acme;\n\npublic record Item(long id) {}\n")
        .writeTo(dir);
    return ScaffoldFixtures.scaffold(dir, ScaffoldOptions.defaults(), "by-path");
  }

  private static String file(ScaffoldFixtures.Scaffolded s, String suffix) {
    return s.project().files().stream()
        .filter(f -> f.path().endsWith(suffix))
        .findFirst()
        .map(GeneratedFile::content)
        .orElseThrow(() -> new AssertionError(suffix + " not generated: " + s.paths()));
  }

  @Test
  void theHandlerBindsTheEventAndCallsTheControllerMethod(@TempDir Path dir) {
    String handler = file(scaffold(dir), "/com/acme/GetItemsByIdHandler.java");

    assertThat(handler)
        .contains("public class GetItemsByIdHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {")
        .contains("this(new com.acme.ItemController(bean(\"com.acme.Items\", () -> new com.acme.Items())));")
        .contains("String raw0 = event.getPathParameters() == null ? null : event.getPathParameters().get(\"id\");")
        .contains("argument0 = convert(raw0, long.class);")
        .contains("raw1 = \"10\";")
        .contains("String raw2 = headers.get(\"x-tenant\");")
        .contains("return error(400, \"Required header 'X-Tenant' is not present\", event, context);")
        .contains("com.acme.Item result = controller.get(argument0, argument1, argument2);")
        .contains("return write(200, new LinkedHashMap<>(), result, \"application/json\");");
  }

  @Test
  void itsTestSendsAnEventWithAValueForEachParameterAndChecksTheCall(@TempDir Path dir) {
    String test = file(scaffold(dir), "/com/acme/GetItemsByIdHandlerTest.java");

    assertThat(test)
        .contains(".withHttpMethod(\"GET\")")
        .contains(".withPath(\"/items/1\")")
        .contains("pathParameters.put(\"id\", \"1\");")
        .contains("query.put(\"limit\", \"1\");")
        .contains("headers.put(\"X-Tenant\", \"XTenant-1\");")
        .contains("spy(new com.acme.ItemController(standIn(\"com.acme.Items\")))")
        .contains("assertEquals(200, response.getStatusCode()")
        .contains("verify(controller).get(eq(1L), eq(1), eq(\"XTenant-1\"));")
        .contains("assertTrue(body.isObject()")
        .contains("void answersAMissingRequiredValueWith400()")
        .contains("event.getHeaders().remove(\"X-Tenant\");");
  }

  @Test
  void aRouteTheFrameworkMustValidateKeepsTheAdapterAndItsTestGoesThroughIt(@TempDir Path dir) {
    ScaffoldFixtures.Scaffolded s = scaffold(dir);
    String handler = file(s, "/com/acme/PostItemsHandler.java");
    String test = file(s, "/com/acme/PostItemsHandlerTest.java");

    assertThat(handler)
        .contains("extends com.acme.StreamLambdaHandler")
        .contains("ficus does not call ItemController#create directly because parameter item is validated (@Valid)");
    assertThat(test)
        .contains("void theFrameworkFindsTheRoute()")
        .contains("assertNotEquals(404, status, \"the framework matched POST /items\");");
    assertThat(s.file("SCAFFOLD.md"))
        .contains("ficus calls ItemController#get directly")
        .contains("ficus does not call ItemController#create directly");
  }

  @Test
  void aMonolithWhoseJsonIsNotJacksonKeepsTheAdapter(@TempDir Path dir) {
    TestRepo.create()
        .file("template.yaml", TEMPLATE.replace("com.acme.StreamLambdaHandler",
            "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler"))
        .file("pom.xml", """
            <project>
              <dependencies>
                <dependency>
                  <groupId>io.quarkus</groupId>
                  <artifactId>quarkus-resteasy-jsonb</artifactId>
                </dependency>
              </dependencies>
            </project>
            """)
        .java("com/acme/StockResource.java", """
            package com.acme;

            import jakarta.ws.rs.*;

            @Path("/stock")
            public class StockResource {
              @GET
              public Level level(@QueryParam("sku") String sku) {
                return new Level(1);
              }
            }
            """)
        .java("com/acme/Level.java", "package com.acme;\n\npublic record Level(int quantity) {}\n")
        .writeTo(dir);
    ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.scaffold(dir, ScaffoldOptions.defaults(), "by-path");

    assertThat(file(s, "/com/acme/GetStockHandler.java"))
        .contains("extends io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler")
        .contains("ficus does not call StockResource#level directly because the monolith's pom names"
            + " no library that writes JSON with Jackson");
  }

  @Test
  void anHttpApiRouteIsCalledWithTheHttpApiEvent(@TempDir Path dir) {
    TestRepo.create()
        .file("template.yaml", TEMPLATE.replace("Type: Api", "Type: HttpApi"))
        .java("com/acme/StreamLambdaHandler.java", ADAPTER)
        .java("com/acme/ShopApplication.java", """
            package com.acme;

            @org.springframework.boot.autoconfigure.SpringBootApplication
            public class ShopApplication {}
            """)
        .java("com/acme/ItemController.java", CONTROLLER)
        .java("com/acme/Items.java", ITEMS)
        .java("com/acme/Item.java", "package com.acme;\n\npublic record Item(long id) {}\n")
        .writeTo(dir);
    ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.scaffold(dir, ScaffoldOptions.defaults(), "by-path");

    assertThat(file(s, "/com/acme/GetItemsByIdHandler.java"))
        .contains("implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>")
        .contains("body.put(\"path\", event.getRawPath());");
    assertThat(file(s, "/com/acme/GetItemsByIdHandlerTest.java"))
        .contains("APIGatewayV2HTTPEvent.builder()")
        .contains(".withRouteKey(\"GET /items/{id}\")");
  }
}
