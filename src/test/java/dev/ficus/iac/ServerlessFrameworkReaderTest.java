package dev.ficus.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Trigger;
import dev.ficus.testing.TestRepo;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerlessFrameworkReaderTest {

  private static final String SERVICE =
      """
      service: orders

      custom:
        tableName: orders-${self:provider.stage}
        bucket: acme-uploads

      provider:
        name: aws
        runtime: java17
        stage: dev
        region: eu-west-1
        environment:
          TABLE_NAME: ${self:custom.tableName}
          STAGE: ${opt:stage, 'dev'}
          LOG_LEVEL: INFO
        iam:
          role:
            statements:
              - Effect: Allow
                Action:
                  - dynamodb:Query
                  - dynamodb:PutItem
                Resource:
                  Fn::GetAtt: [OrdersTable, Arn]

      package:
        artifact: target/orders-1.0.jar

      functions:
        api:
          handler: com.acme.orders.ApiHandler::handleRequest
          environment:
            LOG_LEVEL: DEBUG
            QUEUE_URL:
              Ref: JobQueue
            SECRET: ${ssm:/orders/secret}
          events:
            - http:
                path: orders
                method: get
            - http:
                path: orders/{id}
                method: any
            - http: POST orders
            - httpApi: 'GET /customers/{id}'
            - httpApi:
                method: delete
                path: /customers/{id}
        catchAll:
          handler: com.acme.orders.FallbackHandler
          events:
            - httpApi: '*'
        worker:
          handler: com.acme.orders.Worker
          events:
            - s3:
                bucket: ${self:custom.bucket}
                event: s3:ObjectCreated:*
                rules:
                  - prefix: uploads/
                  - suffix: .json
            - sqs:
                arn:
                  Fn::GetAtt: [JobQueue, Arn]
                batchSize: 5
            - sns: order-events
            - stream:
                type: dynamodb
                arn:
                  Fn::GetAtt: [OrdersTable, StreamArn]
            - stream: arn:aws:kinesis:eu-west-1:123456789012:stream/clicks
            - schedule: rate(10 minutes)
            - eventBridge:
                eventBus: orders-bus
                pattern:
                  source: [acme.orders]
        nodeThing:
          runtime: nodejs20.x
          handler: handler.main

      resources:
        Resources:
          OrdersTable:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: ${self:custom.tableName}
          JobQueue:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: orders-jobs-${self:provider.stage}
      """;

  @Test
  void readsFunctionsEnvironmentEventsAndResources() {
    var loaded = TestRepo.create().file("serverless.yml", SERVICE).load();

    assertThat(loaded.diagnostics().sorted()).isEmpty();
    assertThat(loaded.iac().functions())
        .extracting(LambdaFunction::logicalId, LambdaFunction::handlerClass, LambdaFunction::handlerMethod)
        .containsExactly(
            tuple("api", "com.acme.orders.ApiHandler", "handleRequest"),
            tuple("catchAll", "com.acme.orders.FallbackHandler", null),
            tuple("nodeThing", null, null),
            tuple("worker", "com.acme.orders.Worker", null));

    LambdaFunction api = loaded.iac().functions().get(0);
    assertThat(api.iac()).isEqualTo("serverless");
    assertThat(api.runtime()).isEqualTo("java17");
    assertThat(api.codeUri()).isEqualTo("target/orders-1.0.jar");
    assertThat(api.source().toString()).isEqualTo("serverless.yml:30");
    assertThat(api.environment())
        .containsExactly(
            new EnvBinding("LOG_LEVEL", EnvBinding.Kind.LITERAL, "DEBUG", null, null),
            new EnvBinding("QUEUE_URL", EnvBinding.Kind.RESOURCE, "JobQueue", "AWS::SQS::Queue",
                "orders-jobs-dev"),
            new EnvBinding("SECRET", EnvBinding.Kind.EXPRESSION, "${ssm:/orders/secret}", null, null),
            new EnvBinding("STAGE", EnvBinding.Kind.EXPRESSION, "${opt:stage, 'dev'}", null, "dev"),
            new EnvBinding("TABLE_NAME", EnvBinding.Kind.LITERAL, "orders-dev", null, null));
    assertThat(api.triggers())
        .extracting(Trigger::kind, Trigger::method, Trigger::path)
        .containsExactly(
            tuple("Api", "GET", "/orders"),
            tuple("Api", "ANY", "/orders/{id}"),
            tuple("Api", "POST", "/orders"),
            tuple("HttpApi", "GET", "/customers/{id}"),
            tuple("HttpApi", "DELETE", "/customers/{id}"));
    assertThat(api.policies())
        .containsExactly("Allow dynamodb:Query,dynamodb:PutItem on ${OrdersTable.Arn}");

    LambdaFunction catchAll = loaded.iac().functions().get(1);
    assertThat(catchAll.triggers())
        .extracting(Trigger::method, Trigger::path)
        .containsExactly(tuple("ANY", "/{proxy+}"));

    LambdaFunction worker = loaded.iac().functions().get(3);
    assertThat(worker.triggers())
        .extracting(Trigger::kind, Trigger::target, Trigger::properties)
        .containsExactly(
            tuple("DynamoDB", "OrdersTable", Map.of()),
            tuple("EventBridgeRule", "orders-bus", Map.of("Pattern", "{\"source\":[\"acme.orders\"]}")),
            tuple("Kinesis", "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks", Map.of()),
            tuple("S3", "acme-uploads",
                Map.of("events", "s3:ObjectCreated:*", "prefix", "uploads/", "suffix", ".json")),
            tuple("SNS", "order-events", Map.of()),
            tuple("SQS", "JobQueue", Map.of("batchSize", "5")),
            tuple("Schedule", null, Map.of("Schedule", "rate(10 minutes)")));

    assertThat(loaded.iac().resources())
        .extracting(r -> r.logicalId() + "=" + r.physicalName())
        .containsExactly("JobQueue=orders-jobs-dev", "OrdersTable=orders-dev");
  }

  @Test
  void functionsAsAListAndUnresolvableVariables() {
    var loaded =
        TestRepo.create()
            .file(
                "services/billing/serverless.yaml",
                """
                service: billing
                provider:
                  name: aws
                  runtime: ${self:custom.runtime}
                  environment:
                    TABLE: ${file(./config.yml):table}
                    REGION: ${aws:region}
                custom:
                  runtime: java21
                functions:
                  - invoice:
                      handler: com.acme.billing.InvoiceHandler::handle
                      events:
                        - http: ANY /
                        - websocket: $connect
                        - somethingNew: {a: 1}
                  - refund:
                      handler: com.acme.billing.RefundHandler
                """)
            .load();

    assertThat(loaded.iac().functions())
        .extracting(LambdaFunction::logicalId, LambdaFunction::runtime, LambdaFunction::handlerMethod)
        .containsExactly(tuple("invoice", "java21", "handle"), tuple("refund", "java21", null));
    LambdaFunction invoice = loaded.iac().functions().get(0);
    assertThat(invoice.environment())
        .extracting(EnvBinding::name, EnvBinding::kind, EnvBinding::value)
        .containsExactly(
            tuple("REGION", EnvBinding.Kind.EXPRESSION, "${aws:region}"),
            tuple("TABLE", EnvBinding.Kind.EXPRESSION, "${file(./config.yml):table}"));
    assertThat(invoice.triggers())
        .extracting(Trigger::kind, Trigger::method, Trigger::path)
        .containsExactly(
            tuple("Api", "ANY", "/"),
            tuple("somethingNew", null, null),
            tuple("websocket", null, null));
    assertThat(loaded.diagnostics().sorted())
        .extracting(d -> d.code() + " " + d.source())
        .containsExactly("iac-unknown-event services/billing/serverless.yaml:16");
  }

  @Test
  void brokenServerlessFileIsAnError() {
    var loaded =
        TestRepo.create()
            .file("serverless.yml", "service: x\nfunctions:\n  a:\n    handler: [oops\n")
            .load();

    assertThat(loaded.diagnostics().sorted())
        .extracting(d -> d.severity() + " " + d.code())
        .containsExactly("ERROR iac-parse-error");
  }

  @Test
  void resourcesMayBeAListOfSections() {
    var loaded =
        TestRepo.create()
            .file(
                "serverless.yml",
                """
                service: shop
                provider: {name: aws, runtime: java21}
                functions:
                  api:
                    handler: com.acme.Api
                    environment:
                      CART: !Ref CartTable
                resources:
                  - ${file(resources/queues.yml)}
                  - Resources:
                      CartTable:
                        Type: AWS::DynamoDB::Table
                        Properties: {TableName: carts}
                """)
            .load();

    assertThat(loaded.iac().functions().get(0).environment())
        .containsExactly(new EnvBinding("CART", EnvBinding.Kind.RESOURCE, "CartTable",
            "AWS::DynamoDB::Table", "carts"));
    assertThat(loaded.iac().resources()).extracting(r -> r.logicalId()).containsExactly("CartTable");
  }

  @Test
  void servicesForOtherCloudsAreIgnored() {
    var loaded =
        TestRepo.create()
            .file(
                "serverless.yml",
                """
                service: reports
                provider:
                  name: azure
                  runtime: java11
                functions:
                  report:
                    handler: com.acme.Reports
                """)
            .load();

    assertThat(loaded.iac().functions()).isEmpty();
  }

  @Test
  void policiesGrantedTodayReadWithTheDefaultsOfTheirVariables() {
    var loaded = TestRepo.create().file("serverless.yml", """
        service: bills
        provider:
          name: aws
          runtime: java17
          region: us-east-1
          stage: ${opt:stage, 'dev'}
          environment:
            BILLS_TABLE: "bills-${self:provider.stage}"
          iamRoleStatements:
            - Effect: Allow
              Action: [dynamodb:Query]
              Resource: "arn:aws:dynamodb:${self:provider.region}:*:table/${self:provider.environment.BILLS_TABLE}"
        functions:
          list:
            handler: com.acme.ListHandler
        """).load();
    assertThat(loaded.iac().functions().get(0).policies())
        .containsExactly("Allow dynamodb:Query on arn:aws:dynamodb:us-east-1:*:table/bills-dev");
  }
}
