package dev.ficus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ficus.testing.CliRun;
import dev.ficus.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --entry CLASS#METHOD}: any method, a plain program's {@code main} here, gets
 * exactly the IAM actions its code needs: no action expansion, nothing IAM never checks.
 */
class EntryPointTest {

  private static final TestRepo NIGHTLY_EXPORT =
      TestRepo.create()
          .java("com/acme/export/NightlyExport.java", """
              package com.acme.export;

              import software.amazon.awssdk.core.sync.RequestBody;
              import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
              import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
              import software.amazon.awssdk.services.s3.S3Client;
              import software.amazon.awssdk.services.s3.model.PutObjectRequest;
              import software.amazon.awssdk.services.sqs.SqsClient;
              import software.amazon.awssdk.services.sts.StsClient;

              /** Exports yesterday's orders to S3 and tells the warehouse. Run by cron on a container. */
              public final class NightlyExport {
                private static final String BUCKET = "acme-exports";
                private final DynamoDbClient dynamo = DynamoDbClient.create();
                private final S3Client s3 = S3Client.builder().build();
                private final Notifier notifier = new Notifier(SqsClient.create());

                public static void main(String[] args) {
                  StsClient sts = StsClient.create();
                  System.out.println("running as " + sts.getCallerIdentity().arn());
                  new NightlyExport().run(args.length > 0 ? args[0] : "today");
                }

                void run(String day) {
                  var items = dynamo.scan(ScanRequest.builder().tableName("orders").build()).items();
                  s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key("orders/" + day + ".json").build(),
                      RequestBody.fromString(items.toString()));
                  notifier.exported(day);
                }

                void purge(String day) {
                  s3.deleteObject(b -> b.bucket(BUCKET).key("orders/" + day + ".json"));
                }
              }
              """)
          .java("com/acme/export/Notifier.java", """
              package com.acme.export;

              import software.amazon.awssdk.services.sqs.SqsClient;
              import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

              final class Notifier {
                private static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/warehouse-exports";
                private final SqsClient sqs;

                Notifier(SqsClient sqs) {
                  this.sqs = sqs;
                }

                void exported(String day) {
                  sqs.sendMessage(SendMessageRequest.builder().queueUrl(QUEUE_URL).messageBody(day).build());
                }
              }
              """);

  @TempDir Path dir;

  @Test
  void aMainMethodGetsExactlyTheActionsItsCodeNeeds() throws Exception {
    Path repo = NIGHTLY_EXPORT.writeTo(dir);
    CliRun run =
        CliRun.of("analyze", "--format", "json", "--entry", "com.acme.export.NightlyExport#main", repo.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode function = new ObjectMapper().readTree(run.out()).get("functions").get(0);
    assertThat(function.get("logicalId").asText()).isEqualTo("com.acme.export.NightlyExport#main");
    assertThat(function.get("iac").asText()).isEqualTo("entry");
    List<String> actions = new ArrayList<>();
    function.get("iamActions").forEach(a -> actions.add(a.asText()));
    assertThat(actions).containsExactly("dynamodb:Scan", "s3:PutObject", "sqs:SendMessage");
    assertThat(run.out())
        .contains("arn:${AWS::Partition}:s3:::acme-exports/orders/*")
        .contains("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:warehouse-exports");
  }

  @Test
  void anEntryThatIsNotInTheRepositoryIsADiagnosticAndABadOneAUsageError() {
    Path repo = NIGHTLY_EXPORT.writeTo(dir);
    CliRun missing = CliRun.of("analyze", "--format", "json", "--entry", "com.acme.export.Nope#main", repo.toString());
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.out()).contains("\"code\" : \"entry-not-found\"");
    CliRun malformed = CliRun.of("analyze", "--entry", "NightlyExport.main", repo.toString());
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).contains("--entry takes CLASS#METHOD");
  }
}
