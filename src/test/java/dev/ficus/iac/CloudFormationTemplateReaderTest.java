package dev.ficus.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ficus.model.Diagnostic;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Severity;
import dev.ficus.model.Trigger;
import dev.ficus.testing.TestRepo;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudFormationTemplateReaderTest {

  @Test
  void everySamEventKindBecomesATrigger() {
    var loaded =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: com.acme.Worker::handle
                      Events:
                        Uploads:
                          Type: S3
                          Properties:
                            Bucket: !Ref UploadBucket
                            Events: s3:ObjectCreated:*
                            Filter:
                              S3Key:
                                Rules:
                                  - Name: prefix
                                    Value: incoming/
                                  - Name: suffix
                                    Value: .csv
                        Jobs:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt JobQueue.Arn
                            BatchSize: 10
                        Alerts:
                          Type: SNS
                          Properties:
                            Topic: !Ref AlertTopic
                        OrderChanges:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt OrdersTable.StreamArn
                            StartingPosition: TRIM_HORIZON
                        Clicks:
                          Type: Kinesis
                          Properties:
                            Stream: !GetAtt ClickStream.Arn
                            StartingPosition: LATEST
                        OrderPlaced:
                          Type: EventBridgeRule
                          Properties:
                            EventBusName: !Ref Bus
                            Pattern:
                              source: [acme.orders]
                              detail-type: [OrderPlaced]
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: cron(0 2 * * ? *)
                        Hourly:
                          Type: ScheduleV2
                          Properties:
                            ScheduleExpression: rate(1 hour)
                        Ec2Changes:
                          Type: CloudWatchEvent
                          Properties:
                            Pattern:
                              source: [aws.ec2]
                        Login:
                          Type: Cognito
                          Properties:
                            UserPool: !Ref Users
                            Trigger: PreSignUp
                  UploadBucket:
                    Type: AWS::S3::Bucket
                  JobQueue:
                    Type: AWS::SQS::Queue
                  AlertTopic:
                    Type: AWS::SNS::Topic
                  OrdersTable:
                    Type: AWS::DynamoDB::Table
                  ClickStream:
                    Type: AWS::Kinesis::Stream
                  Bus:
                    Type: AWS::Events::EventBus
                    Properties:
                      Name: acme-bus
                  Users:
                    Type: AWS::Cognito::UserPool
                """)
            .load();

    LambdaFunction fn = loaded.iac().functions().get(0);
    assertThat(fn.apiTriggers()).isEmpty();
    assertThat(fn.triggers())
        .extracting(Trigger::kind, Trigger::name, Trigger::target, Trigger::properties)
        .containsExactly(
            tuple("CloudWatchEvent", "Ec2Changes", null, Map.of("Pattern", "{\"source\":[\"aws.ec2\"]}")),
            tuple("Cognito", "Login", null, Map.of("Trigger", "PreSignUp", "UserPool", "${Users}")),
            tuple("DynamoDB", "OrderChanges", "OrdersTable", Map.of("StartingPosition", "TRIM_HORIZON")),
            tuple("EventBridgeRule", "OrderPlaced", "Bus",
                Map.of("Pattern", "{\"source\":[\"acme.orders\"],\"detail-type\":[\"OrderPlaced\"]}")),
            tuple("Kinesis", "Clicks", "ClickStream", Map.of("StartingPosition", "LATEST")),
            tuple("S3", "Uploads", "UploadBucket",
                Map.of("events", "s3:ObjectCreated:*", "prefix", "incoming/", "suffix", ".csv")),
            tuple("SNS", "Alerts", "AlertTopic", Map.of()),
            tuple("SQS", "Jobs", "JobQueue", Map.of("BatchSize", "10")),
            tuple("Schedule", "Nightly", null, Map.of("Schedule", "cron(0 2 * * ? *)")),
            tuple("ScheduleV2", "Hourly", null, Map.of("Schedule", "rate(1 hour)")));
    assertThat(fn.triggers().get(0).source().line()).isEqualTo(55);
  }

  @Test
  void jsonTemplateIsReadLikeYaml() {
    var loaded =
        TestRepo.create()
            .file(
                "infra/stack.template.json",
                """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Parameters": {"TableName": {"Type": "String", "Default": "orders"}},
                  "Resources": {
                    "ApiFunction": {
                      "Type": "AWS::Lambda::Function",
                      "Properties": {
                        "Runtime": "java17",
                        "Handler": "com.acme.LambdaHandler::handleRequest",
                        "Code": {"S3Bucket": "artifacts", "S3Key": "api.jar"},
                        "Role": {"Fn::GetAtt": ["ApiRole", "Arn"]},
                        "Environment": {"Variables": {
                          "TABLE": {"Ref": "TableName"},
                          "QUEUE": {"Fn::Sub": ["${Q}", {"Q": {"Ref": "Jobs"}}]}
                        }}
                      }
                    },
                    "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs"}},
                    "ApiRole": {
                      "Type": "AWS::IAM::Role",
                      "Properties": {
                        "ManagedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
                        "Policies": [{
                          "PolicyName": "data",
                          "PolicyDocument": {"Statement": [{
                            "Effect": "Allow",
                            "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
                            "Resource": {"Fn::Sub": "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}"}
                          }]}
                        }]
                      }
                    }
                  }
                }
                """)
            .load();

    assertThat(loaded.diagnostics().sorted()).isEmpty();
    LambdaFunction fn = loaded.iac().functions().get(0);
    assertThat(fn.iac()).isEqualTo("cloudformation");
    assertThat(fn.source().toString()).isEqualTo("infra/stack.template.json:5");
    assertThat(fn.handlerClass()).isEqualTo("com.acme.LambdaHandler");
    assertThat(fn.codeUri()).isEqualTo("s3://artifacts/api.jar");
    assertThat(fn.environment())
        .containsExactly(
            new EnvBinding("QUEUE", EnvBinding.Kind.RESOURCE, "Jobs", "AWS::SQS::Queue", "jobs"),
            new EnvBinding("TABLE", EnvBinding.Kind.PARAMETER, "TableName", null, "orders"));
    assertThat(fn.policies())
        .containsExactly(
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "Allow dynamodb:GetItem,dynamodb:PutItem on "
                + "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}");
    assertThat(loaded.iac().resources()).extracting(r -> r.logicalId()).containsExactly("ApiRole", "Jobs");
  }

  @Test
  void plainCloudFormationApiGatewayMethodsGiveRoutes() {
    var loaded =
        TestRepo.create()
            .file(
                "cloudformation/api.yaml",
                """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Backend:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: java21
                      Handler: com.acme.Backend
                      Code: {S3Bucket: b, S3Key: k}
                      Role: arn:aws:iam::123456789012:role/backend
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties: {Name: backend}
                  Orders:
                    Type: AWS::ApiGateway::Resource
                    Properties:
                      RestApiId: !Ref Api
                      ParentId: !GetAtt Api.RootResourceId
                      PathPart: orders
                  Order:
                    Type: AWS::ApiGateway::Resource
                    Properties:
                      RestApiId: !Ref Api
                      ParentId: !Ref Orders
                      PathPart: "{id}"
                  GetOrder:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: !Ref Api
                      ResourceId: !Ref Order
                      HttpMethod: GET
                      AuthorizationType: NONE
                      Integration:
                        Type: AWS_PROXY
                        IntegrationHttpMethod: POST
                        Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Backend.Arn}/invocations
                  HttpApi:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: {Name: http, ProtocolType: HTTP}
                  Integration:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref HttpApi
                      IntegrationType: AWS_PROXY
                      IntegrationUri: !GetAtt Backend.Arn
                  ListRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: !Ref HttpApi
                      RouteKey: GET /customers
                      Target: !Sub integrations/${Integration}
                  Jobs:
                    Type: AWS::SQS::Queue
                  JobsMapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Backend
                      EventSourceArn: !GetAtt Jobs.Arn
                      BatchSize: 5
                """)
            .load();

    LambdaFunction fn = loaded.iac().functions().get(0);
    assertThat(fn.policies()).containsExactly("Role arn:aws:iam::123456789012:role/backend");
    assertThat(fn.triggers())
        .extracting(Trigger::kind, Trigger::method, Trigger::path, Trigger::target)
        .containsExactly(
            tuple("Api", "GET", "/orders/{id}", null),
            tuple("HttpApi", "GET", "/customers", null),
            tuple("SQS", null, null, "Jobs"));
  }

  @Test
  void invalidTemplateIsAnErrorWithItsLineAndOtherTemplatesAreStillRead() {
    var loaded =
        TestRepo.create()
            .file(
                "broken/template.yaml",
                """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: "com.acme.Broken
                """)
            .file(
                "good/template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Good:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: java21, Handler: com.acme.Good}
                """)
            .load();

    assertThat(loaded.iac().functions()).extracting(LambdaFunction::logicalId).containsExactly("Good");
    assertThat(loaded.iac().files()).containsExactly("good/template.yaml");
    Diagnostic d = loaded.diagnostics().sorted().get(0);
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.code()).isEqualTo("iac-parse-error");
    assertThat(d.source().file()).isEqualTo("broken/template.yaml");
    assertThat(d.source().line()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void unknownTagIsAWarningAtItsLine() {
    var loaded =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: com.acme.Fn
                      Environment:
                        Variables:
                          TOKEN: !Vault secret/token
                """)
            .load();

    assertThat(loaded.diagnostics().sorted())
        .extracting(d -> d.severity() + " " + d.code() + " " + d.source())
        .containsExactly("WARNING iac-unknown-tag template.yaml:10");
    assertThat(loaded.iac().functions().get(0).environment())
        .containsExactly(new EnvBinding("TOKEN", EnvBinding.Kind.LITERAL, "secret/token", null, null));
  }

  @Test
  void yamlAndJsonThatAreNotTemplatesAreIgnoredSilently() {
    var loaded =
        TestRepo.create()
            .file("package.json", "{\"name\": \"web\", \"version\": \"1.0.0\"}")
            .file(
                "openapi.yaml",
                """
                openapi: 3.0.1
                paths:
                  /orders:
                    get: {operationId: listOrders}
                """)
            .file("src/main/resources/application.yml", "server:\n  port: 8080\n")
            .file("charts/api/templates/deployment.yaml", "apiVersion: {{ .Values.api }}\nkind: [\n")
            .file("docker-compose.yml", "services:\n  db:\n    image: postgres\n")
            .load();

    assertThat(loaded.iac().functions()).isEmpty();
    assertThat(loaded.iac().files()).isEmpty();
    assertThat(loaded.diagnostics().sorted()).isEmpty();
  }

  @Test
  void simpleTableAndParameterNamesAreFollowed() {
    var loaded =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Env:
                    Type: String
                    Default: prod
                  Unset:
                    Type: String
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: com.acme.Fn
                      Environment:
                        Variables:
                          CUSTOMERS: !Ref Customers
                          AUDIT: !Join ["-", [!Ref Env, audit]]
                          UNSET: !Ref Unset
                          SELF: !Ref AWS::Region
                  Customers:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      TableName: !Sub ${Env}-customers
                """)
            .load();

    assertThat(loaded.iac().parameters()).containsEntry("Env", "prod").containsEntry("Unset", null);
    assertThat(loaded.iac().functions().get(0).environment())
        .containsExactly(
            new EnvBinding("AUDIT", EnvBinding.Kind.EXPRESSION, "!Join [-, [${Env}, audit]]", null, "${Env}-audit"),
            new EnvBinding("CUSTOMERS", EnvBinding.Kind.RESOURCE, "Customers",
                "AWS::Serverless::SimpleTable", "${Env}-customers"),
            new EnvBinding("SELF", EnvBinding.Kind.EXPRESSION, "${AWS::Region}", null, null),
            new EnvBinding("UNSET", EnvBinding.Kind.PARAMETER, "Unset", null, null));
  }

  @Test
  void sameLogicalIdInTwoFilesIsPrefixedWithTheLaterFile() {
    String template =
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          ApiFunction:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java21, Handler: %s}
        """;
    var loaded =
        TestRepo.create()
            .file("a/template.yaml", template.formatted("com.acme.A"))
            .file("b/template.yaml", template.formatted("com.acme.B"))
            .load();

    assertThat(loaded.iac().functions())
        .extracting(LambdaFunction::logicalId, LambdaFunction::handlerClass)
        .containsExactly(
            tuple("ApiFunction", "com.acme.A"), tuple("b/template.yaml#ApiFunction", "com.acme.B"));
    assertThat(loaded.diagnostics().sorted())
        .extracting(Diagnostic::code)
        .containsExactly("iac-duplicate-id");
  }

  @Test
  void openApiDefinitionsOfSamApisGiveRoutes() {
    var loaded =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Monolith:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: com.acme.Monolith::handleRequest
                      Events:
                        List:
                          Type: Api
                          Properties:
                            RestApiId: !Ref PublicApi
                            Path: /pets
                            Method: get
                  PublicApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionBody:
                        openapi: 3.0.1
                        paths:
                          /pets:
                            get:
                              x-amazon-apigateway-integration:
                                type: aws_proxy
                                httpMethod: POST
                                uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Monolith.Arn}/invocations
                          /pets/{petId}:
                            x-amazon-apigateway-any-method:
                              x-amazon-apigateway-integration:
                                type: aws_proxy
                                httpMethod: POST
                                uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Monolith.Arn}/invocations
                  AdminApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionUri: api/admin.yaml
                """)
            .file(
                "api/admin.yaml",
                """
                openapi: 3.0.1
                paths:
                  /admin/users:
                    post:
                      x-amazon-apigateway-integration:
                        type: aws_proxy
                        httpMethod: POST
                        uri:
                          Fn::Sub: arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Monolith.Arn}/invocations
                """)
            .load();

    assertThat(loaded.iac().functions().get(0).apiTriggers())
        .extracting(Trigger::kind, Trigger::method, Trigger::path, Trigger::properties)
        .containsExactly(
            tuple("Api", "POST", "/admin/users", Map.of("RestApiId", "AdminApi")),
            tuple("Api", "GET", "/pets", Map.of("RestApiId", "PublicApi")),
            tuple("Api", "ANY", "/pets/{petId}", Map.of("RestApiId", "PublicApi")));
    assertThat(loaded.iac().files()).containsExactly("template.yaml");
  }

  @Test
  void oddlyShapedTemplateNeverThrows() {
    var loaded =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: [AWS::Serverless-2016-10-31]
                Globals: none
                Parameters: [a, b]
                Resources:
                  Empty:
                  NoProps:
                    Type: AWS::Serverless::Function
                  ListProps:
                    Type: AWS::Serverless::Function
                    Properties: [1, 2]
                  Odd:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: [not, a, string]
                      Environment: {Variables: "x"}
                      Events: [one, two]
                      Policies: {Statement: nothing}
                      Role: !GetAtt [Missing]
                  Weird:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: !Sub
                      Code: s3://somewhere
                      Environment:
                        Variables:
                          A: !Sub ["${X}", 1]
                          B: !GetAtt
                          C: !Ref
                          D: [1, 2]
                  Method:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      ResourceId: !Ref Method
                      Integration: {Uri: !GetAtt Weird.Arn}
                  Route:
                    Type: AWS::ApiGatewayV2::Route
                    Properties: {RouteKey: nospace, Target: !Ref Weird}
                """)
            .load();

    assertThat(loaded.iac().functions())
        .extracting(LambdaFunction::logicalId)
        .containsExactly("ListProps", "NoProps", "Odd", "Weird");
    assertThat(loaded.iac().functions().get(3).environment()).hasSize(4);
  }

  @Test
  void rulesSubscriptionsAndBucketNotificationsInvokeTheirFunction() {
    var loaded =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Processor:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: java21
                      Handler: com.acme.Processor::handle
                      Code: {S3Bucket: artifacts, S3Key: processor.jar}
                      Role: !GetAtt ProcessorRole.Arn
                  ProcessorRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {}
                  ProcessorPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: processor
                      Roles: [!Ref ProcessorRole]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            NotAction: iam:*
                            Resource: "*"
                  Nightly:
                    Type: AWS::Events::Rule
                    Properties:
                      ScheduleExpression: rate(1 day)
                      Targets:
                        - Id: processor
                          Arn: !GetAtt Processor.Arn
                  OrderEvents:
                    Type: AWS::Events::Rule
                    Properties:
                      EventPattern: {source: [acme.orders]}
                      Targets:
                        - Id: processor
                          Arn: !GetAtt Processor.Arn
                  Alerts:
                    Type: AWS::SNS::Topic
                  AlertsSubscription:
                    Type: AWS::SNS::Subscription
                    Properties:
                      Protocol: lambda
                      TopicArn: !Ref Alerts
                      Endpoint: !GetAtt Processor.Arn
                  Uploads:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: acme-uploads
                      NotificationConfiguration:
                        LambdaConfigurations:
                          - Event: s3:ObjectCreated:Put
                            Function: !GetAtt Processor.Arn
                """)
            .load();

    LambdaFunction fn = loaded.iac().functions().get(0);
    assertThat(fn.policies()).containsExactly("Allow all but iam:* on *");
    assertThat(fn.triggers())
        .extracting(Trigger::kind, Trigger::name, Trigger::target, Trigger::properties)
        .containsExactly(
            tuple("EventBridgeRule", "OrderEvents", null,
                Map.of("Pattern", "{\"source\":[\"acme.orders\"]}")),
            tuple("S3", "Uploads", "Uploads", Map.of("events", "s3:ObjectCreated:Put")),
            tuple("SNS", "AlertsSubscription", "Alerts", Map.of()),
            tuple("Schedule", "Nightly", null, Map.of("Schedule", "rate(1 day)")));
  }
}
