package dev.ficus.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Confidence;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.ResourceRef;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

  private static final String HANDLER = "com.acme.OrderService#find";

  private static Analysis analysis() {
    AwsEffect get =
        new AwsEffect(
            "dynamodb",
            "GetItem",
            List.of("dynamodb:GetItem"),
            new ResourceRef(
                "dynamodb:table",
                "orders",
                "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders",
                "env",
                null),
            List.of(
                new CallFrame(HANDLER, SourceRef.of("src/main/java/com/acme/OrderService.java", 21)),
                new CallFrame("com.acme.OrderRepository#load", SourceRef.of("src/main/java/com/acme/OrderRepository.java", 40))));
    AwsEffect secret =
        new AwsEffect(
            "secretsmanager",
            "GetSecretValue",
            List.of("secretsmanager:GetSecretValue"),
            new ResourceRef("secretsmanager:secret", null, "*", "unresolved", "the secret id is read from a request header"),
            List.of(new CallFrame(HANDLER, SourceRef.of("src/main/java/com/acme/OrderService.java", 18))));
    Route find =
        new Route("get", "/orders/{id}", HANDLER, SourceRef.of("src/main/java/com/acme/Router.java", 30), "Api",
            Confidence.HIGH, "apigateway-dispatch", List.of(secret, get));
    Route list =
        new Route("GET", "/orders", "com.acme.OrderService#list", SourceRef.of("src/main/java/com/acme/Router.java", 28),
            "Api", Confidence.MEDIUM, "apigateway-dispatch", List.of());
    return new Analysis(List.of(find, list), List.of(), List.of(),
        List.of(Diagnostic.warning("parse-error", "Could not parse X.java: boom", SourceRef.of("X.java", 3))));
  }

  @Test
  void jsonReportListsRoutesSortedWithUnionOfActions() {
    String json = JsonReport.render(analysis());
    assertThat(json.indexOf("\"id\" : \"GET /orders\"")).isLessThan(json.indexOf("\"id\" : \"GET /orders/{id}\""));
    assertThat(json).contains("""
              "effects" : [ ],
              "iamActions" : [ ],
              "classes" : [ ]
        """);
    assertThat(json).contains("""
              "iamActions" : [
                "dynamodb:GetItem",
                "secretsmanager:GetSecretValue"
              ],
        """);
    assertThat(json).contains("\"reason\" : \"the secret id is read from a request header\"");
    assertThat(json).doesNotContain("null").doesNotContain("\r");
  }

  @Test
  void textReportShowsAPerRouteTableOfCalls() {
    String text = TextReport.render(analysis());
    assertThat(text).startsWith("2 routes in 0 functions");
    assertThat(text).contains("GET     /orders/{id}  com.acme.OrderService#find");
    assertThat(text).contains("  dynamodb GetItem               dynamodb:GetItem    ");
    assertThat(text).contains("* (the secret id is read from a request header)");
    assertThat(text).contains("warning parse-error X.java:3: Could not parse X.java: boom");
  }

  @Test
  void explainGivesTheCallChainOfEveryAction() {
    String text = ExplainReport.render(analysis(), "get /orders/{id}").orElseThrow();
    assertThat(text).contains("""
          dynamodb:GetItem
            because dynamodb GetItem on arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders
              com.acme.OrderService#find  src/main/java/com/acme/OrderService.java:21
              com.acme.OrderRepository#load  src/main/java/com/acme/OrderRepository.java:40
        """);
    assertThat(text).contains("(the secret id is read from a request header)");
    assertThat(ExplainReport.render(analysis(), "/orders").orElseThrow()).contains("needs no IAM action");
    assertThat(ExplainReport.render(analysis(), "DELETE /orders")).isEmpty();
  }
}
