package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.IacResource;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IAM check: with the generated policies as they stand in the last phase's template, every
 * effect of every route is allowed to its function, and an unrelated action or resource is not.
 * Decisions come from an offline IAM policy simulator (npm {@code @cloud-copilot/iam-simulate},
 * AGPL, installed by the build as an external tool and run with node), the {@code ${...}}
 * placeholders replaced by sample values.
 */
class PolicySimulationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "123456789012";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final JsonNode DEFAULT_KEY_POLICY = defaultKeyPolicy();

  private static JsonNode defaultKeyPolicy() {
    ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
    ObjectNode statement = policy.putArray("Statement").addObject().put("Effect", "Allow");
    statement.putObject("Principal").put("AWS", "arn:aws:iam::" + ACCOUNT + ":root");
    statement.put("Action", "kms:*").put("Resource", "*");
    return policy;
  }

  /** One simulated request and the decision it must get. */
  private record Case(String id, String function, JsonNode policy, String action, String resource, boolean allowed) {}

  @Test
  void everyEffectIsAllowedAndUnrelatedRequestsAreDenied(@TempDir Path temp) throws Exception {
    List<Case> cases = new ArrayList<>();
    int eventFunctions = 0;
    for (Path fixture : ScaffoldFixtures.all()) {
      ScaffoldFixtures.Scaffolded s = ScaffoldFixtures.of(fixture);
      Map<String, String> samples = samples(s);
      Map<String, Object> template = CfnYaml.load(s.file(SamTemplates.phaseTemplate(s.plan().phases().size())));
      for (PlannedFunction f : s.plan().functions()) {
        JsonNode policy = policyOf(template, f.name(), samples);
        String who = fixture.getFileName() + " " + f.name();
        // A route's function runs its route's effects; an event function its handler's and its
        // initialization's, as the analysis lists them for the function it moves from.
        List<AwsEffect> effects = new ArrayList<>();
        if (f.isEvent()) {
          s.analysis().effectsOf(f.monolith()).ifPresent(fe -> {
            effects.addAll(fe.effects());
            effects.addAll(fe.initEffects());
          });
          assertThat(effects).as(who + " has effects to check").isNotEmpty();
          eventFunctions++;
        } else {
          effects.addAll(
              s.analysis().routes().stream()
                  .filter(r -> r.id().equals(f.route()) && Objects.equals(r.handler(), f.handler()))
                  .findFirst()
                  .orElseThrow()
                  .effects());
        }
        List<String> wildcardActions = new ArrayList<>();
        policy.get("Statement").forEach(st -> {
          if (st.get("Resource").asText().equals("*")) {
            st.get("Action").forEach(a -> wildcardActions.add(a.asText()));
          }
        });
        for (AwsEffect effect : effects) {
          String resource = concrete(substitute(effect.resource().arn(), samples));
          for (String action : effect.iamActions()) {
            if (action.contains("*")) {
              continue; // never granted; the plan says so in a diagnostic
            }
            cases.add(new Case("c" + cases.size(), who, policy, action, resource, true));
            if (!resource.equals("*") && !wildcardActions.contains(action)) {
              cases.add(new Case("c" + cases.size(), who, policy, action, unrelated(resource), false));
            }
          }
        }
        cases.add(
            new Case("c" + cases.size(), who, policy, "iam:CreateUser",
                "arn:aws:iam::" + ACCOUNT + ":user/ficus-unrelated", false));
      }
    }
    Map<String, String> decisions = simulate(cases, temp);
    List<String> wrong = new ArrayList<>();
    for (Case c : cases) {
      String decision = decisions.get(c.id());
      String want = c.allowed() ? "Allowed" : "ImplicitlyDenied";
      if (!want.equals(decision)) {
        wrong.add(c.function() + ": " + c.action() + " on " + c.resource() + " -> " + decision + ", expected " + want
            + "; policy " + c.policy());
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(eventFunctions).as("event functions checked").isGreaterThanOrEqualTo(2);
    assertThat(cases.stream().filter(Case::allowed).count()).isGreaterThan(40);
    assertThat(cases.stream().filter(c -> !c.allowed()).count()).isGreaterThan(40);
  }

  @Test
  void nearMissAPolicyWithoutTheEffectsActionIsDenied(@TempDir Path temp) throws Exception {
    ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
    policy.putArray("Statement").addObject().put("Effect", "Allow")
        .put("Resource", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders")
        .putArray("Action").add("dynamodb:GetItem");
    String table = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders";
    Map<String, String> decisions =
        simulate(
            List.of(
                new Case("get", "f", policy, "dynamodb:GetItem", table, true),
                new Case("put", "f", policy, "dynamodb:PutItem", table, false),
                new Case("index", "f", policy, "dynamodb:GetItem", table + "/index/byDate", false)),
            temp);
    assertThat(decisions).containsEntry("get", "Allowed").containsEntry("put", "ImplicitlyDenied")
        .containsEntry("index", "ImplicitlyDenied");
  }

  /** The inline policy of a function in a parsed template, placeholders substituted. */
  @SuppressWarnings("unchecked")
  private static JsonNode policyOf(Map<String, Object> template, String function, Map<String, String> samples) {
    Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
    Map<String, Object> properties =
        (Map<String, Object>) ((Map<String, Object>) resources.get(function)).get("Properties");
    ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    List<Object> policies = (List<Object>) properties.getOrDefault("Policies", List.of());
    for (Object p : policies) {
      for (Object st : (List<Object>) ((Map<String, Object>) p).get("Statement")) {
        Map<String, Object> statement = (Map<String, Object>) st;
        ObjectNode out = statements.addObject().put("Effect", (String) statement.get("Effect"));
        ArrayNode actions = out.putArray("Action");
        ((List<String>) statement.get("Action")).forEach(actions::add);
        out.put("Resource", substitute(CfnYaml.text(statement.get("Resource")), samples));
      }
    }
    return policy;
  }

  /** A sample value for every parameter: an ARN where the parameter holds one, else a name. */
  private static Map<String, String> samples(ScaffoldFixtures.Scaffolded s) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("AWS::Partition", "aws");
    out.put("AWS::Region", "us-east-1");
    out.put("AWS::AccountId", ACCOUNT);
    out.put("AWS::URLSuffix", "amazonaws.com");
    for (IacResource r : s.analysis().resources()) {
      String name = "sample-" + r.logicalId().toLowerCase(java.util.Locale.ROOT);
      String arn =
          switch (StackParameters.refValue(r.type())) {
            case "its ARN" ->
                switch (r.type()) {
                  case "AWS::SecretsManager::Secret" -> "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:" + name + "-AbCdEf";
                  case "AWS::SNS::Topic" -> "arn:aws:sns:us-east-1:" + ACCOUNT + ":" + name;
                  default -> "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:" + name;
                };
            default -> name;
          };
      out.put(r.logicalId(), arn);
    }
    return out;
  }

  private static String substitute(String text, Map<String, String> samples) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = samples.getOrDefault(m.group(1), "sample-" + m.group(1).toLowerCase(java.util.Locale.ROOT));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  /** A concrete resource a request can name: wildcards of an ARN pattern filled in. */
  private static String concrete(String arn) {
    return arn.equals("*") ? arn : arn.replace("*", "sample-key").replace("?", "a");
  }

  /** The same kind of resource under another name. */
  private static String unrelated(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      return arn + "-unrelated";
    }
    String resource = parts[5];
    int cut = parts[2].equals("s3") ? -1 : firstSeparator(resource);
    parts[5] = resource.substring(0, cut + 1) + "unrelated-" + resource.substring(cut + 1);
    return String.join(":", parts);
  }

  private static int firstSeparator(String resource) {
    int slash = resource.indexOf('/');
    int colon = resource.indexOf(':');
    if (slash < 0) {
      return colon;
    }
    return colon < 0 ? slash : Math.min(slash, colon);
  }

  private static Map<String, String> simulate(List<Case> cases, Path temp) throws IOException, InterruptedException {
    String configured = System.getProperty("iam.simulate.dir");
    Path install = Path.of(configured != null && !configured.isBlank() ? configured : "target/iam-simulate");
    if (!Files.isDirectory(install.resolve("node_modules/@cloud-copilot/iam-simulate"))) {
      fail("The IAM simulator is missing at " + install + "; run the build's generate-test-resources phase (npm install)");
    }
    ArrayNode json = JSON.createArrayNode();
    for (Case c : cases) {
      ObjectNode request =
          json.addObject().put("id", c.id()).put("action", c.action()).put("resource", c.resource())
              .put("account", ACCOUNT);
      request.set("policy", c.policy());
      if (c.action().startsWith("kms:")) {
        // A KMS key answers to its key policy too; the default one lets the account's IAM
        // policies decide, which is what this test checks.
        request.set("resourcePolicy", DEFAULT_KEY_POLICY);
      }
    }
    Path file = temp.resolve("cases.json");
    Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder("node", Path.of("src/test/node/iam-simulate.cjs").toString(), install.toString(), file.toString())
            .redirectError(temp.resolve("stderr.txt").toFile())
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      fail("node iam-simulate failed: " + Files.readString(temp.resolve("stderr.txt")));
    }
    Map<String, String> decisions = new LinkedHashMap<>();
    JSON.readTree(out).fields().forEachRemaining(e -> decisions.put(e.getKey(), e.getValue().asText()));
    return decisions;
  }
}
