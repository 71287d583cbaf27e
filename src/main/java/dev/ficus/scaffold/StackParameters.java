package dev.ficus.scaffold;

import dev.ficus.model.Analysis;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.IacResource;
import dev.ficus.model.LambdaFunction;
import dev.ficus.scaffold.YamlWriter.Mapping;
import dev.ficus.scaffold.YamlWriter.Node;
import dev.ficus.scaffold.YamlWriter.Tagged;
import dev.ficus.scaffold.YamlWriter.Text;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a generated stack: the new stack takes over no table, bucket or queue of the
 * monolith's stack (that stack keeps owning them) and receives each one as a parameter whose
 * value is what {@code !Ref} of it gives there, so that environment variables keep their values;
 * a template parameter of the monolith that an ARN or a value names ({@code ${Stage}}) becomes a
 * parameter too. A default is given only where the monolith's template spells the value out.
 */
final class StackParameters {

  /** {@code ${Name}} in a {@code Fn::Sub} string, not the {@code ${!Literal}} escape. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}!][^}]*)}");

  /** Resource types a stack owns that the new stack neither needs nor takes as parameters. */
  private static final List<String> NOT_TAKEN =
      List.of(
          "AWS::Serverless::Api", "AWS::Serverless::HttpApi", "AWS::ApiGateway::",
          "AWS::ApiGatewayV2::", "AWS::IAM::", "AWS::Logs::", "AWS::CloudWatch::",
          "AWS::Lambda::Permission", "AWS::Lambda::Version", "AWS::Lambda::Alias",
          "AWS::CodeDeploy::", "AWS::Serverless::Function", "AWS::Lambda::Function",
          "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion", "AWS::CloudFormation::");

  private record Parameter(String description, String defaultValue) {}

  private final Map<String, IacResource> resources = new TreeMap<>();
  private final Map<String, String> templateDefaults = new TreeMap<>();
  private final Map<String, Parameter> parameters = new TreeMap<>();
  private final Set<String> uncarried = new java.util.TreeSet<>();

  StackParameters(Analysis analysis) {
    analysis.resources().forEach(r -> resources.put(r.logicalId(), r));
    for (LambdaFunction f : analysis.functions()) {
      for (EnvBinding b : f.environment()) {
        if (b.kind() == EnvBinding.Kind.PARAMETER && b.physicalName() != null) {
          templateDefaults.putIfAbsent(b.value(), b.physicalName());
        }
      }
    }
    for (IacResource r : analysis.resources()) {
      if (NOT_TAKEN.stream().noneMatch(r.type()::startsWith)) {
        resource(r.logicalId());
      }
    }
  }

  /** Declares a parameter of the stack's own (a code location), unless one of that name exists. */
  void own(String name, String description, String defaultValue) {
    parameters.putIfAbsent(name, new Parameter(description, defaultValue));
  }

  boolean has(String name) {
    return parameters.containsKey(name) || resources.containsKey(name);
  }

  /** The monolith's resource of that logical id, when its IaC declares one. */
  java.util.Optional<IacResource> declared(String logicalId) {
    return java.util.Optional.ofNullable(logicalId == null ? null : resources.get(logicalId));
  }

  /**
   * The parameter that holds {@code !Ref} of a resource of the monolith's stack (an event's bucket
   * or topic), declared on first use.
   */
  String refOf(String logicalId) {
    return resource(logicalId);
  }

  /**
   * The parameter that holds {@code Fn::GetAtt} of a resource of the monolith's stack ({@code
   * TranscodeQueue.Arn} for a queue an event reads), declared on first use.
   */
  String attributeOf(String logicalId, String attribute) {
    return attribute(logicalId + "." + attribute);
  }

  /** An environment variable's value, as the monolith's template gave it. */
  Node environmentValue(EnvBinding binding) {
    return switch (binding.kind()) {
      case LITERAL -> Text.of(binding.value());
      case RESOURCE -> Tagged.ref(resource(binding.value()));
      case PARAMETER -> Tagged.ref(templateParameter(binding.value()));
      case ATTRIBUTE -> Tagged.ref(attribute(binding.value()));
      case EXPRESSION -> isSubTemplate(binding.value()) ? sub(binding.value()) : Tagged.ref(uncarried(binding));
    };
  }

  /**
   * True when an expression is a {@code Fn::Sub} template; the IaC reader writes other functions
   * ({@code !Join}, {@code !If}, {@code !Select}) and structures in a readable form that would
   * be wrong as a value.
   */
  static boolean isSubTemplate(String value) {
    return !value.startsWith("!") && !value.startsWith("[") && !value.startsWith("{");
  }

  /** A value ficus cannot rebuild: a parameter the user fills in, and a note. */
  private String uncarried(EnvBinding binding) {
    String name = "Env" + binding.name().replaceAll("[^A-Za-z0-9]", "");
    parameters.putIfAbsent(
        name,
        new Parameter(
            "Value of the environment variable " + binding.name() + ", which the monolith's template"
                + " computes as " + binding.value() + "; give it the value it has there.",
            null));
    uncarried.add(
        "The monolith's template computes the environment variable " + binding.name() + " as "
            + binding.value() + "; ficus cannot rebuild that, so the parameter " + name
            + " takes its value.");
    return name;
  }

  /** What could not be carried over, one sentence each. */
  List<String> uncarried() {
    return List.copyOf(uncarried);
  }

  /** An ARN template as {@code !Sub}, every name in it declared; {@code *} as it is. */
  Node arn(String arn) {
    return "*".equals(arn) ? Text.of("*") : sub(arn);
  }

  /** A {@code Fn::Sub} string with {@code ${X.Attr}} turned into parameters; plain when it names nothing. */
  Node sub(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    boolean any = false;
    while (m.find()) {
      String name = m.group(1).trim();
      String replacement;
      if (name.startsWith("AWS::")) {
        replacement = name;
      } else if (name.contains(".")) {
        replacement = attribute(name);
      } else if (resources.containsKey(name)) {
        replacement = resource(name);
      } else {
        replacement = templateParameter(name);
      }
      any = true;
      m.appendReplacement(out, Matcher.quoteReplacement("${" + replacement + "}"));
    }
    m.appendTail(out);
    return any || template.contains("${!") ? Tagged.sub(out.toString()) : Text.of(template);
  }

  /** The names a {@code Fn::Sub} string refers to, {@code AWS::} pseudo parameters left out. */
  static Set<String> references(String template) {
    Set<String> names = new java.util.TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!m.group(1).startsWith("AWS::")) {
        names.add(m.group(1).trim());
      }
    }
    return names;
  }

  private String resource(String logicalId) {
    IacResource r = resources.get(logicalId);
    if (r == null) {
      return templateParameter(logicalId);
    }
    String ref = refValue(r.type());
    String physical = r.physicalName();
    boolean literal = physical != null && !physical.contains("${") && ref.equals("its name");
    String description =
        "Ref of " + logicalId + " (" + r.type() + ") in the monolith's stack, which keeps owning it: "
            + ref + "."
            + (physical == null ? "" : " The monolith's template names it " + physical + ".");
    parameters.putIfAbsent(logicalId, new Parameter(description, literal ? physical : null));
    return logicalId;
  }

  private String attribute(String attribute) {
    String name = attribute.replaceAll("[^A-Za-z0-9]", "");
    int dot = attribute.indexOf('.');
    IacResource r = dot < 0 ? null : resources.get(attribute.substring(0, dot));
    String physical = r == null ? null : r.physicalName();
    boolean literal =
        physical != null && !physical.contains("${") && attribute.endsWith("Name");
    parameters.putIfAbsent(
        name,
        new Parameter(
            "Fn::GetAtt " + attribute + " in the monolith's stack, which keeps owning the resource.",
            literal ? physical : null));
    return name;
  }

  private String templateParameter(String name) {
    String value = templateDefaults.get(name);
    boolean literal = value != null && !value.contains("${");
    parameters.putIfAbsent(
        name,
        new Parameter(
            "Parameter " + name + " of the monolith's template; give it the value the monolith's"
                + " stack has.",
            literal ? value : null));
    return name;
  }

  /** What {@code !Ref} of a resource of this type gives. */
  static String refValue(String type) {
    return switch (type) {
      case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable",
          "AWS::S3::Bucket", "AWS::Kinesis::Stream", "AWS::Events::EventBus", "AWS::SSM::Parameter",
          "AWS::SES::EmailIdentity", "AWS::Lambda::Function", "AWS::Serverless::Function",
          "AWS::StepFunctions::Activity" -> "its name";
      case "AWS::SQS::Queue" -> "its URL";
      case "AWS::SNS::Topic", "AWS::SecretsManager::Secret", "AWS::StepFunctions::StateMachine",
          "AWS::Serverless::StateMachine" -> "its ARN";
      case "AWS::KMS::Key" -> "its key id";
      case "AWS::Cognito::UserPool" -> "its user pool id";
      default -> "its Ref value";
    };
  }

  /** The {@code Parameters} section, sorted by name; empty when there is none. */
  Mapping toYaml() {
    Mapping out = new Mapping();
    parameters.forEach(
        (name, p) -> {
          Mapping param = new Mapping().put("Type", "String");
          if (p.defaultValue() != null) {
            param.put("Default", p.defaultValue());
          }
          param.put("Description", p.description());
          out.put(name, param);
        });
    return out;
  }
}
