package dev.ficus.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cli.AnalysisPipeline;
import dev.ficus.model.Analysis;
import dev.ficus.model.Finding;
import dev.ficus.model.Severity;
import dev.ficus.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The rules end to end: IaC read, effects found on the call graph and resolved through the
 * environment, then linted; the markers name every finding the whole pipeline must report.
 */
class PipelineFindingsTest {

  private static List<Finding> analyze(TestRepo repo) throws Exception {
    Path dir = repo.writeTo(Files.createTempDirectory("ficus-lint-e2e-"));
    Analysis analysis = new AnalysisPipeline(new AnalysisPipeline.Options(false, false)).analyze(dir);
    Set<String> all = new TreeSet<>();
    Rules.builtIn().forEach(r -> all.add(r.id()));
    FindingMarkers.compare(repo, analysis.findings(), all);
    return analysis.findings();
  }

  private static String thumbnailTemplate(String filter) {
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
              Policies:
                - S3CrudPolicy:
                    BucketName: !Ref Images
              Environment:
                Variables:
                  BUCKET: !Ref Images
              Events:
                Upload:
                  Type: S3
                  Properties:
                    Bucket: !Ref Images
                    Events: s3:ObjectCreated:*
        %s""".formatted(filter);
  }

  private static String thumbnailer(String marker) {
    return """
        package com.acme;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.amazonaws.services.lambda.runtime.events.S3Event;
        import software.amazon.awssdk.core.sync.RequestBody;
        import software.amazon.awssdk.services.s3.S3Client;

        public class Thumbnailer implements RequestHandler<S3Event, Void> {
          private static final String BUCKET = System.getenv("BUCKET");
          private final S3Client s3 = S3Client.create();

          @Override
          public Void handleRequest(S3Event event, Context context) {
            for (var record : event.getRecords()) {
              String key = record.getS3().getObject().getKey();
              store("thumbnails/" + key, new byte[0]);
            }
            return null;
          }

          private void store(String key, byte[] image) {
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(image)); %s
          }
        }
        """.formatted(marker);
  }

  @Test
  void theS3LoopThroughAnEnvironmentVariableIsFound() throws Exception {
    List<Finding> findings =
        analyze(
            TestRepo.create()
                .file("template.yaml", thumbnailTemplate(""))
                .java("com/acme/Thumbnailer.java", thumbnailer("// FINDING: recursive-invocation")));
    assertThat(findings.get(0).message()).contains("bucket `Images` (`acme-images`)").contains("trigger `Upload`");
  }

  @Test
  void aPrefixFilterTheFunctionNeverWritesIsNotALoop() throws Exception {
    String filter =
        """
                    Filter:
                      S3Key:
                        Rules:
                          - Name: prefix
                            Value: uploads/
        """;
    analyze(
        TestRepo.create()
            .file("template.yaml", thumbnailTemplate(filter))
            .java("com/acme/Thumbnailer.java", thumbnailer("")));
  }

  @Test
  void anSqsConsumerRequeueingToItsOwnQueueIsFound() throws Exception {
    List<Finding> findings =
        analyze(
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

                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestHandler;
                    import com.amazonaws.services.lambda.runtime.events.SQSEvent;
                    import software.amazon.awssdk.services.sqs.SqsClient;

                    public class Worker implements RequestHandler<SQSEvent, Void> {
                      private final SqsClient sqs = SqsClient.create();

                      @Override
                      public Void handleRequest(SQSEvent event, Context context) {
                        for (SQSEvent.SQSMessage m : event.getRecords()) {
                          if (m.getBody().startsWith("retry:")) {
                            sqs.sendMessage(b -> b.queueUrl(System.getenv("QUEUE_URL")).messageBody(m.getBody())); // FINDING: recursive-invocation
                          }
                        }
                        return null;
                      }
                    }
                    """));
    assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(findings.get(0).function()).isEqualTo("Worker");
  }

  @Test
  void twoFunctionsWritingEachOthersTriggersAreFoundAsOneLoop() throws Exception {
    List<Finding> findings =
        analyze(
            TestRepo.create()
                .file(
                    "template.yaml",
                    """
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Requests:
                        Type: AWS::SQS::Queue
                        Properties:
                          QueueName: requests
                      Results:
                        Type: AWS::SQS::Queue
                        Properties:
                          QueueName: results
                      Planner:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: com.acme.Planner::handleRequest
                          Runtime: java17
                          Environment:
                            Variables:
                              REQUESTS_URL: !Ref Requests
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
                          Environment:
                            Variables:
                              RESULTS_URL: !Ref Results
                          Events:
                            Requests:
                              Type: SQS
                              Properties:
                                Queue: !GetAtt Requests.Arn
                    """)
                .java("com/acme/Planner.java", forwarder("Planner", "REQUESTS_URL", ""))
                .java(
                    "com/acme/Executor.java",
                    forwarder("Executor", "RESULTS_URL", " // FINDING: recursive-invocation")));
    assertThat(findings.get(0).message())
        .startsWith("`Executor` sends to queue `Results` (`results`)")
        .contains("which triggers `Planner`; `Planner` sends to queue `Requests` (`requests`)")
        .endsWith("again: a loop through 2 functions.");
  }

  private static String forwarder(String name, String env, String marker) {
    return """
        package com.acme;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.amazonaws.services.lambda.runtime.events.SQSEvent;
        import software.amazon.awssdk.services.sqs.SqsClient;

        public class %s implements RequestHandler<SQSEvent, Void> {
          private final SqsClient sqs = SqsClient.create();

          @Override
          public Void handleRequest(SQSEvent event, Context context) {
            for (SQSEvent.SQSMessage m : event.getRecords()) {
              sqs.sendMessage(b -> b.queueUrl(System.getenv("%s")).messageBody(m.getBody()));%s
            }
            return null;
          }
        }
        """.formatted(name, env, marker);
  }

  @Test
  void aV1SyncInvokeAndAPollingOrchestratorAreFoundThroughThePipeline() throws Exception {
    analyze(
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Exporter:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.acme.Exporter::handleRequest
                      Runtime: java17
                      Events:
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 day)
                """)
            .java(
                "com/acme/Exporter.java",
                """
                package com.acme;

                import com.amazonaws.services.lambda.AWSLambda;
                import com.amazonaws.services.lambda.AWSLambdaClientBuilder;
                import com.amazonaws.services.lambda.model.InvokeRequest;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import software.amazon.awssdk.services.glue.GlueClient;
                import software.amazon.awssdk.services.glue.model.JobRunState;

                public class Exporter implements RequestHandler<Object, Void> {
                  private final AWSLambda lambda = AWSLambdaClientBuilder.defaultClient();
                  private final GlueClient glue = GlueClient.create();

                  @Override
                  public Void handleRequest(Object input, Context context) {
                    String run = glue.startJobRun(b -> b.jobName("export")).jobRunId();
                    JobRunState state = JobRunState.RUNNING;
                    while (state == JobRunState.RUNNING) { // FINDING: lambda-orchestrator
                      sleep();
                      state = glue.getJobRun(b -> b.jobName("export").runId(run)).jobRun().jobRunState();
                    }
                    lambda.invoke(new InvokeRequest().withFunctionName("notifier")); // FINDING: lambda-calls-lambda
                    return null;
                  }

                  private static void sleep() {
                    try {
                      Thread.sleep(5000);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                }
                """));
  }

  @Test
  void aPlainSpringMvcAppWithoutAwsCallsHasNoFindings() throws Exception {
    assertThat(
            analyze(
                TestRepo.create()
                    .java(
                        "com/acme/web/Application.java",
                        """
                        package com.acme.web;

                        import org.springframework.boot.autoconfigure.SpringBootApplication;

                        @SpringBootApplication
                        public class Application {}
                        """)
                    .java(
                        "com/acme/web/OwnerController.java",
                        """
                        package com.acme.web;

                        import java.util.List;
                        import org.springframework.web.bind.annotation.GetMapping;
                        import org.springframework.web.bind.annotation.PathVariable;
                        import org.springframework.web.bind.annotation.RestController;
                        import org.springframework.web.client.RestTemplate;

                        @RestController
                        public class OwnerController {
                          private final RestTemplate rest = new RestTemplate();

                          @GetMapping("/owners")
                          List<String> owners() {
                            return List.of("a", "b");
                          }

                          @GetMapping("/owners/{id}/weather")
                          String weather(@PathVariable String id) {
                            return rest.getForObject("https://weather.example.com/" + id, String.class);
                          }
                        }
                        """)))
        .isEmpty();
  }
}
