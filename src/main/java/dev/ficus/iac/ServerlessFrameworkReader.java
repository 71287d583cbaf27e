package dev.ficus.iac;

import dev.ficus.model.Diagnostics;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Serverless Framework service ({@code serverless.yml}): its functions with handler,
 * environment (provider-wide merged with the function's), events and IAM statements, and the
 * CloudFormation resources of its {@code resources} section. {@code ${self:...}} variables are
 * resolved from the file itself; values that depend on the command line or the process environment
 * stay expressions.
 */
final class ServerlessFrameworkReader {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^{}]*)}");

  static boolean isServerlessFileName(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.equals("serverless.yml")
        || name.equals("serverless.yaml")
        || name.equals("serverless.json");
  }

  /** A document shaped like a service: {@code service}, {@code provider} and {@code functions}. */
  static boolean isServerlessDocument(IacNode.Obj doc) {
    return doc.get("service") != null
        && doc.obj("provider") != null
        && doc.get("functions") != null;
  }

  /** Serverless Framework also deploys to other clouds; only AWS services are read. */
  static boolean isAwsProvider(IacNode.Obj doc) {
    IacNode provider = doc.get("provider");
    String name = provider instanceof IacNode.Obj o ? o.text("name") : IacNode.text(provider);
    return name == null || name.equalsIgnoreCase("aws") || name.startsWith("${");
  }

  void read(String file, IacNode.Obj doc, IacParts out, Diagnostics diagnostics) {
    IacNode.Obj cfnResources = section(doc.get("resources"), "Resources");
    IacNode.Obj cfnParameters = section(doc.get("resources"), "Parameters");
    Variables vars = new Variables(doc);
    CfnResolver resolver = new CfnResolver(resolveNames(cfnResources, vars), cfnParameters);
    IacNode.Obj provider =
        doc.obj("provider") == null ? new IacNode.Obj(Map.of(), Map.of(), 0) : doc.obj("provider");
    String providerRuntime = vars.resolve(provider.text("runtime")).text();
    List<String> providerPolicies = iamLines(provider, vars);
    IacNode.Obj functions = functions(doc.get("functions"));
    if (functions != null) {
      for (Map.Entry<String, IacNode> e : functions.fields().entrySet()) {
        if (!(e.getValue() instanceof IacNode.Obj fn)) {
          continue;
        }
        String name = e.getKey();
        SourceRef src = SourceRef.of(file, functions.keyLine(name));
        String handler = vars.resolve(fn.text("handler")).text();
        if (handler == null && fn.obj("image") != null) {
          List<IacNode> command = IacNode.items(fn.obj("image").get("command"));
          handler = command.isEmpty() ? null : IacNode.text(command.get(0));
        }
        String runtime =
            fn.text("runtime") != null ? vars.resolve(fn.text("runtime")).text() : providerRuntime;
        Handlers.Parsed parsed = Handlers.parse(handler, runtime);
        Map<String, IacNode> env = new LinkedHashMap<>();
        if (provider.obj("environment") != null) {
          env.putAll(provider.obj("environment").fields());
        }
        if (fn.obj("environment") != null) {
          env.putAll(fn.obj("environment").fields());
        }
        List<EnvBinding> bindings = new ArrayList<>();
        for (Map.Entry<String, IacNode> v : env.entrySet()) {
          bindings.add(binding(v.getKey(), v.getValue(), vars, resolver));
        }
        List<Trigger> triggers = new ArrayList<>();
        int index = 0;
        for (IacNode ev : IacNode.items(fn.get("events"))) {
          index++;
          Trigger t = event(name, index, ev, vars, resolver, file, diagnostics);
          if (t != null) {
            triggers.add(t);
          }
        }
        List<String> policies = new ArrayList<>(providerPolicies);
        policies.addAll(iamLines(fn, vars));
        String codeUri = null;
        IacNode.Obj pkg = fn.obj("package") != null ? fn.obj("package") : provider.obj("package");
        if (pkg == null) {
          pkg = doc.obj("package");
        }
        if (pkg != null && pkg.text("artifact") != null) {
          codeUri = vars.resolve(pkg.text("artifact")).text();
        }
        out.functions.add(
            new LambdaFunction(
                name,
                handler,
                parsed.handlerClass(),
                parsed.handlerMethod(),
                runtime,
                codeUri,
                "serverless",
                src,
                bindings,
                triggers,
                policies));
      }
    }
    if (cfnResources != null) {
      new CloudFormationTemplateReader().readResources(file, resolver, null, "serverless", out);
    }
    out.parameters.putAll(resolver.parameters());
  }

  /**
   * A section of {@code resources} ({@code Resources}, {@code Parameters}); {@code resources} may
   * also be a list of such mappings, whose sections are joined.
   */
  private static IacNode.Obj section(IacNode resources, String name) {
    List<IacNode.Obj> parts = new ArrayList<>();
    for (IacNode item : IacNode.items(resources)) {
      if (item instanceof IacNode.Obj o && o.obj(name) != null) {
        parts.add(o.obj(name));
      }
    }
    if (parts.size() <= 1) {
      return parts.isEmpty() ? null : parts.get(0);
    }
    Map<String, IacNode> fields = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (IacNode.Obj part : parts) {
      for (Map.Entry<String, IacNode> e : part.fields().entrySet()) {
        fields.putIfAbsent(e.getKey(), e.getValue());
        lines.putIfAbsent(e.getKey(), part.keyLine(e.getKey()));
      }
    }
    return new IacNode.Obj(fields, lines, parts.get(0).line());
  }

  /** {@code functions} as a mapping, or as a list of mappings (an older layout) joined. */
  private static IacNode.Obj functions(IacNode node) {
    if (node instanceof IacNode.Obj o) {
      return o;
    }
    if (!(node instanceof IacNode.Seq seq)) {
      return null;
    }
    Map<String, IacNode> fields = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (IacNode item : seq.items()) {
      if (item instanceof IacNode.Obj o) {
        for (Map.Entry<String, IacNode> e : o.fields().entrySet()) {
          fields.putIfAbsent(e.getKey(), e.getValue());
          lines.putIfAbsent(e.getKey(), o.keyLine(e.getKey()));
        }
      }
    }
    return new IacNode.Obj(fields, lines, seq.line());
  }

  /** The resources section with {@code ${self:...}} variables in scalars resolved. */
  private static IacNode.Obj resolveNames(IacNode.Obj resources, Variables vars) {
    return resources == null ? null : (IacNode.Obj) vars.resolveTree(resources, 0);
  }

  private static EnvBinding binding(
      String name, IacNode value, Variables vars, CfnResolver resolver) {
    if (value instanceof IacNode.Scalar s) {
      Resolved r = vars.resolve(s.text());
      if (r.text() == null) {
        return new EnvBinding(name, EnvBinding.Kind.LITERAL, "", null, null);
      }
      if (r.exact()) {
        return new EnvBinding(name, EnvBinding.Kind.LITERAL, r.text(), null, null);
      }
      return new EnvBinding(name, EnvBinding.Kind.EXPRESSION, s.text(), null, r.withDefaults());
    }
    return resolver.binding(name, vars.resolveTree(value, 0));
  }

  private Trigger event(
      String function,
      int index,
      IacNode ev,
      Variables vars,
      CfnResolver resolver,
      String file,
      Diagnostics diagnostics) {
    if (!(ev instanceof IacNode.Obj eo) || eo.fields().size() != 1) {
      return null;
    }
    String type = eo.fields().keySet().iterator().next();
    IacNode raw = vars.resolveTree(eo.get(type), 0);
    IacNode.Obj body = raw instanceof IacNode.Obj o && o.intrinsic() == null ? o : null;
    String scalar = raw instanceof IacNode.Scalar s ? s.text() : null;
    SourceRef src = SourceRef.of(file, eo.line());
    String name = function + "." + type + "[" + index + "]";
    Map<String, String> props = new TreeMap<>();
    switch (type) {
      case "http" -> {
        String method;
        String path;
        if (scalar != null) {
          String[] parts = scalar.trim().split("\\s+", 2);
          method = parts[0];
          path = parts.length > 1 ? parts[1] : "/";
        } else if (body != null) {
          method = body.text("method");
          path = body.text("path");
        } else {
          return null;
        }
        return new Trigger(
            "Api",
            name,
            SamEvents.method(method),
            SamEvents.apiPath(path == null ? "/" : path),
            null,
            props,
            src);
      }
      case "httpApi" -> {
        String method;
        String path;
        if (scalar != null) {
          if (scalar.trim().equals("*")) {
            props.put("RouteKey", "$default");
            return new Trigger("HttpApi", name, "ANY", "/{proxy+}", null, props, src);
          }
          String[] parts = scalar.trim().split("\\s+", 2);
          method = parts[0];
          path = parts.length > 1 ? parts[1] : "/";
        } else if (body != null) {
          method = body.text("method");
          path = body.text("path");
          if ("*".equals(path) && (method == null || "*".equals(method))) {
            props.put("RouteKey", "$default");
            return new Trigger("HttpApi", name, "ANY", "/{proxy+}", null, props, src);
          }
        } else {
          return null;
        }
        return new Trigger(
            "HttpApi",
            name,
            SamEvents.method(method),
            SamEvents.apiPath(path == null ? "/" : path),
            null,
            props,
            src);
      }
      case "s3" -> {
        String bucket =
            scalar != null ? scalar : body == null ? null : target(body.get("bucket"), resolver);
        if (body != null) {
          putFlat(props, "events", body.get("event"));
          putFlat(props, "existing", body.get("existing"));
          for (IacNode rule : IacNode.items(body.get("rules"))) {
            if (rule instanceof IacNode.Obj ro) {
              for (Map.Entry<String, IacNode> r : ro.fields().entrySet()) {
                putFlat(props, r.getKey().toLowerCase(Locale.ROOT), r.getValue());
              }
            }
          }
        }
        return new Trigger("S3", name, null, null, bucket, props, src);
      }
      case "sqs", "sns" -> {
        String target;
        if (scalar != null) {
          target = scalar;
        } else if (body != null) {
          IacNode arn = body.get("arn");
          target =
              arn != null
                  ? target(arn, resolver)
                  : body.text("topicName") != null ? body.text("topicName") : null;
          rest(body, props, "arn", "topicName");
        } else {
          target = target(raw, resolver);
        }
        return new Trigger(type.toUpperCase(Locale.ROOT), name, null, null, target, props, src);
      }
      case "stream" -> {
        String target;
        String streamType = null;
        if (scalar != null) {
          target = scalar;
        } else if (body != null) {
          target = target(body.get("arn"), resolver);
          streamType = body.text("type");
          rest(body, props, "arn", "type");
        } else {
          return null;
        }
        String kind;
        if ("kinesis".equalsIgnoreCase(streamType)
            || streamType == null && target != null && target.contains(":kinesis:")) {
          kind = "Kinesis";
        } else {
          kind = "DynamoDB";
        }
        if (streamType == null && target != null && !target.startsWith("arn:")) {
          CfnResolver.Res res = resolver.resource(target);
          if (res != null && res.type().equals("AWS::Kinesis::Stream")) {
            kind = "Kinesis";
          }
        }
        return new Trigger(kind, name, null, null, target, props, src);
      }
      case "schedule" -> {
        if (scalar != null) {
          props.put("Schedule", scalar);
        } else if (body != null) {
          putFlat(props, "Schedule", body.get("rate"));
          rest(body, props, "rate");
        }
        return new Trigger("Schedule", name, null, null, null, props, src);
      }
      case "eventBridge" -> {
        String bus = null;
        if (body != null) {
          if (body.get("pattern") != null) {
            props.put("Pattern", CfnResolver.json(body.get("pattern")));
          }
          if (body.get("eventBus") != null) {
            bus = target(body.get("eventBus"), resolver);
          }
          if (body.get("schedule") != null) {
            putFlat(props, "Schedule", body.get("schedule"));
            rest(body, props, "pattern", "eventBus", "schedule");
            return new Trigger("Schedule", name, null, null, bus, props, src);
          }
          rest(body, props, "pattern", "eventBus", "schedule");
        }
        return new Trigger("EventBridgeRule", name, null, null, bus, props, src);
      }
      default -> {
        if (body != null) {
          rest(body, props);
        } else if (scalar != null) {
          props.put("value", scalar);
        }
        if (!type.equals("alb")
            && !type.equals("websocket")
            && !type.equals("cloudwatchLog")
            && !type.equals("cognitoUserPool")
            && !type.equals("iot")
            && !type.equals("alexaSkill")
            && !type.equals("kafka")
            && !type.equals("activemq")
            && !type.equals("rabbitmq")
            && !type.equals("cloudwatchEvent")
            && !type.equals("msk")) {
          diagnostics.note(
              "iac-unknown-event",
              "Serverless event type " + type + " of function " + function + " is kept as is.",
              src);
        }
        return new Trigger(type, name, null, null, null, props, src);
      }
    }
  }

  private static String target(IacNode node, CfnResolver resolver) {
    return node == null ? null : resolver.target(node);
  }

  private static void putFlat(Map<String, String> props, String key, IacNode value) {
    if (value != null) {
      String v = CfnResolver.flat(value);
      if (v != null) {
        props.put(key, v);
      }
    }
  }

  private static void rest(IacNode.Obj body, Map<String, String> props, String... used) {
    List<String> skip = List.of(used);
    for (Map.Entry<String, IacNode> e : body.fields().entrySet()) {
      if (!skip.contains(e.getKey())) {
        putFlat(props, e.getKey(), e.getValue());
      }
    }
  }

  /** IAM statements and managed policies of the provider (v2 and v3 layouts) or a function. */
  private static List<String> iamLines(IacNode.Obj owner, Variables vars) {
    List<String> lines = new ArrayList<>();
    IacNode.Obj iam = owner.obj("iam");
    IacNode.Obj role = iam == null ? null : iam.obj("role");
    IacNode statements = role != null ? role.get("statements") : owner.get("iamRoleStatements");
    // What the role grants today, for reading: variables with their defaults filled in, as the
    // environment's names are.
    lines.addAll(PolicyLines.statements(vars.resolveTree(statements, 0, true)));
    IacNode managed = role != null ? role.get("managedPolicies") : owner.get("iamManagedPolicies");
    for (IacNode m : IacNode.items(vars.resolveTree(managed, 0))) {
      lines.add(CfnResolver.render(m));
    }
    if (iam != null && iam.get("role") instanceof IacNode.Scalar s && s.text() != null) {
      lines.add("Role " + vars.resolve(s.text()).text());
    }
    return lines;
  }

  /**
   * A variable-resolved value.
   *
   * @param exact true when every variable resolved from the file itself
   * @param withDefaults the value with {@code ${opt:stage, 'dev'}}-style fallbacks applied, or
   *     {@code null} when a variable had none
   */
  record Resolved(String text, boolean exact, String withDefaults) {}

  /** Resolves {@code ${self:a.b}}, {@code ${opt:x, 'default'}} and friends within one file. */
  static final class Variables {
    private final IacNode.Obj doc;

    Variables(IacNode.Obj doc) {
      this.doc = doc;
    }

    Resolved resolve(String text) {
      if (text == null) {
        return new Resolved(null, true, null);
      }
      String exact = substitute(text, false, 0);
      if (exact != null) {
        return new Resolved(exact, true, exact);
      }
      return new Resolved(text, false, substitute(text, true, 0));
    }

    /** Replaces every variable, or returns {@code null} when one cannot be resolved. */
    private String substitute(String text, boolean useDefaults, int depth) {
      if (depth > 10) {
        return null;
      }
      String current = text;
      for (int round = 0; round < 10; round++) {
        Matcher m = VARIABLE.matcher(current);
        if (!m.find()) {
          return current;
        }
        m.reset();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          String value = variable(m.group(1), useDefaults, depth);
          if (value == null) {
            return null;
          }
          m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        current = out.toString();
      }
      return null;
    }

    private String variable(String expression, boolean useDefaults, int depth) {
      List<String> alternatives = splitAlternatives(expression);
      for (int i = 0; i < alternatives.size(); i++) {
        String alt = alternatives.get(i).trim();
        if (alt.startsWith("self:")) {
          IacNode node = lookup(alt.substring(5));
          if (node instanceof IacNode.Scalar s && s.text() != null) {
            String v = substitute(s.text(), useDefaults, depth + 1);
            if (v != null) {
              return v;
            }
          }
        } else if (i > 0 && useDefaults) {
          if ((alt.startsWith("'") && alt.endsWith("'")
                  || alt.startsWith("\"") && alt.endsWith("\""))
              && alt.length() >= 2) {
            return alt.substring(1, alt.length() - 1);
          }
          if (alt.matches("-?[0-9.]+|true|false")) {
            return alt;
          }
        }
      }
      return null;
    }

    private static List<String> splitAlternatives(String expression) {
      List<String> parts = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      char quote = 0;
      for (char c : expression.toCharArray()) {
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
          current.append(c);
        } else if (c == '\'' || c == '"') {
          quote = c;
          current.append(c);
        } else if (c == ',') {
          parts.add(current.toString());
          current.setLength(0);
        } else {
          current.append(c);
        }
      }
      parts.add(current.toString());
      return parts;
    }

    private IacNode lookup(String dotted) {
      IacNode node = doc;
      for (String key : dotted.split("\\.")) {
        if (!(node instanceof IacNode.Obj o)) {
          return null;
        }
        node = o.get(key);
      }
      return node;
    }

    /** A copy of a tree with exactly-resolvable variables in its scalars replaced. */
    IacNode resolveTree(IacNode node, int depth) {
      return resolveTree(node, depth, false);
    }

    /**
     * @param withDefaults also fill variables that only a default settles ({@code ${opt:stage,
     *     'dev'}}); otherwise such a scalar is kept as written
     */
    IacNode resolveTree(IacNode node, int depth, boolean withDefaults) {
      if (node == null || depth > 50) {
        return node;
      }
      if (node instanceof IacNode.Scalar s) {
        Resolved r = resolve(s.text());
        if (r.exact()) {
          return new IacNode.Scalar(r.text(), s.line());
        }
        return withDefaults && r.withDefaults() != null ? new IacNode.Scalar(r.withDefaults(), s.line()) : s;
      }
      if (node instanceof IacNode.Seq seq) {
        List<IacNode> items = new ArrayList<>();
        for (IacNode i : seq.items()) {
          items.add(resolveTree(i, depth + 1, withDefaults));
        }
        return new IacNode.Seq(items, seq.line());
      }
      IacNode.Obj o = (IacNode.Obj) node;
      Map<String, IacNode> fields = new LinkedHashMap<>();
      for (Map.Entry<String, IacNode> e : o.fields().entrySet()) {
        fields.put(e.getKey(), resolveTree(e.getValue(), depth + 1, withDefaults));
      }
      return new IacNode.Obj(fields, o.keyLines(), o.line());
    }
  }
}
