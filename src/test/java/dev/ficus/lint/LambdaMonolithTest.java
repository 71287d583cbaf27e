package dev.ficus.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.lint.rules.LambdaMonolith;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Confidence;
import dev.ficus.model.Finding;
import dev.ficus.model.ResourceRef;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.testing.TestRepo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaMonolithTest {

  private static String template(String policies) {
    return """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
          Api: # FINDING: lambda-monolith
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.Api::handleRequest
              Runtime: java17
              Policies:
        %s
              Events:
                Proxy:
                  Type: Api
                  Properties:
                    Path: /{proxy+}
                    Method: any
        """.formatted(policies);
  }

  private static List<Route> routes(int count) {
    AwsEffect get =
        new AwsEffect(
            "dynamodb",
            "GetItem",
            List.of("dynamodb:GetItem"),
            new ResourceRef("dynamodb:table", "Orders", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders", "iac", null),
            List.of(new CallFrame("com.acme.Api#get", SourceRef.of("src/main/java/com/acme/Api.java", 3))));
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      routes.add(
          new Route("GET", "/r" + i, "com.acme.Api#handleRequest", SourceRef.of("src/main/java/com/acme/Api.java", 2),
              "Api", Confidence.HIGH, "test", List.of(get)));
    }
    return routes;
  }

  @Test
  void aFunctionServingManyRoutesIsReportedWithItsNeedAndItsBroadGrants() {
    TestRepo repo =
        TestRepo.create()
            .file(
                "template.yaml",
                template(
                    """
                            - AmazonDynamoDBFullAccess
                            - DynamoDBCrudPolicy:
                                TableName: !Ref Orders
                            - Statement:
                                - Effect: Allow
                                  Action: s3:*
                                  Resource: "*"
                    """));
    List<Finding> findings = FindingMarkers.on(repo).routes(routes(6)).check(new LambdaMonolith());
    assertThat(findings.get(0).message())
        .isEqualTo(
            "Function `Api` serves 6 routes; together they need 1 IAM action (dynamodb:GetItem),"
                + " while its IaC grants managed policy `AmazonDynamoDBFullAccess`,"
                + " `DynamoDBCrudPolicy(TableName=Orders)` (10 actions, 1 of them needed),"
                + " `Allow s3:* on *` (all actions `s3:*` on every resource).");
  }

  @Test
  void aFunctionWithFewRoutesIsNotAMonolithAndTheThresholdIsConfigurable() {
    String yaml = template("          - AWSLambdaBasicExecutionRole\n");
    TestRepo few = TestRepo.create().file("template.yaml", yaml.replace(" # FINDING: lambda-monolith", ""));
    FindingMarkers.on(few).routes(routes(4)).check(new LambdaMonolith());
    TestRepo lowered = TestRepo.create().file("template.yaml", yaml);
    List<Finding> findings =
        FindingMarkers.on(lowered).routes(routes(4)).options(new LintOptions(3, 6)).check(new LambdaMonolith());
    assertThat(findings.get(0).message()).endsWith("and its IaC grants nothing broader than that.");
  }

  @Test
  void withoutKnownEffectsATemplateIsNotCalledTooWide() {
    TestRepo repo =
        TestRepo.create()
            .file(
                "template.yaml",
                template(
                    """
                            - DynamoDBCrudPolicy:
                                TableName: !Ref Orders
                    """));
    List<Route> bare = routes(5).stream().map(r -> r.withEffects(List.of())).toList();
    List<Finding> findings = FindingMarkers.on(repo).routes(bare).check(new LambdaMonolith());
    assertThat(findings.get(0).message())
        .isEqualTo("Function `Api` serves 5 routes; together they need no IAM action ficus could see.");
  }
}
