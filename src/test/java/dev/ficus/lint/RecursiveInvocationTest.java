package dev.ficus.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.lint.rules.RecursiveInvocation;
import dev.ficus.model.Finding;
import dev.ficus.model.Severity;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecursiveInvocationTest {

  private static String s3Template(String filter) {
    return """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Images:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: acme-images
          Thumbnailer:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.Thumbnailer::handleRequest
              Runtime: java17
              Environment:
                Variables:
                  BUCKET: !Ref Images
              Events:
                Upload:
                  Type: S3
                  Properties:
                    Bucket: !Ref Images
                    Events: s3:ObjectCreated:*
        """ + filter;
  }

  private static final String PREFIX_FILTER =
      """
                    Filter:
                      S3Key:
                        Rules:
                          - Name: prefix
                            Value: uploads/
        """;

  private static String thumbnailer(String key, String marker) {
    return """
        package com.acme;

        import software.amazon.awssdk.core.sync.RequestBody;
        import software.amazon.awssdk.services.s3.S3Client;

        public class Thumbnailer {
          private final S3Client s3 = S3Client.create();
          private final String bucket = System.getenv("BUCKET");

          public void handleRequest(String name, byte[] image) {
            s3.putObject(b -> b.bucket(bucket).key(%s), RequestBody.fromBytes(image)); // EFFECT: Thumbnailer s3:PutObject Images arn:${AWS::Partition}:s3:::acme-images/*%s
          }
        }
        """.formatted(key, marker);
  }

  @Test
  void aFunctionWritingIntoTheBucketThatTriggersItIsALoop() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", s3Template(""))
            .java("com/acme/Thumbnailer.java", thumbnailer("\"thumbnails/\" + name", " FINDING: recursive-invocation"));
    List<Finding> findings = FindingMarkers.on(repo).check(new RecursiveInvocation());
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).message())
        .isEqualTo(
            "`Thumbnailer` writes to bucket `Images` (`acme-images`) with `s3.putObject(..)` (key `thumbnails/...`),"
                + " which is its own trigger `Upload` on bucket `Images`: each invocation triggers the"
                + " next.");
    assertThat(findings.get(0).function()).isEqualTo("Thumbnailer");
  }

  @Test
  void aPrefixFilterTheWrittenKeyDoesNotMatchIsNoLoop() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", s3Template(PREFIX_FILTER))
            .java("com/acme/Thumbnailer.java", thumbnailer("\"thumbnails/\" + name", ""));
    FindingMarkers.on(repo).check(new RecursiveInvocation());
  }

  @Test
  void aKeyInsideThePrefixFilterIsALoop() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", s3Template(PREFIX_FILTER))
            .java("com/acme/Thumbnailer.java", thumbnailer("\"uploads/small-\" + name", " FINDING: recursive-invocation"));
    List<Finding> findings = FindingMarkers.on(repo).check(new RecursiveInvocation());
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).message()).contains("(prefix `uploads/`)");
  }

  @Test
  void anUnknownKeyUnderAFilterIsAPossibleLoopAtLowerSeverity() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", s3Template(PREFIX_FILTER))
            .java("com/acme/Thumbnailer.java", thumbnailer("name", " FINDING: recursive-invocation"));
    List<Finding> findings = FindingMarkers.on(repo).check(new RecursiveInvocation());
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).message()).contains("(key unknown)").contains("possible, not certain");
  }

  @Test
  void aQueueConsumerThatRequeuesToItsOwnQueueIsALoop() {
    TestRepo repo =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Jobs:
                    Type: AWS::SQS::Queue
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.acme.Worker::handleRequest
                      Runtime: java17
                      Environment:
                        Variables:
                          QUEUE_URL: !Ref Jobs
                      Events:
                        Jobs:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Jobs.Arn
                """)
            .java(
                "com/acme/Worker.java",
                """
                package com.acme;

                import software.amazon.awssdk.services.sqs.SqsClient;

                public class Worker {
                  private final SqsClient sqs = SqsClient.create();

                  public void handleRequest(String job) {
                    if (!done(job)) {
                      sqs.sendMessage(b -> b.queueUrl(System.getenv("QUEUE_URL")).messageBody(job)); // EFFECT: Worker sqs:SendMessage Jobs arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Jobs.QueueName} FINDING: recursive-invocation
                    }
                  }

                  private boolean done(String job) {
                    return job.isEmpty();
                  }
                }
                """);
    List<Finding> findings = FindingMarkers.on(repo).check(new RecursiveInvocation());
    assertThat(findings.get(0).message()).startsWith("`Worker` sends to queue `Jobs` with `sqs.sendMessage(..)`");
  }

  @Test
  void twoFunctionsFeedingEachOthersTriggersAreOneLoop() {
    TestRepo repo =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Requests:
                    Type: AWS::SNS::Topic
                  Results:
                    Type: AWS::SQS::Queue
                  Planner:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.acme.Planner::handleRequest
                      Runtime: java17
                      Events:
                        Results:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Results.Arn
                  Executor:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.acme.Executor::handleRequest
                      Runtime: java17
                      Events:
                        Requests:
                          Type: SNS
                          Properties:
                            Topic: !Ref Requests
                """)
            .java(
                "com/acme/Executor.java",
                """
                package com.acme;

                import software.amazon.awssdk.services.sqs.SqsClient;

                public class Executor {
                  private final SqsClient sqs = SqsClient.create();

                  public void handleRequest(String request) {
                    sqs.sendMessage(b -> b.queueUrl(System.getenv("RESULTS")).messageBody(request)); // EFFECT: Executor sqs:SendMessage Results arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Results.QueueName} FINDING: recursive-invocation
                  }
                }
                """)
            // The planner publishes to the topic that triggers the executor.
            .java(
            "com/acme/Planner.java",
            """
            package com.acme;

            import software.amazon.awssdk.services.sns.SnsClient;

            public class Planner {
              private final SnsClient sns = SnsClient.create();

              public void handleRequest(String result) {
                sns.publish(b -> b.topicArn(System.getenv("TOPIC")).message(result)); // EFFECT: Planner sns:Publish Requests arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${Requests.TopicName}
              }
            }
            """);
    List<Finding> findings = FindingMarkers.on(repo).check(new RecursiveInvocation());
    assertThat(findings.get(0).message())
        .isEqualTo(
            "`Executor` sends to queue `Results` with `sqs.sendMessage(..)`, which triggers"
                + " `Planner`; `Planner` publishes to topic `Requests` with `sns.publish(..)`, which triggers"
                + " `Executor` again: a loop through 2 functions.");
  }

  @Test
  void aStreamConsumerWritingBackToItsTableIsALoopButAnotherTableIsNot() {
    TestRepo repo =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                  Audit:
                    Type: AWS::DynamoDB::Table
                  Projector:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.acme.Projector::handleRequest
                      Runtime: java17
                      Events:
                        Changes:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt Orders.StreamArn
                            StartingPosition: LATEST
                """)
            .java(
                "com/acme/Projector.java",
                """
                package com.acme;

                import java.util.Map;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

                public class Projector {
                  private final DynamoDbClient dynamo = DynamoDbClient.create();

                  public void handleRequest(Map<String, AttributeValue> item) {
                    dynamo.putItem(b -> b.tableName("audit").item(item)); // EFFECT: Projector dynamodb:PutItem Audit arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Audit}
                    dynamo.updateItem(b -> b.tableName("orders").key(item)); // EFFECT: Projector dynamodb:UpdateItem Orders arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Orders} FINDING: recursive-invocation
                  }
                }
                """);
    FindingMarkers.on(repo).check(new RecursiveInvocation());
  }

  @Test
  void anEventBridgeRuleMatchingTheFunctionsOwnEventsIsALoopAndAnotherSourceIsNot() {
    String template =
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Enricher:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.Enricher::handleRequest
              Runtime: java17
              Events:
                Created:
                  Type: EventBridgeRule
                  Properties:
                    Pattern:
                      source:
                        - acme.orders
        """;
    String code =
        """
        package com.acme;

        import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
        import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

        public class Enricher {
          private final EventBridgeClient events = EventBridgeClient.create();

          public void handleRequest(String detail) {
            PutEventsRequestEntry entry =
                PutEventsRequestEntry.builder().source("%s").detailType("Enriched").detail(detail).build();
            events.putEvents(b -> b.entries(entry)); // EFFECT: Enricher events:PutEvents default arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default%s
          }
        }
        """;
    FindingMarkers.on(
            TestRepo.create()
                .file("template.yaml", template)
                .java("com/acme/Enricher.java", code.formatted("acme.orders", " FINDING: recursive-invocation")))
        .check(new RecursiveInvocation());
    FindingMarkers.on(
            TestRepo.create()
                .file("template.yaml", template)
                .java("com/acme/Enricher.java", code.formatted("acme.enrichment", "")))
        .check(new RecursiveInvocation());
  }
}
