package dev.ficus.aws;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.ficus.graph.CallGraph;
import dev.ficus.graph.TypeResolver;
import dev.ficus.iac.IacModel;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Evaluates the expression that names a resource to the text it has at run time, as far as the
 * code and the IaC tell: literals, constants (also in other classes and through static imports),
 * concatenations (an unknown part becomes {@code *}), {@code System.getenv} followed through the
 * function's environment to the IaC resource, getters that return one of those, parameters
 * whose every caller passes the same value, and what the handler reads from its triggering event
 * (through the function's trigger, see {@link EventValues}).
 */
final class ValueResolver {

  /**
   * What an expression evaluates to.
   *
   * @param text the value, possibly ending in {@code *}; null when unresolved
   * @param resolution literal, constant, env, iac, parameter, or unresolved
   * @param reason why it is unresolved (one sentence naming the expression), else null
   * @param arn whether the text is a whole ARN (a literal ARN, or an IaC reference to one)
   */
  record Value(String text, String resolution, String reason, boolean arn) {
    Value(String text, String resolution, String reason) {
      this(text, resolution, reason, text != null && text.startsWith("arn:"));
    }

    static Value unresolved(String reason) {
      return new Value(null, "unresolved", reason);
    }

    boolean known() {
      return text != null;
    }

    Value as(String stronger) {
      return known() ? new Value(text, strongest(resolution, stronger), null, arn) : this;
    }
  }

  private static final List<String> STRENGTH = List.of("literal", "constant", "env", "parameter", "iac");
  private static final int MAX_DEPTH = 8;

  private final TypeResolver types;
  private final CallGraph graph;
  private final java.util.Map<TypeDeclaration<?>, List<AssignExpr>> assignmentsByType =
      new java.util.IdentityHashMap<>();

  private final ConfigProperties config;
  /** Parameters of the helper methods being evaluated, bound to the arguments of the call that reached them. */
  private final java.util.Map<Parameter, Expression> bound = new java.util.IdentityHashMap<>();
  private final java.util.Map<LambdaFunction, java.util.Map<String, EnvBinding>> environments =
      new java.util.IdentityHashMap<>();
  private final EventValues events;
  /** The trigger whose event the current evaluation reads, inside {@link #perTrigger}; else null. */
  private Trigger trigger;
  /** The event sources the current evaluation has read from, inside {@link #perTrigger}; else null. */
  private Set<String> eventSources;

  ValueResolver(TypeResolver types, CallGraph graph, ConfigProperties config, IacModel iac, SdkCatalog catalog) {
    this.types = types;
    this.graph = graph;
    this.config = config;
    this.events = new EventValues(this, types, graph, iac, catalog);
  }

  /**
   * Runs a resolution once per trigger whose event it reads: an S3 bucket and key read from the
   * event are the bucket and filter of each of the function's S3 triggers in turn, so that a
   * resource's parts (bucket and key) come from the same trigger. A resolution that reads no event,
   * or whose function has no trigger of that kind, runs once (and the event's values stay
   * unresolved, with a reason).
   */
  <T> List<T> perTrigger(LambdaFunction function, Supplier<T> resolution) {
    Trigger outerTrigger = trigger;
    Set<String> outerSources = eventSources;
    trigger = null;
    eventSources = new TreeSet<>();
    try {
      T first = resolution.get();
      Set<String> sources = eventSources;
      List<Trigger> triggers = function == null || sources.isEmpty()
          ? List.of()
          : function.triggers().stream().filter(t -> sources.contains(t.kind())).toList();
      if (triggers.isEmpty()) {
        return List.of(first);
      }
      List<T> out = new ArrayList<>();
      for (Trigger t : triggers) {
        trigger = t;
        out.add(resolution.get());
      }
      return out;
    } finally {
      trigger = outerTrigger;
      eventSources = outerSources;
    }
  }

  static String strongest(String a, String b) {
    return STRENGTH.indexOf(a) >= STRENGTH.indexOf(b) ? a : b;
  }

  Value evaluate(Expression e, LambdaFunction function) {
    return evaluate(e, function, 0);
  }

  private Value evaluate(Expression e, LambdaFunction function, int depth) {
    if (depth > MAX_DEPTH) {
      return Value.unresolved("The value of `" + e + "` passes through too many indirections to follow.");
    }
    if (e.isStringLiteralExpr()) {
      return new Value(e.asStringLiteralExpr().asString(), "literal", null);
    }
    if (e.isTextBlockLiteralExpr()) {
      return new Value(e.asTextBlockLiteralExpr().asString(), "literal", null);
    }
    if (e.isIntegerLiteralExpr() || e.isLongLiteralExpr()) {
      return new Value(e.toString(), "literal", null);
    }
    if (e instanceof EnclosedExpr en) {
      return evaluate(en.getInner(), function, depth + 1);
    }
    if (e instanceof CastExpr c) {
      return evaluate(c.getExpression(), function, depth + 1);
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      Value left = evaluate(b.getLeft(), function, depth + 1);
      if (!left.known()) {
        return Value.unresolved("The value `" + e + "` starts with `" + b.getLeft() + "`, which ficus cannot evaluate.");
      }
      if (left.text().endsWith("*")) {
        return left;
      }
      Value right = evaluate(b.getRight(), function, depth + 1);
      if (!right.known()) {
        return new Value(left.text() + "*", left.resolution(), null);
      }
      return new Value(left.text() + right.text(), strongest(left.resolution(), right.resolution()), null);
    }
    if (e instanceof NameExpr n) {
      Optional<Node> decl = types.declarationOf(n);
      if (decl.isEmpty()) {
        return Value.unresolved("`" + e + "` is not declared where ficus can see it.");
      }
      return fromDeclaration(e, decl.get(), function, depth);
    }
    if (e instanceof FieldAccessExpr f) {
      Optional<VariableDeclarator> decl = types.declarationOf(f);
      if (decl.isEmpty()) {
        return Value.unresolved("`" + e + "` is a field ficus cannot find.");
      }
      return fromDeclaration(e, decl.get(), function, depth);
    }
    if (e instanceof MethodCallExpr call) {
      return fromCall(call, function, depth);
    }
    return Value.unresolved("`" + e + "` is computed at run time.");
  }

  private Value fromDeclaration(Expression e, Node decl, LambdaFunction function, int depth) {
    Optional<Value> injected = injectedProperty(decl, function);
    if (injected.isPresent()) {
      return injected.get();
    }
    if (decl instanceof VariableDeclarator v) {
      boolean field = v.getParentNode().orElse(null) instanceof FieldDeclaration;
      if (v.getInitializer().isPresent()) {
        return evaluate(v.getInitializer().get(), function, depth + 1).as("constant");
      }
      if (field) {
        List<Expression> assigned = assignments(v);
        if (assigned.size() == 1) {
          return evaluate(assigned.get(0), function, depth + 1);
        }
        return Value.unresolved(assigned.isEmpty()
            ? "The field `" + e + "` is never assigned in its class."
            : "The field `" + e + "` is assigned in several places.");
      }
      return Value.unresolved("The local variable `" + e + "` has no initializer.");
    }
    if (decl instanceof Parameter p && bound.containsKey(p)) {
      return evaluate(bound.get(p), function, depth + 1);
    }
    if (decl instanceof Parameter p && p.getParentNode().orElse(null) instanceof CallableDeclaration<?> callable) {
      return fromParameter(e, p, callable, function, depth);
    }
    return Value.unresolved("`" + e + "` is a parameter whose value is only known at run time.");
  }

  /**
   * A configuration value injected by {@code @Value("${key:default}")} or {@code
   * @ConfigProperty(name = "key", defaultValue = "d")}: the function's environment (Spring's relaxed
   * binding), then application.properties (whose own {@code ${ENV:default}} placeholders go to the
   * environment), then the default.
   */
  private Optional<Value> injectedProperty(Node decl, LambdaFunction function) {
    com.github.javaparser.ast.NodeList<com.github.javaparser.ast.expr.AnnotationExpr> annotations;
    if (decl instanceof Parameter p) {
      annotations = p.getAnnotations();
    } else if (decl instanceof VariableDeclarator v && v.getParentNode().orElse(null) instanceof FieldDeclaration f) {
      annotations = f.getAnnotations();
    } else {
      return Optional.empty();
    }
    String key = null;
    String fallback = null;
    for (com.github.javaparser.ast.expr.AnnotationExpr a : annotations) {
      String id = a.getName().getIdentifier();
      if (id.equals("Value")) {
        String text = annotationValue(a, "value");
        if (text != null && text.startsWith("${") && text.endsWith("}")) {
          String inner = text.substring(2, text.length() - 1);
          int colon = inner.indexOf(':');
          key = colon < 0 ? inner : inner.substring(0, colon);
          fallback = colon < 0 ? null : inner.substring(colon + 1);
        } else if (text != null && !text.contains("#{")) {
          return Optional.of(new Value(text, "constant", null));
        }
      } else if (id.equals("ConfigProperty")) {
        key = annotationValue(a, "name");
        fallback = annotationValue(a, "defaultValue");
      }
    }
    if (key == null) {
      return Optional.empty();
    }
    if (function != null) {
      String env = ConfigProperties.relaxedEnvironmentName(key);
      if (binding(function, env) != null) {
        return Optional.of(environment(env, function));
      }
    }
    Optional<String> configured = config.get(key);
    if (configured.isPresent()) {
      return Optional.of(placeholders(configured.get(), function));
    }
    if (fallback != null) {
      return Optional.of(new Value(fallback, "constant", null));
    }
    return Optional.of(Value.unresolved("The configuration property " + key + " is not set in application.properties or the function's environment."));
  }

  /**
   * Spring {@code ${key:default}} placeholders in a value read from an annotation ({@code
   * @DynamoDBTable(tableName = "${app.table}")}), each resolved as an injected property is.
   */
  Value springPlaceholders(Value v, LambdaFunction function) {
    if (!v.known() || !v.text().contains("${")) {
      return v;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}").matcher(v.text());
    StringBuilder out = new StringBuilder();
    String resolution = v.resolution();
    int last = 0;
    while (m.find()) {
      out.append(v.text(), last, m.start());
      String key = m.group(1);
      String env = ConfigProperties.relaxedEnvironmentName(key);
      Value part;
      if (function != null && binding(function, env) != null) {
        part = environment(env, function);
      } else if (config.get(key).isPresent()) {
        part = placeholders(config.get(key).get(), function);
      } else if (m.group(2) != null) {
        part = new Value(m.group(2), "constant", null);
      } else {
        part = Value.unresolved("The configuration property " + key
            + " is not set in application.properties or the function's environment.");
      }
      if (!part.known()) {
        return part;
      }
      out.append(part.text());
      resolution = strongest(resolution, part.resolution());
      last = m.end();
    }
    out.append(v.text().substring(last));
    return new Value(out.toString(), resolution, null);
  }

  /** {@code ${ENV_VAR:default}} placeholders of a configuration value, resolved through the environment. */
  private Value placeholders(String text, LambdaFunction function) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}").matcher(text);
    StringBuilder out = new StringBuilder();
    String resolution = "constant";
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      Value v = function != null && binding(function, m.group(1)) != null
          ? environment(m.group(1), function)
          : config.get(m.group(1)).map(c -> new Value(c, "constant", null))
              .orElse(m.group(2) != null ? new Value(m.group(2), "constant", null)
                  : environment(m.group(1), function));
      if (!v.known()) {
        return v;
      }
      out.append(v.text());
      resolution = strongest(resolution, v.resolution());
      last = m.end();
    }
    out.append(text.substring(last));
    return new Value(out.toString(), resolution, null);
  }

  private static String annotationValue(com.github.javaparser.ast.expr.AnnotationExpr a, String member) {
    Expression v = null;
    if (a instanceof com.github.javaparser.ast.expr.SingleMemberAnnotationExpr s && member.equals("value")) {
      v = s.getMemberValue();
    } else if (a instanceof com.github.javaparser.ast.expr.NormalAnnotationExpr n) {
      v = n.getPairs().stream().filter(p -> p.getNameAsString().equals(member))
          .map(p -> p.getValue()).findFirst().orElse(null);
    }
    return v != null && v.isStringLiteralExpr() ? v.asStringLiteralExpr().asString() : null;
  }

  /** The values assigned to a field anywhere in its class ({@code this.table = ...}). */
  List<Expression> assignments(VariableDeclarator field) {
    List<Expression> out = new ArrayList<>();
    Optional<TypeDeclaration<?>> owner = TypeResolver.enclosingType(field);
    if (owner.isEmpty()) {
      return out;
    }
    String name = field.getNameAsString();
    List<AssignExpr> all = assignmentsByType.computeIfAbsent(owner.get(), t -> t.findAll(AssignExpr.class));
    for (AssignExpr a : all) {
      if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
        continue;
      }
      Expression target = a.getTarget();
      boolean matches =
          target instanceof FieldAccessExpr fa && fa.getScope().isThisExpr() && fa.getNameAsString().equals(name)
              || target instanceof NameExpr ne && ne.getNameAsString().equals(name)
                  && types.declarationOf(ne).map(d -> d == field).orElse(false);
      if (matches) {
        out.add(a.getValue());
      }
    }
    return out;
  }

  private Value fromParameter(
      Expression e, Parameter p, CallableDeclaration<?> callable, LambdaFunction function, int depth) {
    int index = callable.getParameters().indexOf(p);
    Optional<String> vertex = graph.vertexOf(callable);
    if (vertex.isEmpty() || index < 0) {
      return Value.unresolved("`" + e + "` is a parameter whose value is only known at run time.");
    }
    Set<String> texts = new LinkedHashSet<>();
    Value first = null;
    for (Node site : graph.callSitesOf(vertex.get())) {
      if (!(site instanceof NodeWithArguments<?> call) || call.getArguments().size() <= index) {
        continue;
      }
      Value v = evaluate(call.getArgument(index), function, depth + 1);
      if (!v.known()) {
        return Value.unresolved("The parameter `" + e + "` receives `" + call.getArgument(index)
            + "` from a caller, which ficus cannot evaluate.");
      }
      texts.add(v.text());
      if (first == null) {
        first = v;
      }
    }
    if (first == null) {
      return Value.unresolved("The parameter `" + e + "` has no caller in the repository.");
    }
    if (texts.size() > 1) {
      return Value.unresolved("The parameter `" + e + "` receives different values from its callers: " + texts + ".");
    }
    return first;
  }

  private Value fromCall(MethodCallExpr call, LambdaFunction function, int depth) {
    String name = call.getNameAsString();
    Optional<Expression> scope = call.getScope();
    Optional<Value> event = events.valueOf(call, function, trigger, eventSources);
    if (event.isPresent()) {
      return event.get();
    }
    if (name.equals("decode") && call.getArguments().size() >= 1
        && scope.map(s -> s.toString().equals("URLDecoder") || s.toString().equals("java.net.URLDecoder")).orElse(false)) {
      Value v = evaluate(call.getArgument(0), function, depth + 1);
      if (!v.known()) {
        return v;
      }
      try {
        return new Value(java.net.URLDecoder.decode(v.text(), java.nio.charset.StandardCharsets.UTF_8), v.resolution(), null, v.arn());
      } catch (IllegalArgumentException malformed) {
        return Value.unresolved("`" + call + "` decodes a value that is not URL-encoded text.");
      }
    }
    if (name.equals("substring") && scope.isPresent() && !call.getArguments().isEmpty() && call.getArguments().size() <= 2) {
      return substring(call, scope.get(), function, depth);
    }
    if (name.equals("getenv") && scope.map(s -> s.toString().equals("System") || s.toString().equals("java.lang.System")).orElse(false)
        && call.getArguments().size() == 1) {
      Value key = evaluate(call.getArgument(0), function, depth + 1);
      if (!key.known() || key.text().endsWith("*")) {
        return Value.unresolved("The environment variable named by `" + call.getArgument(0) + "` cannot be told.");
      }
      return environment(key.text(), function);
    }
    if ((name.equals("toString") || name.equals("trim") || name.equals("strip") || name.equals("intern"))
        && scope.isPresent() && call.getArguments().isEmpty()) {
      return evaluate(scope.get(), function, depth + 1);
    }
    if ((name.equals("orElse") || name.equals("or")) && scope.isPresent()
        && scope.get() instanceof MethodCallExpr inner && inner.getArguments().size() == 1
        && (inner.getNameAsString().equals("ofNullable") || inner.getNameAsString().equals("of"))) {
      Value v = evaluate(inner.getArgument(0), function, depth + 1);
      return v.known() || call.getArguments().isEmpty() ? v : evaluate(call.getArgument(0), function, depth + 1);
    }
    if (name.equals("format") && scope.map(s -> s.toString().equals("String")).orElse(false)
        && !call.getArguments().isEmpty()) {
      Value format = evaluate(call.getArgument(0), function, depth + 1);
      if (!format.known()) {
        return Value.unresolved("The format of `" + call + "` cannot be evaluated.");
      }
      StringBuilder out = new StringBuilder();
      String text = format.text();
      int arg = 1;
      String resolution = format.resolution();
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '%' && i + 1 < text.length() && text.charAt(i + 1) == 's') {
          Value v = arg < call.getArguments().size() ? evaluate(call.getArgument(arg++), function, depth + 1) : null;
          if (v == null || !v.known()) {
            return out.length() == 0
                ? Value.unresolved("`" + call + "` is formatted from values ficus cannot evaluate.")
                : new Value(out + "*", resolution, null);
          }
          out.append(v.text());
          resolution = strongest(resolution, v.resolution());
          i++;
        } else {
          out.append(text.charAt(i));
        }
      }
      return new Value(out.toString(), resolution, null);
    }
    // A getter of the repository that returns one expression (a config class).
    Optional<MethodDeclaration> method = repositoryMethod(call);
    if (method.isPresent()) {
      List<ReturnStmt> returns = method.get().findAll(ReturnStmt.class);
      if (returns.size() == 1 && returns.get(0).getExpression().isPresent()) {
        return withArguments(method.get(), call, () -> evaluate(returns.get(0).getExpression().get(), function, depth + 1));
      }
    }
    return Value.unresolved("`" + call + "` is computed at run time.");
  }

  /**
   * {@code text.substring(b)} and {@code text.substring(b, e)} where the positions can be told
   * and fall in the part of the text that is known (before any {@code *}): a key built from an
   * event's key keeps what the trigger's filter says of it.
   */
  private Value substring(MethodCallExpr call, Expression scope, LambdaFunction function, int depth) {
    Value v = evaluate(scope, function, depth + 1);
    if (!v.known()) {
      return v;
    }
    String text = v.text();
    int star = text.indexOf('*');
    int known = star < 0 ? text.length() : star;
    Integer begin = intValue(call.getArgument(0), function, depth + 1);
    Integer end = call.getArguments().size() == 2 ? intValue(call.getArgument(1), function, depth + 1) : null;
    if (begin == null || begin < 0 || begin > known || call.getArguments().size() == 2 && (end == null || end < begin || end > known)) {
      return Value.unresolved("`" + call + "` takes a part of a value at positions ficus cannot tell.");
    }
    return new Value(end == null ? text.substring(begin) : text.substring(begin, end), v.resolution(), null);
  }

  /** An int literal, a constant, the length of a known text, or a sum or difference of those. */
  private Integer intValue(Expression e, LambdaFunction function, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (e instanceof EnclosedExpr en) {
      return intValue(en.getInner(), function, depth + 1);
    }
    if (e instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.PLUS || b.getOperator() == BinaryExpr.Operator.MINUS)) {
      Integer left = intValue(b.getLeft(), function, depth + 1);
      Integer right = intValue(b.getRight(), function, depth + 1);
      if (left == null || right == null) {
        return null;
      }
      return b.getOperator() == BinaryExpr.Operator.PLUS ? left + right : left - right;
    }
    if (e instanceof MethodCallExpr m && m.getNameAsString().equals("length") && m.getArguments().isEmpty()
        && m.getScope().isPresent()) {
      Value v = evaluate(m.getScope().get(), function, depth + 1);
      return v.known() && !v.text().contains("*") ? v.text().length() : null;
    }
    if (e.isIntegerLiteralExpr() || e instanceof NameExpr || e instanceof FieldAccessExpr) {
      Value v = e.isIntegerLiteralExpr() ? new Value(e.toString(), "literal", null) : evaluate(e, function, depth + 1);
      try {
        return v.known() ? Integer.valueOf(v.text().replace("_", "")) : null;
      } catch (NumberFormatException notAnInt) {
        return null;
      }
    }
    return null;
  }

  /** The argument a parameter is bound to while a helper's body is evaluated for one call. */
  Optional<Expression> boundArgument(Parameter p) {
    return Optional.ofNullable(bound.get(p));
  }

  /**
   * Evaluates a helper's body with its parameters bound to this call's arguments: {@code
   * Env.require("TABLE")} reads {@code System.getenv(name)}, and {@code name} is "TABLE" here even
   * though other callers pass other names.
   */
  <T> T withArguments(MethodDeclaration method, MethodCallExpr call, Supplier<T> body) {
    if (method.getParameters().size() != call.getArguments().size()
        || method.getParameters().stream().anyMatch(Parameter::isVarArgs)) {
      return body.get();
    }
    java.util.Map<Parameter, Expression> previous = new java.util.IdentityHashMap<>();
    for (int i = 0; i < call.getArguments().size(); i++) {
      Parameter p = method.getParameter(i);
      if (bound.containsKey(p)) {
        previous.put(p, bound.get(p));
      }
      bound.put(p, call.getArgument(i));
    }
    try {
      return body.get();
    } finally {
      for (Parameter p : method.getParameters()) {
        bound.remove(p);
      }
      bound.putAll(previous);
    }
  }

  Optional<MethodDeclaration> repositoryMethod(MethodCallExpr call) {
    Optional<String> owner;
    if (call.getScope().isEmpty()) {
      owner = TypeResolver.enclosingTypeName(call);
    } else {
      owner = types.staticTypeOf(call.getScope().get());
      if (owner.isEmpty()) {
        owner = types.typeOf(call.getScope().get());
      }
    }
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    for (String t : types.selfAndSupertypes(owner.get())) {
      Optional<TypeDeclaration<?>> decl = types.declaration(t);
      if (decl.isEmpty()) {
        continue;
      }
      for (MethodDeclaration m : decl.get().getMethodsByName(call.getNameAsString())) {
        if (m.getParameters().size() == call.getArguments().size() && m.getBody().isPresent()) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  /** CloudFormation types whose {@code Ref} is an ARN rather than a name. */
  private static final java.util.Set<String> REF_IS_ARN = java.util.Set.of(
      "AWS::SNS::Topic", "AWS::SecretsManager::Secret", "AWS::StepFunctions::StateMachine",
      "AWS::Serverless::StateMachine", "AWS::IAM::ManagedPolicy");

  /**
   * The function's binding of an environment variable (the first, if declared twice), by name
   * from an index built once per function: a lambdalith's function may declare thousands.
   */
  private EnvBinding binding(LambdaFunction function, String variable) {
    java.util.Map<String, EnvBinding> byName = environments.get(function);
    if (byName == null) {
      byName = new java.util.HashMap<>();
      for (EnvBinding b : function.environment()) {
        byName.putIfAbsent(b.name(), b);
      }
      environments.put(function, byName);
    }
    return byName.get(variable);
  }

  private Value environment(String variable, LambdaFunction function) {
    if (function == null) {
      return Value.unresolved("The environment variable " + variable
          + " is read, but no IaC function is known for this code.");
    }
    EnvBinding binding = binding(function, variable);
    if (binding == null) {
      return Value.unresolved("The function " + function.logicalId() + " declares no environment variable "
          + variable + ".");
    }
    String type = binding.resourceType() == null ? "" : binding.resourceType();
    return switch (binding.kind()) {
      case LITERAL -> new Value(binding.value(), "env", null);
      case RESOURCE -> {
        if (binding.physicalName() != null && !REF_IS_ARN.contains(type)) {
          yield new Value(binding.physicalName(), "iac", null);
        }
        if (REF_IS_ARN.contains(type)) {
          yield new Value("${" + binding.value() + "}", "iac", null, true);
        }
        if (type.equals("AWS::SQS::Queue")) {
          yield new Value("${" + binding.value() + ".QueueName}", "iac", null);
        }
        yield new Value("${" + binding.value() + "}", "iac", null);
      }
      case ATTRIBUTE -> {
        boolean arn = binding.value().endsWith(".Arn") || binding.value().endsWith("Arn");
        if (binding.physicalName() != null && !(arn && REF_IS_ARN.contains(type))) {
          yield new Value(binding.physicalName(), "iac", null);
        }
        yield new Value("${" + binding.value() + "}", "iac", null, arn);
      }
      // The parameter itself, not its default: the policy must hold in every deployment.
      case PARAMETER -> new Value("${" + binding.value() + "}", "parameter", null);
      case EXPRESSION -> binding.physicalName() != null && !binding.physicalName().isBlank()
          ? new Value(binding.physicalName(), "iac", null)
          : Value.unresolved("The environment variable " + variable
              + " is set to an expression ficus cannot evaluate (" + binding.value() + ").");
    };
  }

  /** Arguments of every call site of a callable's parameter, for tracing a table object. */
  List<Expression> argumentsFor(Parameter p) {
    List<Expression> out = new ArrayList<>();
    if (!(p.getParentNode().orElse(null) instanceof CallableDeclaration<?> callable)) {
      return out;
    }
    int index = callable.getParameters().indexOf(p);
    graph.vertexOf(callable).ifPresent(v -> {
      for (Node site : graph.callSitesOf(v)) {
        if (site instanceof MethodCallExpr m && m.getArguments().size() > index) {
          out.add(m.getArgument(index));
        } else if (site instanceof ObjectCreationExpr o && o.getArguments().size() > index) {
          out.add(o.getArgument(index));
        } else if (site instanceof ExplicitConstructorInvocationStmt s && s.getArguments().size() > index) {
          out.add(s.getArgument(index));
        }
      }
    });
    return out;
  }
}
