package dev.ficus.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Trigger;
import dev.ficus.testing.TestRepo;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CdkJavaReaderTest {

  private static final String STACK =
      """
      package com.acme.infra;

      import java.util.List;
      import java.util.Map;
      import software.amazon.awscdk.Stack;
      import software.amazon.awscdk.StackProps;
      import software.amazon.awscdk.services.apigateway.LambdaIntegration;
      import software.amazon.awscdk.services.apigateway.Resource;
      import software.amazon.awscdk.services.apigateway.RestApi;
      import software.amazon.awscdk.services.dynamodb.Attribute;
      import software.amazon.awscdk.services.dynamodb.AttributeType;
      import software.amazon.awscdk.services.dynamodb.Table;
      import software.amazon.awscdk.services.lambda.Code;
      import software.amazon.awscdk.services.lambda.Function;
      import software.amazon.awscdk.services.lambda.FunctionProps;
      import software.amazon.awscdk.services.lambda.Runtime;
      import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
      import software.amazon.awscdk.services.s3.Bucket;
      import software.amazon.awscdk.services.sqs.Queue;
      import software.constructs.Construct;

      public class OrdersStack extends Stack {

        private final Table table;

        public OrdersStack(final Construct scope, final String id, final StackProps props) {
          super(scope, id, props);

          this.table = Table.Builder.create(this, "Orders")
              .tableName("orders")
              .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
              .build();
          Bucket invoices = Bucket.Builder.create(this, "Invoices").build();
          Queue jobs = new Queue(this, "Jobs");

          Function api = Function.Builder.create(this, "OrdersApi")
              .runtime(Runtime.JAVA_21)
              .handler(HANDLER)
              .code(Code.fromAsset("../app/target/orders.jar"))
              .memorySize(1024)
              .environment(Map.of(
                  "TABLE", table.getTableName(),
                  "TABLE_ARN", table.getTableArn(),
                  "MODE", "strict"))
              .build();
          api.addEnvironment("BUCKET", invoices.getBucketName());

          Function worker = new Function(this, "Worker", FunctionProps.builder()
              .runtime(Runtime.JAVA_17)
              .handler("com.acme.orders.Worker")
              .code(Code.fromAsset("../app/target/orders.jar"))
              .build());
          worker.addEventSource(new SqsEventSource(jobs));

          table.grantReadWriteData(api);
          invoices.grantRead(api);
          jobs.grantSendMessages(api);

          RestApi rest = RestApi.Builder.create(this, "OrdersRestApi").restApiName("orders").build();
          LambdaIntegration integration = new LambdaIntegration(api);
          Resource orders = rest.getRoot().addResource("orders");
          orders.addMethod("GET", integration);
          orders.addMethod("POST", integration);
          Resource order = orders.addResource("{id}");
          order.addMethod("GET", integration);
          order.addResource("items").addMethod("PUT", new LambdaIntegration(api));
          rest.getRoot().addResource("health").addMethod("GET", new LambdaIntegration(worker));
        }

        private static final String HANDLER = "com.acme.orders.ApiHandler::handleRequest";
      }
      """;

  @Test
  void readsFunctionsResourcesEnvironmentGrantsAndRestApiTree() {
    var loaded = TestRepo.create().java("com/acme/infra/OrdersStack.java", STACK).load();

    assertThat(loaded.diagnostics().sorted()).isEmpty();
    assertThat(loaded.iac().files()).containsExactly("src/main/java/com/acme/infra/OrdersStack.java");
    assertThat(loaded.iac().functions())
        .extracting(LambdaFunction::logicalId, LambdaFunction::handlerClass,
            LambdaFunction::handlerMethod, LambdaFunction::runtime)
        .containsExactly(
            tuple("OrdersApi", "com.acme.orders.ApiHandler", "handleRequest", "java21"),
            tuple("Worker", "com.acme.orders.Worker", null, "java17"));

    LambdaFunction api = loaded.iac().functions().get(0);
    assertThat(api.iac()).isEqualTo("cdk");
    assertThat(api.codeUri()).isEqualTo("../app/target/orders.jar");
    assertThat(api.source().toString()).isEqualTo("src/main/java/com/acme/infra/OrdersStack.java:36");
    assertThat(api.environment())
        .containsExactly(
            new EnvBinding("BUCKET", EnvBinding.Kind.RESOURCE, "Invoices", "AWS::S3::Bucket", null),
            new EnvBinding("MODE", EnvBinding.Kind.LITERAL, "strict", null, null),
            new EnvBinding("TABLE", EnvBinding.Kind.RESOURCE, "Orders", "AWS::DynamoDB::Table", "orders"),
            new EnvBinding("TABLE_ARN", EnvBinding.Kind.ATTRIBUTE, "Orders.Arn", "AWS::DynamoDB::Table",
                "orders"));
    assertThat(api.policies())
        .containsExactly("grantReadWriteData(Orders)", "grantRead(Invoices)", "grantSendMessages(Jobs)");
    assertThat(api.apiTriggers())
        .extracting(Trigger::method, Trigger::path)
        .containsExactly(
            tuple("GET", "/orders"),
            tuple("POST", "/orders"),
            tuple("GET", "/orders/{id}"),
            tuple("PUT", "/orders/{id}/items"));

    LambdaFunction worker = loaded.iac().functions().get(1);
    assertThat(worker.triggers())
        .extracting(Trigger::kind, Trigger::method, Trigger::path, Trigger::target)
        .containsExactly(
            tuple("Api", "GET", "/health", null),
            tuple("SQS", null, null, "Jobs"));

    assertThat(loaded.iac().resources())
        .extracting(r -> r.logicalId() + " " + r.type() + " " + r.physicalName())
        .containsExactly(
            "Invoices AWS::S3::Bucket null",
            "Jobs AWS::SQS::Queue null",
            "Orders AWS::DynamoDB::Table orders",
            "OrdersRestApi AWS::ApiGateway::RestApi orders");
  }

  @Test
  void httpApiRoutesAndLambdaRestApiProxy() {
    var loaded =
        TestRepo.create()
            .java(
                "com/acme/infra/ApiStack.java",
                """
                package com.acme.infra;

                import java.util.List;
                import software.amazon.awscdk.Stack;
                import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
                import software.amazon.awscdk.services.apigateway.LambdaRestApi;
                import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
                import software.amazon.awscdk.services.apigatewayv2.HttpApi;
                import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
                import software.amazon.awscdk.services.lambda.Code;
                import software.amazon.awscdk.services.lambda.Function;
                import software.amazon.awscdk.services.lambda.Runtime;
                import software.amazon.awscdk.services.lambda.SingletonFunction;
                import software.constructs.Construct;

                public class ApiStack extends Stack {
                  public ApiStack(Construct scope, String id) {
                    super(scope, id);
                    Function customers = Function.Builder.create(this, "Customers")
                        .runtime(Runtime.JAVA_21)
                        .handler("com.acme.customers.Handler::handleRequest")
                        .code(Code.fromAsset("customers.jar"))
                        .build();
                    HttpApi http = HttpApi.Builder.create(this, "CustomersHttpApi").build();
                    HttpLambdaIntegration integration = new HttpLambdaIntegration("CustomersIntegration", customers);
                    http.addRoutes(AddRoutesOptions.builder()
                        .path("/customers")
                        .methods(List.of(HttpMethod.GET, HttpMethod.POST))
                        .integration(integration)
                        .build());
                    http.addRoutes(AddRoutesOptions.builder()
                        .path("/customers/{id}")
                        .methods(List.of(HttpMethod.ANY))
                        .integration(integration)
                        .build());

                    SingletonFunction legacy = SingletonFunction.Builder.create(this, "Legacy")
                        .uuid("4e1c5a2e-0000-4000-8000-000000000000")
                        .runtime(Runtime.JAVA_11)
                        .handler("com.acme.legacy.Monolith")
                        .code(Code.fromAsset("legacy.jar"))
                        .build();
                    LambdaRestApi.Builder.create(this, "LegacyApi").handler(legacy).build();
                  }
                }
                """)
            .load();

    assertThat(loaded.iac().functions().get(0).apiTriggers())
        .extracting(Trigger::kind, Trigger::method, Trigger::path, Trigger::properties)
        .containsExactly(
            tuple("HttpApi", "GET", "/customers", Map.of("ApiId", "CustomersHttpApi")),
            tuple("HttpApi", "POST", "/customers", Map.of("ApiId", "CustomersHttpApi")),
            tuple("HttpApi", "ANY", "/customers/{id}", Map.of("ApiId", "CustomersHttpApi")));
    LambdaFunction legacy = loaded.iac().functions().get(1);
    assertThat(legacy.logicalId()).isEqualTo("Legacy");
    assertThat(legacy.handlerClass()).isEqualTo("com.acme.legacy.Monolith");
    assertThat(legacy.apiTriggers())
        .extracting(Trigger::method, Trigger::path)
        .containsExactly(tuple("ANY", "/"), tuple("ANY", "/{proxy+}"));
  }

  @Test
  void javaFilesWithoutCdkImportsAreNotRead() {
    var loaded =
        TestRepo.create()
            .java(
                "com/acme/Wiring.java",
                """
                package com.acme;

                import java.util.function.Function;

                class Wiring {
                  Function<String, String> f = s -> s;
                  Table t = new Table(this, "NotCdk");
                }
                """)
            .load();

    assertThat(loaded.iac().resources()).isEmpty();
    assertThat(loaded.iac().files()).isEmpty();
  }

  @Test
  void proxiesImportedTablesEventSourcePropsAndRolePolicies() {
    var loaded =
        TestRepo.create()
            .java(
                "com/acme/infra/IngestStack.java",
                """
                package com.acme.infra;

                import java.util.List;
                import software.amazon.awscdk.Stack;
                import software.amazon.awscdk.services.apigateway.LambdaIntegration;
                import software.amazon.awscdk.services.apigateway.RestApi;
                import software.amazon.awscdk.services.dynamodb.ITable;
                import software.amazon.awscdk.services.dynamodb.Table;
                import software.amazon.awscdk.services.iam.PolicyStatement;
                import software.amazon.awscdk.services.lambda.Code;
                import software.amazon.awscdk.services.lambda.Function;
                import software.amazon.awscdk.services.lambda.Runtime;
                import software.amazon.awscdk.services.lambda.eventsources.S3EventSource;
                import software.amazon.awscdk.services.lambda.eventsources.S3EventSourceProps;
                import software.amazon.awscdk.services.s3.Bucket;
                import software.amazon.awscdk.services.s3.EventType;
                import software.constructs.Construct;

                public class IngestStack extends Stack {
                  public IngestStack(Construct scope, String id) {
                    super(scope, id);
                    ITable customers = Table.fromTableName(this, "Customers", "customers-prod");
                    Bucket drop = Bucket.Builder.create(this, "Drop").bucketName("acme-drop").build();
                    Function ingest = Function.Builder.create(this, "Ingest")
                        .runtime(Runtime.JAVA_21)
                        .handler("com.acme.ingest.Handler")
                        .code(Code.fromAsset("ingest.jar"))
                        .build();
                    ingest.addEnvironment("CUSTOMERS", customers.getTableName());
                    ingest.addEventSource(new S3EventSource(drop, S3EventSourceProps.builder()
                        .events(List.of(EventType.OBJECT_CREATED))
                        .build()));
                    ingest.addToRolePolicy(PolicyStatement.Builder.create()
                        .actions(List.of("dynamodb:GetItem"))
                        .resources(List.of(customers.getTableArn()))
                        .build());

                    RestApi api = RestApi.Builder.create(this, "IngestApi")
                        .defaultIntegration(new LambdaIntegration(ingest))
                        .build();
                    api.getRoot().addResource("v1").addProxy();
                    api.getRoot().addMethod("GET");
                  }
                }
                """)
            .load();

    LambdaFunction ingest = loaded.iac().functions().get(0);
    assertThat(ingest.environment())
        .containsExactly(new EnvBinding("CUSTOMERS", EnvBinding.Kind.RESOURCE, "Customers",
            "AWS::DynamoDB::Table", "customers-prod"));
    assertThat(ingest.triggers())
        .extracting(Trigger::kind, Trigger::method, Trigger::path, Trigger::target, Trigger::properties)
        .containsExactly(
            tuple("Api", "GET", "/", null, Map.of("RestApiId", "IngestApi")),
            tuple("Api", "ANY", "/v1/{proxy+}", null, Map.of("RestApiId", "IngestApi")),
            tuple("S3", null, null, "Drop", Map.of("events", "OBJECT_CREATED")));
    assertThat(ingest.policies()).containsExactly("Allow dynamodb:GetItem on ${Customers.Arn}");
    assertThat(loaded.iac().resources())
        .extracting(r -> r.logicalId() + "=" + r.physicalName())
        .containsExactly("Customers=customers-prod", "Drop=acme-drop", "IngestApi=null");
  }

  @Test
  void environmentBuiltInAMapVariableAndConstructsOfAnAppMain() {
    var loaded =
        TestRepo.create()
            .java(
                "com/acme/infra/App.java",
                """
                package com.acme.infra;

                import java.util.HashMap;
                import java.util.Map;
                import software.amazon.awscdk.App;
                import software.amazon.awscdk.Stack;
                import software.amazon.awscdk.services.lambda.Function;
                import software.amazon.awscdk.services.lambda.Runtime;
                import software.amazon.awscdk.services.sqs.Queue;

                public class App {
                  public static void main(String[] args) {
                    App app = new App();
                    Stack stack = new Stack(app, "Shop");
                    Queue outbox = new Queue(stack, "Outbox");
                    Map<String, String> env = new HashMap<>();
                    env.put("OUTBOX_URL", outbox.getQueueUrl());
                    Function shop = Function.Builder.create(stack, "Shop")
                        .runtime(Runtime.JAVA_21)
                        .handler("com.acme.shop.Handler")
                        .environment(env)
                        .build();
                    env.put("LATE", "added after build() but before synth");
                    app.synth();
                  }
                }
                """)
            .load();

    assertThat(loaded.iac().functions().get(0).environment())
        .containsExactly(
            new EnvBinding("LATE", EnvBinding.Kind.LITERAL, "added after build() but before synth",
                null, null),
            new EnvBinding("OUTBOX_URL", EnvBinding.Kind.RESOURCE, "Outbox", "AWS::SQS::Queue", null));
  }
}
