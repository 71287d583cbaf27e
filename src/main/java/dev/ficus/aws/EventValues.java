package dev.ficus.aws;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.ficus.aws.ValueResolver.Value;
import dev.ficus.graph.CallGraph;
import dev.ficus.graph.TypeResolver;
import dev.ficus.iac.IacModel;
import dev.ficus.model.IacResource;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Trigger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Values a handler reads from the event that triggered it: the bucket and key of an S3
 * notification, the queue of an SQS message, the topic of an SNS notification, the stream of a
 * DynamoDB or Kinesis record. The code alone cannot tell them, but the function's trigger in the
 * IaC can: an S3 event names the trigger's bucket and a key that matches the trigger's filter.
 *
 * <p>An expression is placed in the event's structure (its {@link Shape}) by following it back to
 * the handler's event parameter: through locals, loops and streams over {@code getRecords()},
 * {@code get(0)}, lambdas, helper methods (their parameters through every caller, or bound to the
 * arguments of the call being evaluated) and getters; where the flow ends, a declared type of the
 * Lambda events library ({@code S3EventNotificationRecord r}) tells the shape.
 */
final class EventValues {

  /**
   * Where a value stands in an event of one source.
   *
   * @param source the trigger kind the event comes from: {@code S3}, {@code SQS}, {@code SNS},
   *     {@code DynamoDB}, {@code Kinesis}
   * @param node the part: {@code event}, {@code record}, {@code s3}, {@code bucket}, {@code
   *     object}, {@code sns}, or a text: {@code bucket-name}, {@code bucket-arn}, {@code key},
   *     {@code source-arn}
   * @param many a list, stream or optional of such parts
   */
  record Shape(String source, String node, boolean many) {
    Shape element() {
      return new Shape(source, node, false);
    }

    boolean text() {
      return !many && TEXTS.contains(node);
    }
  }

  private static final Set<String> TEXTS = Set.of("bucket-name", "bucket-arn", "key", "source-arn");

  /** {@code source/node#method} (method in lower case) to the node it returns; {@code *} for a list. */
  private static final Map<String, String> STEPS = Map.ofEntries(
      Map.entry("S3/event#getrecords", "record*"),
      Map.entry("S3/record#gets3", "s3"),
      Map.entry("S3/s3#getbucket", "bucket"),
      Map.entry("S3/s3#getobject", "object"),
      Map.entry("S3/bucket#getname", "bucket-name"),
      Map.entry("S3/bucket#getarn", "bucket-arn"),
      Map.entry("S3/object#getkey", "key"),
      Map.entry("S3/object#geturldecodedkey", "key"),
      Map.entry("SQS/event#getrecords", "record*"),
      Map.entry("SQS/record#geteventsourcearn", "source-arn"),
      Map.entry("SNS/event#getrecords", "record*"),
      Map.entry("SNS/record#getsns", "sns"),
      Map.entry("SNS/sns#gettopicarn", "source-arn"),
      Map.entry("DynamoDB/event#getrecords", "record*"),
      Map.entry("DynamoDB/record#geteventsourcearn", "source-arn"),
      Map.entry("Kinesis/event#getrecords", "record*"),
      Map.entry("Kinesis/record#geteventsourcearn", "source-arn"));

  /** Methods whose result may be an event text: a cheap test before any flow is followed. */
  private static final Set<String> TEXT_GETTERS = Set.of(
      "getname", "getarn", "getkey", "geturldecodedkey", "geteventsourcearn", "gettopicarn");

  /** Simple names of the event classes (aws-lambda-java-events, SDK v2 event notifications). */
  private static final Map<String, Shape> TYPES = Map.ofEntries(
      Map.entry("S3Event", new Shape("S3", "event", false)),
      Map.entry("S3EventNotification", new Shape("S3", "event", false)),
      Map.entry("S3EventNotificationRecord", new Shape("S3", "record", false)),
      Map.entry("S3Entity", new Shape("S3", "s3", false)),
      Map.entry("S3", new Shape("S3", "s3", false)),
      Map.entry("S3BucketEntity", new Shape("S3", "bucket", false)),
      Map.entry("S3ObjectEntity", new Shape("S3", "object", false)),
      Map.entry("S3Bucket", new Shape("S3", "bucket", false)),
      Map.entry("S3Object", new Shape("S3", "object", false)),
      Map.entry("SQSEvent", new Shape("SQS", "event", false)),
      Map.entry("SQSMessage", new Shape("SQS", "record", false)),
      Map.entry("SNSEvent", new Shape("SNS", "event", false)),
      Map.entry("SNSRecord", new Shape("SNS", "record", false)),
      Map.entry("SNS", new Shape("SNS", "sns", false)),
      Map.entry("DynamodbEvent", new Shape("DynamoDB", "event", false)),
      Map.entry("DynamodbStreamRecord", new Shape("DynamoDB", "record", false)),
      Map.entry("KinesisEvent", new Shape("Kinesis", "event", false)),
      Map.entry("KinesisEventRecord", new Shape("Kinesis", "record", false)));

  /** Names distinctive enough to trust when the file's imports do not say where they come from. */
  private static final Set<String> DISTINCTIVE = Set.of(
      "S3Event", "S3EventNotification", "S3EventNotificationRecord", "SQSEvent", "SNSEvent",
      "DynamodbEvent", "KinesisEvent", "DynamodbStreamRecord", "KinesisEventRecord");

  private static final List<String> PACKAGES = List.of(
      "com.amazonaws.services.lambda.runtime.events.",
      "software.amazon.awssdk.eventnotifications.s3.model.");

  /** Collection and stream calls that keep a list of parts a list of the same parts. */
  private static final Set<String> KEEP_MANY = Set.of(
      "stream", "parallelStream", "filter", "sorted", "distinct", "limit", "skip", "peek", "toList",
      "collect", "iterator", "listIterator", "findFirst", "findAny", "subList", "reversed",
      "takeWhile", "dropWhile");
  /** Calls that take one part out of a list, stream or optional. */
  private static final Set<String> ELEMENT = Set.of(
      "get", "getFirst", "getLast", "next", "orElse", "orElseThrow", "orElseGet", "min", "max");
  /** Methods that parse an event from JSON when given its class. */
  private static final Set<String> PARSERS = Set.of(
      "readValue", "fromJson", "convertValue", "treeToValue", "parseJson", "parse");

  private static final int MAX_DEPTH = 12;
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._\\-${}:/]+");
  private static final java.util.regex.Pattern SERVERLESS_VARIABLE =
      java.util.regex.Pattern.compile("\\$\\{(?:self|opt|env|sls|param|file|cf|ssm|s3|aws|strToBool)[:(]");

  private final ValueResolver values;
  private final TypeResolver types;
  private final CallGraph graph;
  private final IacModel iac;
  private final SdkCatalog catalog;
  /**
   * What the callers of a helper pass to a parameter, once per parameter: a helper called from
   * many places, each passing its own parameter on, would otherwise be walked once per path.
   */
  private final Map<Parameter, Optional<Shape>> callerShapes = new IdentityHashMap<>();
  private int callerNesting;

  EventValues(ValueResolver values, TypeResolver types, CallGraph graph, IacModel iac, SdkCatalog catalog) {
    this.values = values;
    this.types = types;
    this.graph = graph;
    this.iac = iac == null ? IacModel.empty() : iac;
    this.catalog = catalog;
  }

  /**
   * The value of a call that reads a text of the triggering event, if it is one.
   *
   * @param trigger the trigger the evaluation is for, or null while it is not known yet
   * @param sources collects the event sources the evaluation reads from; null to not collect
   */
  Optional<Value> valueOf(MethodCallExpr call, LambdaFunction function, Trigger trigger, Set<String> sources) {
    if (!TEXT_GETTERS.contains(call.getNameAsString().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    Optional<Shape> shape = shape(call, 0);
    if (shape.isEmpty() || !shape.get().text()) {
      return Optional.empty();
    }
    Shape s = shape.get();
    if (sources != null) {
      sources.add(s.source());
    }
    String what = "`" + call + "` is " + describe(s) + " of the " + s.source() + " event that triggers the function";
    if (function == null) {
      return Optional.of(Value.unresolved(what + ", and no IaC function is known for this code."));
    }
    if (trigger == null || !trigger.kind().equals(s.source())) {
      return Optional.of(Value.unresolved(what + ", and the function " + function.logicalId()
          + " has no " + s.source() + " trigger in the IaC."));
    }
    Value v = fromTrigger(s, trigger);
    return Optional.of(v.known() ? v : Value.unresolved(what + ": " + lowerFirst(v.reason())));
  }

  private static String describe(Shape s) {
    return switch (s.node()) {
      case "bucket-name" -> "the bucket name";
      case "bucket-arn" -> "the bucket ARN";
      case "key" -> "the object key";
      default -> switch (s.source()) {
        case "SQS" -> "the queue ARN";
        case "SNS" -> "the topic ARN";
        default -> "the stream ARN";
      };
    };
  }

  // ---------------------------------------------------------------- from the trigger

  private Value fromTrigger(Shape s, Trigger t) {
    String target = t.target();
    if (target == null || target.isBlank() || target.equals("null")) {
      return Value.unresolved("The " + t.kind() + " trigger " + t.name() + " names no resource ficus can read.");
    }
    String resolution = iac.parameters().containsKey(target) ? "parameter" : "iac";
    String bucket = s.source().equals("S3") ? bucketName(target) : null;
    if (s.source().equals("S3") && bucket == null && !s.node().equals("key")) {
      return Value.unresolved("The S3 trigger " + t.name() + " names its bucket as " + target
          + ", which ficus cannot evaluate.");
    }
    return switch (s.node()) {
      case "bucket-name" -> new Value(bucket, resolution, null);
      case "bucket-arn" -> new Value("arn:${AWS::Partition}:s3:::" + bucket, resolution, null);
      case "key" -> new Value(keyPattern(t), "iac", null);
      default -> {
        String arn = sourceArn(t.kind(), target);
        yield arn == null
            ? Value.unresolved("The " + t.kind() + " trigger " + t.name() + " reads from " + target
                + ", whose ARN ficus cannot tell.")
            : new Value(arn, resolution, null, true);
      }
    };
  }

  /** A bucket's name as the IaC gives it: its {@code BucketName}, else its {@code Ref}. */
  private String bucketName(String target) {
    if (target.startsWith("arn:") && target.contains(":::")) {
      return target.substring(target.indexOf(":::") + 3);
    }
    Optional<IacResource> r = iac.resource(target);
    if (r.isPresent()) {
      return r.get().physicalName() != null ? r.get().physicalName() : "${" + target + "}";
    }
    if (iac.parameters().containsKey(target)) {
      return "${" + target + "}";
    }
    return plainName(target) ? target : null; // a name written out (Serverless's `bucket: photos`)
  }

  /**
   * A name as written, not an expression the IaC reader left unevaluated: an intrinsic it renders
   * as {@code !ImportValue x}, or a Serverless variable such as {@code ${opt:stage}}.
   */
  private static boolean plainName(String text) {
    return NAME.matcher(text).matches() && !SERVERLESS_VARIABLE.matcher(text).find();
  }

  /**
   * The keys an S3 trigger delivers: its filter's prefix and suffix around {@code *}, or {@code *}
   * (any key of the bucket) without a filter.
   */
  private static String keyPattern(Trigger t) {
    String prefix = t.properties().getOrDefault("prefix", "");
    String suffix = t.properties().getOrDefault("suffix", "");
    return (prefix == null ? "" : prefix) + "*" + (suffix == null ? "" : suffix);
  }

  /**
   * The ARN of a queue, topic or stream a trigger reads from: an ARN written out, the ARN built
   * from a name the IaC spells out, else the reference ({@code ${Queue.Arn}}, {@code ${Topic}}
   * whose {@code Ref} is its ARN, {@code ${Table.StreamArn}}).
   */
  private String sourceArn(String kind, String target) {
    if (target.startsWith("arn:") || target.startsWith("${")) {
      return target;
    }
    if (iac.parameters().containsKey(target)) {
      return "${" + target + "}";
    }
    int dot = target.indexOf('.');
    String id = dot < 0 ? target : target.substring(0, dot);
    String attribute = dot < 0 ? null : target.substring(dot + 1);
    Optional<IacResource> r = iac.resource(id);
    String resourceType = switch (kind) {
      case "SQS" -> "sqs:queue";
      case "SNS" -> "sns:topic";
      case "Kinesis" -> "kinesis:stream";
      default -> null;
    };
    if (r.isEmpty()) {
      // A name written out (Serverless's `sns: alerts`); a stream's ARN cannot be built from one.
      return dot < 0 && resourceType != null && !kind.equals("Kinesis") && plainName(target)
          ? arn(resourceType, target) : null;
    }
    String name = r.get().physicalName();
    switch (kind) {
      case "SNS" -> {
        return "${" + target + "}"; // a topic's Ref is its ARN
      }
      case "DynamoDB" -> {
        return "${" + id + ".StreamArn}";
      }
      default -> {
        if (name != null && (attribute == null || attribute.equals("Arn")) && resourceType != null) {
          return arn(resourceType, name);
        }
        return "${" + id + ".Arn}";
      }
    }
  }

  private String arn(String resourceType, String name) {
    return catalog.arnTemplate(resourceType).map(t -> t.replace("${name}", name)).orElse(null);
  }

  // ---------------------------------------------------------------- shapes

  /** Where an expression stands in a triggering event, if it is part of one. */
  Optional<Shape> shape(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (e instanceof EnclosedExpr en) {
      return shape(en.getInner(), depth + 1);
    }
    if (e instanceof CastExpr c) {
      Optional<Shape> inner = shape(c.getExpression(), depth + 1);
      return inner.isPresent() ? inner : typeShape(c.getType(), c);
    }
    if (e instanceof NameExpr n) {
      return types.declarationOf(n).flatMap(d -> declarationShape(d, depth + 1));
    }
    if (e instanceof MethodCallExpr m) {
      return callShape(m, depth);
    }
    return Optional.empty();
  }

  private Optional<Shape> callShape(MethodCallExpr m, int depth) {
    String name = m.getNameAsString();
    if (m.getScope().isPresent()) {
      Optional<Shape> scope = shape(m.getScope().get(), depth + 1);
      if (scope.isPresent()) {
        return step(scope.get(), m, depth);
      }
    }
    if (PARSERS.contains(name) && !m.getArguments().isEmpty()
        && m.getArgument(m.getArguments().size() - 1) instanceof ClassExpr c) {
      Optional<Shape> parsed = typeShape(c.getType(), c);
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    if ((name.equals("parseJson") || name.equals("fromJson")) && m.getScope().isPresent()) {
      Optional<String> type = types.staticTypeOf(m.getScope().get());
      if (type.isPresent()) {
        Optional<Shape> parsed = qualifiedShape(type.get(), null);
        if (parsed.isPresent()) {
          return parsed;
        }
      }
    }
    Optional<MethodDeclaration> method = values.repositoryMethod(m);
    if (method.isPresent()) {
      List<ReturnStmt> returns = method.get().findAll(ReturnStmt.class);
      if (returns.size() == 1 && returns.get(0).getExpression().isPresent()) {
        Expression returned = returns.get(0).getExpression().get();
        Optional<Shape> s = values.withArguments(method.get(), m, () -> shape(returned, depth + 1));
        if (s.isPresent()) {
          return s;
        }
      }
      return typeShape(method.get().getType(), method.get());
    }
    return Optional.empty();
  }

  /** A call made on a part of an event. */
  private Optional<Shape> step(Shape scope, MethodCallExpr m, int depth) {
    String name = m.getNameAsString();
    if (scope.many()) {
      if (KEEP_MANY.contains(name)) {
        return Optional.of(scope);
      }
      if (ELEMENT.contains(name)) {
        return Optional.of(scope.element());
      }
      if (name.equals("map") && m.getArguments().size() == 1) {
        Expression f = m.getArgument(0);
        if (f instanceof MethodReferenceExpr ref) {
          return next(scope.element(), ref.getIdentifier()).map(s -> new Shape(s.source(), s.node(), true));
        }
        if (f instanceof LambdaExpr l && l.getExpressionBody().isPresent()) {
          return shape(l.getExpressionBody().get(), depth + 1).map(s -> new Shape(s.source(), s.node(), true));
        }
      }
      return Optional.empty();
    }
    return next(scope, name);
  }

  private static Optional<Shape> next(Shape scope, String method) {
    String to = STEPS.get(scope.source() + "/" + scope.node() + "#" + method.toLowerCase(Locale.ROOT));
    if (to == null) {
      return Optional.empty();
    }
    boolean many = to.endsWith("*");
    return Optional.of(new Shape(scope.source(), many ? to.substring(0, to.length() - 1) : to, many));
  }

  private Optional<Shape> declarationShape(Node decl, int depth) {
    if (decl instanceof VariableDeclarator v) {
      if (v.getParentNode().orElse(null) instanceof VariableDeclarationExpr vde
          && vde.getParentNode().orElse(null) instanceof ForEachStmt loop && loop.getVariable() == vde) {
        Optional<Shape> iterated = shape(loop.getIterable(), depth + 1);
        if (iterated.isPresent() && iterated.get().many()) {
          return Optional.of(iterated.get().element());
        }
      } else if (v.getInitializer().isPresent()) {
        Optional<Shape> s = shape(v.getInitializer().get(), depth + 1);
        if (s.isPresent()) {
          return s;
        }
      }
      if (!(v.getParentNode().orElse(null) instanceof VariableDeclarationExpr)) {
        return Optional.empty(); // a field: its value is not the event's
      }
      return typeShape(v.getType(), v);
    }
    if (decl instanceof Parameter p) {
      Optional<Expression> argument = values.boundArgument(p);
      if (argument.isPresent()) {
        return shape(argument.get(), depth + 1);
      }
      Node owner = p.getParentNode().orElse(null);
      if (owner instanceof LambdaExpr l) {
        Optional<Shape> s = lambdaParameterShape(l, depth);
        return s.isPresent() ? s : typeShape(p.getType(), p);
      }
      if (owner instanceof CallableDeclaration<?> callable) {
        Optional<Shape> s = callerShape(p, callable);
        return s.isPresent() ? s : typeShape(p.getType(), p);
      }
    }
    return Optional.empty();
  }

  /** {@code records.forEach(r -> ..)}, {@code stream.map(r -> ..)}: an element of the list. */
  private Optional<Shape> lambdaParameterShape(LambdaExpr l, int depth) {
    if (l.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getArguments().contains(l)
        && m.getScope().isPresent()) {
      Optional<Shape> scope = shape(m.getScope().get(), depth + 1);
      if (scope.isPresent() && scope.get().many()) {
        return Optional.of(scope.get().element());
      }
    }
    return Optional.empty();
  }

  /** The shape every caller in the repository passes to a helper's parameter, when they agree. */
  private Optional<Shape> callerShape(Parameter p, CallableDeclaration<?> callable) {
    Optional<Shape> cached = callerShapes.get(p);
    if (cached != null) {
      return cached; // also cuts recursion: a parameter being worked out is not a shape yet
    }
    if (callerNesting >= MAX_DEPTH * 2) {
      return Optional.empty();
    }
    callerShapes.put(p, Optional.empty());
    callerNesting++;
    try {
      // A fresh depth: the answer is kept, so it must not depend on the path that asked first.
      Optional<Shape> s = callersAgree(p, callable, 0);
      callerShapes.put(p, s);
      return s;
    } finally {
      callerNesting--;
    }
  }

  private Optional<Shape> callersAgree(Parameter p, CallableDeclaration<?> callable, int depth) {
    int index = callable.getParameters().indexOf(p);
    Optional<String> vertex = graph.vertexOf(callable);
    if (vertex.isEmpty() || index < 0) {
      return Optional.empty();
    }
    Shape found = null;
    for (Node site : graph.callSitesOf(vertex.get())) {
      if (!(site instanceof NodeWithArguments<?> call) || call.getArguments().size() <= index) {
        continue;
      }
      Optional<Shape> s = shape(call.getArgument(index), depth + 1);
      if (s.isEmpty()) {
        continue;
      }
      if (found != null && !found.equals(s.get())) {
        return Optional.empty();
      }
      found = s.get();
    }
    return Optional.ofNullable(found);
  }

  /** The shape a declared type of the events library tells: {@code S3EventNotificationRecord}, {@code List<SQSMessage>}. */
  private Optional<Shape> typeShape(Type type, Node context) {
    if (!type.isClassOrInterfaceType()) {
      return Optional.empty();
    }
    ClassOrInterfaceType t = type.asClassOrInterfaceType();
    String simple = t.getNameAsString();
    if (Set.of("List", "Collection", "Iterable", "Stream", "Optional", "Set", "ArrayList").contains(simple)) {
      return t.getTypeArguments().filter(a -> a.size() == 1)
          .flatMap(a -> typeShape(a.get(0), context))
          .filter(s -> !s.many())
          .map(s -> new Shape(s.source(), s.node(), true));
    }
    Optional<String> qualified = types.qualify(t.getNameWithScope(), context);
    return qualifiedShape(qualified.orElse(null), simple);
  }

  /**
   * The shape of an event class by its qualified name; a distinctive simple name is trusted when
   * the imports do not tell its package (several wildcard imports) and the repository does not
   * declare it.
   */
  private Optional<Shape> qualifiedShape(String qualified, String written) {
    if (qualified == null || PACKAGES.stream().noneMatch(qualified::startsWith)) {
      boolean own = qualified != null && types.declaration(qualified).isPresent();
      return written != null && !own && DISTINCTIVE.contains(written)
          ? Optional.ofNullable(TYPES.get(written)) : Optional.empty();
    }
    for (String pkg : PACKAGES) {
      if (qualified.startsWith(pkg)) {
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        if (simple.equals("SNS") && !qualified.endsWith("SNSEvent.SNS")) {
          return Optional.empty();
        }
        return Optional.ofNullable(TYPES.get(simple));
      }
    }
    return Optional.empty();
  }

  private static String lowerFirst(String s) {
    return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
