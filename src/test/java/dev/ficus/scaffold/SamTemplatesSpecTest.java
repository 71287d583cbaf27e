package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Confidence;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.IacResource;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Phase;
import dev.ficus.model.Plan;
import dev.ficus.model.PlanMetrics;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.PolicyStatement;
import dev.ficus.model.ResourceRef;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SamTemplates on a hand-built analysis and plan, each expectation beside its input. */
class SamTemplatesSpecTest {

  private static final String WEIRD = "/a: b #c/'q'/\"d\"/{ü}/ünï ✓";
  private static final String TABLE_ARN = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-${Stage}";
  private static final SourceRef AT = SourceRef.of("src/main/java/app/Api.java", 1);

  private static Route route(String method, String path, AwsEffect... effects) {
    return new Route(method, path, "app.Api#handle", AT, "ApiFunction", Confidence.HIGH, "test", List.of(effects));
  }

  private static AwsEffect effect(String action, String arn, String reason) {
    return new AwsEffect(action.split(":")[0], action.split(":")[1], List.of(action),
        new ResourceRef(null, null, arn, "*".equals(arn) ? "unresolved" : "iac", reason),
        List.of(new CallFrame("app.Api#handle", AT)));
  }

  private static PlannedFunction planned(String name, Route route, List<PolicyStatement> policy, List<EnvBinding> env) {
    return new PlannedFunction(name, route.id(), route.method(), route.path(), route.handler(), "ApiFunction",
        policy, env, new PlannedFunction.Permissions(1, 1, 2, 2));
  }

  private static final Route LIST = route("GET", "/orders", effect("dynamodb:Scan", TABLE_ARN, null));
  private static final Route PAY = route("POST", "/orders/{orderId}/pay", effect("s3:ListAllMyBuckets", "*", "ListBuckets has no resource"));
  private static final Route GET = route("GET", "/orders/{id}");
  private static final Route ODD = route("PUT", WEIRD);
  private static final EnvBinding TABLE = new EnvBinding("ORDERS_TABLE", EnvBinding.Kind.RESOURCE, "OrdersTable", "AWS::DynamoDB::Table", "orders-${Stage}");

  private static final Analysis ANALYSIS =
      new Analysis(
          List.of(LIST, PAY, GET, ODD),
          List.of(new LambdaFunction("ApiFunction", "app.Api::handle", "app.Api", "handle", "java17", "target/api.jar", "sam", AT,
              List.of(TABLE, new EnvBinding("MODE", EnvBinding.Kind.LITERAL, "yes: really # no", null, null),
                  new EnvBinding("HOSTS", EnvBinding.Kind.EXPRESSION, "!Join [,, [a, b]]", null, null),
                  new EnvBinding("URL", EnvBinding.Kind.EXPRESSION, "https://${Host}/${Stage}", null, null)),
              List.of(new Trigger("Api", "Proxy", "ANY", "/{proxy+}", null, Map.of(), AT),
                  new Trigger("SQS", "Jobs", null, null, "JobsQueue", Map.of(), AT)),
              List.of("DynamoDBCrudPolicy(TableName=OrdersTable)"))),
          List.of(), List.of(), List.of(), List.of(), List.of(new IacResource("OrdersTable", "AWS::DynamoDB::Table", "orders-${Stage}", AT),
              new IacResource("Bucket", "AWS::S3::Bucket", "literal-bucket", AT)),
          List.of());

  private static final Plan PLAN =
      new Plan("edited", Map.of(),
          List.of(new PlannedService("orders",
              List.of(planned("ListOrders", LIST, List.of(new PolicyStatement(TABLE_ARN, List.of("dynamodb:Scan"), null)), List.of(TABLE)),
                  planned("PayOrder", PAY, List.of(new PolicyStatement("*", List.of("s3:ListAllMyBuckets"), "ListBuckets has no resource")), List.of()),
                  planned("GetOrder", GET, List.of(), List.of()),
                  planned("Odd", ODD, List.of(), List.of())),
              List.of(), List.of(), List.of())),
          List.of(),
          // Phase 1 moves the deepest route first: /orders/{id} then exists without a method.
          List.of(new Phase(1, List.of("orders"), List.of(PAY.id(), ODD.id()), "pinned"),
              new Phase(2, List.of("orders"), List.of(LIST.id(), GET.id()), "pinned")),
          true, List.of(), new PlanMetrics(1, 4, 0, 0, 0, 0, 0, 0, 0, 0), List.of());

  private static ScaffoldContext scaffold(ScaffoldOptions options) {
    ScaffoldContext context = new ScaffoldContext(ANALYSIS, PLAN, options, Path.of("."));
    new SamTemplates().contribute(context);
    return context;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> template, String function) {
    return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) template.get("Resources")).get(function)).get("Properties");
  }

  @Test
  void eachPhaseRoutesEveryRouteToExactlyOneFunction() {
    ScaffoldContext context = scaffold(ScaffoldOptions.defaults());
    Map<Integer, Map<String, String>> expected =
        Map.of(
            1, Map.of(LIST.id(), "ApiFunction", PAY.id(), "PayOrder", GET.id(), "ApiFunction", ODD.id(), "Odd"),
            2, Map.of(LIST.id(), "ListOrders", PAY.id(), "PayOrder", GET.id(), "GetOrder", ODD.id(), "Odd"));
    expected.forEach(
        (phase, byRoute) -> {
          ApiGatewayRouter api = ApiGatewayRouter.of(CfnYaml.load(context.files().get(SamTemplates.phaseTemplate(phase)).content()));
          assertThat(api.problems()).isEmpty();
          for (Route r : ANALYSIS.routes()) {
            assertThat(api.resolve(r.method(), StranglerRoutes.samplePath(context.layout().apiPath(r.path()))))
                .as("phase " + phase + " " + r.id()).contains(byRoute.get(r.id()));
          }
          assertThat(api.resolve("DELETE", "/orders/7")).as("an unlisted method").contains("ApiFunction");
        });
    assertThat(context.files()).containsKeys("phases/phase-1/template.yaml", "phases/phase-2/template.yaml", "template.yaml")
        .doesNotContainKey("phases/phase-3/template.yaml");
  }

  @Test
  @SuppressWarnings("unchecked")
  void userTextIsEscapedAndReadsBackUnchanged() {
    Map<String, Object> template = CfnYaml.load(scaffold(ScaffoldOptions.defaults()).files().get("phases/phase-1/template.yaml").content());
    assertThat(properties(template, "Odd").get("Events"))
        .isEqualTo(Map.of("Route", Map.of("Type", "Api", "Properties", Map.of("Path", WEIRD, "Method", "PUT"))));
    assertThat(((Map<String, Object>) ((Map<String, Object>) properties(template, "ApiFunction").get("Environment")).get("Variables")))
        .containsEntry("MODE", "yes: really # no")
        .containsEntry("ORDERS_TABLE", Map.of("Ref", "OrdersTable"))
        .containsEntry("URL", Map.of("Fn::Sub", "https://${Host}/${Stage}"))
        // A function other than Sub cannot be rebuilt: its value becomes a parameter.
        .containsEntry("HOSTS", Map.of("Ref", "EnvHOSTS"));
    assertThat((Map<String, Object>) template.get("Parameters")).containsKeys("Host", "Stage", "EnvHOSTS");
  }

  @Test
  void aWildcardResourceCarriesItsReasonAsACommentAndNoActionIsAWildcard() {
    String yaml = scaffold(ScaffoldOptions.defaults()).files().get("phases/phase-1/template.yaml").content();
    assertThat(yaml).contains("# Resource \"*\": ListBuckets has no resource.\n              Resource: \"*\"");
    assertThat(yaml).doesNotContainPattern("- \"?\\*\"?\\n");
  }

  @Test
  void parametersTakeTheMonolithsResourcesWithLiteralNamesAsDefaults() {
    Map<String, Object> template = CfnYaml.load(scaffold(ScaffoldOptions.defaults()).files().get("template.yaml").content());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> parameters = (Map<String, Map<String, Object>>) template.get("Parameters");
    assertThat(parameters).containsKeys("OrdersTable", "Bucket", "Stage", "ApiFunctionCodeBucket", "ApiFunctionCodeKey");
    assertThat(parameters.get("Bucket")).containsEntry("Default", "literal-bucket");
    assertThat(parameters.get("OrdersTable")).doesNotContainKey("Default"); // orders-${Stage} is no literal
    assertThat(properties(template, "ApiFunction").get("CodeUri"))
        .isEqualTo(Map.of("Bucket", Map.of("Ref", "ApiFunctionCodeBucket"), "Key", Map.of("Ref", "ApiFunctionCodeKey")));
    assertThat(properties(template, "ListOrders").get("Policies").toString()).contains("table/orders-${Stage}");
  }

  @Test
  @SuppressWarnings("unchecked")
  void optionsGoToGlobalsAndTheCanary() {
    ScaffoldOptions options = new ScaffoldOptions("java17", 512, 15, "arm64", true, "Linear10PercentEvery1Minute");
    Map<String, Object> template = CfnYaml.load(scaffold(options).files().get("template.yaml").content());
    assertThat(((Map<String, Object>) template.get("Globals")).get("Function"))
        .isEqualTo(Map.of("Runtime", "java17", "MemorySize", 512, "Timeout", 15, "Architectures", List.of("arm64"),
            "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
    assertThat((Map<String, Object>) properties(template, "GetOrder").get("DeploymentPreference"))
        .containsEntry("Type", "Linear10PercentEvery1Minute");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theMonolithKeepsItsOwnQueueEventAndItsApiSettingsGetANote() {
    ScaffoldContext context = scaffold(ScaffoldOptions.defaults());
    assertThat(context.notes()).extracting(ScaffoldNote::message)
        .anyMatch(m -> m.contains("SQS event Jobs") && m.contains("kms:Decrypt"))
        .anyMatch(m -> m.contains("HOSTS") && m.contains("EnvHOSTS"));
    // JobsQueue is a name, not a resource of the monolith's template: the event's ARN is built from it.
    Map<String, Object> events = (Map<String, Object>) properties(CfnYaml.load(context.files().get("template.yaml").content()), "ApiFunction").get("Events");
    assertThat((Map<String, Object>) events.get("Jobs"))
        .isEqualTo(Map.of("Type", "SQS", "Properties",
            Map.of("Queue", Map.of("Fn::Sub", "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:JobsQueue"))));
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    assertThat(scaffold(ScaffoldOptions.defaults()).files()).isEqualTo(scaffold(ScaffoldOptions.defaults()).files());
  }

  @Test
  void namesAndDescriptionsStayWithinAwsLimits() {
    String longPath = "/" + "segment".repeat(60) + "/{id}";
    assertThat(SamTemplates.eventName(new StranglerRoutes.Event("F", "ANY", longPath)))
        .hasSizeLessThanOrEqualTo(SamTemplates.EVENT_NAME_LIMIT).matches("[A-Za-z0-9]+");
    assertThat(SamTemplates.shorten("x".repeat(300), SamTemplates.DESCRIPTION_LIMIT)).hasSize(SamTemplates.DESCRIPTION_LIMIT);
    assertThat(SamTemplates.eventName(new StranglerRoutes.Event("F", "GET", "/a-b/{ü}/x.json"))).isEqualTo("GetABByXJson");
  }

  @Test
  void severalMonolithsTheOneServingMostKeepsTheCatchAllAndAnUndeclaredOneGetsAHandlerParameter() {
    LambdaFunction main = new LambdaFunction("Main", "app.Main::handle", "app.Main", "handle", null, ".", "sam", AT,
        List.of(), List.of(new Trigger("Api", "Proxy", "ANY", "/{proxy+}", null, Map.of(), AT)), List.of());
    LambdaFunction admin = new LambdaFunction("Admin", "app.Admin::handle", "app.Admin", "handle", null, ".", "sam", AT,
        List.of(), List.of(new Trigger("Api", "Users", "GET", "/admin/users", null, Map.of(), AT)), List.of());
    Route a = new Route("GET", "/a", "app.Main#a", AT, "Main", Confidence.HIGH, "test", List.of());
    Route b = new Route("GET", "/b/{id}", "app.Main#b", AT, "Main", Confidence.HIGH, "test", List.of());
    Route users = new Route("GET", "/admin/users", "app.Admin#users", AT, "Admin", Confidence.HIGH, "test", List.of());
    Route loose = new Route("POST", "/b/{id}/x", "app.Loose#x", AT, null, Confidence.LOW, "test", List.of());
    Analysis analysis = new Analysis(List.of(a, b, users, loose), List.of(main, admin), List.of(), List.of());
    PlannedFunction getA = new PlannedFunction("GetA", a.id(), "GET", "/a", a.handler(), "Main", List.of(), List.of(),
        new PlannedFunction.Permissions(0, 0, 0, 0));
    Plan plan = new Plan("edited", Map.of(), List.of(new PlannedService("a", List.of(getA), List.of(), List.of(), List.of())),
        List.of(), List.of(new Phase(1, List.of("a"), List.of(a.id()), "pinned")), true, List.of(),
        new PlanMetrics(1, 1, 0, 0, 0, 0, 0, 0, 0, 0), List.of());
    ScaffoldContext context = new ScaffoldContext(analysis, plan, ScaffoldOptions.defaults(), Path.of("."));
    new SamTemplates().contribute(context);
    Map<String, Object> template = CfnYaml.load(context.files().get("phases/phase-1/template.yaml").content());
    ApiGatewayRouter api = ApiGatewayRouter.of(template);
    assertThat(api.problems()).isEmpty();
    assertThat(api.resolve("GET", "/a")).contains("GetA");
    assertThat(api.resolve("GET", "/b/1")).contains("Main");
    assertThat(api.resolve("GET", "/elsewhere")).contains("Main");
    assertThat(api.resolve("GET", "/admin/users")).contains("Admin");
    assertThat(api.resolve("POST", "/b/1/x")).contains(Strangler.UNKNOWN_MONOLITH);
    assertThat(properties(template, Strangler.UNKNOWN_MONOLITH).get("Handler"))
        .isEqualTo(Map.of("Ref", Strangler.UNKNOWN_MONOLITH + "Handler"));
  }
}
