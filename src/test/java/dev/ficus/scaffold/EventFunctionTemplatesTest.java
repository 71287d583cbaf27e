package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Plan;
import dev.ficus.plan.EventFunctionsPlanTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The templates and guide of an S3-triggered and an SQS-triggered function beside an API (the
 * plan of {@link EventFunctionsPlanTest}): each keeps its trigger with its settings and its own
 * policy; the bucket, which SAM cannot take from another stack, gets a permission, an output and
 * the notification to set in MIGRATION.md.
 */
class EventFunctionTemplatesTest {

  private static final Plan PLAN = EventFunctionsPlanTest.plan();

  private static ScaffoldContext scaffold() {
    ScaffoldContext context =
        new ScaffoldContext(EventFunctionsPlanTest.ANALYSIS, PLAN, ScaffoldOptions.defaults(), Path.of("."));
    new SamTemplates().contribute(context);
    new PolicyDocuments().contribute(context);
    new MigrationGuide().contribute(context);
    return context;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resources(ScaffoldContext context, String path) {
    return (Map<String, Object>) CfnYaml.load(context.files().get(path).content()).get("Resources");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resources, String id) {
    return (Map<String, Object>) ((Map<String, Object>) resources.get(id)).get("Properties");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theQueueEventIsCarriedWithItsSettingsAndTheQueueComesAsAParameter() {
    ScaffoldContext context = scaffold();
    Map<String, Object> template = CfnYaml.load(context.files().get(SamTemplates.ROOT_TEMPLATE).content());
    Map<String, Object> mailer = properties((Map<String, Object>) template.get("Resources"), "MailerFunction");
    assertThat(mailer.get("Handler")).isEqualTo("app.mail.Mailer::handleRequest");
    assertThat(mailer.get("CodeUri")).isEqualTo("services/mailer/target/mailer-service.jar");
    assertThat(mailer.get("AutoPublishAlias")).isEqualTo("live");
    assertThat(mailer.get("Events")).isEqualTo(
        Map.of("Mail", Map.of("Type", "SQS", "Properties", Map.of("Queue", Map.of("Ref", "MailQueueArn"), "BatchSize", 5))));
    assertThat(((Map<String, Object>) template.get("Parameters")).get("MailQueueArn").toString())
        .contains("Fn::GetAtt MailQueue.Arn in the monolith's stack");
    // Its own policy: what its code calls; what the SQS event needs, SAM adds.
    assertThat(mailer.get("Policies").toString()).contains("dynamodb:DescribeTable", "dynamodb:PutItem")
        .doesNotContain("sqs:");
    assertThat(context.files().get("policies/MailerFunction.json").content()).contains("dynamodb:PutItem");
    assertThat(context.notes()).anyMatch(n -> "MailerFunction".equals(n.function()) && n.message().contains("kms:Decrypt"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theBucketInAnotherStackGetsAPermissionAnOutputAndTheNotificationToSet() {
    ScaffoldContext context = scaffold();
    Map<String, Object> template = CfnYaml.load(context.files().get(SamTemplates.ROOT_TEMPLATE).content());
    Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
    Map<String, Object> thumbnails = properties(resources, "ThumbnailFunction");
    assertThat(thumbnails.get("Handler")).isEqualTo("app.ingest.Thumbnails::handleRequest");
    assertThat(thumbnails).doesNotContainKey("Events");
    assertThat(((Map<String, Object>) resources.get("ThumbnailFunctionUploadedPermission")).get("Type"))
        .isEqualTo("AWS::Lambda::Permission");
    assertThat(properties(resources, "ThumbnailFunctionUploadedPermission")).isEqualTo(Map.of(
        "Action", "lambda:InvokeFunction",
        "FunctionName", Map.of("Ref", "ThumbnailFunction.Alias"),
        "Principal", "s3.amazonaws.com",
        "SourceAccount", Map.of("Ref", "AWS::AccountId"),
        "SourceArn", Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${MediaBucket}")));
    Map<String, Object> output = (Map<String, Object>) ((Map<String, Object>) template.get("Outputs")).get("ThumbnailFunctionUploadedTarget");
    assertThat(output.get("Value")).isEqualTo(Map.of("Ref", "ThumbnailFunction.Alias"));
    assertThat((String) output.get("Description")).contains("MediaBucket", "s3:ObjectCreated:*", "prefix uploads/", "suffix .jpg");

    String guide = context.files().get(MigrationGuide.PATH).content();
    assertThat(guide).contains("""
        MediaBucket:
          Type: "AWS::S3::Bucket"
          Properties:
            NotificationConfiguration:
              LambdaConfigurations:
                - Event: "s3:ObjectCreated:*"
                  Filter:
                    S3Key:
                      Rules:
                        - Name: prefix
                          Value: uploads/
                        - Name: suffix
                          Value: ".jpg"
                  Function: !Ref ThumbnailFunctionAliasArn
        """.strip());
    assertThat(guide).contains("| `ThumbnailFunction` |").contains("| `MailerFunction` |")
        .contains("AWSLambdaSQSQueueExecutionRole");
  }

  @Test
  void anEventFunctionIsDeployedFromItsPhaseOn() {
    ScaffoldContext context = scaffold();
    List<String> order = PLAN.phases().stream().flatMap(p -> p.routes().stream()).toList();
    assertThat(order).containsExactly("GET /media", "POST /media", "MailerFunction", "ThumbnailFunction");
    assertThat(resources(context, SamTemplates.phaseTemplate(2))).doesNotContainKeys("MailerFunction", "ThumbnailFunction");
    assertThat(resources(context, SamTemplates.phaseTemplate(3))).containsKey("MailerFunction").doesNotContainKey("ThumbnailFunction");
    assertThat(resources(context, SamTemplates.phaseTemplate(4))).containsKeys("MailerFunction", "ThumbnailFunction",
        "ThumbnailFunctionUploadedPermission");
  }
}
