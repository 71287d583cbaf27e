package dev.ficus.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.lint.rules.LambdaOrchestrator;
import dev.ficus.model.Finding;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaOrchestratorTest {

  @Test
  void aPollingLoopWithSleepAroundAnSdkCallIsReported() {
    TestRepo repo =
        TestRepo.create()
            .java(
                "com/acme/Reports.java",
                """
                package com.acme;

                import software.amazon.awssdk.services.athena.AthenaClient;
                import software.amazon.awssdk.services.athena.model.QueryExecutionState;

                public class Reports {
                  private final AthenaClient athena = AthenaClient.create();

                  String run(String sql) throws InterruptedException {
                    String id = athena.startQueryExecution(b -> b.queryString(sql)).queryExecutionId();
                    QueryExecutionState state = QueryExecutionState.QUEUED;
                    while (state != QueryExecutionState.SUCCEEDED) { // FINDING: lambda-orchestrator
                      Thread.sleep(1000);
                      state = athena.getQueryExecution(b -> b.queryExecutionId(id))
                          .queryExecution().status().state();
                    }
                    return id;
                  }
                }
                """);
    List<Finding> findings = FindingMarkers.on(repo).check(new LambdaOrchestrator());
    assertThat(findings.get(0).message())
        .isEqualTo(
            "`Reports#run` polls `athena.getQueryExecution(..)` in a loop with sleep, paying for the"
                + " function while it waits for another system.");
  }

  @Test
  void compensationInACatchBlockIsReported() {
    TestRepo repo =
        TestRepo.create()
            .java(
                "com/acme/Checkout.java",
                """
                package com.acme;

                import java.util.Map;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                import software.amazon.awssdk.services.sqs.SqsClient;

                public class Checkout {
                  private final DynamoDbClient dynamo = DynamoDbClient.create();
                  private final SqsClient sqs = SqsClient.create();

                  void place(Map<String, AttributeValue> order, Map<String, AttributeValue> key) {
                    try {
                      dynamo.putItem(b -> b.tableName("orders").item(order));
                      sqs.sendMessage(b -> b.queueUrl("shipping").messageBody(order.toString()));
                    } catch (RuntimeException e) {
                      dynamo.deleteItem(b -> b.tableName("orders").key(key)); // FINDING: lambda-orchestrator
                      throw e;
                    }
                  }
                }
                """);
    List<Finding> findings = FindingMarkers.on(repo).check(new LambdaOrchestrator());
    assertThat(findings.get(0).message())
        .isEqualTo(
            "`Checkout#place` compensates in a catch block: `dynamo.deleteItem(..)` undoes"
                + " `dynamo.putItem(..)` when a later step fails.");
  }

  @Test
  void aRetryLoopIsReportedButASingleRetryOfOneCallIsNot() {
    TestRepo repo =
        TestRepo.create()
            .java(
                "com/acme/Publisher.java",
                """
                package com.acme;

                import software.amazon.awssdk.services.sns.SnsClient;

                public class Publisher {
                  private static final int MAX_ATTEMPTS = 5;
                  private final SnsClient sns = SnsClient.create();

                  void publish(String message) throws InterruptedException {
                    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) { // FINDING: lambda-orchestrator
                      try {
                        sns.publish(b -> b.topicArn("t").message(message));
                        return;
                      } catch (RuntimeException e) {
                        Thread.sleep(200L << attempt);
                      }
                    }
                  }

                  void publishOnceMore(String message) {
                    for (int attempt = 0; attempt < 2; attempt++) {
                      try {
                        sns.publish(b -> b.topicArn("t").message(message));
                        return;
                      } catch (RuntimeException e) {
                        if (attempt == 1) {
                          throw e;
                        }
                      }
                    }
                  }

                  void retryOnce(String message) {
                    try {
                      sns.publish(b -> b.topicArn("t").message(message));
                    } catch (RuntimeException e) {
                      sns.publish(b -> b.topicArn("t").message(message));
                    }
                  }
                }
                """);
    FindingMarkers.on(repo).check(new LambdaOrchestrator());
  }

  @Test
  void aLoopOverRecordsWithATryPerRecordIsNotARetry() {
    TestRepo repo =
        TestRepo.create()
            .java(
                "com/acme/Importer.java",
                """
                package com.acme;

                import java.util.List;
                import java.util.Map;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

                public class Importer {
                  private final DynamoDbClient dynamo = DynamoDbClient.create();

                  void load(List<Map<String, AttributeValue>> items) {
                    for (Map<String, AttributeValue> item : items) {
                      try {
                        dynamo.putItem(b -> b.tableName("items").item(item));
                      } catch (RuntimeException e) {
                        System.err.println("skipped " + item);
                      }
                    }
                    for (int i = 0; i < items.size(); i++) {
                      try {
                        dynamo.putItem(b -> b.tableName("copy").item(items.get(0)));
                      } catch (RuntimeException e) {
                        System.err.println("skipped");
                      }
                    }
                  }
                }
                """);
    FindingMarkers.on(repo).check(new LambdaOrchestrator());
  }

  @Test
  void aStatusSwitchWithSdkCallsInSeveralStatesIsAStateMachine() {
    TestRepo repo =
        TestRepo.create()
            .java(
                "com/acme/OrderFlow.java",
                """
                package com.acme;

                import software.amazon.awssdk.services.sesv2.SesV2Client;
                import software.amazon.awssdk.services.sqs.SqsClient;

                public class OrderFlow {
                  private final SqsClient sqs = SqsClient.create();
                  private final SesV2Client ses = SesV2Client.create();

                  void advance(Order order) {
                    switch (order.status()) { // FINDING: lambda-orchestrator
                      case "PAID" -> sqs.sendMessage(b -> b.queueUrl("ship").messageBody(order.id()));
                      case "SHIPPED" -> ses.sendEmail(b -> b.fromEmailAddress("shop@acme.com"));
                      default -> { }
                    }
                  }

                  void log(Order order) {
                    switch (order.kind()) {
                      case "A" -> sqs.sendMessage(b -> b.queueUrl("a").messageBody(order.id()));
                      case "B" -> sqs.sendMessage(b -> b.queueUrl("b").messageBody(order.id()));
                      default -> { }
                    }
                  }

                  void respond(int statusCode, Order order) {
                    switch (statusCode) {
                      case 200 -> sqs.sendMessage(b -> b.queueUrl("ok").messageBody(order.id()));
                      case 404 -> ses.sendEmail(b -> b.fromEmailAddress("shop@acme.com"));
                      default -> { }
                    }
                  }

                  record Order(String id, String status, String kind) {}
                }
                """);
    FindingMarkers.on(repo).check(new LambdaOrchestrator());
  }

  @Test
  void aLongChainAcrossServicesIsAWorkflowButTwoCallsAreNot() {
    TestRepo repo =
        TestRepo.create()
            .java(
                "com/acme/Signup.java",
                """
                package com.acme;

                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.sesv2.SesV2Client;
                import software.amazon.awssdk.services.sns.SnsClient;

                public class Signup {
                  private final DynamoDbClient dynamo = DynamoDbClient.create();
                  private final S3Client s3 = S3Client.create();
                  private final SesV2Client ses = SesV2Client.create();
                  private final SnsClient sns = SnsClient.create();

                  void register(String user) { // FINDING: lambda-orchestrator
                    dynamo.putItem(b -> b.tableName("users"));
                    s3.putObject(b -> b.bucket("profiles").key(user), software.amazon.awssdk.core.sync.RequestBody.empty());
                    ses.sendEmail(b -> b.fromEmailAddress("hello@acme.com"));
                    sns.publish(b -> b.topicArn("signups").message(user));
                  }

                  void save(String user) {
                    dynamo.putItem(b -> b.tableName("users"));
                    sns.publish(b -> b.topicArn("signups").message(user));
                  }
                }
                """);
    FindingMarkers.on(repo).check(new LambdaOrchestrator());
  }

  @Test
  void aPlainSpringControllerWithoutAwsCallsHasNoFindings() {
    TestRepo repo =
        TestRepo.create()
            .java(
                "com/acme/web/Greeting.java",
                """
                package com.acme.web;

                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.RestController;

                @RestController
                public class Greeting {
                  @GetMapping("/hello")
                  String hello() throws InterruptedException {
                    int tries = 0;
                    while (tries < 5) {
                      try {
                        Thread.sleep(10);
                        return "hello";
                      } catch (InterruptedException e) {
                        tries++;
                      }
                    }
                    return "tired";
                  }
                }
                """);
    assertThat(FindingMarkers.on(repo).check(Rules.builtIn().toArray(Rule[]::new))).isEmpty();
  }
}
