package dev.ficus.aws;

import static dev.ficus.aws.EffectsTesting.effectsOf;
import static dev.ficus.aws.EffectsTesting.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.AwsEffect;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.LambdaFunction;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a handler reads from its triggering event is the function's trigger in the IaC: an S3
 * event's bucket is the trigger's bucket and its key matches the trigger's filter; an SQS message's
 * source is the trigger's queue.
 */
class TriggerResourcesTest {

  private static final String S3 = "arn:${AWS::Partition}:s3:::";

  /** A handler that reads each new object and writes a copy under processed/. */
  private static final String COPIER = """
      package com.acme;
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.S3Event;
      import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
      import software.amazon.awssdk.core.sync.RequestBody;
      import software.amazon.awssdk.services.s3.S3Client;
      public class Copier implements RequestHandler<S3Event, Void> {
        private static final String INCOMING = "incoming/";
        private final S3Client s3 = S3Client.create();
        @Override
        public Void handleRequest(S3Event event, Context context) {
          for (S3EventNotificationRecord record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            String key = record.getS3().getObject().getKey();
            byte[] bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
            s3.putObject(r -> r.bucket(bucket).key("processed/" + key.substring(INCOMING.length())),
                RequestBody.fromBytes(bytes));
          }
          return null;
        }
      }
      """;

  private static String template(String events, String buckets) {
    return """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          CopyFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.Copier::handleRequest
              Runtime: java17
              Events:
        %s
        %s
        """.formatted(events.stripTrailing().indent(8).stripTrailing(), buckets.stripTrailing().indent(2).stripTrailing());
  }

  private static List<String> effects(TestRepo repo, String handler) {
    TestRepo.Loaded loaded = repo.load();
    String cls = handler.substring(0, handler.indexOf('#'));
    LambdaFunction function = loaded.iac().functionsForClass(cls).get(0);
    return lines(effectsOf(loaded, handler, function));
  }

  @Test
  void anS3EventsBucketAndKeyAreTheTriggersBucketAndFilter() {
    TestRepo repo = TestRepo.create().java("com/acme/Copier.java", COPIER).file("template.yaml", template("""
        Uploaded:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
            Filter:
              S3Key:
                Rules:
                  - Name: prefix
                    Value: incoming/
                  - Name: suffix
                    Value: .jpg
        """, """
        Uploads:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: !Sub acme-uploads-${AWS::AccountId}
        """));
    assertThat(effects(repo, "com.acme.Copier#handleRequest")).containsExactly(
        "GetObject s3:GetObject " + S3 + "acme-uploads-${AWS::AccountId}/incoming/*.jpg (iac)",
        // "processed/" + the key without its "incoming/" prefix
        "PutObject s3:PutObject " + S3 + "acme-uploads-${AWS::AccountId}/processed/*.jpg (iac)");
  }

  @Test
  void withoutAFilterTheKeyIsAnyKeyOfTheTriggersBucket() {
    TestRepo repo = TestRepo.create().java("com/acme/Copier.java", COPIER).file("template.yaml", template("""
        Uploaded:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
        """, """
        Uploads:
          Type: AWS::S3::Bucket
        """));
    // No BucketName: the bucket's Ref is its name. The substring cannot be told on "*".
    assertThat(effects(repo, "com.acme.Copier#handleRequest")).containsExactly(
        "GetObject s3:GetObject " + S3 + "${Uploads}/* (iac)",
        "PutObject s3:PutObject " + S3 + "${Uploads}/processed/* (iac)");
  }

  @Test
  void aUrlDecodedKeyMatchesTheFilterToo() {
    TestRepo repo = TestRepo.create().java("com/acme/Decoder.java", """
        package com.acme;
        import com.amazonaws.services.lambda.runtime.events.S3Event;
        import java.net.URLDecoder;
        import java.nio.charset.StandardCharsets;
        import software.amazon.awssdk.services.s3.S3Client;
        public class Decoder {
          private final S3Client s3 = S3Client.create();
          public void handleRequest(S3Event event) {
            var record = event.getRecords().get(0);
            String bucket = record.getS3().getBucket().getName();
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            s3.headObject(r -> r.bucket(bucket).key(key));
            s3.deleteObject(r -> r.bucket(bucket).key(record.getS3().getObject().getUrlDecodedKey()));
          }
        }
        """).file("serverless.yml", """
        service: decoder
        provider:
          name: aws
          runtime: java17
        functions:
          decode:
            handler: com.acme.Decoder::handleRequest
            events:
              - s3:
                  bucket: acme-inbox
                  event: s3:ObjectCreated:*
                  rules:
                    - prefix: mail/
        """);
    // Serverless names the bucket itself.
    assertThat(effects(repo, "com.acme.Decoder#handleRequest")).containsExactly(
        "DeleteObject s3:DeleteObject " + S3 + "acme-inbox/mail/* (iac)",
        "HeadObject s3:GetObject " + S3 + "acme-inbox/mail/* (iac)");
  }

  @Test
  void aRecordPassedToAHelperIsStillTheTriggersObject() {
    TestRepo repo = TestRepo.create().java("com/acme/Copier.java", """
        package com.acme;
        import com.amazonaws.services.lambda.runtime.events.S3Event;
        import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
        import software.amazon.awssdk.services.s3.S3Client;
        public class Copier {
          private final S3Client s3 = S3Client.create();
          public void handleRequest(S3Event event) {
            event.getRecords().forEach(r -> process(r));
            event.getRecords().stream().map(r -> r.getS3().getObject().getKey()).forEach(this::archive);
          }
          private void process(S3EventNotification.S3EventNotificationRecord r) {
            s3.getObject(g -> g.bucket(bucketOf(r)).key(r.getS3().getObject().getKey()));
          }
          private String bucketOf(S3EventNotification.S3EventNotificationRecord record) {
            return record.getS3().getBucket().getName();
          }
          private void archive(String key) {
            s3.putObject(p -> p.bucket("acme-archive").key("archive/" + key), java.nio.file.Path.of("archive.bin"));
          }
        }
        """).file("template.yaml", template("""
        Uploaded:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
            Filter:
              S3Key:
                Rules:
                  - Name: prefix
                    Value: incoming/
        """, """
        Uploads:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: acme-uploads
        """));
    // archive(key) is called through a method reference: its key is only known to be a String.
    assertThat(effects(repo, "com.acme.Copier#handleRequest")).containsExactly(
        "GetObject s3:GetObject " + S3 + "acme-uploads/incoming/* (iac)",
        "PutObject s3:PutObject " + S3 + "acme-archive/archive/* (literal)");
  }

  @Test
  void anEventParsedFromTheStreamHandlersInputIsTheTriggersEventToo() {
    TestRepo repo = TestRepo.create().java("com/acme/Copier.java", """
        package com.acme;
        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
        import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
        import java.io.InputStream;
        import java.io.OutputStream;
        import software.amazon.awssdk.services.s3.S3Client;
        public class Copier implements RequestStreamHandler {
          private final S3Client s3 = S3Client.create();
          @Override
          public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
            S3EventNotification event = S3EventNotification.parseJson(new String(input.readAllBytes()));
            var object = first(event).getS3().getObject();
            s3.deleteObject(r -> r.bucket(first(event).getS3().getBucket().getName()).key(object.getKey()));
          }
          private static S3EventNotification.S3EventNotificationRecord first(S3EventNotification event) {
            return event.getRecords().get(0);
          }
        }
        """).file("template.yaml", template("""
        Uploaded:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
            Filter:
              S3Key:
                Rules:
                  - Name: suffix
                    Value: .tmp
        """, """
        Uploads:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: acme-uploads
        """));
    assertThat(effects(repo, "com.acme.Copier#handleRequest")).containsExactly(
        "DeleteObject s3:DeleteObject " + S3 + "acme-uploads/*.tmp (iac)");
  }

  @Test
  void twoS3TriggersOnTwoBucketsGiveOneResourcePerBucket() {
    TestRepo repo = TestRepo.create().java("com/acme/Copier.java", COPIER).file("template.yaml", template("""
        Photos:
          Type: S3
          Properties:
            Bucket: !Ref PhotoBucket
            Events: s3:ObjectCreated:*
            Filter:
              S3Key:
                Rules:
                  - Name: prefix
                    Value: incoming/
        Videos:
          Type: S3
          Properties:
            Bucket: !Ref VideoBucket
            Events: s3:ObjectCreated:*
            Filter:
              S3Key:
                Rules:
                  - Name: suffix
                    Value: .mp4
        """, """
        PhotoBucket:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: acme-photos
        VideoBucket:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: acme-videos
        """));
    // Bucket and key come from the same trigger: no acme-photos/*.mp4, no acme-videos/incoming/*.
    assertThat(effects(repo, "com.acme.Copier#handleRequest")).containsExactly(
        "GetObject s3:GetObject " + S3 + "acme-photos/incoming/* (iac)",
        "GetObject s3:GetObject " + S3 + "acme-videos/*.mp4 (iac)",
        "PutObject s3:PutObject " + S3 + "acme-photos/processed/* (iac)",
        "PutObject s3:PutObject " + S3 + "acme-videos/processed/* (iac)");
  }

  @Test
  void anSqsMessagesSourceIsTheTriggersQueueAndAnSnsRecordsTopicTheTriggersTopic() {
    TestRepo repo = TestRepo.create().java("com/acme/Relay.java", """
        package com.acme;
        import com.amazonaws.services.lambda.runtime.events.SQSEvent;
        import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
        import software.amazon.awssdk.services.sqs.SqsClient;
        public class Relay {
          private final SqsClient sqs = SqsClient.create();
          public void handleRequest(SQSEvent event) {
            for (SQSMessage message : event.getRecords()) {
              sqs.changeMessageVisibility(r -> r.queueUrl(message.getEventSourceArn())
                  .receiptHandle(message.getReceiptHandle()).visibilityTimeout(60));
            }
          }
        }
        """).java("com/acme/Echo.java", """
        package com.acme;
        import com.amazonaws.services.lambda.runtime.events.SNSEvent;
        import software.amazon.awssdk.services.sns.SnsClient;
        public class Echo {
          private final SnsClient sns = SnsClient.create();
          public void handleRequest(SNSEvent event) {
            String topic = event.getRecords().get(0).getSNS().getTopicArn();
            sns.publish(r -> r.topicArn(topic).message("echo"));
          }
        }
        """).file("template.yaml", """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          RelayFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.Relay::handleRequest
              Runtime: java17
              Events:
                Jobs:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt JobQueue.Arn
          EchoFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.Echo::handleRequest
              Runtime: java17
              Events:
                Alerts:
                  Type: SNS
                  Properties:
                    Topic: !Ref AlertTopic
          JobQueue:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: acme-jobs
          AlertTopic:
            Type: AWS::SNS::Topic
        """);
    assertThat(effects(repo, "com.acme.Relay#handleRequest")).containsExactly(
        "ChangeMessageVisibility sqs:ChangeMessageVisibility "
            + "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:acme-jobs (iac)");
    // A topic's Ref is its ARN.
    assertThat(effects(repo, "com.acme.Echo#handleRequest")).containsExactly(
        "Publish sns:Publish ${AlertTopic} (iac)");
  }

  @Test
  void plainCloudFormationBucketNotificationsAndEventSourceMappingsAreTriggersToo() {
    TestRepo repo = TestRepo.create().java("com/acme/Copier.java", COPIER).java("com/acme/Changes.java", """
        package com.acme;
        import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
        import software.amazon.awssdk.services.sqs.SqsClient;
        public class Changes {
          private final SqsClient sqs = SqsClient.create();
          public void handleRequest(DynamodbEvent event) {
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
              // Nonsense as a queue URL, but it shows the value: the stream's ARN.
              sqs.sendMessage(r -> r.queueUrl(record.getEventSourceARN()));
            }
          }
        }
        """).file("template.yaml", """
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          Processor:
            Type: AWS::Lambda::Function
            Properties:
              Handler: com.acme.Copier::handleRequest
              Runtime: java17
          ChangeFeed:
            Type: AWS::Lambda::Function
            Properties:
              Handler: com.acme.Changes::handleRequest
              Runtime: java17
          Uploads:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: acme-uploads
              NotificationConfiguration:
                LambdaConfigurations:
                  - Event: s3:ObjectCreated:*
                    Function: !GetAtt Processor.Arn
                    Filter:
                      S3Key:
                        Rules:
                          - Name: Prefix
                            Value: incoming/
          Orders:
            Type: AWS::DynamoDB::Table
          OrdersStream:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: !Ref ChangeFeed
              EventSourceArn: !GetAtt Orders.StreamArn
        """);
    assertThat(effects(repo, "com.acme.Copier#handleRequest")).containsExactly(
        "GetObject s3:GetObject " + S3 + "acme-uploads/incoming/* (iac)",
        "PutObject s3:PutObject " + S3 + "acme-uploads/processed/* (iac)");
    assertThat(effects(repo, "com.acme.Changes#handleRequest")).containsExactly(
        "SendMessage sqs:SendMessage ${Orders.StreamArn} (iac)");
  }

  @Test
  void withoutSuchATriggerTheEventsBucketStaysUnresolvedWithAReason() {
    TestRepo.Loaded repo = TestRepo.create().java("com/acme/Copier.java", COPIER).file("template.yaml", template("""
        Api:
          Type: Api
          Properties:
            Path: /copy
            Method: post
        """, "")).load();
    LambdaFunction function = repo.iac().functionsForClass("com.acme.Copier").get(0);
    List<AwsEffect> effects = effectsOf(repo, "com.acme.Copier#handleRequest", function);
    assertThat(effects).hasSize(2).allSatisfy(e -> {
      assertThat(e.resource().arn()).isEqualTo("*");
      assertThat(e.resource().reason())
          .contains("the bucket name of the S3 event that triggers the function")
          .contains("CopyFunction has no S3 trigger");
    });
    assertThat(repo.diagnostics().sorted()).filteredOn(d -> d.code().equals("unresolved-resource"))
        .extracting(Diagnostic::message).hasSize(2).allMatch(m -> m.contains("S3 event"));

    // Code analyzed without a function (--entry) knows no trigger at all.
    assertThat(effectsOf(repo, "com.acme.Copier#handleRequest", null)).allSatisfy(e -> {
      assertThat(e.resource().arn()).isEqualTo("*");
      assertThat(e.resource().reason()).contains("no IaC function is known");
    });
  }
}
