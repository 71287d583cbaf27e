package dev.ficus.iac;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.IacResource;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import dev.ficus.workspace.JavaSource;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads CDK apps written in Java by following the constructs a stack class creates: functions
 * (builder or props style), tables, buckets, queues, topics and the like, REST APIs with their
 * resource trees, HTTP API routes, environment variables, grants and event sources. It reads the
 * code as written, within one class at a time (fields and local variables); constructs passed
 * through helper methods or built in loops are out of its sight.
 */
final class CdkJavaReader {

  /** CDK construct class -> CloudFormation type. */
  private static final Map<String, String> CFN_TYPES =
      Map.ofEntries(
          Map.entry("Function", "AWS::Lambda::Function"),
          Map.entry("SingletonFunction", "AWS::Lambda::Function"),
          Map.entry("DockerImageFunction", "AWS::Lambda::Function"),
          Map.entry("NodejsFunction", "AWS::Lambda::Function"),
          Map.entry("PythonFunction", "AWS::Lambda::Function"),
          Map.entry("Table", "AWS::DynamoDB::Table"),
          Map.entry("TableV2", "AWS::DynamoDB::GlobalTable"),
          Map.entry("Bucket", "AWS::S3::Bucket"),
          Map.entry("Queue", "AWS::SQS::Queue"),
          Map.entry("Topic", "AWS::SNS::Topic"),
          Map.entry("Stream", "AWS::Kinesis::Stream"),
          Map.entry("Secret", "AWS::SecretsManager::Secret"),
          Map.entry("StringParameter", "AWS::SSM::Parameter"),
          Map.entry("EventBus", "AWS::Events::EventBus"),
          Map.entry("Rule", "AWS::Events::Rule"),
          Map.entry("StateMachine", "AWS::StepFunctions::StateMachine"),
          Map.entry("Role", "AWS::IAM::Role"),
          Map.entry("RestApi", "AWS::ApiGateway::RestApi"),
          Map.entry("LambdaRestApi", "AWS::ApiGateway::RestApi"),
          Map.entry("SpecRestApi", "AWS::ApiGateway::RestApi"),
          Map.entry("HttpApi", "AWS::ApiGatewayV2::Api"),
          Map.entry("UserPool", "AWS::Cognito::UserPool"),
          Map.entry("Key", "AWS::KMS::Key"),
          Map.entry("LogGroup", "AWS::Logs::LogGroup"));

  /** The builder property that names a construct's physical resource. */
  private static final Map<String, String> NAME_SETTING =
      Map.ofEntries(
          Map.entry("Function", "functionName"),
          Map.entry("SingletonFunction", "functionName"),
          Map.entry("DockerImageFunction", "functionName"),
          Map.entry("NodejsFunction", "functionName"),
          Map.entry("PythonFunction", "functionName"),
          Map.entry("Table", "tableName"),
          Map.entry("TableV2", "tableName"),
          Map.entry("Bucket", "bucketName"),
          Map.entry("Queue", "queueName"),
          Map.entry("Topic", "topicName"),
          Map.entry("Stream", "streamName"),
          Map.entry("Secret", "secretName"),
          Map.entry("StringParameter", "parameterName"),
          Map.entry("EventBus", "eventBusName"),
          Map.entry("Rule", "ruleName"),
          Map.entry("StateMachine", "stateMachineName"),
          Map.entry("Role", "roleName"),
          Map.entry("RestApi", "restApiName"),
          Map.entry("LambdaRestApi", "restApiName"),
          Map.entry("SpecRestApi", "restApiName"),
          Map.entry("HttpApi", "apiName"),
          Map.entry("UserPool", "userPoolName"),
          Map.entry("LogGroup", "logGroupName"));

  /** Event source classes of aws-lambda-event-sources -> trigger kind. */
  private static final Map<String, String> EVENT_SOURCES =
      Map.of(
          "SqsEventSource", "SQS",
          "SnsEventSource", "SNS",
          "S3EventSource", "S3",
          "S3EventSourceV2", "S3",
          "DynamoEventSource", "DynamoDB",
          "KinesisEventSource", "Kinesis",
          "ManagedKafkaEventSource", "MSK",
          "SelfManagedKafkaEventSource", "SelfManagedKafka");

  List<IacParts> read(Workspace workspace) {
    List<IacParts> out = new ArrayList<>();
    for (JavaSource source : workspace.sources()) {
      if (!importsCdk(source.unit())) {
        continue;
      }
      IacParts parts = new IacParts(source.file());
      for (TypeDeclaration<?> type : source.unit().getTypes()) {
        new StackScan(source.file(), type).scan(parts);
      }
      if (!parts.isEmpty()) {
        out.add(parts);
      }
    }
    return out;
  }

  private static boolean importsCdk(CompilationUnit unit) {
    for (ImportDeclaration i : unit.getImports()) {
      if (i.getNameAsString().startsWith("software.amazon.awscdk")) {
        return true;
      }
    }
    return false;
  }

  /** A construct created in the stack. */
  private static final class Construct {
    final String cdkType;
    final String id;
    final SourceRef source;
    final Map<String, List<Expression>> settings;
    String physicalName;
    final Map<String, EnvBinding> env = new TreeMap<>();
    final List<Trigger> triggers = new ArrayList<>();
    final List<String> policies = new ArrayList<>();
    Construct defaultHandler;

    /** Declared elsewhere and only referenced here ({@code Table.fromTableName}). */
    boolean imported;

    /** The {@code environment(...)} map, read at the end: entries may be put after the build. */
    MapValue environment;

    Construct(String cdkType, String id, SourceRef source, Map<String, List<Expression>> settings) {
      this.cdkType = cdkType;
      this.id = id;
      this.source = source;
      this.settings = settings;
    }

    String cfnType() {
      return CFN_TYPES.getOrDefault(cdkType, cdkType);
    }

    boolean isFunction() {
      return cfnType().equals("AWS::Lambda::Function");
    }

    boolean isRestApi() {
      return cfnType().equals("AWS::ApiGateway::RestApi");
    }
  }

  /** Builder settings not yet attached to a construct ({@code FunctionProps.builder()...}). */
  private record Props(String type, Map<String, List<Expression>> settings) {}

  /** A node of a REST API's resource tree. */
  private record ApiResource(Construct api, String path) {}

  /** A Lambda integration of an API method or route. */
  private record Integration(Construct function) {}

  /** An event source object ({@code new SqsEventSource(queue)}). */
  private record EventSource(String className, String kind, Object target, Props props) {}

  /** A map of environment variables being built ({@code Map.of(...)}, {@code new HashMap<>()}). */
  private record MapValue(Map<String, Expression> entries) {}

  /** A getter on a construct ({@code table.getTableName()}). */
  private record Attribute(Construct construct, String getter) {}

  /** One stack class: its variables and the constructs they hold. */
  private static final class StackScan {
    private final String file;
    private final TypeDeclaration<?> type;
    private final Map<String, Object> variables = new HashMap<>();
    private final Map<Node, Object> evaluated = new IdentityHashMap<>();
    private final List<Construct> constructs = new ArrayList<>();

    StackScan(String file, TypeDeclaration<?> type) {
      this.file = file;
      this.type = type;
    }

    void scan(IacParts parts) {
      // Constants may be declared below the constructor that uses them.
      for (var field : type.getFields()) {
        for (VariableDeclarator v : field.getVariables()) {
          v.getInitializer()
              .map(this::string)
              .ifPresent(s -> variables.put(v.getNameAsString(), s));
        }
      }
      type.walk(
          Node.TreeTraversal.PREORDER,
          node -> {
            if (node instanceof VariableDeclarator v && v.getInitializer().isPresent()) {
              bind(v.getNameAsString(), v.getInitializer().get());
            } else if (node instanceof AssignExpr a
                && a.getOperator() == AssignExpr.Operator.ASSIGN) {
              String target = variableName(a.getTarget());
              if (target != null) {
                bind(target, a.getValue());
              }
            } else if (node instanceof MethodCallExpr call) {
              Object value = eval(call);
              if (value == null) {
                effect(call);
              }
            } else if (node instanceof ObjectCreationExpr creation) {
              eval(creation);
            }
          });
      for (Construct c : constructs) {
        if (c.isFunction() && !c.imported) {
          parts.functions.add(function(c));
        } else {
          parts.resources.add(new IacResource(c.id, c.cfnType(), c.physicalName, c.source));
        }
      }
    }

    private void bind(String name, Expression value) {
      Object v = eval(value);
      if (v != null) {
        variables.put(name, v);
      } else {
        String s = string(value);
        if (s != null) {
          variables.put(name, s);
        }
      }
    }

    private static String variableName(Expression target) {
      if (target instanceof NameExpr n) {
        return n.getNameAsString();
      }
      if (target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
        return f.getNameAsString();
      }
      return null;
    }

    private SourceRef ref(Node node) {
      return SourceRef.of(file, node.getBegin().map(p -> p.line).orElse(0));
    }

    // ---- evaluation ------------------------------------------------------------------------

    private Object eval(Expression e) {
      if (e == null) {
        return null;
      }
      if (evaluated.containsKey(e)) {
        return evaluated.get(e);
      }
      evaluated.put(e, null);
      Object v = evalFresh(e);
      evaluated.put(e, v);
      return v;
    }

    private Object evalFresh(Expression e) {
      if (e instanceof EnclosedExpr en) {
        return eval(en.getInner());
      }
      if (e instanceof CastExpr c) {
        return eval(c.getExpression());
      }
      String name = variableName(e);
      if (name != null) {
        Object v = variables.get(name);
        return v instanceof String ? null : v;
      }
      if (e instanceof ObjectCreationExpr oc) {
        return creation(oc);
      }
      if (e instanceof MethodCallExpr call) {
        return call(call);
      }
      return null;
    }

    private Object creation(ObjectCreationExpr oc) {
      String cls = oc.getType().getNameAsString();
      List<Expression> args = oc.getArguments();
      if (cls.endsWith("HashMap") || cls.equals("TreeMap")) {
        MapValue map = new MapValue(new LinkedHashMap<>());
        // Double-brace initialization: new HashMap<>() {{ put("K", v); }}
        oc.getAnonymousClassBody()
            .ifPresent(
                body ->
                    body.forEach(
                        member ->
                            member.findAll(MethodCallExpr.class).stream()
                                .filter(m -> m.getScope().isEmpty())
                                .forEach(m -> put(map, m))));
        return map;
      }
      if (cls.equals("LambdaIntegration") && !args.isEmpty()) {
        return eval(args.get(0)) instanceof Construct c ? new Integration(c) : null;
      }
      if (cls.equals("HttpLambdaIntegration") && args.size() >= 2) {
        return eval(args.get(1)) instanceof Construct c ? new Integration(c) : null;
      }
      if (EVENT_SOURCES.containsKey(cls) && !args.isEmpty()) {
        Props props = args.size() > 1 && eval(args.get(1)) instanceof Props p ? p : null;
        return new EventSource(cls, EVENT_SOURCES.get(cls), eval(args.get(0)), props);
      }
      if (CFN_TYPES.containsKey(cls)
          && args.size() >= 2
          && (args.get(0) instanceof ThisExpr || args.get(0) instanceof NameExpr)) {
        String id = string(args.get(1));
        if (id == null) {
          return null;
        }
        Map<String, List<Expression>> settings =
            args.size() > 2 && eval(args.get(2)) instanceof Props p ? p.settings() : Map.of();
        return create(cls, id, oc, settings);
      }
      return null;
    }

    private Object call(MethodCallExpr call) {
      String name = call.getNameAsString();
      Optional<Expression> scope = call.getScope();
      List<Expression> args = call.getArguments();
      if (scope.isPresent()
          && scope.get() instanceof NameExpr n
          && n.getNameAsString().equals("Map")
          && (name.equals("of") || name.equals("ofEntries"))) {
        return mapLiteral(call);
      }
      if (name.equals("build")) {
        return built(call);
      }
      if (scope.isEmpty()) {
        return null;
      }
      // Imported resources: Table.fromTableName(this, "Id", "orders").
      if (scope.get() instanceof NameExpr typeName
          && CFN_TYPES.containsKey(typeName.getNameAsString())
          && name.startsWith("from")
          && args.size() >= 3
          && args.get(0) instanceof ThisExpr) {
        String id = string(args.get(1));
        if (id != null) {
          Construct c = create(typeName.getNameAsString(), id, call, Map.of());
          c.imported = true;
          if (name.endsWith("Name")) {
            c.physicalName = string(args.get(2));
          }
          return c;
        }
        return null;
      }
      Object target = eval(scope.get());
      if (target instanceof Construct c) {
        if ((name.equals("getRoot") || name.equals("root")) && c.isRestApi()) {
          return new ApiResource(c, "/");
        }
        if (name.startsWith("get") && name.length() > 3 && args.isEmpty()) {
          return new Attribute(c, name);
        }
        return null;
      }
      if (target instanceof ApiResource r) {
        switch (name) {
          case "addResource" -> {
            String part = args.isEmpty() ? null : string(args.get(0));
            return part == null ? null : new ApiResource(r.api(), join(r.path(), part));
          }
          case "resourceForPath" -> {
            String part = args.isEmpty() ? null : string(args.get(0));
            return part == null ? null : new ApiResource(r.api(), join(r.path(), part));
          }
          case "addProxy" -> {
            return proxy(r, args.isEmpty() ? null : eval(args.get(0)), call);
          }
          case "getParentResource" -> {
            int slash = r.path().lastIndexOf('/');
            return new ApiResource(r.api(), slash <= 0 ? "/" : r.path().substring(0, slash));
          }
          default -> {
            return null;
          }
        }
      }
      return null;
    }

    /** The end of a builder chain: a construct, props, or nothing known. */
    private Object built(MethodCallExpr build) {
      Map<String, List<Expression>> settings = new LinkedHashMap<>();
      Expression current = build.getScope().orElse(null);
      while (current instanceof MethodCallExpr m) {
        String name = m.getNameAsString();
        Expression scope = m.getScope().orElse(null);
        if (name.equals("create")
            && scope instanceof FieldAccessExpr f
            && f.getNameAsString().equals("Builder")) {
          String cls =
              f.getScope() instanceof NameExpr n
                  ? n.getNameAsString()
                  : f.getScope() instanceof FieldAccessExpr q ? q.getNameAsString() : null;
          if (cls == null) {
            return null;
          }
          List<Expression> args = m.getArguments();
          if (CFN_TYPES.containsKey(cls) && args.size() >= 2) {
            String id = string(args.get(1));
            return id == null ? null : create(cls, id, build, settings);
          }
          if (cls.equals("LambdaIntegration") && !args.isEmpty()) {
            return eval(args.get(0)) instanceof Construct c ? new Integration(c) : null;
          }
          if (cls.equals("PolicyStatement")) {
            return new Props(cls, settings);
          }
          return new Props(cls, settings);
        }
        if (name.equals("builder") && scope instanceof NameExpr n) {
          return new Props(n.getNameAsString(), settings);
        }
        settings.putIfAbsent(name, m.getArguments());
        current = scope;
      }
      return null;
    }

    private Construct create(
        String cls, String id, Node at, Map<String, List<Expression>> settings) {
      Construct c = new Construct(cls, id, ref(at), settings);
      String nameSetting = NAME_SETTING.get(cls);
      if (nameSetting != null
          && settings.get(nameSetting) != null
          && !settings.get(nameSetting).isEmpty()) {
        c.physicalName = string(settings.get(nameSetting).get(0));
      }
      constructs.add(c);
      if (c.isFunction()) {
        List<Expression> environment = settings.get("environment");
        if (environment != null && !environment.isEmpty()) {
          environmentMap(c, environment.get(0));
        }
        List<Expression> events = settings.get("events");
        if (events != null && !events.isEmpty()) {
          for (Expression ev : listItems(events.get(0))) {
            if (eval(ev) instanceof EventSource es) {
              eventSource(c, es, ev);
            }
          }
        }
        List<Expression> initialPolicy = settings.get("initialPolicy");
        if (initialPolicy != null && !initialPolicy.isEmpty()) {
          for (Expression st : listItems(initialPolicy.get(0))) {
            policyStatement(c, st);
          }
        }
        List<Expression> role = settings.get("role");
        if (role != null && !role.isEmpty()) {
          c.policies.add("Role " + (eval(role.get(0)) instanceof Construct r ? r.id : role.get(0)));
        }
      }
      if (c.isRestApi() && cls.equals("LambdaRestApi")) {
        List<Expression> handler = settings.get("handler");
        c.defaultHandler =
            handler != null && !handler.isEmpty() && eval(handler.get(0)) instanceof Construct fn
                ? fn
                : null;
        List<Expression> proxy = settings.get("proxy");
        boolean proxied =
            proxy == null
                || proxy.isEmpty()
                || !(proxy.get(0) instanceof BooleanLiteralExpr b)
                || b.getValue();
        if (proxied && c.defaultHandler != null) {
          addApiMethod(new ApiResource(c, "/"), "ANY", c.defaultHandler, at);
          addApiMethod(new ApiResource(c, "/{proxy+}"), "ANY", c.defaultHandler, at);
        }
      } else if (c.isRestApi()) {
        c.defaultHandler = defaultIntegration(settings);
      }
      if (cls.equals("HttpApi")) {
        Construct fn = defaultIntegration(settings);
        if (fn != null) {
          fn.triggers.add(
              new Trigger(
                  "HttpApi",
                  c.id + " $default",
                  "ANY",
                  "/{proxy+}",
                  null,
                  Map.of("RouteKey", "$default", "ApiId", c.id),
                  ref(at)));
        }
      }
      return c;
    }

    private Construct defaultIntegration(Map<String, List<Expression>> settings) {
      List<Expression> d = settings.get("defaultIntegration");
      return d != null && !d.isEmpty() && eval(d.get(0)) instanceof Integration i
          ? i.function()
          : null;
    }

    private ApiResource proxy(ApiResource parent, Object options, Node at) {
      ApiResource proxy = new ApiResource(parent.api(), join(parent.path(), "{proxy+}"));
      Map<String, List<Expression>> settings = options instanceof Props p ? p.settings() : Map.of();
      List<Expression> anyMethod = settings.get("anyMethod");
      boolean any =
          anyMethod == null
              || anyMethod.isEmpty()
              || !(anyMethod.get(0) instanceof BooleanLiteralExpr b)
              || b.getValue();
      Construct fn = defaultIntegration(settings);
      if (fn == null) {
        fn = parent.api().defaultHandler;
      }
      if (any && fn != null) {
        addApiMethod(proxy, "ANY", fn, at);
        if (parent.path().equals("/")) {
          // CDK also adds the proxy's methods to the root so that "/" is proxied too.
          addApiMethod(parent, "ANY", fn, at);
        }
      }
      return proxy;
    }

    private void addApiMethod(ApiResource resource, String method, Construct fn, Node at) {
      String m = SamEvents.method(method);
      Trigger t =
          new Trigger(
              "Api",
              resource.api().id + " " + resource.path() + " " + m,
              m,
              resource.path(),
              null,
              Map.of("RestApiId", resource.api().id),
              ref(at));
      if (!fn.triggers.contains(t)) {
        fn.triggers.add(t);
      }
    }

    // ---- effects of statements ---------------------------------------------------------------

    private void effect(MethodCallExpr call) {
      Optional<Expression> scope = call.getScope();
      if (scope.isEmpty()) {
        return;
      }
      String name = call.getNameAsString();
      List<Expression> args = call.getArguments();
      Object target = eval(scope.get());
      if (target instanceof ApiResource r && name.equals("addMethod") && !args.isEmpty()) {
        String method = string(args.get(0));
        Construct fn =
            args.size() > 1 && eval(args.get(1)) instanceof Integration i
                ? i.function()
                : r.api().defaultHandler;
        if (method != null && fn != null) {
          addApiMethod(r, method, fn, call);
        }
        return;
      }
      if (target instanceof MapValue map) {
        put(map, call);
        return;
      }
      if (!(target instanceof Construct c)) {
        return;
      }
      if (c.isFunction()) {
        switch (name) {
          case "addEnvironment" -> {
            if (args.size() >= 2) {
              String key = string(args.get(0));
              if (key != null) {
                c.env.put(key, envBinding(key, args.get(1)));
              }
            }
          }
          case "addEventSource" -> {
            if (!args.isEmpty() && eval(args.get(0)) instanceof EventSource es) {
              eventSource(c, es, call);
            }
          }
          case "addToRolePolicy" -> {
            if (!args.isEmpty()) {
              policyStatement(c, args.get(0));
            }
          }
          default -> {}
        }
        return;
      }
      if (name.startsWith("grant")
          && !args.isEmpty()
          && eval(args.get(0)) instanceof Construct fn
          && fn.isFunction()) {
        fn.policies.add(name + "(" + c.id + ")");
        return;
      }
      if (cls(c, "HttpApi")
          && name.equals("addRoutes")
          && !args.isEmpty()
          && eval(args.get(0)) instanceof Props p) {
        httpRoutes(c, p.settings(), call);
      }
    }

    private static boolean cls(Construct c, String cdkType) {
      return c.cdkType.equals(cdkType);
    }

    private void httpRoutes(Construct api, Map<String, List<Expression>> settings, Node at) {
      List<Expression> pathArg = settings.get("path");
      List<Expression> integration = settings.get("integration");
      String path = pathArg == null || pathArg.isEmpty() ? null : string(pathArg.get(0));
      Construct fn =
          integration != null
                  && !integration.isEmpty()
                  && eval(integration.get(0)) instanceof Integration i
              ? i.function()
              : null;
      if (path == null || fn == null) {
        return;
      }
      List<String> methods = new ArrayList<>();
      List<Expression> methodArg = settings.get("methods");
      if (methodArg != null && !methodArg.isEmpty()) {
        for (Expression m : listItems(methodArg.get(0))) {
          String text = m instanceof FieldAccessExpr f ? f.getNameAsString() : string(m);
          if (text != null) {
            methods.add(SamEvents.method(text));
          }
        }
      }
      if (methods.isEmpty()) {
        methods.add("ANY");
      }
      for (String m : methods) {
        fn.triggers.add(
            new Trigger(
                "HttpApi",
                api.id + " " + SamEvents.apiPath(path) + " " + m,
                m,
                SamEvents.apiPath(path),
                null,
                Map.of("ApiId", api.id),
                ref(at)));
      }
    }

    private void eventSource(Construct fn, EventSource es, Node at) {
      String target = es.target() instanceof Construct c ? c.id : null;
      Map<String, String> props = new TreeMap<>();
      if (es.props() != null) {
        for (Map.Entry<String, List<Expression>> e : es.props().settings().entrySet()) {
          if (e.getValue().isEmpty()) {
            continue;
          }
          Expression v = e.getValue().get(0);
          String text = string(v);
          if (text == null) {
            List<String> items = new ArrayList<>();
            for (Expression item : listItems(v)) {
              items.add(item instanceof FieldAccessExpr f ? f.getNameAsString() : item.toString());
            }
            text = String.join(",", items);
          }
          props.put(e.getKey(), text);
        }
      }
      fn.triggers.add(
          new Trigger(
              es.kind(), es.className() + "(" + target + ")", null, null, target, props, ref(at)));
    }

    private void policyStatement(Construct fn, Expression statement) {
      if (!(eval(statement) instanceof Props p) || !p.type().equals("PolicyStatement")) {
        return;
      }
      String effect =
          p.settings().containsKey("effect")
                  && p.settings().get("effect").get(0) instanceof FieldAccessExpr f
                  && f.getNameAsString().equals("DENY")
              ? "Deny"
              : "Allow";
      fn.policies.add(
          effect
              + " "
              + joined(p.settings().get("actions"))
              + " on "
              + joined(p.settings().get("resources")));
    }

    private String joined(List<Expression> arg) {
      if (arg == null || arg.isEmpty()) {
        return "?";
      }
      List<String> parts = new ArrayList<>();
      for (Expression e : listItems(arg.get(0))) {
        String s = string(e);
        if (s == null && eval(e) instanceof Attribute a) {
          s = "${" + a.construct().id + "." + attributeName(a) + "}";
        }
        parts.add(s != null ? s : e.toString());
      }
      return String.join(",", parts);
    }

    private void environmentMap(Construct fn, Expression map) {
      if (eval(map) instanceof MapValue m) {
        fn.environment = m;
      }
    }

    /** {@code Map.of("K", v, ...)} or {@code Map.ofEntries(Map.entry("K", v), ...)}. */
    private MapValue mapLiteral(MethodCallExpr call) {
      MapValue map = new MapValue(new LinkedHashMap<>());
      List<Expression> args = call.getArguments();
      if (call.getNameAsString().equals("of")) {
        for (int i = 0; i + 1 < args.size(); i += 2) {
          String key = string(args.get(i));
          if (key != null) {
            map.entries().put(key, args.get(i + 1));
          }
        }
      } else {
        for (Expression entry : args) {
          if (entry instanceof MethodCallExpr e
              && e.getNameAsString().equals("entry")
              && e.getArguments().size() == 2) {
            String key = string(e.getArguments().get(0));
            if (key != null) {
              map.entries().put(key, e.getArguments().get(1));
            }
          }
        }
      }
      return map;
    }

    /** {@code map.put("K", v)}. */
    private void put(MapValue map, MethodCallExpr call) {
      if (call.getNameAsString().equals("put") && call.getArguments().size() == 2) {
        String key = string(call.getArguments().get(0));
        if (key != null) {
          map.entries().put(key, call.getArguments().get(1));
        }
      }
    }

    private EnvBinding envBinding(String key, Expression value) {
      String literal = string(value);
      if (literal != null) {
        return new EnvBinding(key, EnvBinding.Kind.LITERAL, literal, null, null);
      }
      Object v = eval(value);
      if (v instanceof Attribute a) {
        Construct c = a.construct();
        String attr = attributeName(a);
        boolean ref =
            attr.endsWith("Name")
                || attr.endsWith("Url")
                || attr.equals("Arn")
                    && (c.cfnType().equals("AWS::SNS::Topic")
                        || c.cfnType().equals("AWS::SecretsManager::Secret")
                        || c.cfnType().equals("AWS::StepFunctions::StateMachine"));
        if (ref) {
          return new EnvBinding(key, EnvBinding.Kind.RESOURCE, c.id, c.cfnType(), c.physicalName);
        }
        return new EnvBinding(
            key, EnvBinding.Kind.ATTRIBUTE, c.id + "." + attr, c.cfnType(), c.physicalName);
      }
      return new EnvBinding(key, EnvBinding.Kind.EXPRESSION, value.toString(), null, null);
    }

    /** {@code getTableStreamArn} on a Table is {@code StreamArn}; {@code getQueueArn} is Arn. */
    private static String attributeName(Attribute a) {
      String attr = a.getter().substring(3);
      String prefix = a.construct().cdkType.replace("V2", "");
      if (attr.startsWith(prefix) && attr.length() > prefix.length()) {
        attr = attr.substring(prefix.length());
      }
      return attr;
    }

    // ---- values ------------------------------------------------------------------------------

    private List<Expression> listItems(Expression list) {
      if (list instanceof MethodCallExpr m
          && (m.getNameAsString().equals("of") || m.getNameAsString().equals("asList"))) {
        return m.getArguments();
      }
      return List.of(list);
    }

    /** The string a literal, a concatenation or a constant of the class evaluates to. */
    private String string(Expression e) {
      return string(e, 0);
    }

    private String string(Expression e, int depth) {
      if (e == null || depth > 10) {
        return null;
      }
      if (e instanceof StringLiteralExpr s) {
        return s.asString();
      }
      if (e instanceof TextBlockLiteralExpr t) {
        return t.asString();
      }
      if (e instanceof EnclosedExpr en) {
        return string(en.getInner(), depth + 1);
      }
      if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
        String l = string(b.getLeft(), depth + 1);
        String r = string(b.getRight(), depth + 1);
        return l == null || r == null ? null : l + r;
      }
      String name = variableName(e);
      if (name != null && variables.get(name) instanceof String s) {
        return s;
      }
      return null;
    }

    private static String join(String parent, String part) {
      String p = part.startsWith("/") ? part.substring(1) : part;
      if (p.endsWith("/")) {
        p = p.substring(0, p.length() - 1);
      }
      return parent.endsWith("/") ? parent + p : parent + "/" + p;
    }

    // ---- results -----------------------------------------------------------------------------

    private LambdaFunction function(Construct c) {
      String handler = setting(c, "handler");
      String runtime = runtime(c.settings.get("runtime"));
      if (handler == null && c.cdkType.equals("DockerImageFunction")) {
        runtime = null;
      }
      Handlers.Parsed parsed =
          c.cdkType.equals("NodejsFunction") || c.cdkType.equals("PythonFunction")
              ? new Handlers.Parsed(null, null)
              : Handlers.parse(handler, runtime);
      String codeUri = null;
      List<Expression> code = c.settings.get("code");
      if (code != null
          && !code.isEmpty()
          && code.get(0) instanceof MethodCallExpr m
          && m.getNameAsString().equals("fromAsset")
          && !m.getArguments().isEmpty()) {
        codeUri = string(m.getArguments().get(0));
      }
      Map<String, EnvBinding> env = new TreeMap<>();
      if (c.environment != null) {
        for (Map.Entry<String, Expression> e : c.environment.entries().entrySet()) {
          env.put(e.getKey(), envBinding(e.getKey(), e.getValue()));
        }
      }
      env.putAll(c.env);
      return new LambdaFunction(
          c.id,
          handler,
          parsed.handlerClass(),
          parsed.handlerMethod(),
          runtime,
          codeUri,
          "cdk",
          c.source,
          new ArrayList<>(env.values()),
          c.triggers,
          c.policies);
    }

    private String setting(Construct c, String name) {
      List<Expression> v = c.settings.get(name);
      return v == null || v.isEmpty() ? null : string(v.get(0));
    }

    /** {@code Runtime.JAVA_21} -> {@code java21}; {@code Runtime.NODEJS_20_X} -> nodejs20.x. */
    private static String runtime(List<Expression> arg) {
      if (arg == null || arg.isEmpty() || !(arg.get(0) instanceof FieldAccessExpr f)) {
        return null;
      }
      String n = f.getNameAsString().toLowerCase(Locale.ROOT);
      if (n.equals("java_8_corretto")) {
        return "java8.al2";
      }
      if (n.startsWith("java_")) {
        return "java" + n.substring(5).replace('_', '.');
      }
      if (n.startsWith("nodejs_")) {
        return "nodejs" + n.substring(7).replace('_', '.');
      }
      if (n.startsWith("python_")) {
        return "python" + n.substring(7).replace('_', '.');
      }
      return n.replace('_', '.');
    }
  }
}
