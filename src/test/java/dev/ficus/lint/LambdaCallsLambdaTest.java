package dev.ficus.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.lint.rules.LambdaCallsLambda;
import dev.ficus.model.Finding;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaCallsLambdaTest {

  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        OrdersFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.acme.Orders::handleRequest
            Runtime: java17
            Environment:
              Variables:
                PRICING_FN: !Ref PricingFunction
                SELF_URL: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod"
                PARTNER_URL: https://partner.example.com/api
            Events:
              Orders:
                Type: Api
                Properties:
                  Path: /orders
                  Method: get
        PricingFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.acme.Pricing::handleRequest
            Runtime: java17
      """;

  @Test
  void v2SyncInvokeIsReportedAndAnEventInvokeIsNot() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", TEMPLATE)
            .java(
                "com/acme/Orders.java",
                """
                package com.acme;

                import software.amazon.awssdk.core.SdkBytes;
                import software.amazon.awssdk.services.lambda.LambdaClient;
                import software.amazon.awssdk.services.lambda.model.InvocationType;
                import software.amazon.awssdk.services.lambda.model.InvokeRequest;

                public class Orders {
                  private final LambdaClient lambda = LambdaClient.create();

                  String price(String order) {
                    var response = lambda.invoke(InvokeRequest.builder() // FINDING: lambda-calls-lambda
                        .functionName(System.getenv("PRICING_FN"))
                        .payload(SdkBytes.fromUtf8String(order))
                        .build());
                    return response.payload().asUtf8String();
                  }

                  void audit(String order) {
                    lambda.invoke(InvokeRequest.builder()
                        .functionName(System.getenv("PRICING_FN"))
                        .invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String(order))
                        .build());
                  }

                  String explicit(String order) {
                    InvokeRequest request = InvokeRequest.builder()
                        .functionName("pricing")
                        .invocationType(InvocationType.REQUEST_RESPONSE)
                        .build();
                    return lambda.invoke(request).payload().asUtf8String(); // FINDING: lambda-calls-lambda
                  }
                }
                """);
    List<Finding> findings = FindingMarkers.on(repo).check(new LambdaCallsLambda());
    assertThat(findings.get(0).message())
        .isEqualTo(
            "`Orders#price` synchronously invokes (RequestResponse) function `PricingFunction` (from"
                + " env PRICING_FN) with `lambda.invoke(..)` and waits for its answer, paying for both"
                + " functions meanwhile.");
    assertThat(findings.get(0).function()).isEqualTo("OrdersFunction");
    assertThat(findings.get(1).message()).contains("function `pricing`");
  }

  @Test
  void v1ClientInvokeIsReportedWithSettersAndEventTypeIsNot() {
    TestRepo repo =
        TestRepo.create()
            .java(
                "com/acme/Billing.java",
                """
                package com.acme;

                import com.amazonaws.services.lambda.AWSLambda;
                import com.amazonaws.services.lambda.AWSLambdaClientBuilder;
                import com.amazonaws.services.lambda.model.InvocationType;
                import com.amazonaws.services.lambda.model.InvokeRequest;

                public class Billing {
                  private final AWSLambda lambda = AWSLambdaClientBuilder.defaultClient();

                  void charge(String payload) {
                    InvokeRequest request = new InvokeRequest()
                        .withFunctionName("payments")
                        .withPayload(payload);
                    lambda.invoke(request); // FINDING: lambda-calls-lambda
                  }

                  void notifyLater(String payload) {
                    InvokeRequest request = new InvokeRequest();
                    request.setFunctionName("mailer");
                    request.setInvocationType(InvocationType.Event);
                    lambda.invoke(request);
                  }

                  void decidedAtRunTime(String payload, InvocationType type) {
                    lambda.invoke(new InvokeRequest().withFunctionName("x").withInvocationType(type));
                  }
                }
                """);
    FindingMarkers.on(repo).check(new LambdaCallsLambda());
  }

  @Test
  void anAsyncClientIsReportedOnlyWhenJoinedAtOnce() {
    TestRepo repo =
        TestRepo.create()
            .java(
                "com/acme/Fanout.java",
                """
                package com.acme;

                import java.util.concurrent.CompletableFuture;
                import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
                import software.amazon.awssdk.services.lambda.model.InvokeResponse;

                public class Fanout {
                  private final LambdaAsyncClient lambda = LambdaAsyncClient.create();

                  InvokeResponse one() {
                    return lambda.invoke(b -> b.functionName("worker")).join(); // FINDING: lambda-calls-lambda
                  }

                  CompletableFuture<InvokeResponse> started() {
                    return lambda.invoke(b -> b.functionName("worker"));
                  }
                }
                """);
    FindingMarkers.on(repo).check(new LambdaCallsLambda());
  }

  @Test
  void anHttpCallToTheSameApplicationsApiIsReportedAndOneToAPartnerIsNot() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", TEMPLATE)
            .java(
                "com/acme/Orders.java",
                """
                package com.acme;

                import java.net.URI;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;

                public class Orders {
                  private static final String BASE = System.getenv("SELF_URL");
                  private final HttpClient http = HttpClient.newHttpClient();

                  String customer(String id) throws Exception {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/customers/" + id)).build();
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body(); // FINDING: lambda-calls-lambda
                  }

                  String partner(String id) throws Exception {
                    HttpRequest request =
                        HttpRequest.newBuilder(URI.create(System.getenv("PARTNER_URL") + id)).build();
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                  }
                }
                """);
    List<Finding> findings = FindingMarkers.on(repo).check(new LambdaCallsLambda());
    assertThat(findings.get(0).message())
        .isEqualTo(
            "`Orders#customer` calls API `ServerlessRestApi` of its own application over HTTP"
                + " (HttpClient, URL from env SELF_URL) and waits while another invocation of the"
                + " stack serves it.");
  }

  @Test
  void restTemplateAndWebClientCallsToTheOwnApiAreReported() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", TEMPLATE)
            .java(
                "com/acme/Orders.java",
                """
                package com.acme;

                import org.springframework.web.client.RestTemplate;
                import org.springframework.web.reactive.function.client.WebClient;

                public class Orders {
                  private final RestTemplate rest = new RestTemplate();
                  private final WebClient web = WebClient.create();
                  private final String self = System.getenv("SELF_URL");

                  String a(String id) {
                    return rest.getForObject(self + "/customers/" + id, String.class); // FINDING: lambda-calls-lambda
                  }

                  String b(String id) {
                    return web.get().uri(self + "/stock/" + id).retrieve().bodyToMono(String.class).block(); // FINDING: lambda-calls-lambda
                  }
                }
                """);
    FindingMarkers.on(repo).check(new LambdaCallsLambda());
  }
}
