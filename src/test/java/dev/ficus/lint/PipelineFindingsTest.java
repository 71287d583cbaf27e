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
}
