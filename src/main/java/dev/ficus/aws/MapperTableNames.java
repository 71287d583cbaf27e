package dev.ficus.aws;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.Type;
import dev.ficus.aws.ValueResolver.Value;
import dev.ficus.graph.TypeResolver;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.SourceRef;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table a {@code DynamoDBMapper} really uses for a {@code @DynamoDBTable} class: the
 * annotation's name, unless the mapper's {@code DynamoDBMapperConfig} (given to its constructor,
 * or to the call itself) overrides it with {@code TableNameOverride.withTableNameReplacement} or
 * {@code withTableNamePrefix}. Teams deploy one code base per stage this way ({@code "dev-"}
 * prefixes, a table name from the environment), and a policy on the annotation's name would deny
 * every call. A config ficus cannot read keeps the annotation's name with a warning.
 */
final class MapperTableNames {

  private static final int MAX_DEPTH = 8;

  /** What a config does to the table name. */
  private sealed interface Override {}

  /** No override: the annotation's name. */
  private record None() implements Override {}

  /** {@code withTableNameReplacement(name)}: every class of this mapper uses {@code name}. */
  private record Replace(Expression name) implements Override {}

  /** {@code withTableNamePrefix(prefix)}: the prefix before the annotation's name. */
  private record Prefix(Expression prefix) implements Override {}

  /** A config or resolver ficus cannot read. */
  private record Unknown(String reason) implements Override {}

  private final Workspace workspace;
  private final TypeResolver types;
  private final ValueResolver values;
  private final SpringDataRepositories repositories;
  private final Map<String, List<Expression>> beans = new HashMap<>();
  private Boolean mentionsOverrides;

  MapperTableNames(Workspace workspace, TypeResolver types, ValueResolver values, SpringDataRepositories repositories) {
    this.workspace = workspace;
    this.types = types;
    this.values = values;
    this.repositories = repositories;
  }

  /** The table of a {@code DynamoDBMapper} call whose item class names {@code annotated}. */
  Value ofMapperCall(Expression annotated, MethodCallExpr call, LambdaFunction function) {
    Override o = perCallConfig(call)
        .orElseGet(() -> call.getScope().map(this::ofMapper).orElseGet(this::unseen));
    return apply(o, annotated, function, workspace.ref(call));
  }

  /**
   * The table of a Spring Data repository call: the config spring-data-dynamodb's mapper is built
   * with, from the {@code DynamoDBMapperConfig} or {@code DynamoDBMapper} bean of the repository.
   */
  Value ofRepositoryCall(Expression annotated, MethodCallExpr call, LambdaFunction function) {
    Optional<String> ref = repositories.enableAttribute("dynamoDBMapperConfigRef");
    List<Expression> configs = beanReturns("DynamoDBMapperConfig", ref.orElse(null));
    Override o;
    if (!configs.isEmpty()) {
      o = merge(configs.stream().map(c -> configOverride(c, 0)).toList());
    } else {
      List<Expression> mappers = new ArrayList<>(beanReturns("DynamoDBMapper", null));
      mappers.addAll(beanReturns("IDynamoDBMapper", null));
      o = mappers.isEmpty() ? unseen() : merge(mappers.stream().map(m -> mapperCreation(m)).toList());
    }
    return apply(o, annotated, function, workspace.ref(call));
  }

  private Value apply(Override o, Expression annotated, LambdaFunction function, SourceRef site) {
    Value base = values.springPlaceholders(values.evaluate(annotated, function), function);
    if (o instanceof Replace r) {
      Value v = values.evaluate(r.name(), function);
      return v.known() ? v : Value.unresolved("The mapper's table name override comes from `" + r.name() + "`: "
          + lowerFirst(v.reason()));
    }
    if (o instanceof Prefix p) {
      Value prefix = values.evaluate(p.prefix(), function);
      if (!prefix.known()) {
        return Value.unresolved("The mapper's table name prefix comes from `" + p.prefix() + "`: "
            + lowerFirst(prefix.reason()));
      }
      return base.known()
          ? new Value(prefix.text() + base.text(), ValueResolver.strongest(prefix.resolution(), base.resolution()), null)
          : base;
    }
    if (o instanceof Unknown u) {
      workspace.diagnostics().warning("table-name-override",
          "The DynamoDBMapper here may override the table name of its @DynamoDBTable class: " + u.reason()
              + " ficus grants the annotation's table; check the policy against the deployed table name.",
          site);
    }
    return base;
  }

  // ---------------------------------------------------------------- where the config is

  /** A config given to the call itself: {@code mapper.load(Item.class, id, config)}. */
  private Optional<Override> perCallConfig(MethodCallExpr call) {
    for (int i = 1; i < call.getArguments().size(); i++) {
      Expression arg = call.getArgument(i);
      if (isConfig(arg)) {
        return Optional.of(configOverride(arg, 0));
      }
    }
    return Optional.empty();
  }

  private boolean isConfig(Expression e) {
    Optional<String> type = types.typeOf(e);
    if (type.isPresent()) {
      return type.get().endsWith("DynamoDBMapperConfig") || type.get().endsWith("DynamoDBMapperConfig.Builder");
    }
    if (e instanceof FieldAccessExpr f) {
      return f.getNameAsString().equals("DEFAULT");
    }
    if (e instanceof ObjectCreationExpr o) {
      return o.getType().toString().contains("DynamoDBMapperConfig");
    }
    if (e instanceof MethodCallExpr m) {
      String text = m.toString();
      return m.getNameAsString().equals("config") && m.getArguments().isEmpty()
          || text.contains("DynamoDBMapperConfig") || text.contains("TableNameOverride");
    }
    return false;
  }

  /** What the config of the mapper an expression holds does. */
  private Override ofMapper(Expression mapper) {
    List<Expression> creations = sources(mapper, 0, x -> x instanceof ObjectCreationExpr, "DynamoDBMapper");
    if (creations.isEmpty()) {
      return unseen();
    }
    return merge(creations.stream().map(this::mapperCreation).toList());
  }

  private Override mapperCreation(Expression e) {
    List<Expression> creations = e instanceof ObjectCreationExpr ? List.of(e)
        : sources(e, 0, x -> x instanceof ObjectCreationExpr, "DynamoDBMapper");
    if (creations.isEmpty()) {
      return new Unknown("the mapper comes from `" + abbreviate(e) + "`, which ficus cannot follow.");
    }
    List<Override> out = new ArrayList<>();
    for (Expression c : creations) {
      ObjectCreationExpr o = (ObjectCreationExpr) c;
      if (!o.getType().getNameAsString().endsWith("DynamoDBMapper")) {
        out.add(new Unknown("the mapper is a `" + o.getType() + "`."));
        continue;
      }
      Override found = new None();
      for (int i = 1; i < o.getArguments().size(); i++) {
        Expression arg = o.getArgument(i);
        String t = types.typeOf(arg).orElse(arg.toString());
        if (t.contains("Credentials") || t.contains("AttributeTransformer")) {
          continue;
        }
        found = configOverride(arg, 0);
        break;
      }
      out.add(found);
    }
    return merge(out);
  }

  /** No mapper construction in sight: a warning only when the repository overrides table names somewhere. */
  private Override unseen() {
    if (mentionsOverrides == null) {
      mentionsOverrides = workspace.sources().stream().anyMatch(s -> s.unit().findFirst(
          com.github.javaparser.ast.expr.SimpleName.class,
          n -> n.getIdentifier().contains("TableNameOverride") || n.getIdentifier().contains("TableNameResolver"))
          .isPresent());
    }
    return mentionsOverrides
        ? new Unknown("the repository overrides table names somewhere, and ficus cannot see which config this mapper uses.")
        : new None();
  }

  /** What a {@code DynamoDBMapperConfig} expression does to table names. */
  private Override configOverride(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return new Unknown("the config `" + abbreviate(e) + "` is built too far away to follow.");
    }
    if (e instanceof NullLiteralExpr) {
      return new None();
    }
    if (e instanceof EnclosedExpr en) {
      return configOverride(en.getInner(), depth + 1);
    }
    if (e instanceof CastExpr c) {
      return configOverride(c.getExpression(), depth + 1);
    }
    if (e instanceof FieldAccessExpr f && f.getNameAsString().equals("DEFAULT")) {
      return new None();
    }
    if (e instanceof ObjectCreationExpr o) {
      if (o.getType().getNameAsString().equals("TableNameOverride")) {
        return tableNameOverride(o, depth);
      }
      List<Override> parts = new ArrayList<>();
      for (Expression arg : o.getArguments()) {
        Override a = argumentOverride(arg, depth);
        if (!(a instanceof None)) {
          parts.add(a);
        }
      }
      // new DynamoDBMapperConfig(defaults, overrides): the last one set wins
      return parts.isEmpty() ? new None() : parts.get(parts.size() - 1);
    }
    if (e instanceof MethodCallExpr m) {
      return builderChain(m, depth);
    }
    if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
      List<Expression> found = sources(e, depth, MapperTableNames::notAName, "DynamoDBMapperConfig");
      if (found.isEmpty()) {
        return new Unknown("the config `" + e + "` is not built where ficus can see it.");
      }
      return merge(found.stream().map(x -> configOverride(x, depth + 1)).toList());
    }
    return new Unknown("the config `" + abbreviate(e) + "` is not one ficus can read.");
  }

  /** An argument of the config's constructor: an override, a resolver, another config, or a setting. */
  private Override argumentOverride(Expression arg, int depth) {
    String text = arg.toString();
    if (text.contains("TableNameOverride") || isOverrideTyped(arg)) {
      return tableNameOverride(arg, depth + 1);
    }
    if (text.contains("TableNameResolver") || types.typeOf(arg).map(t -> t.endsWith("TableNameResolver")).orElse(false)) {
      return new Unknown("it uses the table name resolver `" + abbreviate(arg) + "`.");
    }
    if (isConfig(arg)) {
      return configOverride(arg, depth + 1);
    }
    return new None();
  }

  private boolean isOverrideTyped(Expression e) {
    return types.typeOf(e).map(t -> t.endsWith("TableNameOverride")).orElse(false);
  }

  /** {@code DynamoDBMapperConfig.builder().withTableNameOverride(o).build()} and the older withers. */
  private Override builderChain(MethodCallExpr m, int depth) {
    if (m.getNameAsString().equals("config") && m.getArguments().isEmpty() && m.getScope().isPresent()) {
      // SaveBehavior.CLOBBER.config(), TableNameOverride.withTableNamePrefix(p).config(): one setting
      Expression option = m.getScope().get();
      boolean override = option.toString().contains("TableNameOverride") || option.toString().contains("withTableName")
          || isOverrideTyped(option);
      return override ? tableNameOverride(option, depth + 1) : new None();
    }
    for (Expression x = m; x instanceof MethodCallExpr call; x = call.getScope().orElse(null)) {
      String n = call.getNameAsString();
      if ((n.equals("withTableNameOverride") || n.equals("setTableNameOverride") || n.equals("tableNameOverride"))
          && call.getArguments().size() == 1) {
        return tableNameOverride(call.getArgument(0), depth + 1);
      }
      if (n.contains("TableNameResolver") && call.getArguments().size() == 1) {
        return new Unknown("it uses the table name resolver `" + abbreviate(call.getArgument(0)) + "`.");
      }
      if (n.equals("builder") || call.getScope().isEmpty()) {
        Optional<MethodDeclaration> method = call.getScope().isEmpty() || !n.equals("builder")
            ? values.repositoryMethod(call) : Optional.empty();
        if (method.isPresent()) {
          return merge(returns(method.get()).stream().map(r -> configOverride(r, depth + 1)).toList());
        }
        return n.equals("builder") ? new None() : new Unknown("the config comes from `" + abbreviate(m) + "`.");
      }
      if (call.getScope().isPresent() && !(call.getScope().get() instanceof MethodCallExpr)) {
        Expression root = call.getScope().get();
        if (root instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("Builder")) {
          return new None();
        }
        Optional<MethodDeclaration> method = values.repositoryMethod(call);
        if (method.isPresent()) {
          return merge(returns(method.get()).stream().map(r -> configOverride(r, depth + 1)).toList());
        }
        if (root instanceof NameExpr local) {
          Optional<Override> set = builderStatements(local, depth);
          if (set.isPresent()) {
            return set.get();
          }
        }
        if (root instanceof NameExpr || root instanceof FieldAccessExpr) {
          return configOverride(root, depth + 1); // config.toBuilder()..., DynamoDBMapperConfig.DEFAULT
        }
        return new Unknown("the config comes from `" + abbreviate(m) + "`.");
      }
    }
    return new Unknown("the config comes from `" + abbreviate(m) + "`.");
  }

  /**
   * The override set on a local builder in statements of its own: {@code builder.setTableNameOverride(o);
   * return builder.build();}.
   */
  private Optional<Override> builderStatements(NameExpr builder, int depth) {
    Optional<Node> decl = types.declarationOf(builder);
    if (decl.isEmpty() || !(decl.get() instanceof VariableDeclarator v)
        || v.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.FieldDeclaration) {
      return Optional.empty();
    }
    Optional<Node> body = v.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).map(c -> (Node) c);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    for (MethodCallExpr m : body.get().findAll(MethodCallExpr.class)) {
      if (!(m.getScope().orElse(null) instanceof NameExpr s) || !s.getNameAsString().equals(v.getNameAsString())
          || m.getArguments().size() != 1) {
        continue;
      }
      String n = m.getNameAsString();
      if (n.equals("setTableNameOverride") || n.equals("withTableNameOverride")) {
        return Optional.of(tableNameOverride(m.getArgument(0), depth + 1));
      }
      if (n.contains("TableNameResolver")) {
        return Optional.of(new Unknown("it uses the table name resolver `" + abbreviate(m.getArgument(0)) + "`."));
      }
    }
    return Optional.empty();
  }

  /** {@code TableNameOverride.withTableNameReplacement(x)}, {@code withTableNamePrefix(p)}, {@code new TableNameOverride(x)}. */
  private Override tableNameOverride(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return new Unknown("the table name override `" + abbreviate(e) + "` is built too far away to follow.");
    }
    if (e instanceof NullLiteralExpr) {
      return new None();
    }
    if (e instanceof EnclosedExpr en) {
      return tableNameOverride(en.getInner(), depth + 1);
    }
    if (e instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("TableNameOverride")
        && o.getArguments().size() == 1) {
      return new Replace(o.getArgument(0));
    }
    if (e instanceof MethodCallExpr m && m.getArguments().size() == 1) {
      if (m.getNameAsString().equals("withTableNameReplacement")) {
        return new Replace(m.getArgument(0));
      }
      if (m.getNameAsString().equals("withTableNamePrefix")) {
        return new Prefix(m.getArgument(0));
      }
    }
    if (e instanceof MethodCallExpr m) {
      Optional<MethodDeclaration> method = values.repositoryMethod(m);
      if (method.isPresent()) {
        return merge(returns(method.get()).stream().map(r -> tableNameOverride(r, depth + 1)).toList());
      }
    }
    if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
      List<Expression> found = sources(e, depth, MapperTableNames::notAName, "TableNameOverride");
      if (!found.isEmpty()) {
        return merge(found.stream().map(x -> tableNameOverride(x, depth + 1)).toList());
      }
    }
    return new Unknown("the table name override `" + abbreviate(e) + "` is not one ficus can read.");
  }

  /** One override when every source agrees; else the first that cannot be read, or a disagreement. */
  private static Override merge(List<Override> all) {
    Set<String> distinct = new LinkedHashSet<>();
    for (Override o : all) {
      if (o instanceof Unknown) {
        return o;
      }
      distinct.add(o.toString());
    }
    if (distinct.size() > 1) {
      return new Unknown("it is built in " + distinct.size() + " different ways.");
    }
    return all.isEmpty() ? new None() : all.get(0);
  }

  // ---------------------------------------------------------------- following values

  /**
   * The expressions a value comes from, followed through locals, fields (their initializer, their
   * assignments, or the bean methods of their type when injected), parameters (the arguments of
   * every call) and helper methods (their returns), until {@code done} accepts one.
   */
  private List<Expression> sources(Expression e, int depth, java.util.function.Predicate<Expression> done, String beanType) {
    List<Expression> out = new ArrayList<>();
    collect(e, depth, done, beanType, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    return out;
  }

  private void collect(Expression e, int depth, java.util.function.Predicate<Expression> done, String beanType,
      List<Expression> out, Set<Node> seen) {
    if (depth > MAX_DEPTH || !seen.add(e)) {
      return;
    }
    if (e instanceof EnclosedExpr en) {
      collect(en.getInner(), depth + 1, done, beanType, out, seen);
      return;
    }
    if (e instanceof CastExpr c) {
      collect(c.getExpression(), depth + 1, done, beanType, out, seen);
      return;
    }
    if (e instanceof ConditionalExpr c) {
      collect(c.getThenExpr(), depth + 1, done, beanType, out, seen);
      collect(c.getElseExpr(), depth + 1, done, beanType, out, seen);
      return;
    }
    if (done.test(e) && !(e instanceof MethodCallExpr m && values.repositoryMethod(m).isPresent())) {
      out.add(e);
      return;
    }
    if (e instanceof MethodCallExpr m) {
      values.repositoryMethod(m).ifPresent(method -> returns(method).forEach(r -> collect(r, depth + 1, done, beanType, out, seen)));
      return;
    }
    Optional<? extends Node> decl = types.declarationOfVariable(e);
    if (decl.isEmpty()) {
      return;
    }
    if (decl.get() instanceof VariableDeclarator v) {
      int before = out.size();
      v.getInitializer().ifPresent(i -> collect(i, depth + 1, done, beanType, out, seen));
      for (Expression assigned : values.assignments(v)) {
        collect(assigned, depth + 1, done, beanType, out, seen);
      }
      if (out.size() == before && v.getInitializer().isEmpty()) {
        injected(v.getType(), beanType).forEach(r -> collect(r, depth + 1, done, beanType, out, seen));
      }
      return;
    }
    if (decl.get() instanceof Parameter p) {
      Optional<Expression> bound = values.boundArgument(p);
      if (bound.isPresent()) {
        collect(bound.get(), depth + 1, done, beanType, out, seen);
        return;
      }
      List<Expression> args = values.argumentsFor(p);
      if (args.isEmpty()) {
        injected(p.getType(), beanType).forEach(r -> collect(r, depth + 1, done, beanType, out, seen));
      }
      for (Expression a : args) {
        collect(a, depth + 1, done, beanType, out, seen);
      }
    }
  }

  /** The returns of the bean methods ({@code @Bean}, {@code @Provides}) of an injected field's or parameter's type. */
  private List<Expression> injected(Type type, String beanType) {
    String simple = type.isClassOrInterfaceType() ? type.asClassOrInterfaceType().getNameAsString() : type.asString();
    if (!simple.equals(beanType) && !simple.equals("I" + beanType)) {
      return List.of();
    }
    return beanReturns(simple, null);
  }

  /**
   * The return expressions of the repository's methods that return {@code simpleType} (bean and
   * provider methods); only the method named {@code preferred} when it is one of them.
   */
  private List<Expression> beanReturns(String simpleType, String preferred) {
    String key = simpleType + "#" + preferred;
    List<Expression> cached = beans.get(key);
    if (cached != null) {
      return cached;
    }
    List<MethodDeclaration> methods = new ArrayList<>();
    List<TypeDeclaration<?>> all = new ArrayList<>(workspace.types().all().values());
    for (TypeDeclaration<?> t : all) {
      for (MethodDeclaration m : t.getMethods()) {
        Type rt = m.getType();
        String name = rt.isClassOrInterfaceType() ? rt.asClassOrInterfaceType().getNameAsString() : rt.asString();
        if (name.equals(simpleType) && m.getBody().isPresent()) {
          methods.add(m);
        }
      }
    }
    if (preferred != null && methods.stream().anyMatch(m -> m.getNameAsString().equals(preferred))) {
      methods.removeIf(m -> !m.getNameAsString().equals(preferred));
    }
    List<Expression> out = new ArrayList<>();
    methods.sort(java.util.Comparator.comparing(m -> workspace.ref(m)));
    for (MethodDeclaration m : methods) {
      out.addAll(returns(m));
    }
    beans.put(key, out);
    return out;
  }

  /** A value to read rather than a name to follow; {@code DynamoDBMapperConfig.DEFAULT} is read. */
  private static boolean notAName(Expression x) {
    return !(x instanceof NameExpr) && !(x instanceof FieldAccessExpr f && !f.getNameAsString().equals("DEFAULT"));
  }

  private static List<Expression> returns(MethodDeclaration m) {
    List<Expression> out = new ArrayList<>();
    for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
      r.getExpression().ifPresent(out::add);
    }
    return out;
  }

  private static String lowerFirst(String s) {
    return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String abbreviate(Node e) {
    String text = e.toString().replaceAll("\\s+", " ");
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
