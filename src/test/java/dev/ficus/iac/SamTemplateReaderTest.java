package dev.ficus.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Trigger;
import dev.ficus.testing.TestRepo;
import org.junit.jupiter.api.Test;

class SamTemplateReaderTest {

  private static final String ORDERS_TEMPLATE =
      """
      AWSTemplateFormatVersion: '2010-09-09'
      Transform: AWS::Serverless-2016-10-31
      Description: Orders service

      Parameters:
        Stage:
          Type: String
          Default: dev

      Globals:
        Function:
          Runtime: java17
          MemorySize: 1024
          Timeout: 20
          CodeUri: orders-service
          Environment:
            Variables:
              STAGE: !Ref Stage
              POWERTOOLS_SERVICE_NAME: orders

      Resources:
        OrdersFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.acme.orders.ApiHandler::handleRequest
            Environment:
              Variables:
                TABLE_NAME: !Ref OrdersTable
                TABLE_ARN: !GetAtt OrdersTable.Arn
                BUCKET: !Sub "${InvoiceBucket}"
                QUEUE_URL: !Sub "${AWS::StackName}-orders"
                SHARED: !ImportValue shared-customers-table
            Policies:
              - DynamoDBCrudPolicy:
                  TableName: !Ref OrdersTable
              - AWSXRayDaemonWriteAccess
              - Statement:
                  - Effect: Allow
                    Action:
                      - s3:GetObject
                    Resource: !Sub "arn:aws:s3:::${InvoiceBucket}/*"
            Events:
              ListOrders:
                Type: Api
                Properties:
                  Path: /orders
                  Method: get
              GetOrder:
                Type: Api
                Properties:
                  Path: /orders/{id}
                  Method: any
              Catalog:
                Type: HttpApi
                Properties:
                  Path: /catalog/{proxy+}
                  Method: post

        OrdersTable:
          Type: AWS::DynamoDB::Table
          Properties:
            TableName: !Sub "${Stage}-orders"
            BillingMode: PAY_PER_REQUEST

        InvoiceBucket:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: acme-invoices

      Outputs:
        Api:
          Value: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/"
      """;

  @Test
  void readsSamFunctionWithGlobalsEnvironmentEventsAndPolicies() {
    var loaded = TestRepo.create().file("template.yaml", ORDERS_TEMPLATE).load();

    assertThat(loaded.diagnostics().sorted()).isEmpty();
    assertThat(loaded.iac().files()).containsExactly("template.yaml");
    assertThat(loaded.iac().parameters()).containsEntry("Stage", "dev");
    LambdaFunction fn = loaded.iac().functions().get(0);
    assertThat(fn.logicalId()).isEqualTo("OrdersFunction");
    assertThat(fn.handlerClass()).isEqualTo("com.acme.orders.ApiHandler");
    assertThat(fn.handlerMethod()).isEqualTo("handleRequest");
    assertThat(fn.runtime()).isEqualTo("java17");
    assertThat(fn.codeUri()).isEqualTo("orders-service");
    assertThat(fn.iac()).isEqualTo("sam");
    assertThat(fn.source().file()).isEqualTo("template.yaml");
    assertThat(fn.source().line()).isEqualTo(22);

    assertThat(fn.environment())
        .containsExactly(
            new EnvBinding("BUCKET", EnvBinding.Kind.RESOURCE, "InvoiceBucket", "AWS::S3::Bucket", "acme-invoices"),
            new EnvBinding("POWERTOOLS_SERVICE_NAME", EnvBinding.Kind.LITERAL, "orders", null, null),
            new EnvBinding("QUEUE_URL", EnvBinding.Kind.EXPRESSION, "${AWS::StackName}-orders", null,
                "${AWS::StackName}-orders"),
            new EnvBinding("SHARED", EnvBinding.Kind.EXPRESSION, "!ImportValue shared-customers-table",
                null, null),
            new EnvBinding("STAGE", EnvBinding.Kind.PARAMETER, "Stage", null, "dev"),
            new EnvBinding("TABLE_ARN", EnvBinding.Kind.ATTRIBUTE, "OrdersTable.Arn",
                "AWS::DynamoDB::Table", "${Stage}-orders"),
            new EnvBinding("TABLE_NAME", EnvBinding.Kind.RESOURCE, "OrdersTable",
                "AWS::DynamoDB::Table", "${Stage}-orders"));

    assertThat(fn.apiTriggers())
        .extracting(Trigger::kind, Trigger::method, Trigger::path)
        .containsExactly(
            tuple("Api", "ANY", "/orders/{id}"),
            tuple("Api", "GET", "/orders"),
            tuple("HttpApi", "POST", "/catalog/{proxy+}"));

    assertThat(fn.policies())
        .containsExactly(
            "DynamoDBCrudPolicy(TableName=OrdersTable)",
            "AWSXRayDaemonWriteAccess",
            "Allow s3:GetObject on arn:aws:s3:::${InvoiceBucket}/*");

    assertThat(loaded.iac().resources())
        .extracting(r -> r.logicalId() + " " + r.type() + " " + r.physicalName() + " " + r.source())
        .containsExactly(
            "InvoiceBucket AWS::S3::Bucket acme-invoices template.yaml:65",
            "OrdersTable AWS::DynamoDB::Table ${Stage}-orders template.yaml:59");
  }

  @Test
  void functionPropertiesOverrideGlobalsAndEnvironmentsMergeKeyByKey() {
    var loaded =
        TestRepo.create()
            .file(
                "template.yml",
                """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java11
                    Handler: com.acme.Default
                    Environment:
                      Variables:
                        LOG_LEVEL: INFO
                        REGION_NAME: eu-west-1
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Environment:
                        Variables:
                          LOG_LEVEL: DEBUG
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.acme.Worker
                """)
            .load();

    LambdaFunction api = loaded.iac().functions().get(0);
    assertThat(api.runtime()).isEqualTo("java21");
    assertThat(api.handlerClass()).isEqualTo("com.acme.Default");
    assertThat(api.handlerMethod()).isNull();
    assertThat(api.environment())
        .extracting(EnvBinding::name, EnvBinding::value)
        .containsExactly(
            tuple("LOG_LEVEL", "DEBUG"),
            tuple("REGION_NAME", "eu-west-1"));
    LambdaFunction worker = loaded.iac().functions().get(1);
    assertThat(worker.runtime()).isEqualTo("java11");
    assertThat(worker.handlerClass()).isEqualTo("com.acme.Worker");
  }

  @Test
  void nonJavaHandlersAreFunctionsWithoutAClass() {
    var loaded =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Thumbnailer:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: nodejs20.x
                      Handler: index.handler
                      CodeUri: thumbnailer/
                  Reporter:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.lambda_handler
                """)
            .load();

    assertThat(loaded.iac().functions())
        .extracting(LambdaFunction::logicalId, LambdaFunction::handler, LambdaFunction::handlerClass)
        .containsExactly(
            tuple("Reporter", "app.lambda_handler", null),
            tuple("Thumbnailer", "index.handler", null));
  }

  @Test
  void httpApiEventWithoutPathIsTheDefaultRoute() {
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
                      Handler: com.acme.StreamLambdaHandler::handleRequest
                      Events:
                        Everything:
                          Type: HttpApi
                """)
            .load();

    Trigger t = loaded.iac().functions().get(0).triggers().get(0);
    assertThat(t.method()).isEqualTo("ANY");
    assertThat(t.path()).isEqualTo("/{proxy+}");
    assertThat(t.properties()).containsEntry("RouteKey", "$default");
  }
}
