package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ficus.model.Phase;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generated templates of every fixture: valid SAM, and routed as the strangler promises. */
class SamTemplatesTest {

  private static final List<Path> SCHEMA_CANDIDATES =
      List.of(Path.of("../shared/data/sam.schema.json"), Path.of("../../shared/data/sam.schema.json"));
  private static final String FUNCTION_DEFINITION =
      "samtranslator__internal__schema_source__aws_serverless_function__Resource";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every template of a scaffolded fixture: the phases, then the root one. */
  private static List<String> templates(ScaffoldFixtures.Scaffolded s) {
    List<String> out = new ArrayList<>();
    s.paths().stream().filter(p -> p.startsWith("phases/") && p.endsWith("/template.yaml")).forEach(out::add);
    out.add(SamTemplates.ROOT_TEMPLATE);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> resources(Map<String, Object> template) {
    return (Map<String, Map<String, Object>>) template.get("Resources");
  }

  @Test
  void everyServerlessFunctionValidatesAgainstTheSamSchema() throws Exception {
    Path schemaFile = SCHEMA_CANDIDATES.stream().filter(Files::exists).findFirst().orElse(null);
    assumeTrue(
        schemaFile != null,
        "Skipped: the SAM schema is not at ../shared/data/ beside the project (a user's own clone"
            + " has no shared reference data).");
    ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(schemaFile, StandardCharsets.UTF_8));
    root.retain("$schema", "definitions");
    root.put("$ref", "#/definitions/" + FUNCTION_DEFINITION);
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(root.toString(), InputFormat.JSON);
    int checked = 0;
    for (Path fixture : ScaffoldFixtures.all()) {
      ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.of(fixture);
      for (String path : templates(s)) {
        for (Map.Entry<String, Map<String, Object>> r : resources(CfnYaml.load(s.file(path))).entrySet()) {
          if ("AWS::Serverless::Function".equals(r.getValue().get("Type"))) {
            List<Error> errors = schema.validate(JSON.writeValueAsString(r.getValue()), InputFormat.JSON);
            assertThat(errors).as(fixture + " " + path + " " + r.getKey()).extracting(Error::toString).isEmpty();
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
    // The check can fail: a misspelt property is not SAM.
    String broken = "{\"Type\":\"AWS::Serverless::Function\",\"Properties\":{\"Handlr\":\"x\"}}";
    assertThat(schema.validate(broken, InputFormat.JSON)).isNotEmpty();
  }

  /**
   * The function that must serve a route in a phase, from the plan alone: the planned function
   * for the route once a phase up to this one lists it, the route's monolith before.
   */
  private static String expected(ScaffoldFixtures.Scaffolded s, Route route, int phase) {
    Optional<PlannedFunction> planned =
        s.plan().functions().stream()
            .filter(f -> f.route().equals(route.id()) && Objects.equals(f.handler(), route.handler()))
            .findFirst();
    boolean extracted =
        planned.isPresent()
            && s.plan().phases().stream()
                .anyMatch(p -> p.number() <= phase && p.routes().contains(route.id()));
    return extracted ? planned.get().name() : route.function();
  }

  @Test
  void inEveryPhaseEveryOriginalRouteReachesExactlyItsFunction() {
    int checked = 0;
    for (Path fixture : ScaffoldFixtures.all()) {
      ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.of(fixture);
      assertThat(s.plan().phases()).as(fixture.toString()).isNotEmpty();
      for (Phase phase : s.plan().phases()) {
        String path = SamTemplates.phaseTemplate(phase.number());
        ApiGatewayRouter api = ApiGatewayRouter.of(CfnYaml.load(s.file(path)));
        assertThat(api.problems()).as(fixture + " " + path).isEmpty();
        for (Route route : s.analysis().routes()) {
          String method = route.method().equals("ANY") ? "PATCH" : route.method();
          String sample = StranglerRoutes.samplePath(route.path());
          assertThat(api.resolve(method, sample))
              .as(fixture + " " + path + ": " + route.id() + " as " + method + " " + sample)
              .contains(expected(s, route, phase.number()));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  @SuppressWarnings("unchecked")
  void apiEventsJoinTheKindOfApiTheMonolithWasOnAndOtherEventsAreTheFunctionsOwnTriggers() {
    for (Path fixture : ScaffoldFixtures.all()) {
      ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.of(fixture);
      List<String> monolithKinds =
          s.analysis().functions().stream().flatMap(f -> f.apiTriggers().stream()).map(t -> t.kind()).distinct().toList();
      String want = monolithKinds.equals(List.of("HttpApi")) ? "HttpApi" : "Api";
      Map<String, List<String>> ownKinds = new java.util.HashMap<>();
      s.analysis().functions().forEach(f -> ownKinds.put(f.logicalId(),
          f.triggers().stream().filter(t -> !t.isApi()).map(t -> t.kind()).toList()));
      s.plan().functions().stream().filter(PlannedFunction::isEvent).forEach(f ->
          ownKinds.put(f.name(), f.triggers().stream().map(t -> t.kind()).toList()));
      for (String path : templates(s)) {
        for (Map.Entry<String, Map<String, Object>> r : resources(CfnYaml.load(s.file(path))).entrySet()) {
          Map<String, Object> properties = (Map<String, Object>) r.getValue().get("Properties");
          Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
          for (Object e : events.values()) {
            Object type = ((Map<String, Object>) e).get("Type");
            if (type.equals("Api") || type.equals("HttpApi")) {
              assertThat(type).as(fixture + " " + path).isEqualTo(want);
            } else {
              assertThat(ownKinds.getOrDefault(r.getKey(), List.of())).as(fixture + " " + path + " " + r.getKey()).contains((String) type);
            }
          }
        }
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void eventFunctionsKeepTheirHandlerAndTriggersFromTheirPhaseOn() {
    int checked = 0;
    for (Path fixture : ScaffoldFixtures.all()) {
      ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.of(fixture);
      for (PlannedFunction f : s.plan().functions()) {
        if (!f.isEvent()) {
          continue;
        }
        int phaseOf = s.plan().phases().stream().filter(p -> p.routes().contains(f.route())).findFirst().orElseThrow().number();
        for (Phase phase : s.plan().phases()) {
          Map<String, Object> template = CfnYaml.load(s.file(SamTemplates.phaseTemplate(phase.number())));
          Map<String, Map<String, Object>> resources = resources(template);
          assertThat(resources.containsKey(f.name())).as(fixture + " phase " + phase.number() + " " + f.name())
              .isEqualTo(phase.number() >= phaseOf);
          if (phase.number() < phaseOf) {
            continue;
          }
          Map<String, Object> properties = (Map<String, Object>) resources.get(f.name()).get("Properties");
          assertThat(properties.get("Handler")).isEqualTo(f.handler());
          Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
          for (dev.ficus.model.Trigger t : f.triggers()) {
            if (t.kind().equals("S3")) {
              // The bucket stays in the monolith's stack: a permission and an output instead of an event.
              Map<String, Object> permission = resources.values().stream()
                  .filter(r -> "AWS::Lambda::Permission".equals(r.get("Type")))
                  .map(r -> (Map<String, Object>) r.get("Properties"))
                  .filter(p -> Map.of("Ref", f.name() + ".Alias").equals(p.get("FunctionName")))
                  .findFirst().orElseThrow();
              assertThat(permission.get("Principal")).isEqualTo("s3.amazonaws.com");
              assertThat(permission.get("SourceAccount")).isEqualTo(Map.of("Ref", "AWS::AccountId"));
              assertThat(CfnYaml.text(permission.get("SourceArn"))).startsWith("arn:${AWS::Partition}:s3:::");
              Map<String, Object> outputs = (Map<String, Object>) template.get("Outputs");
              assertThat(outputs.values()).anyMatch(o -> Map.of("Ref", f.name() + ".Alias").equals(((Map<String, Object>) o).get("Value")));
            } else {
              Map<String, Object> event = (Map<String, Object>) events.get(t.name().replaceAll("[^A-Za-z0-9]", ""));
              assertThat(event).as(f.name() + " " + t.name()).isNotNull();
              assertThat(event.get("Type")).isEqualTo(t.kind());
            }
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRootTemplateIsTheLastPhaseWithPathsFromTheProjectRoot() {
    for (Path fixture : ScaffoldFixtures.all()) {
      ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.of(fixture);
      Map<String, Object> last = CfnYaml.load(s.file(SamTemplates.phaseTemplate(s.plan().phases().size())));
      for (Map<String, Object> r : resources(last).values()) {
        Map<String, Object> properties = (Map<String, Object>) r.get("Properties");
        if (properties.get("CodeUri") instanceof String uri) {
          assertThat(uri).startsWith("../../");
          properties.put("CodeUri", uri.substring("../../".length()));
        }
      }
      assertThat(CfnYaml.load(s.file(SamTemplates.ROOT_TEMPLATE))).as(fixture.toString()).isEqualTo(last);
      assertThat(s.paths()).as(fixture.toString())
          .doesNotContain(SamTemplates.phaseTemplate(s.plan().phases().size() + 1));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void extractedFunctionsCarryTheirCodeHandlerCanaryAndExactlyThePlannedStatements() throws Exception {
    for (Path fixture : ScaffoldFixtures.all()) {
      ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.of(fixture);
      ProjectLayout layout = ProjectLayout.of(s.analysis(), s.plan());
      String path = SamTemplates.phaseTemplate(s.plan().phases().size());
      Map<String, Map<String, Object>> resources = resources(CfnYaml.load(s.file(path)));
      for (PlannedFunction f : s.plan().functions()) {
        Map<String, Object> properties = (Map<String, Object>) resources.get(f.name()).get("Properties");
        assertThat(properties.get("CodeUri")).isEqualTo("../../" + layout.moduleOf(f).jar());
        assertThat(Path.of("phases/phase-1").resolve((String) properties.get("CodeUri")).normalize())
            .isEqualTo(Path.of(layout.moduleOf(f).jar()));
        assertThat(properties.get("Handler")).isEqualTo(layout.handlerOf(f).samHandler());
        assertThat(properties.get("AutoPublishAlias")).isEqualTo("live");
        Map<String, Object> preference = (Map<String, Object>) properties.get("DeploymentPreference");
        assertThat(preference.get("Type")).isEqualTo("Canary10Percent5Minutes");
        String alarm = (String) ((Map<String, Object>) ((List<Object>) preference.get("Alarms")).get(0)).get("Ref");
        assertThat(resources.get(alarm).get("Type")).isEqualTo("AWS::CloudWatch::Alarm");
        // The inline policy and the policy document are the plan's statements, no more.
        List<Map<String, Object>> inline = f.policy().isEmpty() ? List.of()
            : (List<Map<String, Object>>) ((Map<String, Object>) ((List<Object>) properties.get("Policies")).get(0)).get("Statement");
        JsonNode document = JSON.readTree(s.file(PolicyDocuments.path(f)));
        assertThat(document.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(inline).hasSize(f.policy().size());
        assertThat(document.get("Statement")).hasSize(f.policy().size());
        for (int i = 0; i < f.policy().size(); i++) {
          assertThat(inline.get(i).get("Action")).isEqualTo(f.policy().get(i).actions());
          assertThat(inline.get(i).get("Action").toString()).doesNotContain("*");
          String resource = CfnYaml.text(inline.get(i).get("Resource"));
          assertThat(document.get("Statement").get(i).get("Resource").asText()).isEqualTo(f.policy().get(i).resource());
          assertThat(resource).isEqualTo(f.policy().get(i).resource());
        }
        // Only the variables the plan says its code reads.
        Map<String, Object> env = (Map<String, Object>) properties.get("Environment");
        List<String> names = f.environment().stream().map(b -> b.name()).sorted().toList();
        assertThat(env == null ? List.of() : List.copyOf(((Map<String, Object>) env.get("Variables")).keySet()))
            .isEqualTo(names);
      }
    }
  }

  @Test
  void everyNameATemplateSubstitutesIsDeclaredAsAParameter() {
    for (Path fixture : ScaffoldFixtures.all()) {
      ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.of(fixture);
      for (String path : templates(s)) {
        String yaml = s.file(path);
        Map<String, Object> template = CfnYaml.load(yaml);
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) template.getOrDefault("Parameters", Map.of());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(yaml);
        while (m.find()) {
          String name = m.group(1);
          boolean implicitApi = name.equals("ServerlessRestApi") || name.equals("ServerlessHttpApi");
          assertThat(parameters.containsKey(name) || resources(template).containsKey(name) || implicitApi)
              .as(fixture + " " + path + " names ${" + name + "}").isTrue();
        }
      }
    }
  }

  @Test
  void theMigrationGuideListsEveryPhaseAndEveryNote() {
    for (Path fixture : ScaffoldFixtures.all()) {
      ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.of(fixture);
      String guide = s.file(MigrationGuide.PATH);
      for (Phase phase : s.plan().phases()) {
        assertThat(guide).contains("### Phase " + phase.number() + ":")
            .contains("sam deploy --guided --template-file " + SamTemplates.phaseTemplate(phase.number()));
      }
      for (PlannedFunction f : s.plan().functions()) {
        assertThat(guide).contains("| `" + f.name() + "` |");
      }
      for (ScaffoldNote note : s.project().notes()) {
        assertThat(guide).contains(MigrationGuide.text(note.message()));
      }
    }
  }

  @Test
  void aRepositoryOfSingleRouteFunctionsGetsNoCatchAllThatWouldSendUnknownPathsToOneOfThem(
      @org.junit.jupiter.api.io.TempDir Path dir) {
    String function = """
          %sFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.products.%s::handleRequest
              Runtime: java17
              Events:
                Api: {Type: Api, Properties: {Path: %s, Method: %s}}
        """;
    String handler = """
        package com.acme.products;
        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
        public class %s implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
          public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent e, Context c) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200);
          }
        }
        """;
    dev.ficus.testing.TestRepo.create()
        .file("template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n"
            + function.formatted("Create", "CreateProduct", "/products", "post")
            + function.formatted("Get", "GetProduct", "/products/{productId}", "get"))
        .java("com/acme/products/CreateProduct.java", handler.formatted("CreateProduct"))
        .java("com/acme/products/GetProduct.java", handler.formatted("GetProduct"))
        .writeTo(dir);
    ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.scaffold(dir, ScaffoldOptions.defaults());

    for (Phase phase : s.plan().phases()) {
      ApiGatewayRouter api = ApiGatewayRouter.of(CfnYaml.load(s.file(SamTemplates.phaseTemplate(phase.number()))));
      assertThat(api.resolve("PATCH", "/products/x")).as("phase " + phase.number()).isEmpty();
      assertThat(api.resolve("GET", "/unknown")).as("phase " + phase.number()).isEmpty();
      assertThat(api.resolve("POST", "/products")).as("phase " + phase.number()).isPresent();
      assertThat(api.resolve("GET", "/products/x")).as("phase " + phase.number()).isPresent();
    }
    assertThat(s.file("template.yaml")).doesNotContain("{proxy+}");
  }
}
