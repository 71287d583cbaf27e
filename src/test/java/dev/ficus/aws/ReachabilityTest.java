package dev.ficus.aws;

import static dev.ficus.aws.EffectsTesting.analyzer;
import static dev.ficus.aws.EffectsTesting.lines;
import static dev.ficus.aws.EffectsTesting.linesOf;
import static dev.ficus.aws.EffectsTesting.method;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.SwitchEntry;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Diagnostic;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A route gets exactly the calls its code can reach, each with the chain that reaches it. */
class ReachabilityTest {

  private static final String TABLE = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

  private static final TestRepo DISPATCH = TestRepo.create()
      .java("com/acme/Handler.java", """
          package com.acme;
          import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
          import software.amazon.awssdk.services.s3.S3Client;
          public class Handler {
            private final DynamoDbClient dynamo = DynamoDbClient.create();
            private final S3Client s3 = S3Client.create();
            private final Audit audit = new Audit();
            public String handle(String method, String path) {
              audit.record(path);
              switch (path) {
                case "/orders":
                  dynamo.putItem(r -> r.tableName("Orders"));
                  return "created";
                case "/files":
                  return download(path);
                default:
                  return "not found";
              }
            }
            private String download(String key) {
              s3.getObject(r -> r.bucket("files").key(key));
              return "ok";
            }
          }
          """)
      .java("com/acme/Audit.java", """
          package com.acme;
          import software.amazon.awssdk.services.sqs.SqsClient;
          public class Audit {
            private final SqsClient sqs = SqsClient.create();
            void record(String what) { sqs.sendMessage(r -> r.queueUrl("https://sqs/1/audit")); }
          }
          """)
      .java("com/acme/Unused.java", """
          package com.acme;
          import software.amazon.awssdk.services.sns.SnsClient;
          public class Unused {
            void never() { SnsClient.create().publish(r -> r.topicArn("arn:aws:sns:x:1:never")); }
          }
          """)
      .file("src/test/java/com/acme/HandlerTest.java", """
          package com.acme;
          import software.amazon.awssdk.services.kinesis.KinesisClient;
          class HandlerTest {
            void setUp() { new Handler().handle("GET", "/orders"); KinesisClient.create().putRecord(r -> r.streamName("t")); }
          }
          """);

  @Test
  void aRouteDoesNotInheritTheCallsOfAnotherBranch() {
    TestRepo.Loaded repo = DISPATCH.load();
    MethodDeclaration handle = method(repo, "com.acme.Handler#handle");
    Node prelude = handle.getBody().orElseThrow().getStatement(0);
    List<SwitchEntry> cases = handle.findAll(SwitchEntry.class);
    EffectAnalyzer analyzer = analyzer(repo);

    List<AwsEffect> orders = analyzer.effectsOf("com.acme.Handler#handle", List.of(prelude, cases.get(0)), null);
    assertThat(lines(orders)).containsExactly(
        "PutItem dynamodb:PutItem " + TABLE + "Orders (literal)",
        "SendMessage sqs:SendMessage arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:audit (literal)");

    List<AwsEffect> files = analyzer.effectsOf("com.acme.Handler#handle", List.of(prelude, cases.get(1)), null);
    assertThat(lines(files)).containsExactly(
        "GetObject s3:GetObject arn:${AWS::Partition}:s3:::files/* (literal)",
        "SendMessage sqs:SendMessage arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:audit (literal)");

    List<AwsEffect> fallback = analyzer.effectsOf("com.acme.Handler#handle", List.of(cases.get(2)), null);
    assertThat(fallback).isEmpty();
  }

  @Test
  void deadCodeAndTestSourcesGiveNoRouteAnything() {
    TestRepo.Loaded repo = DISPATCH.load();
    assertThat(linesOf(repo, "com.acme.Handler#handle"))
        .noneMatch(l -> l.contains("sns:") || l.contains("kinesis:"))
        .hasSize(3);
  }

  @Test
  void theCallChainRunsFromTheHandlerToTheSdkCall() {
    TestRepo.Loaded repo = DISPATCH.load();
    MethodDeclaration handle = method(repo, "com.acme.Handler#handle");
    List<SwitchEntry> cases = handle.findAll(SwitchEntry.class);
    List<AwsEffect> files = analyzer(repo).effectsOf("GET /files", List.of(cases.get(1)), null);
    assertThat(files).hasSize(1);
    assertThat(files.get(0).callChain()).extracting(CallFrame::method, f -> f.source().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET /files", "src/main/java/com/acme/Handler.java:15"),
            org.assertj.core.groups.Tuple.tuple("com.acme.Handler#download", "src/main/java/com/acme/Handler.java:21"));
  }

  @Test
  void interfaceDispatchReachesAnInjectedImplementationInAnotherModule() {
    TestRepo.Loaded repo = TestRepo.create()
        .file("api/src/main/java/com/acme/api/OrderController.java", """
            package com.acme.api;
            import com.acme.core.OrderStore;
            import org.springframework.beans.factory.annotation.Autowired;
            public class OrderController {
              @Autowired private OrderStore store;
              public Object get(String id) { return store.find(id); }
            }
            """)
        .file("core/src/main/java/com/acme/core/OrderStore.java", """
            package com.acme.core;
            public interface OrderStore { Object find(String id); }
            """)
        .file("store-dynamo/src/main/java/com/acme/store/DynamoOrderStore.java", """
            package com.acme.store;
            import com.acme.core.OrderStore;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
            import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
            import org.springframework.stereotype.Repository;
            @Repository
            public class DynamoOrderStore implements OrderStore {
              private final DynamoDbTable<Object> table;
              public DynamoOrderStore(DynamoDbEnhancedClient enhanced) {
                table = enhanced.table("orders", TableSchema.fromBean(Object.class));
              }
              public Object find(String id) { return table.getItem(k -> k.key(null)); }
            }
            """)
        .file("store-dynamo/src/main/java/com/acme/store/Config.java", """
            package com.acme.store;
            import org.springframework.context.annotation.Bean;
            import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
            public class Config {
              @Bean public DynamoDbEnhancedClient enhanced() { return DynamoDbEnhancedClient.create(); }
            }
            """)
        .load();
    List<AwsEffect> effects = EffectsTesting.effectsOf(repo, "com.acme.api.OrderController#get", null);
    assertThat(lines(effects)).containsExactly("GetItem dynamodb:GetItem " + TABLE + "orders (literal)");
    assertThat(effects.get(0).callChain()).extracting(CallFrame::method)
        .containsExactly("com.acme.api.OrderController#get", "com.acme.store.DynamoOrderStore#find");
  }

  @Test
  void anUnresolvedResourceIsAWildcardWithAReasonAndAWarning() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            public class Handler {
              private final DynamoDbClient dynamo = DynamoDbClient.create();
              public void handle(java.util.Map<String, String> event) {
                dynamo.deleteItem(r -> r.tableName(event.get("table")));
              }
            }
            """)
        .load();
    List<AwsEffect> effects = EffectsTesting.effectsOf(repo, "com.acme.Handler#handle", null);
    assertThat(lines(effects)).containsExactly("DeleteItem dynamodb:DeleteItem * (unresolved)");
    assertThat(effects.get(0).resource().type()).isEqualTo("dynamodb:table");
    assertThat(effects.get(0).resource().reason()).contains("event.get(\"table\")");
    List<Diagnostic> warnings = repo.diagnostics().sorted().stream()
        .filter(d -> d.code().equals("unresolved-resource")).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).source().toString()).isEqualTo("src/main/java/com/acme/Handler.java:6");
  }

  @Test
  void coldStartCodeIsReportedForTheHandlerClass() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import software.amazon.awssdk.services.ssm.SsmClient;
            public class Handler {
              private static final String API_KEY;
              static {
                API_KEY = Settings.load("/app/api-key");
              }
              public void handle() { }
            }
            """)
        .java("com/acme/Settings.java", """
            package com.acme;
            import software.amazon.awssdk.services.ssm.SsmClient;
            final class Settings {
              private static final SsmClient SSM = SsmClient.create();
              static String load(String name) {
                return SSM.getParameter(r -> r.name(name)).parameter().value();
              }
            }
            """)
        .load();
    List<AwsEffect> init = analyzer(repo).initEffectsOf("com.acme.Handler", null);
    assertThat(lines(init)).containsExactly(
        "GetParameter ssm:GetParameter arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/api-key (literal)");
    assertThat(init.get(0).callChain()).extracting(CallFrame::method)
        .containsExactly("com.acme.Handler#<clinit>", "com.acme.Settings#load");
    assertThat(linesOf(repo, "com.acme.Handler#handle")).isEmpty();
  }

  @Test
  void theSameCallTextInTwoClassesIsTwoCalls() {
    String store = """
        package com.acme;
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
        public class %s {
          private static final String TABLE = "%s";
          private final DynamoDbClient d = DynamoDbClient.create();
          public void save() { d.putItem(r -> r.tableName(TABLE)); }
        }
        """;
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Orders.java", store.formatted("Orders", "orders"))
        .java("com/acme/Invoices.java", store.formatted("Invoices", "invoices"))
        .java("com/acme/Handler.java", """
            package com.acme;
            public class Handler {
              public void handle() { new Orders().save(); new Invoices().save(); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Handler#handle")).containsExactly(
        "PutItem dynamodb:PutItem " + TABLE + "invoices (constant)",
        "PutItem dynamodb:PutItem " + TABLE + "orders (constant)");
  }

  @Test
  void handlersStoredInARouteTableAreNotColdStartCode() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.function.Function;
            import software.amazon.awssdk.services.sqs.SqsClient;
            public class Handler {
              private final SqsClient sqs = SqsClient.create();
              private final Map<String, Function<String, String>> routes = new HashMap<>();
              public Handler() {
                routes.put("POST /jobs", this::submit);
                routes.put("GET /jobs", body -> { sqs.receiveMessage(r -> r.queueUrl("https://q/1/jobs")); return ""; });
                List.of("https://q/1/warmup").forEach(url -> sqs.getQueueAttributes(r -> r.queueUrl(url)));
              }
              String submit(String body) { sqs.sendMessage(r -> r.queueUrl("https://q/1/jobs")); return ""; }
              public String handleRequest(String key, String body) { return routes.get(key).apply(body); }
            }
            """)
        .load();
    List<AwsEffect> init = analyzer(repo).initEffectsOf("com.acme.Handler", null);
    assertThat(lines(init)).containsExactly(
        "GetQueueAttributes sqs:GetQueueAttributes * (unresolved)");
  }
}
