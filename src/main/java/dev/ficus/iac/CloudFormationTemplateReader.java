package dev.ficus.iac;

import dev.ficus.model.EnvBinding;
import dev.ficus.model.IacResource;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SAM or plain CloudFormation template (YAML or JSON): the functions with their handler,
 * environment, event sources and policies, the other resources with their physical names, and the
 * parameters. Event sources declared as separate resources (event source mappings, API Gateway
 * methods and routes, EventBridge rules, S3 notifications, SNS subscriptions) are attached to the
 * function they invoke.
 */
final class CloudFormationTemplateReader {

  static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
  static final String SAM_FUNCTION = "AWS::Serverless::Function";
  static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private static final List<String> OPENAPI_METHODS =
      List.of(
          "get",
          "put",
          "post",
          "delete",
          "patch",
          "head",
          "options",
          "x-amazon-apigateway-any-method");

  /** Loads a document the template points to (an OpenAPI file), relative to the template. */
  private final BiFunction<String, String, IacNode> includes;

  CloudFormationTemplateReader() {
    this((template, location) -> null);
  }

  /**
   * @param includes given the template's file and a relative location, the document there, or
   *     {@code null} when it cannot be read
   */
  CloudFormationTemplateReader(BiFunction<String, String, IacNode> includes) {
    this.includes = includes;
  }

  /** True for a document that declares AWS resources or uses the SAM transform. */
  static boolean isTemplate(IacNode doc) {
    if (!(doc instanceof IacNode.Obj o)) {
      return false;
    }
    if (hasSamTransform(o)) {
      return true;
    }
    IacNode.Obj resources = o.obj("Resources");
    if (resources == null) {
      return false;
    }
    for (IacNode r : resources.fields().values()) {
      if (r instanceof IacNode.Obj ro
          && ro.text("Type") != null
          && (ro.text("Type").startsWith("AWS::") || ro.text("Type").startsWith("Custom::"))) {
        return true;
      }
    }
    return false;
  }

  static boolean hasSamTransform(IacNode.Obj doc) {
    for (IacNode t : IacNode.items(doc.get("Transform"))) {
      if (SAM_TRANSFORM.equals(IacNode.text(t))) {
        return true;
      }
    }
    return false;
  }

  /** Reads a whole template. */
  void read(String file, IacNode.Obj doc, IacParts out) {
    CfnResolver resolver = new CfnResolver(doc.obj("Resources"), doc.obj("Parameters"));
    boolean sam =
        hasSamTransform(doc)
            || resolver.resources().values().stream()
                .anyMatch(r -> r.type().startsWith("AWS::Serverless::"));
    IacNode.Obj globals = doc.obj("Globals") == null ? null : doc.obj("Globals").obj("Function");
    out.parameters.putAll(resolver.parameters());
    readResources(file, resolver, globals, sam ? "sam" : "cloudformation", out);
  }

  /**
   * Reads the resources of a template (or of a Serverless Framework {@code resources} section).
   *
   * @param globals SAM's {@code Globals.Function}, or {@code null}
   */
  void readResources(
      String file, CfnResolver resolver, IacNode.Obj globals, String iac, IacParts out) {
    Map<String, List<Trigger>> wired = new WiredEvents(file, resolver, includes).byFunction();
    for (CfnResolver.Res r : resolver.resources().values()) {
      if (r.type().equals(SAM_FUNCTION)) {
        IacNode.Obj props = globals == null ? r.properties() : merge(globals, r.properties());
        out.functions.add(function(file, r, props, resolver, iac, true, wired));
      } else if (r.type().equals(LAMBDA_FUNCTION)) {
        out.functions.add(function(file, r, r.properties(), resolver, iac, false, wired));
      } else {
        out.resources.add(
            new IacResource(
                r.logicalId(),
                r.type(),
                resolver.physicalName(r.logicalId()),
                SourceRef.of(file, r.line())));
      }
    }
  }

  private LambdaFunction function(
      String file,
      CfnResolver.Res r,
      IacNode.Obj props,
      CfnResolver resolver,
      String iac,
      boolean sam,
      Map<String, List<Trigger>> wired) {
    String runtime = resolver.nameOf(props.get("Runtime"));
    String handler = resolver.nameOf(props.get("Handler"));
    if (handler == null && props.obj("ImageConfig") != null) {
      List<IacNode> command = IacNode.items(props.obj("ImageConfig").get("Command"));
      handler = command.isEmpty() ? null : IacNode.text(command.get(0));
    }
    Handlers.Parsed parsed = Handlers.parse(handler, runtime);
    String codeUri = sam ? codeUri(props.get("CodeUri")) : code(props.get("Code"));
    if (codeUri == null && props.get("InlineCode") != null) {
      codeUri = "inline";
    }
    List<EnvBinding> env = new ArrayList<>();
    IacNode.Obj environment = props.obj("Environment");
    IacNode.Obj variables = environment == null ? null : environment.obj("Variables");
    if (variables != null) {
      for (Map.Entry<String, IacNode> v : variables.fields().entrySet()) {
        env.add(resolver.binding(v.getKey(), v.getValue()));
      }
    }
    List<Trigger> triggers = new ArrayList<>();
    IacNode.Obj events = props.obj("Events");
    if (sam && events != null) {
      for (Map.Entry<String, IacNode> e : events.fields().entrySet()) {
        if (e.getValue() instanceof IacNode.Obj ev) {
          triggers.add(
              SamEvents.trigger(
                  e.getKey(), ev, resolver, SourceRef.of(file, events.keyLine(e.getKey()))));
        }
      }
    }
    for (Trigger t : wired.getOrDefault(r.logicalId(), List.of())) {
      boolean known =
          t.isApi()
              && triggers.stream()
                  .anyMatch(
                      x -> x.isApi() && x.method().equals(t.method()) && x.path().equals(t.path()));
      if (!known) {
        triggers.add(t);
      }
    }
    List<String> policies = new ArrayList<>();
    if (sam) {
      policies.addAll(PolicyLines.samPolicies(props.get("Policies")));
    }
    policies.addAll(rolePolicies(props.get("Role"), resolver));
    return new LambdaFunction(
        r.logicalId(),
        handler,
        parsed.handlerClass(),
        parsed.handlerMethod(),
        runtime,
        codeUri,
        iac,
        SourceRef.of(file, r.line()),
        env,
        triggers,
        policies);
  }

  private static String codeUri(IacNode node) {
    if (node instanceof IacNode.Obj o && o.intrinsic() == null) {
      return "s3://" + CfnResolver.render(o.get("Bucket")) + "/" + CfnResolver.render(o.get("Key"));
    }
    return node == null ? null : CfnResolver.render(node);
  }

  private static String code(IacNode node) {
    if (!(node instanceof IacNode.Obj o)) {
      return null;
    }
    if (o.get("ZipFile") != null) {
      return "inline";
    }
    if (o.get("S3Bucket") != null) {
      return "s3://"
          + CfnResolver.render(o.get("S3Bucket"))
          + "/"
          + CfnResolver.render(o.get("S3Key"));
    }
    if (o.get("ImageUri") != null) {
      return CfnResolver.render(o.get("ImageUri"));
    }
    return null;
  }

  /** The policies of an execution role declared in the same template, one line each. */
  static List<String> rolePolicies(IacNode role, CfnResolver resolver) {
    if (role == null) {
      return List.of();
    }
    String roleId = CfnResolver.referencedId(role);
    CfnResolver.Res res = resolver.resource(roleId);
    if (res == null || !res.type().equals("AWS::IAM::Role")) {
      return List.of("Role " + CfnResolver.render(role));
    }
    List<String> lines = new ArrayList<>();
    for (IacNode arn : IacNode.items(res.properties().get("ManagedPolicyArns"))) {
      lines.add(CfnResolver.render(arn));
    }
    for (IacNode p : IacNode.items(res.properties().get("Policies"))) {
      if (p instanceof IacNode.Obj po && po.obj("PolicyDocument") != null) {
        lines.addAll(PolicyLines.statements(po.obj("PolicyDocument").get("Statement")));
      }
    }
    for (CfnResolver.Res other : resolver.resources().values()) {
      if (!other.type().equals("AWS::IAM::Policy")
          && !other.type().equals("AWS::IAM::ManagedPolicy")) {
        continue;
      }
      boolean attached =
          IacNode.items(other.properties().get("Roles")).stream()
              .anyMatch(n -> roleId.equals(CfnResolver.referencedId(n)));
      if (attached && other.properties().obj("PolicyDocument") != null) {
        lines.addAll(
            PolicyLines.statements(other.properties().obj("PolicyDocument").get("Statement")));
      }
    }
    return lines;
  }

  /**
   * SAM's Globals merge: mappings merge key by key, lists are appended to the global list, anything
   * else in the function replaces the global value.
   */
  static IacNode.Obj merge(IacNode.Obj global, IacNode.Obj local) {
    Map<String, IacNode> fields = new LinkedHashMap<>(global.fields());
    Map<String, Integer> lines = new LinkedHashMap<>(global.keyLines());
    for (Map.Entry<String, IacNode> e : local.fields().entrySet()) {
      IacNode g = fields.get(e.getKey());
      IacNode l = e.getValue();
      IacNode merged = l;
      if (g instanceof IacNode.Obj go
          && go.intrinsic() == null
          && l instanceof IacNode.Obj lo
          && lo.intrinsic() == null) {
        merged = merge(go, lo);
      } else if (g instanceof IacNode.Seq gs && l instanceof IacNode.Seq ls) {
        List<IacNode> items = new ArrayList<>(gs.items());
        items.addAll(ls.items());
        merged = new IacNode.Seq(items, ls.line());
      }
      fields.put(e.getKey(), merged);
      lines.put(e.getKey(), local.keyLine(e.getKey()));
    }
    return new IacNode.Obj(fields, lines, local.line());
  }

  /**
   * Event sources declared as resources of their own, attached to the function they invoke. Plain
   * CloudFormation has no {@code Events} property, so this is where its routes come from.
   */
  static final class WiredEvents {
    private final String file;
    private final CfnResolver resolver;
    private final Set<String> functionIds = new LinkedHashSet<>();
    private final Map<String, List<Trigger>> byFunction = new TreeMap<>();
    private final BiFunction<String, String, IacNode> includes;

    WiredEvents(String file, CfnResolver resolver, BiFunction<String, String, IacNode> includes) {
      this.file = file;
      this.resolver = resolver;
      this.includes = includes;
      for (CfnResolver.Res r : resolver.resources().values()) {
        if (r.type().equals(SAM_FUNCTION) || r.type().equals(LAMBDA_FUNCTION)) {
          functionIds.add(r.logicalId());
        }
      }
    }

    Map<String, List<Trigger>> byFunction() {
      if (functionIds.isEmpty()) {
        return Map.of();
      }
      for (CfnResolver.Res r : resolver.resources().values()) {
        IacNode.Obj p = r.properties();
        SourceRef src = SourceRef.of(file, r.line());
        switch (r.type()) {
          case "AWS::Lambda::EventSourceMapping" -> eventSourceMapping(r, p, src);
          case "AWS::ApiGateway::Method" -> restMethod(r, p, src);
          case "AWS::ApiGatewayV2::Route" -> httpRoute(r, p, src);
          case "AWS::Events::Rule" -> rule(r, p, src);
          case "AWS::SNS::Subscription" -> {
            if ("lambda".equalsIgnoreCase(p.text("Protocol"))) {
              for (String fn : functionsIn(p.get("Endpoint"))) {
                add(
                    fn,
                    new Trigger(
                        "SNS",
                        r.logicalId(),
                        null,
                        null,
                        resolver.target(p.get("TopicArn")),
                        Map.of(),
                        src));
              }
            }
          }
          case "AWS::S3::Bucket" -> bucketNotifications(r, p);
          case "AWS::Serverless::Api" ->
              openApi(r, definition(p.get("DefinitionBody"), p.get("DefinitionUri")), "Api");
          case "AWS::Serverless::HttpApi" ->
              openApi(r, definition(p.get("DefinitionBody"), p.get("DefinitionUri")), "HttpApi");
          case "AWS::ApiGateway::RestApi" -> openApi(r, definition(p.get("Body"), null), "Api");
          case "AWS::ApiGatewayV2::Api" -> openApi(r, definition(p.get("Body"), null), "HttpApi");
          case "AWS::SNS::Topic" -> {
            for (IacNode s : IacNode.items(p.get("Subscription"))) {
              if (s instanceof IacNode.Obj so && "lambda".equalsIgnoreCase(so.text("Protocol"))) {
                for (String fn : functionsIn(so.get("Endpoint"))) {
                  add(
                      fn,
                      new Trigger("SNS", r.logicalId(), null, null, r.logicalId(), Map.of(), src));
                }
              }
            }
          }
          default -> {}
        }
      }
      return byFunction;
    }

    private void add(String function, Trigger trigger) {
      byFunction.computeIfAbsent(function, k -> new ArrayList<>()).add(trigger);
    }

    private void eventSourceMapping(CfnResolver.Res r, IacNode.Obj p, SourceRef src) {
      IacNode source = p.get("EventSourceArn");
      String sourceId = CfnResolver.referencedId(source);
      CfnResolver.Res sourceRes = resolver.resource(sourceId);
      String arnText = CfnResolver.render(source).toLowerCase(Locale.ROOT);
      String kind;
      if (sourceRes != null) {
        kind =
            switch (sourceRes.type()) {
              case "AWS::SQS::Queue" -> "SQS";
              case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> "DynamoDB";
              case "AWS::Kinesis::Stream" -> "Kinesis";
              case "AWS::MSK::Cluster" -> "MSK";
              case "AWS::AmazonMQ::Broker" -> "MQ";
              default -> "EventSourceMapping";
            };
      } else if (arnText.contains(":sqs:")) {
        kind = "SQS";
      } else if (arnText.contains(":dynamodb:")) {
        kind = "DynamoDB";
      } else if (arnText.contains(":kinesis:")) {
        kind = "Kinesis";
      } else {
        kind = "EventSourceMapping";
      }
      Map<String, String> props = new TreeMap<>();
      for (String key :
          List.of("BatchSize", "StartingPosition", "MaximumBatchingWindowInSeconds")) {
        if (p.get(key) != null) {
          props.put(key, CfnResolver.flat(p.get(key)));
        }
      }
      for (String fn : functionsIn(p.get("FunctionName"))) {
        add(fn, new Trigger(kind, r.logicalId(), null, null, resolver.target(source), props, src));
      }
    }

    private void restMethod(CfnResolver.Res r, IacNode.Obj p, SourceRef src) {
      IacNode.Obj integration = p.obj("Integration");
      if (integration == null) {
        return;
      }
      List<String> fns = functionsIn(integration.get("Uri"));
      if (fns.isEmpty()) {
        return;
      }
      String method = SamEvents.method(p.text("HttpMethod"));
      String path = restPath(p.get("ResourceId"), 0);
      if (path == null) {
        return;
      }
      Map<String, String> props = new TreeMap<>();
      String api = CfnResolver.referencedId(p.get("RestApiId"));
      if (api != null) {
        props.put("RestApiId", api);
      }
      for (String fn : fns) {
        add(fn, new Trigger("Api", r.logicalId(), method, path, null, props, src));
      }
    }

    /** Follows {@code AWS::ApiGateway::Resource} parents up to the API's root resource. */
    private String restPath(IacNode resourceId, int depth) {
      if (depth > 50) {
        return null;
      }
      if (resourceId instanceof IacNode.Obj o && "Fn::GetAtt".equals(o.intrinsic())) {
        String attr = CfnResolver.getAtt(o.intrinsicArgument());
        return attr != null && attr.endsWith(".RootResourceId") ? "/" : null;
      }
      CfnResolver.Res res = resolver.resource(CfnResolver.referencedId(resourceId));
      if (res == null || !res.type().equals("AWS::ApiGateway::Resource")) {
        return null;
      }
      String part = resolver.nameOf(res.properties().get("PathPart"));
      String parent = restPath(res.properties().get("ParentId"), depth + 1);
      if (part == null || parent == null) {
        return null;
      }
      return parent.endsWith("/") ? parent + part : parent + "/" + part;
    }

    private void httpRoute(CfnResolver.Res r, IacNode.Obj p, SourceRef src) {
      String routeKey = resolver.nameOf(p.get("RouteKey"));
      if (routeKey == null) {
        return;
      }
      List<String> fns = functionsIn(p.get("Target"));
      String integrationId = null;
      IacNode target = p.get("Target");
      if (fns.isEmpty() && target != null) {
        for (String id : referencedIds(target)) {
          CfnResolver.Res integ = resolver.resource(id);
          if (integ != null && integ.type().equals("AWS::ApiGatewayV2::Integration")) {
            integrationId = id;
            fns = functionsIn(integ.properties().get("IntegrationUri"));
          }
        }
      }
      String method;
      String path;
      Map<String, String> props = new TreeMap<>();
      if (routeKey.equals("$default")) {
        method = "ANY";
        path = "/{proxy+}";
        props.put("RouteKey", "$default");
      } else {
        int space = routeKey.indexOf(' ');
        if (space < 0) {
          return;
        }
        method = SamEvents.method(routeKey.substring(0, space));
        path = routeKey.substring(space + 1).trim();
      }
      String api = CfnResolver.referencedId(p.get("ApiId"));
      if (api != null) {
        props.put("ApiId", api);
      }
      if (integrationId != null) {
        props.put("Integration", integrationId);
      }
      for (String fn : fns) {
        add(fn, new Trigger("HttpApi", r.logicalId(), method, path, null, props, src));
      }
    }

    private void rule(CfnResolver.Res r, IacNode.Obj p, SourceRef src) {
      for (IacNode t : IacNode.items(p.get("Targets"))) {
        if (!(t instanceof IacNode.Obj to)) {
          continue;
        }
        for (String fn : functionsIn(to.get("Arn"))) {
          Map<String, String> props = new TreeMap<>();
          String kind;
          if (p.get("ScheduleExpression") != null) {
            kind = "Schedule";
            props.put("Schedule", CfnResolver.flat(p.get("ScheduleExpression")));
          } else {
            kind = "EventBridgeRule";
            if (p.get("EventPattern") != null) {
              props.put("Pattern", CfnResolver.json(p.get("EventPattern")));
            }
          }
          String bus =
              p.get("EventBusName") == null ? null : resolver.target(p.get("EventBusName"));
          add(fn, new Trigger(kind, r.logicalId(), null, null, bus, props, src));
        }
      }
    }

    private void bucketNotifications(CfnResolver.Res r, IacNode.Obj p) {
      IacNode.Obj notifications = p.obj("NotificationConfiguration");
      if (notifications == null) {
        return;
      }
      for (IacNode c : IacNode.items(notifications.get("LambdaConfigurations"))) {
        if (!(c instanceof IacNode.Obj co)) {
          continue;
        }
        Map<String, String> props = new TreeMap<>();
        if (co.get("Event") != null) {
          props.put("events", CfnResolver.flat(co.get("Event")));
        }
        SamEvents.s3Filter(co.obj("Filter"), props);
        for (String fn : functionsIn(co.get("Function"))) {
          add(
              fn,
              new Trigger(
                  "S3",
                  r.logicalId(),
                  null,
                  null,
                  r.logicalId(),
                  props,
                  SourceRef.of(file, co.line())));
        }
      }
    }

    /**
     * An API's OpenAPI document: inline, through {@code Fn::Transform AWS::Include}, or a local
     * {@code DefinitionUri}.
     */
    private IacNode.Obj definition(IacNode body, IacNode uri) {
      if (body instanceof IacNode.Obj o
          && "Fn::Transform".equals(o.intrinsic())
          && o.intrinsicArgument() instanceof IacNode.Obj t
          && "AWS::Include".equals(t.text("Name"))
          && t.obj("Parameters") != null) {
        return local(t.obj("Parameters").text("Location"));
      }
      if (body instanceof IacNode.Obj o && o.intrinsic() == null) {
        return o;
      }
      return uri instanceof IacNode.Scalar s ? local(s.text()) : null;
    }

    private IacNode.Obj local(String location) {
      if (location == null || location.contains("://") || location.startsWith("s3:")) {
        return null;
      }
      return includes.apply(file, location) instanceof IacNode.Obj o ? o : null;
    }

    /** Operations whose {@code x-amazon-apigateway-integration} invokes a function here. */
    private void openApi(CfnResolver.Res api, IacNode.Obj definition, String kind) {
      IacNode.Obj paths = definition == null ? null : definition.obj("paths");
      if (paths == null) {
        return;
      }
      String idKey = kind.equals("Api") ? "RestApiId" : "ApiId";
      for (Map.Entry<String, IacNode> path : paths.fields().entrySet()) {
        if (!(path.getValue() instanceof IacNode.Obj ops)) {
          continue;
        }
        for (String method : OPENAPI_METHODS) {
          IacNode.Obj op = ops.obj(method);
          IacNode.Obj integration = op == null ? null : op.obj("x-amazon-apigateway-integration");
          if (integration == null) {
            continue;
          }
          String m = SamEvents.method(method);
          String p = SamEvents.apiPath(path.getKey());
          for (String fn : functionsIn(integration.get("uri"))) {
            add(
                fn,
                new Trigger(
                    kind,
                    api.logicalId() + " " + p + " " + m,
                    m,
                    p,
                    null,
                    Map.of(idKey, api.logicalId()),
                    SourceRef.of(file, ops.keyLine(method))));
          }
        }
      }
    }

    /** The functions of this template a value refers to, anywhere inside it. */
    private List<String> functionsIn(IacNode node) {
      return referencedIds(node).stream().filter(functionIds::contains).toList();
    }
  }

  /** Every logical id a value refers to through Ref, GetAtt or Sub placeholders. */
  static List<String> referencedIds(IacNode node) {
    Set<String> ids = new LinkedHashSet<>();
    collectIds(node, ids, 0);
    return new ArrayList<>(ids);
  }

  private static void collectIds(IacNode node, Set<String> ids, int depth) {
    if (node == null || depth > 50) {
      return;
    }
    if (node instanceof IacNode.Seq s) {
      s.items().forEach(i -> collectIds(i, ids, depth + 1));
    } else if (node instanceof IacNode.Obj o) {
      String fn = o.intrinsic();
      if ("Ref".equals(fn) || "Fn::GetAtt".equals(fn)) {
        String id = CfnResolver.referencedId(o);
        if (id != null) {
          ids.add(id);
        }
      } else if ("Fn::Sub".equals(fn)) {
        String t = CfnResolver.subTemplate(o.intrinsicArgument());
        if (t != null) {
          Matcher m = PLACEHOLDER.matcher(t);
          while (m.find()) {
            String name = m.group(1).trim();
            if (!name.startsWith("AWS::")) {
              ids.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
            }
          }
        }
        if (o.intrinsicArgument() instanceof IacNode.Seq seq && seq.items().size() > 1) {
          collectIds(seq.items().get(1), ids, depth + 1);
        }
      } else {
        o.fields().values().forEach(v -> collectIds(v, ids, depth + 1));
      }
    }
  }
}
