package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Confidence;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Route;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarkusLambdaHandlerRouteExtractorTest {

  private final QuarkusLambdaHandlerRouteExtractor extractor = new QuarkusLambdaHandlerRouteExtractor();

  private static final String ORDERS_HANDLER = """
      package com.acme;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
      import jakarta.inject.Inject;
      import jakarta.inject.Named;

      @Named("orders")
      public class OrdersHandler
          implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Inject OrderService orders;

        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
          return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(orders.list(event.getPath()));
        }
      }
      """;

  private static final String QUEUE_HANDLER = """
      package com.acme;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.SQSEvent;
      import jakarta.inject.Named;

      @Named("refunds")
      public class RefundsHandler implements RequestHandler<SQSEvent, Void> {
        private final RefundService refunds = new RefundService();

        @Override
        public Void handleRequest(SQSEvent event, Context context) {
          event.getRecords().forEach(r -> refunds.process(r.getBody()));
          return null;
        }
      }
      """;

  @Test
  void theBeanNamedInTheConfigurationServesTheFunctionsApiEvents() {
    TestRepo repo =
        TestRepo.create()
            .file("src/main/resources/application.properties", """
                quarkus.lambda.handler=orders
                """)
            .file("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  OrdersFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
                      Runtime: java21
                      CodeUri: target/function.zip
                      Events:
                        ListOrders: # ROUTE: GET /orders -> com.acme.OrdersHandler#handleRequest
                          Type: Api
                          Properties:
                            Path: /orders
                            Method: get
                """)
            .java("com/acme/OrdersHandler.java", ORDERS_HANDLER)
            .java("com/acme/RefundsHandler.java", QUEUE_HANDLER);
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).singleElement().satisfies(r -> {
      assertThat(r.function()).isEqualTo("OrdersFunction");
      assertThat(r.confidence()).isEqualTo(Confidence.HIGH);
    });
  }

  @Test
  void theEnvironmentVariableChoosesTheBeanPerFunction() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  OrdersFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
                      Runtime: java21
                      Environment:
                        Variables:
                          QUARKUS_LAMBDA_HANDLER: orders
                      FunctionUrlConfig:
                        AuthType: NONE
                  RefundsFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
                      Runtime: java21
                      Environment:
                        Variables:
                          QUARKUS_LAMBDA_HANDLER: refunds
                      Events:
                        Refunds:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt RefundQueue.Arn
                  RefundQueue:
                    Type: AWS::SQS::Queue
                """)
            .java("com/acme/OrdersHandler.java", ORDERS_HANDLER.replace(
                "public APIGatewayProxyResponseEvent handleRequest(",
                "public APIGatewayProxyResponseEvent handleRequest( // ROUTE: ANY /{proxy+}\n"))
            .java("com/acme/RefundsHandler.java", QUEUE_HANDLER);
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).singleElement().satisfies(r -> {
      assertThat(r.function()).isEqualTo("OrdersFunction");
      assertThat(r.handler()).isEqualTo("com.acme.OrdersHandler#handleRequest");
      assertThat(r.confidence()).isEqualTo(Confidence.LOW);
    });
  }

  @Test
  void withoutIacTheConfiguredApiBeanServesEveryPathWithLowConfidence() {
    TestRepo repo =
        TestRepo.create()
            .file("src/main/resources/application.yaml", """
                quarkus:
                  lambda:
                    handler: paymentsHandler
                "%dev":
                  quarkus:
                    lambda:
                      handler: refunds
                """)
            .java("com/acme/PaymentsHandler.java", """
                package com.acme;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
                import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
                import jakarta.inject.Named;

                @Named
                public class PaymentsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
                  private final PaymentService payments = new PaymentService();

                  @Override
                  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) { // ROUTE: ANY /{proxy+} -> com.acme.PaymentsHandler#handleRequest
                    return payments.handle(event.getRawPath(), event.getBody());
                  }
                }
                """)
            .java("com/acme/RefundsHandler.java", QUEUE_HANDLER);
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).singleElement().satisfies(r -> {
      assertThat(r.function()).isNull();
      assertThat(r.confidence()).isEqualTo(Confidence.LOW);
    });
  }

  @Test
  void severalBeansAndNoSelectionIsADiagnosticNotAGuess() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  AppFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
                      Runtime: java21
                      Events:
                        Any:
                          Type: HttpApi
                """)
            .java("com/acme/OrdersHandler.java", ORDERS_HANDLER)
            .java("com/acme/RefundsHandler.java", QUEUE_HANDLER);
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    assertThat(extractor.extract(context)).isEmpty();
    assertThat(loaded.diagnostics().sorted()).extracting(Diagnostic::code)
        .contains("quarkus-lambda-ambiguous-handler");
  }

  @Test
  void aQuarkusHttpFunctionWithResourcesIsNotGivenToTheOnlyBean() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  ApiFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
                      Runtime: java21
                      Events:
                        Any:
                          Type: HttpApi
                """)
            .java("com/acme/OrdersHandler.java", ORDERS_HANDLER)
            .java("com/acme/OrderResource.java", """
                package com.acme;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;

                @Path("/orders")
                public class OrderResource {
                  @GET
                  public String list() {
                    return "[]";
                  }
                }
                """);
    assertThat(RouteMarkers.check(extractor, repo)).isEmpty();
  }

  @Test
  void jaxRsAdaptersAndNonQuarkusFunctionsAreLeftAlone() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  ApiFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.acme.LambdaHandler::handleRequest
                      Runtime: java21
                      Events:
                        Proxy:
                          Type: Api
                          Properties:
                            Path: /{proxy+}
                            Method: any
                """)
            .java("com/acme/LambdaHandler.java", """
                package com.acme;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
                import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;

                public class LambdaHandler extends QuarkusStreamHandler implements RequestStreamHandler {
                  @Override
                  public void handleRequest(java.io.InputStream in, java.io.OutputStream out, Context context)
                      throws java.io.IOException {
                    super.handleRequest(in, out, context);
                  }
                }
                """);
    assertThat(RouteMarkers.check(extractor, repo)).isEmpty();
  }
}
