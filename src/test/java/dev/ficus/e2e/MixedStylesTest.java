package dev.ficus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cli.AnalysisPipeline;
import dev.ficus.model.Analysis;
import dev.ficus.model.Route;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One repository, three functions in three routing styles (a hand-written REST dispatch, a Spring
 * Boot app behind the container handler, Spark behind its handler): every route is reported once,
 * by the extractor of its style, tied to the function that really serves it.
 */
class MixedStylesTest {

  private static final TestRepo REPO =
      TestRepo.create()
          .file("template.yaml", """
              AWSTemplateFormatVersion: '2010-09-09'
              Transform: AWS::Serverless-2016-10-31
              Globals:
                Function:
                  Runtime: java21
                  MemorySize: 1024
              Resources:
                AdminFunction:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: com.acme.admin.AdminHandler::handleRequest
                    Events:
                      Proxy:
                        Type: Api
                        Properties:
                          Path: /admin/{proxy+}
                          Method: ANY
                ShopFunction:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: com.acme.shop.StreamLambdaHandler::handleRequest
                    Events:
                      Proxy:
                        Type: Api
                        Properties:
                          Path: /shop/{proxy+}
                          Method: ANY
                NotesFunction:
                  Type: AWS::Serverless::Function
                  Properties:
                    Handler: com.acme.notes.NotesHandler::handleRequest
                    Events:
                      Proxy:
                        Type: Api
                        Properties:
                          Path: /notes/{proxy+}
                          Method: ANY
              """)
          .java("com/acme/admin/AdminHandler.java", """
              package com.acme.admin;

              import com.amazonaws.services.lambda.runtime.Context;
              import com.amazonaws.services.lambda.runtime.RequestHandler;
              import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
              import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

              public class AdminHandler
                  implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
                private final UserAdmin users = new UserAdmin();

                @Override
                public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                  if ("GET".equals(event.getHttpMethod()) && "/admin/users".equals(event.getPath())) { // ROUTE: GET /admin/users -> com.acme.admin.UserAdmin#list
                    return users.list();
                  }
                  if ("DELETE".equals(event.getHttpMethod()) && event.getPath().startsWith("/admin/users/")) { // ROUTE: DELETE /admin/users/{id} -> com.acme.admin.UserAdmin#remove
                    return users.remove(event.getPath().substring("/admin/users/".length()));
                  }
                  return new APIGatewayProxyResponseEvent().withStatusCode(404);
                }
              }
              """)
          .java("com/acme/admin/UserAdmin.java", """
              package com.acme.admin;

              import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

              class UserAdmin {
                APIGatewayProxyResponseEvent list() {
                  return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("[]");
                }

                APIGatewayProxyResponseEvent remove(String id) {
                  return new APIGatewayProxyResponseEvent().withStatusCode(204);
                }
              }
              """)
          .java("com/acme/shop/StreamLambdaHandler.java", """
              package com.acme.shop;

              import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
              import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
              import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
              import com.amazonaws.services.lambda.runtime.Context;
              import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
              import java.io.IOException;
              import java.io.InputStream;
              import java.io.OutputStream;

              public class StreamLambdaHandler implements RequestStreamHandler {
                private static final SpringBootLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> handler;

                static {
                  try {
                    handler = SpringBootLambdaContainerHandler.getAwsProxyHandler(ShopApplication.class);
                  } catch (Exception e) {
                    throw new RuntimeException("Could not initialize Spring Boot application", e);
                  }
                }

                @Override
                public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
                  handler.proxyStream(input, output, context);
                }
              }
              """)
          .java("com/acme/shop/ShopApplication.java", """
              package com.acme.shop;

              import org.springframework.boot.autoconfigure.SpringBootApplication;

              @SpringBootApplication
              public class ShopApplication {}
              """)
          .java("com/acme/shop/CartController.java", """
              package com.acme.shop;

              import org.springframework.web.bind.annotation.*;

              @RestController
              @RequestMapping("/shop/carts")
              public class CartController {
                @GetMapping("/{cartId}") // ROUTE: GET /shop/carts/{cartId} -> com.acme.shop.CartController#get
                public String get(@PathVariable String cartId) { return cartId; }

                @PostMapping // ROUTE: POST /shop/carts -> com.acme.shop.CartController#create
                public String create(@RequestBody String body) { return body; }
              }
              """)
          .java("com/acme/notes/NotesHandler.java", """
              package com.acme.notes;

              import static spark.Spark.get;

              import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
              import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
              import com.amazonaws.serverless.proxy.spark.SparkLambdaContainerHandler;
              import com.amazonaws.services.lambda.runtime.Context;
              import com.amazonaws.services.lambda.runtime.RequestHandler;

              public class NotesHandler implements RequestHandler<AwsProxyRequest, AwsProxyResponse> {
                private static SparkLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> handler;

                @Override
                public AwsProxyResponse handleRequest(AwsProxyRequest request, Context context) {
                  if (handler == null) {
                    try {
                      handler = SparkLambdaContainerHandler.getAwsProxyHandler();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    get("/notes/:id", (req, res) -> req.params(":id")); // ROUTE: GET /notes/{id} -> com.acme.notes.NotesHandler#handleRequest
                  }
                  return handler.proxy(request, context);
                }
              }
              """);

  @Test
  void everyRouteOnceWithTheFunctionThatServesIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path repo = REPO.writeTo(Files.createDirectories(dir.resolve("repo")));
    Analysis analysis = new AnalysisPipeline(AnalysisPipeline.Options.defaults()).analyze(repo);
    RouteMarkers.compare(REPO, analysis.routes());
    assertThat(analysis.routes())
        .extracting(r -> r.id() + " " + r.function() + " " + r.extractor())
        .containsExactly(
            "GET /admin/users AdminFunction apigateway-dispatch",
            "DELETE /admin/users/{id} AdminFunction apigateway-dispatch",
            "GET /notes/{id} NotesFunction spark",
            "POST /shop/carts ShopFunction spring-mvc",
            "GET /shop/carts/{cartId} ShopFunction spring-mvc");
    assertThat(analysis.routes()).map(Route::id).doesNotHaveDuplicates();
    assertThat(analysis.diagnostics()).noneMatch(d -> d.code().equals("route-not-routed"));
  }
}
