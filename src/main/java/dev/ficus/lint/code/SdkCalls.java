package dev.ficus.lint.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.ficus.workspace.TypeNames;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognizes calls on AWS SDK clients in the syntax tree from the declared type of the receiver,
 * qualified through the file's imports, so it works without the SDK jars. Requests, builders,
 * presigners and utilities are not clients; their calls do not go over the network.
 */
public final class SdkCalls {

  private static final Set<String> EXTRA_CLIENTS =
      Set.of(
          "DynamoDbTable",
          "DynamoDbAsyncTable",
          "DynamoDbIndex",
          "DynamoDbAsyncIndex",
          "DynamoDbEnhancedClient",
          "DynamoDbEnhancedAsyncClient",
          "DynamoDBMapper",
          "IDynamoDBMapper",
          "S3TransferManager",
          "TransferManager",
          "DynamoDB",
          "Table",
          "Index");

  private static final Set<String> NOT_OPERATIONS =
      Set.of(
          "close",
          "shutdown",
          "builder",
          "create",
          "serviceName",
          "serviceClientConfiguration",
          "utilities",
          "waiter",
          "table",
          "index",
          "tableName",
          "tableSchema",
          "indexName",
          "getRegion",
          "setRegion",
          "setEndpoint",
          "getUrl",
          "getRegionName",
          "getResourceUrl",
          "generatePresignedUrl",
          "getCachedResponseMetadata",
          "getTable",
          "getIndex",
          "toString",
          "equals",
          "hashCode",
          "getClass",
          "mapperConfig",
          "getS3AccountOwner");

  private static final Map<String, String> V1_SERVICES =
      Map.of(
          "dynamodbv2", "dynamodb",
          "stepfunctions", "sfn",
          "simplesystemsmanagement", "ssm",
          "simpleemail", "ses",
          "simpleemailv2", "sesv2",
          "cloudwatchevents", "eventbridge");

  /** The catalog's clients settle names that several wildcard imports could supply. */
  private static final dev.ficus.aws.SdkCatalog CATALOG = dev.ficus.aws.SdkCatalog.load();

  private final TypeNames names;
  /**
   * What {@link #classify} answered for each call node. Keyed by identity: JavaParser's {@code
   * Node.equals} and {@code hashCode} compare whole subtrees, so two equal-looking calls in
   * different places must not share an answer, and hashing would walk the subtree.
   */
  private final Map<MethodCallExpr, Optional<SdkCall>> classified = new IdentityHashMap<>();
  /** The fields of the types receivers are looked up in, by name. */
  private final Declarations.FieldIndex fields = new Declarations.FieldIndex();

  /**
   * One recognizer for one workspace, not safe for use by several threads: it remembers each
   * call's answer, so the rules that share it classify a call once.
   */
  public SdkCalls(Workspace workspace) {
    this.names = new TypeNames(workspace.types(), name -> CATALOG.client(name).isPresent());
  }

  /** By where the call begins; a stable sort keeps the tree's order for calls that begin together. */
  public static final Comparator<SdkCall> SOURCE_ORDER = Comparator.comparing(SdkCall::call, Bodies.BEGIN);

  /** Every SDK call in a subtree, in source order. */
  public List<SdkCall> in(Node node) {
    List<SdkCall> calls = new ArrayList<>();
    for (MethodCallExpr call : node.findAll(MethodCallExpr.class)) {
      classify(call).ifPresent(calls::add);
    }
    calls.sort(SOURCE_ORDER);
    return calls;
  }

  /** The SDK call {@code call} is, or empty when it is not a call on an SDK client. */
  public Optional<SdkCall> classify(MethodCallExpr call) {
    if (call.getScope().isEmpty()
        || !Declarations.isReference(call.getScope().get())
        || NOT_OPERATIONS.contains(call.getNameAsString())) {
      return Optional.empty(); // no receiver whose declared type could be read: not worth keeping
    }
    Optional<SdkCall> known = classified.get(call);
    if (known == null) {
      known = classifyAfresh(call);
      classified.put(call, known);
    }
    return known;
  }

  private Optional<SdkCall> classifyAfresh(MethodCallExpr call) {
    if (call.getScope().isEmpty() || NOT_OPERATIONS.contains(call.getNameAsString())) {
      return Optional.empty();
    }
    Optional<String> type = receiverType(call.getScope().get());
    if (type.isEmpty()) {
      return Optional.empty();
    }
    String qualified = type.get();
    Optional<String> service = service(qualified);
    if (service.isEmpty()) {
      return Optional.empty();
    }
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    String operation = call.getNameAsString();
    boolean async = simple.contains("Async");
    if (qualified.startsWith("com.amazonaws.") && operation.endsWith("Async")) {
      operation = operation.substring(0, operation.length() - "Async".length());
      async = true;
    }
    return Optional.of(new SdkCall(call, qualified, service.get(), operation, async));
  }

  /** The qualified declared type of a call's receiver, when it is a variable or field. */
  public Optional<String> receiverType(Expression receiver) {
    return Declarations.of(receiver, fields).flatMap(d -> typeOf(d, receiver));
  }

  private Optional<String> typeOf(Declarations.Declared d, Node context) {
    String written = d.type();
    if ((written == null || written.equals("var")) && d.initializer() != null) {
      written = typeOfInitializer(d.initializer());
    }
    if (written == null) {
      return Optional.empty();
    }
    return names.qualify(written, context);
  }

  /** {@code S3Client.builder()...build()} or {@code new AmazonS3Client()}: the type it makes. */
  private static String typeOfInitializer(Expression init) {
    if (init instanceof ObjectCreationExpr o) {
      return o.getType().asString();
    }
    Expression e = init;
    while (e instanceof MethodCallExpr m && m.getScope().isPresent()) {
      e = m.getScope().get();
    }
    if (e instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0))) {
      String name = n.getNameAsString();
      return name.endsWith("Builder") ? name.substring(0, name.length() - "Builder".length()) : name;
    }
    return null;
  }

  /** The SDK service of a client type, or empty when the type is not an SDK client. */
  public static Optional<String> service(String qualified) {
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    boolean clientName =
        simple.endsWith("Client")
            || simple.startsWith("Amazon")
            || simple.startsWith("AWS")
            || EXTRA_CLIENTS.contains(simple)
            || simple.endsWith("Waiter");
    if (!clientName || simple.endsWith("Builder") || simple.endsWith("Exception")) {
      return Optional.empty();
    }
    if (qualified.startsWith("software.amazon.awssdk.services.")) {
      String rest = qualified.substring("software.amazon.awssdk.services.".length());
      return Optional.of(rest.substring(0, Math.max(0, rest.indexOf('.'))));
    }
    if (qualified.startsWith("software.amazon.awssdk.enhanced.dynamodb.")) {
      return Optional.of("dynamodb");
    }
    if (qualified.startsWith("software.amazon.awssdk.transfer.s3.")) {
      return Optional.of("s3");
    }
    if (qualified.startsWith("com.amazonaws.services.")) {
      String rest = qualified.substring("com.amazonaws.services.".length());
      String module = rest.substring(0, Math.max(0, rest.indexOf('.')));
      return Optional.of(V1_SERVICES.getOrDefault(module, module));
    }
    return Optional.empty();
  }
}
