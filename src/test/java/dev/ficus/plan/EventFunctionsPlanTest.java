package dev.ficus.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.Strategies;
import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Confidence;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.FunctionEffects;
import dev.ficus.model.IacResource;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Phase;
import dev.ficus.model.Plan;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.PolicyStatement;
import dev.ficus.model.ResourceRef;
import dev.ficus.model.Route;
import dev.ficus.model.SourceFile;
import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import dev.ficus.report.PlanJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An S3-triggered and an SQS-triggered function beside an API lambdalith, as {@code template.yaml}
 * would declare them:
 *
 * <pre>
 * ApiFunction:        Api GET /media, POST /media          (app.api.Router -> app.media.MediaRepository)
 * ThumbnailFunction:  S3 on MediaBucket, uploads/ *.jpg     (app.ingest.Thumbnails -> app.media.MediaRepository#save)
 * MailerFunction:     SQS on MailQueue, BatchSize 5         (app.mail.Mailer, its own table)
 * </pre>
 *
 * The thumbnail function runs the API's repository and writes its table: it joins the API's
 * service. The mailer shares nothing: it gets a service of its own.
 */
public class EventFunctionsPlanTest {

  static final Planner PLANNER = new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED);
  static final SourceRef TEMPLATE = SourceRef.of("template.yaml", 1);
  static final String MEDIA = arn("dynamodb", "table/media");
  static final String OUTBOX = arn("dynamodb", "table/outbox");
  static final String THUMBS = "arn:${AWS::Partition}:s3:::media-bucket/thumbs/*";

  static String arn(String service, String rest) {
    return "arn:${AWS::Partition}:" + service + ":${AWS::Region}:${AWS::AccountId}:" + rest;
  }

  static AwsEffect effect(String action, String arn, String name, String... chain) {
    List<CallFrame> frames = java.util.Arrays.stream(chain)
        .map(m -> new CallFrame(m, SourceRef.of("src/main/java/app/X.java", 1))).toList();
    return new AwsEffect(action.split(":")[0], action.split(":")[1], List.of(action),
        new ResourceRef(null, name, arn, "iac", null), frames);
  }

  static Route route(String method, String path, AwsEffect effect) {
    return new Route(method, path, "app.api.Router#handle", SourceRef.of("src/main/java/app/api/Router.java", 9),
        "ApiFunction", Confidence.HIGH, "test", List.of(effect), List.of("app.api.Router", "app.media.MediaRepository"));
  }

  static SourceFile source(String type) {
    String path = "src/main/java/" + type.replace('.', '/') + ".java";
    return new SourceFile(path, "src/main/java", type.substring(0, type.lastIndexOf('.')), List.of(type), List.of(), List.of(), false);
  }

  static final Route LIST = route("GET", "/media", effect("dynamodb:Query", MEDIA, "media", "app.media.MediaRepository#list"));
  static final Route CREATE = route("POST", "/media", effect("dynamodb:PutItem", MEDIA, "media", "app.media.MediaRepository#save"));

  static final Trigger UPLOADED = new Trigger("S3", "Uploaded", null, null, "MediaBucket",
      Map.of("events", "s3:ObjectCreated:*", "prefix", "uploads/", "suffix", ".jpg"), SourceRef.of("template.yaml", 30));
  static final Trigger MAIL = new Trigger("SQS", "Mail", null, null, "MailQueue",
      Map.of("BatchSize", "5"), SourceRef.of("template.yaml", 50));

  static final LambdaFunction API = new LambdaFunction("ApiFunction", "app.api.Router::handle", "app.api.Router", "handle",
      "java17", ".", "sam", TEMPLATE,
      List.of(new EnvBinding("MEDIA_TABLE", EnvBinding.Kind.RESOURCE, "MediaTable", "AWS::DynamoDB::Table", "media")),
      List.of(new Trigger("Api", "List", "GET", "/media", null, Map.of(), TEMPLATE),
          new Trigger("Api", "Create", "POST", "/media", null, Map.of(), TEMPLATE)),
      List.of());
  static final LambdaFunction THUMBNAILS = new LambdaFunction("ThumbnailFunction", "app.ingest.Thumbnails::handleRequest",
      "app.ingest.Thumbnails", "handleRequest", "java17", ".", "sam", SourceRef.of("template.yaml", 25),
      List.of(new EnvBinding("MEDIA_TABLE", EnvBinding.Kind.RESOURCE, "MediaTable", "AWS::DynamoDB::Table", "media"),
          new EnvBinding("MEDIA_BUCKET", EnvBinding.Kind.RESOURCE, "MediaBucket", "AWS::S3::Bucket", "media-bucket"),
          new EnvBinding("LOG_LEVEL", EnvBinding.Kind.LITERAL, "INFO", null, null)),
      List.of(UPLOADED), List.of("S3CrudPolicy(BucketName=MediaBucket)"));
  static final LambdaFunction MAILER = new LambdaFunction("MailerFunction", "app.mail.Mailer::handleRequest",
      "app.mail.Mailer", "handleRequest", "java17", ".", "sam", SourceRef.of("template.yaml", 45),
      List.of(new EnvBinding("OUTBOX_TABLE", EnvBinding.Kind.RESOURCE, "OutboxTable", "AWS::DynamoDB::Table", "outbox")),
      List.of(MAIL), List.of());

  public static final Analysis ANALYSIS = new Analysis(
      List.of(LIST, CREATE),
      List.of(API, THUMBNAILS, MAILER),
      List.of(), List.of(), List.of(),
      List.of(
          new FunctionEffects("ThumbnailFunction",
              List.of(effect("dynamodb:UpdateItem", MEDIA, "media", "app.ingest.Thumbnails#handleRequest", "app.media.MediaRepository#save"),
                  effect("s3:PutObject", THUMBS, "media-bucket/thumbs/*", "app.ingest.Thumbnails#handleRequest")),
              List.of()),
          new FunctionEffects("MailerFunction",
              List.of(effect("dynamodb:PutItem", OUTBOX, "outbox", "app.mail.Mailer#handleRequest")),
              List.of(effect("dynamodb:DescribeTable", OUTBOX, "outbox", "app.mail.Mailer#<init>")))),
      List.of(new IacResource("MediaBucket", "AWS::S3::Bucket", "media-bucket", TEMPLATE),
          new IacResource("MailQueue", "AWS::SQS::Queue", "mail", TEMPLATE)),
      List.of(source("app.api.Router"), source("app.media.MediaRepository"), source("app.ingest.Thumbnails"),
          source("app.mail.Mailer")));

  public static Plan plan() {
    return PLANNER.plan(ANALYSIS, Strategies.find("auto", Planner.DEFAULT_SEED).orElseThrow(), 0);
  }

  static PlannedFunction function(Plan plan, String name) {
    return plan.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  static PlannedService serviceOf(Plan plan, String function) {
    return plan.services().stream()
        .filter(s -> s.functions().stream().anyMatch(f -> f.name().equals(function))).findFirst().orElseThrow();
  }

  @Test
  void eachEventFunctionKeepsItsTriggersHandlerAndExactlyItsOwnPolicy() {
    Plan plan = plan();
    PlannedFunction thumbnails = function(plan, "ThumbnailFunction");
    assertThat(thumbnails.isEvent()).isTrue();
    assertThat(thumbnails.route()).isEqualTo("ThumbnailFunction");
    assertThat(thumbnails.method()).isNull();
    assertThat(thumbnails.handler()).isEqualTo("app.ingest.Thumbnails::handleRequest");
    assertThat(thumbnails.triggers()).containsExactly(UPLOADED);
    assertThat(thumbnails.policy()).containsExactly(
        new PolicyStatement(MEDIA, List.of("dynamodb:UpdateItem"), null),
        new PolicyStatement(THUMBS, List.of("s3:PutObject"), null));
    // The bucket its objects are in and the table it writes; not the log level.
    assertThat(thumbnails.environment()).extracting(EnvBinding::name).containsExactly("MEDIA_BUCKET", "MEDIA_TABLE");

    PlannedFunction mailer = function(plan, "MailerFunction");
    assertThat(mailer.triggers()).containsExactly(MAIL);
    // Handler and cold-start effects together; no sqs:ReceiveMessage, which SAM's SQS event grants.
    assertThat(mailer.policy()).containsExactly(
        new PolicyStatement(OUTBOX, List.of("dynamodb:DescribeTable", "dynamodb:PutItem"), null));
    assertThat(mailer.label()).isEqualTo("SQS MailQueue");

    // Route functions are unchanged: no triggers, their route's actions only.
    assertThat(function(plan, "GetMedia").isEvent()).isFalse();
    assertThat(function(plan, "GetMedia").policy()).containsExactly(new PolicyStatement(MEDIA, List.of("dynamodb:Query"), null));
  }

  @Test
  void anEventFunctionJoinsTheServiceWhoseCodeAndDataItSharesElseItGetsItsOwn() {
    Plan plan = plan();
    PlannedService media = serviceOf(plan, "GetMedia");
    assertThat(serviceOf(plan, "ThumbnailFunction").name()).isEqualTo(media.name());
    assertThat(media.routes()).containsExactly("GET /media", "POST /media");
    assertThat(media.eventFunctions()).extracting(PlannedFunction::name).containsExactly("ThumbnailFunction");
    assertThat(media.classes()).contains("app.ingest.Thumbnails", "app.media.MediaRepository");
    assertThat(media.writes()).contains(MEDIA, "arn:${AWS::Partition}:s3:::media-bucket");

    PlannedService mail = serviceOf(plan, "MailerFunction");
    assertThat(mail.name()).isEqualTo("mailer");
    assertThat(mail.routes()).isEmpty();
    assertThat(mail.classes()).containsExactly("app.mail.Mailer");
    assertThat(mail.writes()).containsExactly(OUTBOX);
    assertThat(plan.metrics().functions()).isEqualTo(4);
  }

  @Test
  void eventFunctionsLeaveInPhasesOfTheirOwnAfterRoutesOfEqualRisk() {
    Plan plan = plan();
    // Equal risk otherwise (both write, nothing shared): by service name, mailer before media.
    List<String> order = plan.phases().stream().flatMap(p -> p.routes().stream()).toList();
    assertThat(order).containsExactly("GET /media", "POST /media", "MailerFunction", "ThumbnailFunction");
    Phase thumbnails = plan.phases().get(3);
    assertThat(thumbnails.routes()).containsExactly("ThumbnailFunction");
    assertThat(thumbnails.reason()).startsWith("writing event function (S3 trigger)");
  }

  @Test
  void planMdAndTheDiagramShowEventFunctionsByTheirTriggers() {
    Plan plan = plan();
    String md = dev.ficus.report.PlanMarkdown.render(plan);
    assertThat(md).contains("4 functions (one per route, and 2 event functions moved whole)")
        .contains("| MailerFunction | mailer | `SQS MailQueue` | 2 of 2 | 1 of 1 |")
        .contains("## Event functions")
        .contains("| ThumbnailFunction | media | `app.ingest.Thumbnails::handleRequest` | S3 `Uploaded` on `MediaBucket`"
            + " | `events: s3:ObjectCreated:*`<br>`prefix: uploads/`<br>`suffix: .jpg` |")
        .contains("| 3 | mailer | `MailerFunction` | writing event function (SQS trigger);");
    dev.ficus.report.Diagram diagram = dev.ficus.report.Diagram.of(plan);
    assertThat(diagram.groups()).anySatisfy(g -> assertThat(g.routes())
        .extracting(dev.ficus.report.Diagram.Node::label).contains("GET /media", "S3 MediaBucket"));
    assertThat(diagram.groups()).anySatisfy(g -> assertThat(g.routes())
        .extracting(dev.ficus.report.Diagram.Node::label).containsExactly("SQS MailQueue"));
  }

  @Test
  void theActionReductionCountsRouteFunctionsOnly() {
    Plan plan = plan();
    // Each route function holds 1 of the monolith's 2 actions; the event functions are not cut.
    assertThat(plan.metrics().actionReduction()).isEqualTo(0.5);
    assertThat(function(plan, "MailerFunction").permissions())
        .isEqualTo(new PlannedFunction.Permissions(2, 1, 2, 1));
  }

  @Test
  void thePlanFileRoundTripsAndAUsersPlacementAndNameOfAnEventFunctionAreKept() {
    Plan plan = plan();
    String json = PlanJson.render(plan);
    assertThat(json).contains("\"triggers\"").contains("\"prefix\" : \"uploads/\"").containsPattern("\"functions\" : \\[\\s+\"ThumbnailFunction\"\\s+\\]");
    PlanFile.Result read = PlanFile.read("plan.json", json, ANALYSIS);
    assertThat(read.errors()).isEmpty();
    assertThat(PlanJson.render(PLANNER.replan(ANALYSIS, read.edited()))).isEqualTo(json);

    // The user moves the mailer into the media service and renames it.
    String media = serviceOf(plan, "GetMedia").name();
    String edited = json
        .replace("\"name\" : \"mailer\"", "\"name\" : \"" + media + "-x\"")
        .replace("\"name\" : \"MailerFunction\"", "\"name\" : \"SendMail\"");
    PlanFile.Result moved = PlanFile.read("plan.json", edited, ANALYSIS);
    assertThat(moved.errors()).isEmpty();
    Plan replanned = PLANNER.replan(ANALYSIS, moved.edited());
    assertThat(serviceOf(replanned, "SendMail").name()).isEqualTo(media + "-x");
    assertThat(function(replanned, "SendMail").route()).isEqualTo("MailerFunction");
  }

  @Test
  void aPlanWithoutTheEventFunctionsPlacesThemByAffinityAndAnUnknownOneIsAnError() {
    Plan plan = plan();
    String json = PlanJson.render(plan);
    String unknown = json.replace("\"monolith\" : \"MailerFunction\"", "\"monolith\" : \"NoSuchFunction\"");
    assertThat(PlanFile.read("plan.json", unknown, ANALYSIS).errors())
        .anyMatch(e -> e.contains("unknown event function 'NoSuchFunction'"));

    // A plan written before event functions: only routes, phases pinned.
    String old = """
        {
          "schemaVersion" : 1,
          "phaseOrder" : "pinned",
          "services" : [ { "name" : "media", "functions" : [ { "route" : "GET /media" }, { "route" : "POST /media" } ] } ],
          "phases" : [ { "phase" : 1, "routes" : [ "GET /media", "POST /media" ] } ]
        }
        """;
    PlanFile.Result read = PlanFile.read("plan.json", old, ANALYSIS);
    assertThat(read.errors()).isEmpty();
    assertThat(read.edited().notes()).anyMatch(d -> d.code().equals("event-function-placed"));
    Plan replanned = PLANNER.replan(ANALYSIS, read.edited());
    assertThat(serviceOf(replanned, "ThumbnailFunction").name()).isEqualTo("media");
    assertThat(serviceOf(replanned, "MailerFunction").name()).isEqualTo("mailer");
    assertThat(replanned.phases()).extracting(Phase::routes)
        .containsExactly(List.of("GET /media", "POST /media"), List.of("MailerFunction"), List.of("ThumbnailFunction"));
    assertThat(replanned.diagnostics()).anyMatch(d -> d.code().equals("event-function-unpinned"));
  }

  @Test
  void pinnedPhasesNameEventFunctionsUnderFunctions() {
    String pinned = """
        {
          "schemaVersion" : 1,
          "phaseOrder" : "pinned",
          "services" : [ { "name" : "media", "functions" : [ { "route" : "GET /media" }, { "route" : "POST /media" } ] } ],
          "phases" : [
            { "phase" : 1, "routes" : [ ], "functions" : [ "MailerFunction" ] },
            { "phase" : 2, "routes" : [ "GET /media", "POST /media" ], "functions" : [ "ThumbnailFunction" ] } ]
        }
        """;
    PlanFile.Result read = PlanFile.read("plan.json", pinned, ANALYSIS);
    assertThat(read.errors()).isEmpty();
    Plan replanned = PLANNER.replan(ANALYSIS, read.edited());
    assertThat(replanned.phases()).extracting(Phase::routes)
        .containsExactly(List.of("MailerFunction"), List.of("GET /media", "POST /media", "ThumbnailFunction"));
    assertThat(replanned.phases().get(0).services()).containsExactly("mailer");

    String twice = pinned.replace("\"functions\" : [ \"ThumbnailFunction\" ]", "\"functions\" : [ \"MailerFunction\" ]");
    assertThat(PlanFile.read("plan.json", twice, ANALYSIS).errors())
        .anyMatch(e -> e.contains("'MailerFunction' is in phase 1"));
  }
}
