package dev.ficus.aws;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.ficus.aws.EffectAnalyzer.SdkCall;
import dev.ficus.aws.ValueResolver.Value;
import dev.ficus.graph.CallGraph;
import dev.ficus.graph.TypeResolver;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.ResourceRef;
import dev.ficus.model.SourceRef;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an SDK call and its catalog rows into IAM grants on resources: finds the request members
 * that name the resource (builder calls, v1 setters and withers, v1 positional arguments, request
 * constructors), the table behind an enhanced-client or document-API table object, the
 * {@code @DynamoDBTable} of a mapped class, the tables of batch and transaction builders, the
 * table of a PartiQL statement; evaluates them with the {@link ValueResolver}; and fills the
 * catalog's ARN template.
 */
final class Resources {

  /** One grant of an effect: the API operation, its actions, and the resource. */
  record Grant(String operation, List<String> actions, ResourceRef resource) {}

  private static final Map<String, String> V1_NAMES = Map.of(
      "bucket", "bucketName",
      "sourceBucket", "sourceBucketName",
      "destinationBucket", "destinationBucketName");
  private static final Map<String, List<String>> ITEM_CALLS = Map.of(
      "put", List.of("put", "addPutItem"),
      "update", List.of("update", "addUpdateItem"),
      "delete", List.of("delete", "addDeleteItem"),
      "condition", List.of("conditionCheck", "addConditionCheck"));
  private static final Set<String> TABLE_CARRIERS = Set.of(
      "mappedTableResource", "addGetItem", "addPutItem", "addUpdateItem", "addDeleteItem",
      "addConditionCheck");
  private static final Pattern STATEMENT_TABLE = Pattern.compile(
      "(?i)\\b(?:FROM|INTO|UPDATE)\\s+\"?([A-Za-z0-9_.\\-]+)\"?");

  private final Workspace workspace;
  private final SdkCatalog catalog;
  private final TypeResolver types;
  private final ValueResolver values;
  private final Map<MethodCallExpr, List<Node>> rootsCache = new IdentityHashMap<>();

  private final CallGraph graph;
  private final SpringDataRepositories repositories;
  private final MapperTableNames mapperTables;

  Resources(Workspace workspace, SdkCatalog catalog, TypeResolver types, ValueResolver values, CallGraph graph,
      SpringDataRepositories repositories) {
    this.workspace = workspace;
    this.catalog = catalog;
    this.types = types;
    this.values = values;
    this.graph = graph;
    this.repositories = repositories;
    this.mapperTables = new MapperTableNames(workspace, types, values, repositories);
  }

  List<Grant> resolve(SdkCall sdk, LambdaFunction function) {
    String module = sdk.client().module();
    List<SdkCatalog.Grant> rows = catalog.grants(module, sdk.operation());
    SourceRef site = workspace.ref(sdk.call());
    if (rows.isEmpty()) {
      String op = sdk.operation().replaceAll("@.*", "");
      String action = catalog.prefix(module) + ":" + op;
      workspace.diagnostics().note("uncatalogued-operation",
          module + " " + op + " is not in ficus's SDK catalog; assumed to need " + action + " on any resource.", site);
      return List.of(new Grant(op, List.of(action),
          new ResourceRef(null, null, "*", "unresolved",
              "The operation " + op + " is not in the SDK catalog, so its resource type is unknown.")));
    }
    rows = applyConditions(rows, sdk, function);
    List<Grant> out = new ArrayList<>();
    for (SdkCatalog.Grant row : rows) {
      List<ResourceRef> refs = new ArrayList<>();
      values.perTrigger(function, () -> resourcesOf(row, sdk, function)).forEach(refs::addAll);
      for (ResourceRef ref : dedupe(refs)) {
        if (ref.isWildcard() && "unresolved".equals(ref.resolution())) {
          workspace.diagnostics().warning("unresolved-resource",
              "Could not tell which " + ref.type() + " " + String.join(", ", row.actions())
                  + " needs here, so it is granted on \"*\": " + ref.reason(), site);
        }
        out.add(new Grant(row.apiOperation(), row.actions(), ref));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- conditions

  private List<SdkCatalog.Grant> applyConditions(
      List<SdkCatalog.Grant> rows, SdkCall sdk, LambdaFunction function) {
    boolean byIndex = rows.stream().anyMatch(r -> "index".equals(r.when()));
    if (byIndex) {
      boolean hasIndex = !memberExpressions(sdk, "indexName", -1, roots(sdk.call())).isEmpty();
      return rows.stream().filter(r -> hasIndex == "index".equals(r.when())).toList();
    }
    if (rows.stream().anyMatch(r -> r.when() != null && r.when().startsWith("item:"))) {
      Set<String> kinds = new LinkedHashSet<>();
      for (Map.Entry<String, List<String>> k : ITEM_CALLS.entrySet()) {
        if (!itemCalls(sdk.call(), k.getValue()).isEmpty()) {
          kinds.add(k.getKey());
        }
      }
      if (kinds.isEmpty()) {
        return rows; // cannot tell: every kind, each resolved on its own
      }
      return rows.stream().filter(r -> r.when() == null || kinds.contains(r.when().substring(5))).toList();
    }
    if (rows.stream().anyMatch(r -> r.when() != null && r.when().startsWith("method:"))) {
      Set<String> methods = httpMethods(sdk);
      if (methods.isEmpty()) {
        return rows; // cannot tell: every method the URL could be signed for
      }
      return rows.stream().filter(r -> methods.contains(r.when().substring(7))).toList();
    }
    if (rows.stream().anyMatch(r -> r.when() != null && r.when().startsWith("verb:"))) {
      Set<String> verbs = new LinkedHashSet<>();
      for (Expression e : memberExpressions(sdk, "statement", -1, roots(sdk.call()))) {
        Value v = values.evaluate(e, function);
        if (!v.known()) {
          return rows;
        }
        String text = v.text().strip();
        int space = text.indexOf(' ');
        verbs.add((space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT));
      }
      if (verbs.isEmpty()) {
        return rows;
      }
      return rows.stream().filter(r -> verbs.contains(r.when().substring(5))).toList();
    }
    return rows;
  }

  private static final Set<String> HTTP_METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD", "PATCH");

  /**
   * The HTTP methods a presigned URL is signed for: the {@code HttpMethod.X} constants written in
   * the call and its request ({@code withMethod}, {@code setMethod}, the four-argument form); GET
   * when none is set, as the SDK does; empty when the method is set from a value ficus cannot read.
   */
  private Set<String> httpMethods(SdkCall sdk) {
    Set<String> found = new java.util.TreeSet<>();
    boolean unreadable = false;
    List<Node> places = new ArrayList<>(roots(sdk.call()));
    places.add(sdk.call());
    for (Node place : places) {
      for (MethodCallExpr m : calls(place)) {
        String n = m.getNameAsString();
        boolean setter = (n.equals("withMethod") || n.equals("setMethod")) && m.getArguments().size() == 1;
        boolean fourArgs = m == sdk.call() && m.getArguments().size() == 4;
        if (setter || fourArgs) {
          Optional<Set<String>> methods = httpMethodConstants(m.getArguments().get(setter ? 0 : 3), 0);
          methods.ifPresent(found::addAll);
          unreadable |= methods.isEmpty();
        }
      }
      for (com.github.javaparser.ast.expr.ObjectCreationExpr o : place.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class)) {
        if (o.getType().getNameAsString().equals("GeneratePresignedUrlRequest") && o.getArguments().size() == 3) {
          Optional<Set<String>> methods = httpMethodConstants(o.getArguments().get(2), 0);
          methods.ifPresent(found::addAll);
          unreadable |= methods.isEmpty();
        }
      }
    }
    if (found.isEmpty() && !unreadable) {
      return Set.of("GET");
    }
    return unreadable ? Set.of() : found;
  }

  /**
   * The {@code HttpMethod} constants an expression can hold: the constant itself, a local's
   * initializer, or what every caller passes for a parameter; empty when one of them is unreadable.
   */
  private Optional<Set<String>> httpMethodConstants(Expression e, int depth) {
    Optional<String> constant = httpMethodConstant(e);
    if (constant.isPresent()) {
      return Optional.of(Set.of(constant.get()));
    }
    if (!(e instanceof NameExpr n) || depth > 4) {
      return Optional.empty();
    }
    Optional<Node> decl = types.declarationOf(n);
    if (decl.isPresent() && decl.get() instanceof VariableDeclarator v && v.getInitializer().isPresent()) {
      return httpMethodConstants(v.getInitializer().get(), depth + 1);
    }
    if (decl.isPresent() && decl.get() instanceof com.github.javaparser.ast.body.Parameter p
        && p.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.CallableDeclaration<?> callable) {
      int index = callable.getParameters().indexOf(p);
      Optional<String> vertex = graph.vertexOf(callable);
      if (vertex.isEmpty()) {
        return Optional.empty();
      }
      Set<String> all = new java.util.TreeSet<>();
      for (Node site : graph.callSitesOf(vertex.get())) {
        if (!(site instanceof com.github.javaparser.ast.nodeTypes.NodeWithArguments<?> call)
            || call.getArguments().size() <= index) {
          return Optional.empty();
        }
        Optional<Set<String>> passed = httpMethodConstants(call.getArgument(index), depth + 1);
        if (passed.isEmpty()) {
          return Optional.empty();
        }
        all.addAll(passed.get());
      }
      return all.isEmpty() ? Optional.empty() : Optional.of(all);
    }
    return Optional.empty();
  }

  private static Optional<String> httpMethodConstant(Expression e) {
    String name = e instanceof com.github.javaparser.ast.expr.FieldAccessExpr f ? f.getNameAsString()
        : e instanceof NameExpr n ? n.getNameAsString() : null;
    return name != null && HTTP_METHODS.contains(name) ? Optional.of(name) : Optional.empty();
  }

  private List<MethodCallExpr> itemCalls(MethodCallExpr call, List<String> names) {
    List<MethodCallExpr> out = new ArrayList<>();
    for (Node root : roots(call)) {
      for (MethodCallExpr m : calls(root)) {
        String n = m.getNameAsString();
        if (names.contains(n) && (n.startsWith("add") || m.getArguments().size() == 1)) {
          out.add(m);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- resources

  private List<ResourceRef> resourcesOf(SdkCatalog.Grant row, SdkCall sdk, LambdaFunction function) {
    String type = row.resourceType();
    if (type == null) {
      return List.of(new ResourceRef(null, null, "*", "none", row.actions().isEmpty()
          ? "IAM does not authorize this call."
          : "The action has no resource type; IAM grants it on \"*\"."));
    }
    if (row.members().isEmpty()) {
      return List.of(unresolved(type, "The catalog names no request member for this resource."));
    }
    SdkCatalog.Member first = row.members().get(0);
    List<Node> roots = row.when() != null && row.when().startsWith("item:")
        ? new ArrayList<>(itemCalls(sdk.call(), ITEM_CALLS.get(row.when().substring(5))))
        : roots(sdk.call());
    if (first.special()) {
      return special(first.name(), row, sdk, roots, function);
    }
    List<Expression> primary = memberExpressions(sdk, first.name(), positionOf(row, 0, sdk), roots);
    if (first.name().equals("requestItems")) {
      List<Expression> keys = new ArrayList<>();
      primary.forEach(e -> keys.addAll(mapKeys(e, 0)));
      primary = keys;
    }
    List<Value> primaryValues = new ArrayList<>();
    if (primary.isEmpty()) {
      if (first.defaultValue() != null) {
        primaryValues.add(new Value(first.defaultValue(), "literal", null));
      } else {
        return List.of(unresolved(type, "The call `" + abbreviate(sdk.call()) + "` does not name its "
            + first.name() + " where ficus can see it."));
      }
    }
    for (Expression e : primary) {
      primaryValues.add(describe(values.evaluate(e, function), first.name(), e));
    }
    List<ResourceRef> out = new ArrayList<>();
    for (Value v : primaryValues) {
      if (!v.known()) {
        out.add(unresolved(type, v.reason()));
        continue;
      }
      if (v.arn()) {
        out.add(new ResourceRef(type, v.text(), v.text(), v.resolution(), null));
        continue;
      }
      String name = transform(first.name(), v.text(), type);
      if (row.members().size() > 1) {
        SdkCatalog.Member second = row.members().get(1);
        List<Expression> e2 = memberExpressions(sdk, second.name(), positionOf(row, 1, sdk), roots);
        Value v2 = e2.isEmpty() ? null : values.evaluate(e2.get(0), function);
        String part = v2 == null || !v2.known() ? "*" : v2.text();
        name = name + (type.endsWith(":index") ? "/index/" : "/") + part;
      } else if (type.equals("s3:object")) {
        name = name + "/*";
      }
      out.add(ref(type, name, v.resolution(), first.name()));
    }
    return dedupe(out);
  }

  /** The argument position of a member in v1 convenience methods ({@code getItem("T", key)}). */
  /** The keys of a map built in place ({@code Map.of("T", ..)}, {@code map.put("T", ..)}): table names. */
  private List<Expression> mapKeys(Expression e, int depth) {
    if (depth > 4) {
      return List.of(e);
    }
    if (e instanceof MethodCallExpr m && m.getNameAsString().equals("of") && m.getArguments().size() % 2 == 0
        && !m.getArguments().isEmpty()) {
      List<Expression> keys = new ArrayList<>();
      for (int i = 0; i < m.getArguments().size(); i += 2) {
        keys.add(m.getArgument(i));
      }
      return keys;
    }
    if (e instanceof MethodCallExpr m && m.getNameAsString().equals("ofEntries")) {
      List<Expression> keys = new ArrayList<>();
      for (Expression entry : m.getArguments()) {
        if (entry instanceof MethodCallExpr en && en.getArguments().size() == 2) {
          keys.add(en.getArgument(0));
        }
      }
      return keys.isEmpty() ? List.of(e) : keys;
    }
    if (e instanceof NameExpr n) {
      Optional<Node> decl = types.declarationOf(n);
      if (decl.isPresent() && decl.get() instanceof VariableDeclarator v) {
        List<Expression> keys = new ArrayList<>();
        enclosingCallable(v).ifPresent(c -> {
          for (MethodCallExpr m : c.findAll(MethodCallExpr.class)) {
            if (m.getNameAsString().equals("put") && m.getArguments().size() == 2
                && m.getScope().map(sc -> sc.toString().equals(n.getNameAsString())).orElse(false)) {
              keys.add(m.getArgument(0));
            }
          }
        });
        if (keys.isEmpty() && v.getInitializer().isPresent()) {
          return mapKeys(v.getInitializer().get(), depth + 1);
        }
        return keys.isEmpty() ? List.of(e) : keys;
      }
    }
    return List.of(e);
  }

  private static int positionOf(SdkCatalog.Grant row, int index, SdkCall sdk) {
    int explicit = row.members().get(index).position();
    if (explicit >= 0) {
      return explicit;
    }
    return sdk.client().style() == SdkCatalog.Style.V1 ? index : -1;
  }

  private List<ResourceRef> special(
      String kind, SdkCatalog.Grant row, SdkCall sdk, List<Node> roots, LambdaFunction function) {
    String type = row.resourceType();
    switch (kind) {
      case "@receiver" -> {
        Optional<Expression> scope = sdk.call().getScope();
        Optional<Origin> origin = scope.flatMap(s -> tableOrigin(s, 0));
        if (origin.isEmpty()) {
          return List.of(unresolved(type, "The table object `" + scope.map(Object::toString).orElse("?")
              + "` is not created from a table name ficus can see."));
        }
        return List.of(tableRef(origin.get(), type, function));
      }
      case "@mapped" -> {
        if (sdk.call().getArguments().isEmpty()) {
          return List.of(unresolved(type, "The mapper call names no item class."));
        }
        Expression arg = sdk.call().getArgument(0);
        Optional<String> cls = arg instanceof ClassExpr c ? types.qualify(c.getType(), c) : types.typeOf(arg);
        Optional<Expression> tableName = cls.flatMap(types::declaration).flatMap(Resources::dynamoDbTableName);
        if (tableName.isEmpty()) {
          return List.of(unresolved(type, "The item class of `" + arg + "` has no @DynamoDBTable(tableName) ficus can see."));
        }
        Value v = mapperTables.ofMapperCall(tableName.get(), sdk.call(), function);
        return List.of(v.known() ? ref(type, v.text(), v.resolution(), "tableName") : unresolved(type, v.reason()));
      }
      case "@entity" -> {
        Optional<SpringDataRepositories.RepositoryCall> repo = repositories.recognize(sdk.call());
        Optional<Expression> tableName = repo.flatMap(r -> dynamoDbTableName(r.entity()));
        if (tableName.isEmpty()) {
          return List.of(unresolved(type, "The entity of `" + abbreviate(sdk.call()) + "` has no @DynamoDBTable(tableName) ficus can see."));
        }
        Value v = mapperTables.ofRepositoryCall(tableName.get(), sdk.call(), function);
        if (!v.known()) {
          return List.of(unresolved(type, v.reason()));
        }
        String name = v.text();
        if (type.endsWith(":index")) {
          Value index = repo.get().index() == null ? null : values.evaluate(repo.get().index(), function);
          name = name + "/index/" + (index != null && index.known() ? index.text() : "*");
        }
        return List.of(ref(type, name, v.resolution(), "tableName"));
      }
      case "@items" -> {
        List<ResourceRef> out = new ArrayList<>();
        for (Node root : roots) {
          for (MethodCallExpr m : calls(root)) {
            String n = m.getNameAsString();
            boolean carrier = row.when() != null
                ? ITEM_CALLS.get(row.when().substring(5)).contains(n)
                : TABLE_CARRIERS.contains(n);
            if (carrier && !m.getArguments().isEmpty()
                && (n.equals("mappedTableResource") || m.getArguments().size() >= 2)) {
              Optional<Origin> origin = tableOrigin(m.getArgument(0), 0);
              out.add(origin.isPresent()
                  ? tableRef(origin.get(), type, function)
                  : unresolved(type, "The table object `" + m.getArgument(0) + "` is not created from a table name ficus can see."));
            }
          }
        }
        if (out.isEmpty()) {
          out.add(unresolved(type, "The request of `" + abbreviate(sdk.call()) + "` names no table ficus can see."));
        }
        return dedupe(out);
      }
      case "@statement" -> {
        List<ResourceRef> out = new ArrayList<>();
        String verb = row.when() == null ? null : row.when().substring(5);
        for (Expression e : memberExpressions(sdk, "statement", -1, roots)) {
          Value v = values.evaluate(e, function);
          if (!v.known()) {
            out.add(unresolved(type, v.reason()));
            continue;
          }
          if (verb != null && isKnownVerb(v.text())
              && !v.text().strip().toUpperCase(Locale.ROOT).startsWith(verb)) {
            continue; // another statement of the same call, with another verb
          }
          Matcher m = STATEMENT_TABLE.matcher(v.text());
          out.add(m.find() ? ref(type, m.group(1), v.resolution(), "statement")
              : unresolved(type, "The PartiQL statement `" + e + "` names no table ficus can read."));
        }
        if (out.isEmpty()) {
          out.add(unresolved(type, "The PartiQL statement of `" + abbreviate(sdk.call()) + "` cannot be seen."));
        }
        return dedupe(out);
      }
      default -> {
        return List.of(unresolved(type, "The catalog's member " + kind + " is unknown."));
      }
    }
  }

  private static boolean isKnownVerb(String statement) {
    String s = statement.strip().toUpperCase(Locale.ROOT);
    return s.startsWith("SELECT") || s.startsWith("INSERT") || s.startsWith("UPDATE") || s.startsWith("DELETE");
  }

  private record Origin(Expression table, Expression index) {}

  private ResourceRef tableRef(Origin origin, String type, LambdaFunction function) {
    Value table = values.evaluate(origin.table(), function);
    if (!table.known()) {
      return unresolved(type, table.reason());
    }
    if (type.endsWith(":index")) {
      String index = "*";
      if (origin.index() != null) {
        Value v = values.evaluate(origin.index(), function);
        index = v.known() ? v.text() : "*";
      }
      return ref(type, table.text() + "/index/" + index, table.resolution(), "tableName");
    }
    return ref(type, table.text(), table.resolution(), "tableName");
  }

  /** The {@code table(NAME, schema)} / {@code getTable(NAME)} call a table object comes from. */
  private Optional<Origin> tableOrigin(Expression e, int depth) {
    if (depth > 8) {
      return Optional.empty();
    }
    if (e instanceof EnclosedExpr en) {
      return tableOrigin(en.getInner(), depth + 1);
    }
    if (e instanceof CastExpr c) {
      return tableOrigin(c.getExpression(), depth + 1);
    }
    if (e instanceof MethodCallExpr m) {
      String n = m.getNameAsString();
      if ((n.equals("table") || n.equals("getTable")) && !m.getArguments().isEmpty()) {
        return Optional.of(new Origin(m.getArgument(0), null));
      }
      if ((n.equals("index") || n.equals("getIndex")) && m.getArguments().size() == 1 && m.getScope().isPresent()) {
        return tableOrigin(m.getScope().get(), depth + 1).map(o -> new Origin(o.table(), m.getArgument(0)));
      }
      Optional<MethodDeclaration> method = values.repositoryMethod(m);
      if (method.isPresent()) {
        List<ReturnStmt> returns = method.get().findAll(ReturnStmt.class);
        if (returns.size() == 1 && returns.get(0).getExpression().isPresent()) {
          return tableOrigin(returns.get(0).getExpression().get(), depth + 1);
        }
      }
      return Optional.empty();
    }
    Optional<? extends Node> decl = types.declarationOfVariable(e);
    if (decl.isEmpty()) {
      return Optional.empty();
    }
    if (decl.get() instanceof VariableDeclarator v) {
      if (v.getInitializer().isPresent()) {
        return tableOrigin(v.getInitializer().get(), depth + 1);
      }
      for (Expression assigned : values.assignments(v)) {
        Optional<Origin> o = tableOrigin(assigned, depth + 1);
        if (o.isPresent()) {
          return o;
        }
      }
      return Optional.empty();
    }
    if (decl.get() instanceof Parameter p) {
      for (Expression arg : values.argumentsFor(p)) {
        Optional<Origin> o = tableOrigin(arg, depth + 1);
        if (o.isPresent()) {
          return o;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Expression> dynamoDbTableName(TypeDeclaration<?> type) {
    for (AnnotationExpr a : type.getAnnotations()) {
      if (!a.getName().getIdentifier().equals("DynamoDBTable")) {
        continue;
      }
      if (a instanceof SingleMemberAnnotationExpr s) {
        return Optional.of(s.getMemberValue());
      }
      if (a instanceof NormalAnnotationExpr n) {
        return n.getPairs().stream().filter(p -> p.getNameAsString().equals("tableName"))
            .map(p -> p.getValue()).findFirst();
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- request members

  /**
   * The code that builds the request of a call: its arguments, the initializers of variables
   * they name, and the setter and builder calls made on those variables in the same method.
   */
  private List<Node> roots(MethodCallExpr call) {
    List<Node> cached = rootsCache.get(call);
    if (cached != null) {
      return cached;
    }
    List<Node> roots = new ArrayList<>(call.getArguments());
    Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < roots.size() && i < 64; i++) {
      Node root = roots.get(i);
      List<NameExpr> names = new ArrayList<>(root instanceof NameExpr n ? List.of(n) : List.of());
      names.addAll(root.findAll(NameExpr.class));
      for (NameExpr n : names) {
        Optional<Node> decl = types.declarationOf(n);
        if (decl.isEmpty() || !seen.add(decl.get())) {
          continue;
        }
        if (decl.get() instanceof VariableDeclarator v) {
          v.getInitializer().ifPresent(roots::add);
          if (!(v.getParentNode().orElse(null) instanceof FieldDeclaration)) {
            // request.setTableName(..), builder.tableName(..) in later statements
            enclosingCallable(v).ifPresent(c -> {
              for (MethodCallExpr m : c.findAll(MethodCallExpr.class)) {
                if (m.getScope().isPresent() && m.getScope().get() instanceof NameExpr s
                    && s.getNameAsString().equals(v.getNameAsString()) && m != call) {
                  roots.add(m);
                }
              }
            });
          }
        }
      }
    }
    rootsCache.put(call, roots);
    return roots;
  }

  private static Optional<Node> enclosingCallable(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  private static List<MethodCallExpr> calls(Node root) {
    List<MethodCallExpr> out = new ArrayList<>();
    if (root instanceof MethodCallExpr m) {
      out.add(m);
    }
    out.addAll(root.findAll(MethodCallExpr.class, m -> m != root));
    return out;
  }

  /** The expressions given to a request member, by setter or builder, or by position. */
  private List<Expression> memberExpressions(SdkCall sdk, String member, int position, List<Node> roots) {
    Set<String> names = new LinkedHashSet<>();
    for (String m : List.of(member, V1_NAMES.getOrDefault(member, member))) {
      String cap = Character.toUpperCase(m.charAt(0)) + m.substring(1);
      names.add(m);
      names.add("with" + cap);
      names.add("set" + cap);
    }
    Map<String, Expression> found = new LinkedHashMap<>();
    for (Node root : roots) {
      for (MethodCallExpr m : calls(root)) {
        if (names.contains(m.getNameAsString()) && m.getArguments().size() == 1) {
          found.putIfAbsent(m.getArgument(0).toString(), m.getArgument(0));
        }
      }
    }
    if (!found.isEmpty()) {
      return new ArrayList<>(found.values());
    }
    if (position < 0) {
      return List.of();
    }
    MethodCallExpr call = sdk.call();
    if (call.getArguments().size() > position && !requestLike(call.getArgument(position))) {
      return List.of(call.getArgument(position));
    }
    for (Node root : roots) {
      List<ObjectCreationExpr> creations = new ArrayList<>(root.findAll(ObjectCreationExpr.class));
      for (ObjectCreationExpr o : creations) {
        if (o.getType().getNameAsString().endsWith("Request") && o.getArguments().size() > position) {
          return List.of(o.getArgument(position));
        }
      }
    }
    return List.of();
  }

  private boolean requestLike(Expression e) {
    if (e instanceof LambdaExpr) {
      return true;
    }
    if (e instanceof ObjectCreationExpr o) {
      return o.getType().getNameAsString().endsWith("Request");
    }
    if (e instanceof MethodCallExpr m && m.getNameAsString().equals("build")) {
      return true;
    }
    Optional<String> t = types.typeOf(e);
    return t.isPresent() && (t.get().endsWith("Request") || t.get().endsWith("Builder"));
  }

  // ---------------------------------------------------------------- names and ARNs

  private static Value describe(Value v, String member, Expression e) {
    if (v.known()) {
      return v;
    }
    return Value.unresolved("The " + member + " comes from `" + e + "`: " + lowerFirst(v.reason()));
  }

  private static String lowerFirst(String s) {
    return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String transform(String member, String text, String type) {
    if (text.startsWith("arn:") || isReference(text) && (member.endsWith("Arn") || member.endsWith("ARN"))) {
      return text;
    }
    if (member.equals("queueUrl") && text.contains("/") && !text.endsWith("/")) {
      return text.substring(text.lastIndexOf('/') + 1);
    }
    if (member.equals("functionName") && text.contains(":")) {
      return text.substring(0, text.indexOf(':'));
    }
    if (type.equals("ssm:parameter") && text.startsWith("/")) {
      return text.substring(1);
    }
    return text;
  }

  private static boolean isReference(String text) {
    return text.startsWith("${") && text.endsWith("}") && text.indexOf('}') == text.length() - 1;
  }

  private ResourceRef ref(String type, String name, String resolution, String member) {
    String arn;
    if (name.startsWith("arn:") || isReference(name) && (member.endsWith("Arn") || member.endsWith("ARN")
        || name.endsWith(".Arn}"))) {
      arn = name;
    } else {
      arn = catalog.arnTemplate(type).orElse("*").replace("${name}", name);
    }
    return new ResourceRef(type, name, arn, resolution, null);
  }

  private static ResourceRef unresolved(String type, String reason) {
    return new ResourceRef(type, null, "*", "unresolved", reason);
  }

  private static List<ResourceRef> dedupe(List<ResourceRef> refs) {
    return refs.stream().distinct().toList();
  }

  private static String abbreviate(MethodCallExpr call) {
    String text = call.toString().replaceAll("\\s+", " ");
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
