package dev.ficus.aws;

import static dev.ficus.aws.EffectsTesting.linesOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.TestRepo;
import org.junit.jupiter.api.Test;

/** However the client reaches the call site, the call is found with its actions and resource. */
class ClientStylesTest {

  private static final String TABLE = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

  @Test
  void v2ClientInAFieldBuiltByABuilderChain() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
            public class Handler {
              private final DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.EU_WEST_1).build();
              public void handle(String id) {
                dynamo.putItem(PutItemRequest.builder().tableName("Orders").item(null).build());
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle"))
        .containsExactly("PutItem dynamodb:PutItem " + TABLE + "Orders (literal)");
  }

  @Test
  void staticHolderWithAConstantOfAnotherClassAndAKeyPrefix() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Clients.java", """
            package com.acme;
            import software.amazon.awssdk.services.s3.S3Client;
            public final class Clients {
              public static final S3Client S3 = S3Client.create();
            }
            """)
        .java("com/acme/config/Names.java", """
            package com.acme.config;
            public final class Names { public static final String BUCKET = "acme-reports"; }
            """)
        .java("com/acme/Handler.java", """
            package com.acme;
            import static com.acme.config.Names.BUCKET;
            public class Handler {
              public void handle(String id) {
                Clients.S3.getObject(b -> b.bucket(BUCKET).key("reports/" + id + ".pdf"));
                Clients.S3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("reports/"));
                Clients.S3.headObject(b -> b.bucket(BUCKET).key("index.html"));
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "GetObject s3:GetObject arn:${AWS::Partition}:s3:::acme-reports/reports/* (constant)",
        "HeadObject s3:GetObject arn:${AWS::Partition}:s3:::acme-reports/index.html (constant)",
        "ListObjectsV2 s3:ListBucket arn:${AWS::Partition}:s3:::acme-reports (constant)");
  }

  @Test
  void clientGivenToAConstructorAndQueueNamedByItsUrl() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Notifier.java", """
            package com.acme;
            import software.amazon.awssdk.services.sqs.SqsClient;
            public class Notifier {
              private static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/order-events";
              private final SqsClient sqs;
              public Notifier(SqsClient sqs) { this.sqs = sqs; }
              public void notify(String body) {
                sqs.sendMessage(r -> r.queueUrl(QUEUE_URL).messageBody(body));
                sqs.sendMessageBatch(r -> r.queueUrl(QUEUE_URL));
              }
            }
            """)
        .java("com/acme/Handler.java", """
            package com.acme;
            import software.amazon.awssdk.services.sqs.SqsClient;
            public class Handler {
              private final Notifier notifier = new Notifier(SqsClient.create());
              public void handle(String body) { notifier.notify(body); }
            }
            """)
        .load();
    String queue = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:order-events (constant)";
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "SendMessage sqs:SendMessage " + queue,
        "SendMessageBatch sqs:SendMessage " + queue);
  }

  @Test
  void v1ClientsWithPositionalArguments() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
            import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
            import com.amazonaws.services.s3.AmazonS3;
            import com.amazonaws.services.s3.AmazonS3ClientBuilder;
            import com.amazonaws.services.sns.AmazonSNSClient;
            public class Handler {
              private final AmazonDynamoDB dynamo = AmazonDynamoDBClientBuilder.defaultClient();
              private final AmazonS3 s3 = AmazonS3ClientBuilder.standard().withRegion("eu-west-1").build();
              private final AmazonSNSClient sns = new AmazonSNSClient();
              public void handle(String id) {
                dynamo.getItem("Customers", null);
                s3.getObjectMetadata("acme-docs", "terms.txt");
                s3.listObjects("acme-docs");
                sns.publish("arn:aws:sns:eu-west-1:123456789012:alerts", "hello");
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "GetItem dynamodb:GetItem " + TABLE + "Customers (literal)",
        "HeadObject s3:GetObject arn:${AWS::Partition}:s3:::acme-docs/terms.txt (literal)",
        "ListObjects s3:ListBucket arn:${AWS::Partition}:s3:::acme-docs (literal)",
        "Publish sns:Publish arn:aws:sns:eu-west-1:123456789012:alerts (literal)");
  }

  @Test
  void asyncClientJoinedAndQueryOnAnIndexAndPaginator() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
            public class Handler {
              private final DynamoDbAsyncClient async = DynamoDbAsyncClient.create();
              private final DynamoDbClient sync = DynamoDbClient.create();
              public void handle(String id) {
                async.query(QueryRequest.builder().tableName("Orders").indexName("byCustomer").build()).join();
                QueryRequest request = QueryRequest.builder().tableName("Orders").build();
                sync.queryPaginator(request).items().forEach(System.out::println);
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "Query dynamodb:Query " + TABLE + "Orders (literal)",
        "Query dynamodb:Query " + TABLE + "Orders/index/byCustomer (literal)");
  }

  @Test
  void varLocalsAndArnsGivenInFull() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import software.amazon.awssdk.services.sns.SnsClient;
            import software.amazon.awssdk.services.sfn.SfnClient;
            public class Handler {
              public void handle(String id) {
                var sns = SnsClient.create();
                sns.publish(b -> b.topicArn("arn:aws:sns:eu-west-1:123456789012:alerts").message(id));
                var sfn = SfnClient.builder().build();
                sfn.startExecution(b -> b.stateMachineArn("arn:aws:states:eu-west-1:123456789012:stateMachine:Checkout"));
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "Publish sns:Publish arn:aws:sns:eu-west-1:123456789012:alerts (literal)",
        "StartExecution states:StartExecution arn:aws:states:eu-west-1:123456789012:stateMachine:Checkout (literal)");
  }

  @Test
  void enhancedClientTableBuiltInTheConstructorAndItsIndex() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/OrderRepository.java", """
            package com.acme;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
            import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
            public class OrderRepository {
              private static final String TABLE_NAME = "orders";
              private final DynamoDbTable<Order> table;
              private final DynamoDbIndex<Order> byCustomer;
              public OrderRepository(DynamoDbEnhancedClient enhanced) {
                this.table = enhanced.table(TABLE_NAME, TableSchema.fromBean(Order.class));
                this.byCustomer = table.index("byCustomer");
              }
              public Order find(String id) { return table.getItem(r -> r.key(k -> k.partitionValue(id))); }
              public void save(Order o) { table.putItem(o); }
              public Object forCustomer(String c) { return byCustomer.query(q -> q.queryConditional(null)); }
            }
            """)
        .java("com/acme/Order.java", """
            package com.acme;
            public class Order { }
            """)
        .java("com/acme/Handler.java", """
            package com.acme;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
            public class Handler {
              private final OrderRepository repository = new OrderRepository(DynamoDbEnhancedClient.create());
              public Object handle(String id) {
                repository.save(repository.find(id));
                return repository.forCustomer(id);
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "GetItem dynamodb:GetItem " + TABLE + "orders (constant)",
        "PutItem dynamodb:PutItem " + TABLE + "orders (constant)",
        "Query dynamodb:Query " + TABLE + "orders/index/byCustomer (constant)");
  }

  @Test
  void enhancedTransactionsNeedOneActionPerItemKind() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
            import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
            import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
            public class Handler {
              private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.create();
              private final DynamoDbTable<Object> orders = enhanced.table("orders", TableSchema.fromBean(Object.class));
              private final DynamoDbTable<Object> stock = enhanced.table("stock", TableSchema.fromBean(Object.class));
              public void handle(Object order, Object item) {
                enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(orders, order)
                    .addConditionCheck(stock, null)
                    .build());
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "TransactWriteItems dynamodb:ConditionCheckItem " + TABLE + "stock (literal)",
        "TransactWriteItems dynamodb:PutItem " + TABLE + "orders (literal)");
  }

  @Test
  void mapperAndDocumentApiOfSdkV1() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Customer.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;
            @DynamoDBTable(tableName = "Customers")
            public class Customer { }
            """)
        .java("com/acme/Handler.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.document.DynamoDB;
            import com.amazonaws.services.dynamodbv2.document.Table;
            public class Handler {
              private final DynamoDBMapper mapper = new DynamoDBMapper(null);
              private final DynamoDB dynamoDB = new DynamoDB(null);
              public void handle(Customer customer) {
                mapper.save(customer);
                mapper.load(Customer.class, "42");
                Table audit = dynamoDB.getTable("Audit");
                audit.putItem(null);
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "GetItem dynamodb:GetItem " + TABLE + "Customers (literal)",
        "PutItem dynamodb:PutItem " + TABLE + "Audit (literal)",
        "UpdateItem dynamodb:UpdateItem " + TABLE + "Customers (literal)");
  }

  @Test
  void transferManagerPresignerAndSecretCache() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import com.amazonaws.secretsmanager.caching.SecretCache;
            import software.amazon.awssdk.services.s3.presigner.S3Presigner;
            import software.amazon.awssdk.transfer.s3.S3TransferManager;
            public class Handler {
              private final S3TransferManager transfers = S3TransferManager.create();
              private final S3Presigner presigner = S3Presigner.create();
              private final SecretCache secrets = new SecretCache();
              public void handle(String name, java.nio.file.Path file) {
                transfers.uploadFile(u -> u.putObjectRequest(p -> p.bucket("uploads").key("in/" + name)).source(file));
                presigner.presignGetObject(g -> g.getObjectRequest(r -> r.bucket("downloads").key(name)));
                secrets.getSecretString("prod/api-key");
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "GetObject s3:GetObject arn:${AWS::Partition}:s3:::downloads/* (literal)",
        "GetSecretValue secretsmanager:DescribeSecret,secretsmanager:GetSecretValue "
            + "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/api-key-?????? (literal)",
        "PutObject s3:AbortMultipartUpload,s3:PutObject arn:${AWS::Partition}:s3:::uploads/in/* (literal)");
  }

  @Test
  void moreServices() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
            import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
            import software.amazon.awssdk.services.kinesis.KinesisClient;
            import software.amazon.awssdk.services.kms.KmsClient;
            import software.amazon.awssdk.services.lambda.LambdaClient;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.sesv2.SesV2Client;
            import software.amazon.awssdk.services.ssm.SsmClient;
            import software.amazon.awssdk.services.sts.StsClient;
            public class Handler {
              LambdaClient lambda; SsmClient ssm; EventBridgeClient events; KinesisClient kinesis;
              KmsClient kms; SesV2Client ses; CognitoIdentityProviderClient cognito; StsClient sts;
              DynamoDbClient dynamo; S3Client s3;
              public void handle(String id) {
                lambda.invoke(r -> r.functionName("billing:live"));
                ssm.getParameter(r -> r.name("/app/db-url").withDecryption(true));
                events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName("orders").build()));
                events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().detail("{}").build()));
                kinesis.putRecord(r -> r.streamName("clicks"));
                kms.decrypt(r -> r.keyId("1234abcd-12ab-34cd-56ef-1234567890ab"));
                ses.sendEmail(r -> r.fromEmailAddress("noreply@acme.example"));
                cognito.initiateAuth(r -> r.clientId("x"));
                sts.getCallerIdentity();
                dynamo.executeStatement(r -> r.statement("SELECT * FROM \\"Orders\\" WHERE id = ?"));
                s3.listBuckets();
              }
            }
            """)
        .load();
    String region = "${AWS::Region}:${AWS::AccountId}";
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "Decrypt kms:Decrypt arn:${AWS::Partition}:kms:" + region + ":key/1234abcd-12ab-34cd-56ef-1234567890ab (literal)",
        "ExecuteStatement dynamodb:PartiQLSelect " + TABLE + "Orders (literal)",
        "GetCallerIdentity  * (none)",
        "GetParameter ssm:GetParameter arn:${AWS::Partition}:ssm:" + region + ":parameter/app/db-url (literal)",
        "InitiateAuth  * (none)",
        "Invoke lambda:InvokeFunction arn:${AWS::Partition}:lambda:" + region + ":function:billing (literal)",
        "ListBuckets s3:ListAllMyBuckets * (none)",
        "PutEvents events:PutEvents arn:${AWS::Partition}:events:" + region + ":event-bus/default (literal)",
        "PutEvents events:PutEvents arn:${AWS::Partition}:events:" + region + ":event-bus/orders (literal)",
        "PutRecord kinesis:PutRecord arn:${AWS::Partition}:kinesis:" + region + ":stream/clicks (literal)",
        "SendEmail ses:SendEmail arn:${AWS::Partition}:ses:" + region + ":identity/noreply@acme.example (literal)");
  }

  @Test
  void lowLevelTransactionsAndBatchesNameTheirTablesInside() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import java.util.HashMap;
            import java.util.Map;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.*;
            public class Handler {
              private final DynamoDbClient dynamo = DynamoDbClient.create();
              public void handle() {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName("Orders").build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName("Stock").build()).build()).build());
                Map<String, KeysAndAttributes> wanted = new HashMap<>();
                wanted.put("Customers", null);
                dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(wanted).build());
                dynamo.batchWriteItem(r -> r.requestItems(Map.of("Audit", java.util.List.of())));
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "BatchGetItem dynamodb:BatchGetItem " + TABLE + "Customers (literal)",
        "BatchWriteItem dynamodb:BatchWriteItem " + TABLE + "Audit (literal)",
        "TransactWriteItems dynamodb:PutItem " + TABLE + "Orders (literal)",
        "TransactWriteItems dynamodb:UpdateItem " + TABLE + "Stock (literal)");
  }

  @Test
  void clientsImportedThroughSeveralWildcardsBesideTheJdkAndTheModelPackage() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import java.util.*;
            import software.amazon.awssdk.services.dynamodb.*;
            import software.amazon.awssdk.services.dynamodb.model.*;
            import com.amazonaws.services.dynamodbv2.*;
            import com.amazonaws.services.dynamodbv2.model.*;
            public class Handler {
              private final DynamoDbClient ddb = DynamoDbClient.create();
              private final AmazonDynamoDB legacy = AmazonDynamoDBClientBuilder.defaultClient();
              public void handle(String id) {
                ddb.getItem(GetItemRequest.builder().tableName("users").build());
                legacy.deleteItem("sessions", new HashMap<>());
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactlyInAnyOrder(
        "GetItem dynamodb:GetItem " + TABLE + "users (literal)",
        "DeleteItem dynamodb:DeleteItem " + TABLE + "sessions (literal)");
  }

  @Test
  void aV1PresignedUrlNeedsTheActionOfTheMethodItIsSignedFor() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Links.java", """
            package com.acme;
            import com.amazonaws.HttpMethod;
            import com.amazonaws.services.s3.AmazonS3;
            import com.amazonaws.services.s3.AmazonS3ClientBuilder;
            import com.amazonaws.services.s3.model.GeneratePresignedUrlRequest;
            import java.util.Date;
            public class Links {
              private final AmazonS3 s3 = AmazonS3ClientBuilder.defaultClient();
              public void download(String id, Date expires) {
                s3.generatePresignedUrl("acme-bills", "bills/" + id + ".pdf", expires);
              }
              public void upload(String id, Date expires) {
                GeneratePresignedUrlRequest request =
                    new GeneratePresignedUrlRequest("acme-bills", "uploads/" + id).withMethod(HttpMethod.PUT);
                s3.generatePresignedUrl(request);
              }
              public void remove(String id, Date expires) {
                s3.generatePresignedUrl("acme-bills", "uploads/" + id, expires, HttpMethod.DELETE);
              }
              public void uploadOrDownload(String id) {
                sign("in/" + id, HttpMethod.PUT);
                sign("out/" + id, HttpMethod.GET);
              }
              private void sign(String key, HttpMethod method) {
                s3.generatePresignedUrl(new GeneratePresignedUrlRequest("acme-bills", key).withMethod(method));
              }
              public void any(String id, HttpMethod method) {
                s3.generatePresignedUrl(new GeneratePresignedUrlRequest("acme-bills", "shared/" + id, method));
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Links#download"))
        .containsExactly("GetObject s3:GetObject arn:${AWS::Partition}:s3:::acme-bills/bills/* (literal)");
    assertThat(linesOf(repo, "com.acme.Links#upload"))
        .containsExactly("GetObject s3:PutObject arn:${AWS::Partition}:s3:::acme-bills/uploads/* (literal)");
    assertThat(linesOf(repo, "com.acme.Links#remove"))
        .containsExactly("GetObject s3:DeleteObject arn:${AWS::Partition}:s3:::acme-bills/uploads/* (literal)");
    assertThat(linesOf(repo, "com.acme.Links#uploadOrDownload"))
        .as("a method passed in: what its callers pass")
        .extracting(line -> line.split(" ")[1])
        .containsExactlyInAnyOrder("s3:GetObject", "s3:PutObject");
    assertThat(linesOf(repo, "com.acme.Links#any"))
        .as("a method ficus cannot read: every method a URL can be signed for")
        .hasSize(3);
  }

  @Test
  void theMapperInterfaceHasTheMappersPagedAndBatchCalls() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Bill.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;
            @DynamoDBTable(tableName = "Bills")
            public class Bill { }
            """)
        .java("com/acme/Bills.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBScanExpression;
            import com.amazonaws.services.dynamodbv2.datamodeling.IDynamoDBMapper;
            import java.util.List;
            public class Bills {
              private final IDynamoDBMapper mapper;
              public Bills(IDynamoDBMapper mapper) { this.mapper = mapper; }
              public void page() {
                mapper.scanPage(Bill.class, new DynamoDBScanExpression());
              }
              public void saveAll(List<Bill> bills) {
                mapper.batchSave(bills);
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Bills#page"))
        .containsExactly("Scan dynamodb:Scan " + TABLE + "Bills (literal)");
    assertThat(linesOf(repo, "com.acme.Bills#saveAll")).hasSize(1)
        .allSatisfy(line -> assertThat(line).startsWith("BatchWriteItem dynamodb:BatchWriteItem"));
  }
}
