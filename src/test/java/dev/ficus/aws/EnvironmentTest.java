package dev.ficus.aws;

import static dev.ficus.aws.EffectsTesting.effectsOf;
import static dev.ficus.aws.EffectsTesting.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code System.getenv} is followed through the function's environment to the IaC resource. */
class EnvironmentTest {

  private static final String TABLE = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";
  private static final String REGION = "${AWS::Region}:${AWS::AccountId}";

  private static final String CODE = """
      package com.acme;
      import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
      import software.amazon.awssdk.services.s3.S3Client;
      import software.amazon.awssdk.services.sns.SnsClient;
      import software.amazon.awssdk.services.sqs.SqsClient;
      public class Handler {
        private static final String TABLE_ENV = "TABLE_NAME";
        private final DynamoDbClient dynamo = DynamoDbClient.create();
        private final S3Client s3 = S3Client.create();
        private final SqsClient sqs = SqsClient.create();
        private final SnsClient sns = SnsClient.create();
        public void handleRequest(Object event, Object context) {
          dynamo.putItem(r -> r.tableName(Config.TABLE));
          s3.putObject(r -> r.bucket(System.getenv("BUCKET")).key("uploads/" + event), (java.nio.file.Path) null);
          sqs.sendMessage(r -> r.queueUrl(System.getenv("QUEUE_URL")));
          sns.publish(r -> r.topicArn(System.getenv("TOPIC")));
          dynamo.getItem(r -> r.tableName(System.getenv("MISSING")));
        }
      }
      """;
  private static final String CONFIG = """
      package com.acme;
      final class Config {
        static final String TABLE = System.getenv(Names.TABLE_ENV);
      }
      """;
  private static final String NAMES = """
      package com.acme;
      final class Names { static final String TABLE_ENV = "TABLE_NAME"; }
      """;

  @Test
  void environmentBindingsGiveNamesAndReferences() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", CODE).java("com/acme/Config.java", CONFIG).java("com/acme/Names.java", NAMES)
        .load();
    LambdaFunction function = new LambdaFunction("Api", "com.acme.Handler::handleRequest", "com.acme.Handler",
        "handleRequest", "java17", ".", "sam", null,
        List.of(
            new EnvBinding("TABLE_NAME", EnvBinding.Kind.RESOURCE, "OrdersTable", "AWS::DynamoDB::Table", "orders-prod"),
            new EnvBinding("BUCKET", EnvBinding.Kind.RESOURCE, "Uploads", "AWS::S3::Bucket", null),
            new EnvBinding("QUEUE_URL", EnvBinding.Kind.RESOURCE, "Jobs", "AWS::SQS::Queue", null),
            new EnvBinding("TOPIC", EnvBinding.Kind.RESOURCE, "Alerts", "AWS::SNS::Topic", null)),
        List.of(), List.of());
    assertThat(lines(effectsOf(repo, "com.acme.Handler#handleRequest", function))).containsExactly(
        "GetItem dynamodb:GetItem * (unresolved)",
        "Publish sns:Publish ${Alerts} (iac)",
        "PutItem dynamodb:PutItem " + TABLE + "orders-prod (iac)",
        "PutObject s3:PutObject arn:${AWS::Partition}:s3:::${Uploads}/uploads/* (iac)",
        "SendMessage sqs:SendMessage arn:${AWS::Partition}:sqs:" + REGION + ":${Jobs.QueueName} (iac)");
  }

  @Test
  void withoutAFunctionAnEnvironmentVariableIsUnresolved() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", CODE).java("com/acme/Config.java", CONFIG).java("com/acme/Names.java", NAMES)
        .load();
    assertThat(effectsOf(repo, "com.acme.Handler#handleRequest", null))
        .filteredOn(e -> e.operation().equals("PutItem"))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.resource().arn()).isEqualTo("*");
          assertThat(e.resource().reason()).contains("TABLE_NAME");
        });
  }

  @Test
  void aSamTemplateIsFollowedToTheTableName() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", CODE).java("com/acme/Config.java", CONFIG).java("com/acme/Names.java", NAMES)
        .file("template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.Handler::handleRequest
                  Runtime: java17
                  Environment:
                    Variables:
                      TABLE_NAME: !Ref OrdersTable
                      BUCKET: !Ref Uploads
              OrdersTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders-prod
              Uploads:
                Type: AWS::S3::Bucket
            """)
        .load();
    LambdaFunction function = repo.iac().functionsForClass("com.acme.Handler").get(0);
    assertThat(lines(effectsOf(repo, "com.acme.Handler#handleRequest", function)))
        .contains(
            "PutItem dynamodb:PutItem " + TABLE + "orders-prod (iac)",
            "PutObject s3:PutObject arn:${AWS::Partition}:s3:::${Uploads}/uploads/* (iac)");
  }

  @Test
  void injectedConfigurationGoesThroughApplicationPropertiesToTheEnvironment() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/OwnerRepository.java", """
            package com.acme;
            import org.springframework.beans.factory.annotation.Value;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            public class OwnerRepository {
              private final DynamoDbClient dynamo;
              private final String owners;
              @Value("${petclinic.tables.visits:petclinic-visits}") private String visits;
              public OwnerRepository(DynamoDbClient dynamo, @Value("${petclinic.tables.owners}") String owners) {
                this.dynamo = dynamo;
                this.owners = owners;
              }
              public void save() {
                dynamo.putItem(r -> r.tableName(owners));
                dynamo.putItem(r -> r.tableName(visits));
              }
            }
            """)
        .java("com/acme/StockPublisher.java", """
            package com.acme;
            import org.eclipse.microprofile.config.inject.ConfigProperty;
            import software.amazon.awssdk.services.sqs.SqsClient;
            public class StockPublisher {
              @ConfigProperty(name = "stock.queue-url") String queueUrl;
              SqsClient sqs;
              public void publish() { sqs.sendMessage(r -> r.queueUrl(queueUrl)); }
            }
            """)
        .file("src/main/resources/application.properties", """
            petclinic.tables.owners=${OWNERS_TABLE}
            stock.queue-url=${STOCK_QUEUE_URL:http://localhost/000/local-queue}
            """)
        .load();
    LambdaFunction function = new LambdaFunction("Api", "x::y", "x", "y", "java17", ".", "sam", null,
        List.of(
            new EnvBinding("OWNERS_TABLE", EnvBinding.Kind.RESOURCE, "OwnersTable", "AWS::DynamoDB::Table", "petclinic-owners"),
            new EnvBinding("STOCK_QUEUE_URL", EnvBinding.Kind.RESOURCE, "StockQueue", "AWS::SQS::Queue", "stock-events")),
        List.of(), List.of());
    assertThat(lines(effectsOf(repo, "com.acme.OwnerRepository#save", function))).containsExactly(
        "PutItem dynamodb:PutItem " + TABLE + "petclinic-owners (iac)",
        "PutItem dynamodb:PutItem " + TABLE + "petclinic-visits (constant)");
    assertThat(lines(effectsOf(repo, "com.acme.StockPublisher#publish", function))).containsExactly(
        "SendMessage sqs:SendMessage arn:${AWS::Partition}:sqs:" + REGION + ":stock-events (iac)");
  }
  @Test
  void aHelperThatReadsTheVariableItIsGivenIsEvaluatedPerCall() {
    // Env.require is called with three different names; each call reads its own variable.
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Env.java", """
            package com.acme;
            final class Env {
              static String require(String name) {
                String value = System.getenv(name);
                if (value == null) {
                  throw new IllegalStateException(name);
                }
                return value;
              }
            }
            """)
        .java("com/acme/Worker.java", """
            package com.acme;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.sns.SnsClient;
            public class Worker {
              private final DynamoDbClient dynamo = DynamoDbClient.create();
              private final SnsClient sns = SnsClient.create();
              private final String table = Env.require("JOBS_TABLE");
              public void handleRequest(Object event, Object context) {
                dynamo.putItem(r -> r.tableName(table));
                sns.publish(r -> r.topicArn(Env.require("TOPIC")));
                dynamo.getItem(r -> r.tableName(Env.require("UNSET")));
              }
            }
            """)
        .load();
    LambdaFunction function = new LambdaFunction("Worker", "com.acme.Worker::handleRequest", "com.acme.Worker",
        "handleRequest", "java17", ".", "sam", null,
        List.of(
            new EnvBinding("JOBS_TABLE", EnvBinding.Kind.RESOURCE, "Jobs", "AWS::DynamoDB::Table", "jobs-prod"),
            new EnvBinding("TOPIC", EnvBinding.Kind.RESOURCE, "Events", "AWS::SNS::Topic", null)),
        List.of(), List.of());
    assertThat(lines(effectsOf(repo, "com.acme.Worker#handleRequest", function))).containsExactly(
        "GetItem dynamodb:GetItem * (unresolved)",
        "Publish sns:Publish ${Events} (iac)",
        "PutItem dynamodb:PutItem " + TABLE + "jobs-prod (iac)");
  }
}
