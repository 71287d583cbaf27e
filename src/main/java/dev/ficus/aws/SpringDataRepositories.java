package dev.ficus.aws;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.ficus.graph.TypeResolver;
import dev.ficus.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Data repositories whose entity is a {@code @DynamoDBTable} class: spring-data-dynamodb
 * implements them at run time through {@code DynamoDBMapper}, so the repository has no code for
 * the call graph to follow, and without this class a route that saves through {@code
 * productRepository.save(p)} would need no permission at all. The inherited CRUD methods come from
 * a table ({@code spring-data-dynamodb.tsv}); derived queries ({@code findByCategory}) are read
 * from their names and the entity's key annotations, as spring-data-dynamodb decides between a
 * load, a query on the table or on an index, and a scan.
 *
 * <p>Repositories of other entities (JPA, MongoDB) are no AWS calls. An interface ficus cannot map
 * whose entity carries AWS annotations gets a warning instead of silence ({@link #warnIfOpaque}).
 */
final class SpringDataRepositories {

  /** The table of inherited methods shipped with ficus. */
  static final String RESOURCE = "/dev/ficus/aws/spring-data-dynamodb.tsv";

  /** Packages whose interfaces make a repository interface a Spring Data repository. */
  private static final List<String> SPRING_DATA_PACKAGES = List.of(
      "org.springframework.data.repository.",
      "org.socialsignin.spring.data.dynamodb.repository.",
      "com.github.derjust.spring.data.dynamodb.repository.");

  /** Spring Data interfaces by simple name, for a name imported by a wildcard that ficus cannot qualify. */
  private static final Set<String> SPRING_DATA_SIMPLE_NAMES = Set.of(
      "Repository", "CrudRepository", "ListCrudRepository", "PagingAndSortingRepository",
      "ListPagingAndSortingRepository", "DynamoDBCrudRepository", "DynamoDBPagingAndSortingRepository");

  private static final Set<String> AWS_ENTITY_ANNOTATIONS = Set.of(
      "DynamoDBTable", "DynamoDbBean", "DynamoDbImmutable", "DynamoDBDocument");

  private static final Pattern DERIVED = Pattern.compile(
      "^(find|read|get|query|search|stream|count|exists|delete|remove)\\p{Lu}?.*?By(\\p{Lu}.*)$");
  private static final Pattern JUNCTION = Pattern.compile("(?<=[\\p{Ll}\\d])(And|Or)(?=\\p{Lu})");
  /** Spring Data's predicate keywords, longest first so that {@code LessThanEqual} wins over {@code LessThan}. */
  private static final List<String> KEYWORDS = List.of(
      "IsGreaterThanEqual", "IsLessThanEqual", "GreaterThanEqual", "LessThanEqual", "IsNotContaining",
      "NotContaining", "IsStartingWith", "IsEndingWith", "IsContaining", "StartingWith", "EndingWith",
      "IsGreaterThan", "IsLessThan", "GreaterThan", "LessThan", "StartsWith", "EndsWith", "Containing",
      "Contains", "IsBetween", "Between", "IsNotNull", "NotNull", "IsNull", "Null", "IsNotEmpty",
      "NotEmpty", "IsEmpty", "Empty", "IsNotLike", "NotLike", "IsLike", "Like", "IsNotIn", "NotIn",
      "IsIn", "In", "IsBefore", "Before", "IsAfter", "After", "IsTrue", "True", "IsFalse", "False",
      "IsNot", "Not", "Exists", "Matches", "Regex");
  private static final List<String> EQUALITY = List.of("IgnoreCase", "Equals", "Is");

  /**
   * A call of a DynamoDB-backed repository.
   *
   * @param repository the repository interface
   * @param entity the {@code @DynamoDBTable} class the repository stores
   * @param operations catalog operation keys ({@code GetItem@entity}), in the order the library calls them
   * @param index the index name expression for {@code Query@entityindex}, or null
   */
  record RepositoryCall(String repository, TypeDeclaration<?> entity, List<String> operations, Expression index) {
    RepositoryCall {
      operations = List.copyOf(operations);
    }
  }

  /** The keys of an entity: property names of the hash and range key, and index hash keys by property. */
  private record Keys(String hash, String range, Map<String, Expression> indexHashKeys) {}

  private final Workspace workspace;
  private final TypeResolver types;
  private final Map<String, List<String>> inherited;
  private final Map<MethodCallExpr, Optional<RepositoryCall>> cache = new IdentityHashMap<>();
  private final Map<String, Optional<String>> entities = new HashMap<>();
  private Set<String> candidates;

  SpringDataRepositories(Workspace workspace, TypeResolver types) {
    this.workspace = workspace;
    this.types = types;
    this.inherited = load();
  }

  private static Map<String, List<String>> load() {
    try (InputStream in = SpringDataRepositories.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the method table; a malformed row is a bug in ficus and throws with its line. */
  static Map<String, List<String>> parse(String text) {
    Map<String, List<String>> out = new TreeMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      if (c.length != 2) {
        throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": needs two tab-separated columns");
      }
      out.put(c[0], List.of(c[1].split(",")));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Every operation key the method table names, for the catalog's own tests. */
  static Set<String> operationKeys() {
    Set<String> keys = new java.util.TreeSet<>();
    load().values().forEach(keys::addAll);
    return keys;
  }

  /** The DynamoDB calls behind a call of a repository method, if the receiver is a DynamoDB-backed repository. */
  Optional<RepositoryCall> recognize(MethodCallExpr call) {
    Optional<RepositoryCall> cached = cache.get(call);
    if (cached != null) {
      return cached;
    }
    Optional<RepositoryCall> result = recognizeUncached(call);
    cache.put(call, result);
    return result;
  }

  private Optional<RepositoryCall> recognizeUncached(MethodCallExpr call) {
    if (call.getScope().isEmpty() || candidates().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> receiver = types.typeOf(call.getScope().get());
    if (receiver.isEmpty() || !candidates().contains(receiver.get())) {
      return Optional.empty();
    }
    Optional<TypeDeclaration<?>> entity = entityOf(receiver.get())
        .flatMap(workspace::findType)
        .filter(t -> hasAnnotation(t, "DynamoDBTable"));
    if (entity.isEmpty()) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    List<String> ops = inheritedOperations(name, call, entity.get());
    if (ops != null) {
      return Optional.of(new RepositoryCall(receiver.get(), entity.get(), ops, null));
    }
    return derived(name, entity.get()).map(d -> new RepositoryCall(receiver.get(), entity.get(), d.operations(), d.index()));
  }

  /**
   * The interfaces of the repository whose entity, through the library interfaces they extend,
   * carries an AWS annotation: the only receivers worth a look, found once so that a repository
   * without any costs nothing per call.
   */
  private Set<String> candidates() {
    if (candidates == null) {
      Set<String> found = new java.util.TreeSet<>();
      for (Map.Entry<String, TypeDeclaration<?>> t : new TreeMap<>(workspace.types().all()).entrySet()) {
        if (t.getValue() instanceof ClassOrInterfaceDeclaration c && c.isInterface() && !c.getExtendedTypes().isEmpty()) {
          Optional<TypeDeclaration<?>> entity = entityOf(t.getKey(), Map.of(), 0, null).flatMap(workspace::findType);
          if (entity.isPresent() && AWS_ENTITY_ANNOTATIONS.stream().anyMatch(a -> hasAnnotation(entity.get(), a))) {
            found.add(t.getKey());
          }
        }
      }
      candidates = found;
    }
    return candidates;
  }

  private List<String> inheritedOperations(String name, MethodCallExpr call, TypeDeclaration<?> entity) {
    int argc = call.getArguments().size();
    if (argc == 1) {
      String kind = argumentKind(call.getArgument(0), entity);
      if (kind != null && inherited.containsKey(name + "/" + kind)) {
        return inherited.get(name + "/" + kind);
      }
    }
    List<String> byArity = inherited.get(name + "/" + argc);
    return byArity != null ? byArity : inherited.get(name);
  }

  /** {@code ids} for a collection, {@code id} for a value that is not the entity, null when unknown. */
  private String argumentKind(Expression arg, TypeDeclaration<?> entity) {
    Optional<String> type = types.typeOf(arg);
    if (type.isEmpty()) {
      return null;
    }
    String t = type.get();
    if (t.startsWith("java.util.") && (t.endsWith("List") || t.endsWith("Set") || t.endsWith("Collection"))
        || t.equals("java.lang.Iterable")) {
      return "ids";
    }
    if (entity.getFullyQualifiedName().map(t::equals).orElse(false)
        || t.startsWith("org.springframework.data.domain.")) {
      return null;
    }
    return "id";
  }

  private record Derived(List<String> operations, Expression index) {}

  /** What spring-data-dynamodb's query creator makes of a derived query method's name. */
  private Optional<Derived> derived(String name, TypeDeclaration<?> entity) {
    Matcher m = DERIVED.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    String verb = m.group(1);
    String criteria = m.group(2);
    int orderBy = criteria.indexOf("OrderBy");
    if (orderBy >= 0) {
      criteria = criteria.substring(0, orderBy);
    }
    Keys keys = keysOf(entity);
    String lookup = "Scan@entity";
    Expression index = null;
    if (!criteria.isEmpty() && !JUNCTION.matcher(criteria).results().anyMatch(r -> r.group(1).equals("Or"))) {
      Map<String, Boolean> parts = new TreeMap<>(); // property -> compared for equality
      for (String part : JUNCTION.split(criteria)) {
        if (part.isEmpty()) {
          continue;
        }
        String property = part;
        boolean equality = true;
        for (String k : KEYWORDS) {
          if (property.endsWith(k) && property.length() > k.length()) {
            property = property.substring(0, property.length() - k.length());
            equality = false;
            break;
          }
        }
        for (String k : EQUALITY) {
          if (equality && property.endsWith(k) && property.length() > k.length()) {
            property = property.substring(0, property.length() - k.length());
          }
        }
        parts.put(Character.toLowerCase(property.charAt(0)) + property.substring(1), equality);
      }
      boolean hashEq = keys.hash() != null && Boolean.TRUE.equals(parts.get(keys.hash()));
      Set<String> others = new java.util.TreeSet<>(parts.keySet());
      others.remove(keys.hash());
      if (hashEq && keys.range() == null && others.isEmpty()) {
        lookup = "GetItem@entity";
      } else if (hashEq && keys.range() != null && others.equals(Set.of(keys.range()))
          && parts.get(keys.range())) {
        lookup = "GetItem@entity";
      } else if (hashEq && keys.range() != null && (others.isEmpty() || others.equals(Set.of(keys.range())))) {
        lookup = "Query@entity";
      } else {
        for (Map.Entry<String, Boolean> p : parts.entrySet()) {
          if (p.getValue() && keys.indexHashKeys().containsKey(p.getKey())) {
            lookup = "Query@entityindex";
            index = keys.indexHashKeys().get(p.getKey());
            break;
          }
        }
      }
    }
    List<String> ops = new ArrayList<>(List.of(lookup));
    if (verb.equals("delete") || verb.equals("remove")) {
      ops.add("BatchWriteItem@entity");
    }
    return Optional.of(new Derived(ops, index));
  }

  /** Hash, range and index hash key properties, from annotated fields and getters. */
  private static Keys keysOf(TypeDeclaration<?> entity) {
    String hash = null;
    String range = null;
    Map<String, Expression> indexes = new TreeMap<>();
    List<Node> members = new ArrayList<>(entity.getMembers());
    for (Node member : members) {
      String property;
      NodeList<AnnotationExpr> annotations;
      if (member instanceof FieldDeclaration f && !f.getVariables().isEmpty()) {
        property = f.getVariable(0).getNameAsString();
        annotations = f.getAnnotations();
      } else if (member instanceof MethodDeclaration md && md.getParameters().isEmpty()) {
        String n = md.getNameAsString();
        String bare = n.startsWith("get") && n.length() > 3 ? n.substring(3) : n.startsWith("is") && n.length() > 2 ? n.substring(2) : n;
        property = Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
        annotations = md.getAnnotations();
      } else {
        continue;
      }
      for (AnnotationExpr a : annotations) {
        switch (a.getName().getIdentifier()) {
          case "DynamoDBHashKey" -> hash = hash == null ? property : hash;
          case "DynamoDBRangeKey" -> range = range == null ? property : range;
          case "DynamoDBIndexHashKey" -> indexName(a).ifPresent(e -> indexes.putIfAbsent(property, e));
          default -> { }
        }
      }
    }
    return new Keys(hash, range, indexes);
  }

  private static Optional<Expression> indexName(AnnotationExpr a) {
    if (!(a instanceof NormalAnnotationExpr n)) {
      return Optional.empty();
    }
    for (var pair : n.getPairs()) {
      String key = pair.getNameAsString();
      Expression v = pair.getValue();
      if (key.equals("globalSecondaryIndexName")) {
        return Optional.of(v);
      }
      if (key.equals("globalSecondaryIndexNames")) {
        if (v instanceof ArrayInitializerExpr arr) {
          return arr.getValues().isEmpty() ? Optional.empty() : Optional.of(arr.getValues().get(0));
        }
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * The entity type argument a repository interface gives the Spring Data interface it extends,
   * directly or through repository interfaces of its own ({@code BaseRepository<T>}).
   */
  Optional<String> entityOf(String repository) {
    Optional<String> cached = entities.get(repository);
    if (cached != null) {
      return cached;
    }
    Optional<String> result = entityOf(repository, Map.of(), 0, SPRING_DATA_PACKAGES);
    entities.put(repository, result);
    return result;
  }

  /**
   * The first repository type among the type arguments of a chain of interfaces ending in one of
   * {@code packages} (any package outside the repository when {@code packages} is null).
   */
  private Optional<String> entityOf(String type, Map<String, String> bindings, int depth, List<String> packages) {
    Optional<TypeDeclaration<?>> decl = workspace.findType(type);
    if (depth > 6 || decl.isEmpty() || !(decl.get() instanceof ClassOrInterfaceDeclaration c) || !c.isInterface()) {
      return Optional.empty();
    }
    for (ClassOrInterfaceType ext : c.getExtendedTypes()) {
      Optional<String> q = types.qualify(ext, ext);
      List<String> args = new ArrayList<>();
      ext.getTypeArguments().ifPresent(ta -> {
        for (Type t : ta) {
          String written = t.isClassOrInterfaceType() ? t.asClassOrInterfaceType().getNameWithScope() : t.asString();
          String bound = bindings.get(written);
          args.add(bound != null ? bound : types.qualify(t, ext).orElse(written));
        }
      });
      boolean library = q.isEmpty() || workspace.findType(q.get()).isEmpty();
      if (library) {
        String name = q.orElse(ext.getNameWithScope());
        boolean matches = packages == null || packages.stream().anyMatch(name::startsWith)
            || q.isEmpty() && SPRING_DATA_SIMPLE_NAMES.contains(name);
        if (matches) {
          for (String a : args) {
            if (workspace.findType(a).isPresent()) {
              return Optional.of(a);
            }
          }
        }
        continue;
      }
      Map<String, String> next = new HashMap<>();
      TypeDeclaration<?> parent = workspace.findType(q.get()).get();
      if (parent instanceof ClassOrInterfaceDeclaration pc) {
        for (int i = 0; i < pc.getTypeParameters().size() && i < args.size(); i++) {
          next.put(pc.getTypeParameter(i).getNameAsString(), args.get(i));
        }
      }
      Optional<String> found = entityOf(q.get(), next, depth + 1, packages);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Warns at a call that leaves the repository through an interface of the repository that nothing
   * in the repository implements, that extends a library interface ficus does not map, and whose
   * type argument is an AWS-annotated entity: a library makes AWS calls there that ficus cannot tell.
   */
  void warnIfOpaque(MethodCallExpr call) {
    if (call.getScope().isEmpty() || candidates().isEmpty() || recognize(call).isPresent()) {
      return;
    }
    Optional<String> receiver = types.typeOf(call.getScope().get());
    if (receiver.isEmpty() || !candidates().contains(receiver.get()) || !types.hasExternalSupertype(receiver.get())) {
      return;
    }
    Optional<TypeDeclaration<?>> decl = workspace.findType(receiver.get());
    if (decl.isEmpty() || !(decl.get() instanceof ClassOrInterfaceDeclaration c) || !c.isInterface()) {
      return;
    }
    for (String sub : types.subtypesOf(receiver.get())) {
      Optional<TypeDeclaration<?>> s = workspace.findType(sub);
      if (s.isPresent() && !(s.get() instanceof ClassOrInterfaceDeclaration sc && sc.isInterface())) {
        return; // implemented in the repository: the call graph follows the implementation
      }
    }
    Optional<TypeDeclaration<?>> entity = entityOf(receiver.get(), Map.of(), 0, null).flatMap(workspace::findType);
    if (entity.isEmpty()) {
      return;
    }
    Optional<String> annotation = AWS_ENTITY_ANNOTATIONS.stream().sorted().filter(a -> hasAnnotation(entity.get(), a)).findFirst();
    if (annotation.isEmpty()) {
      return;
    }
    String entityName = entity.get().getNameAsString();
    workspace.diagnostics().warning("opaque-aws-library",
        "`" + abbreviate(call) + "` calls " + c.getNameAsString() + ", which nothing in the repository implements; "
            + "a library implements it for the @" + annotation.get() + " class " + entityName
            + ", and ficus cannot tell which AWS calls it makes, so this route's policy may lack them.",
        workspace.ref(call));
  }

  static boolean hasAnnotation(TypeDeclaration<?> type, String simpleName) {
    for (AnnotationExpr a : type.getAnnotations()) {
      if (a.getName().getIdentifier().equals(simpleName)) {
        return true;
      }
    }
    return false;
  }

  /** The value of {@code @EnableDynamoDBRepositories(member = "...")} anywhere in the repository, if set. */
  Optional<String> enableAttribute(String member) {
    for (TypeDeclaration<?> t : workspace.types().all().values()) {
      for (AnnotationExpr a : t.getAnnotations()) {
        if (a.getName().getIdentifier().equals("EnableDynamoDBRepositories") && a instanceof NormalAnnotationExpr n) {
          for (var pair : n.getPairs()) {
            if (pair.getNameAsString().equals(member) && pair.getValue().isStringLiteralExpr()) {
              return Optional.of(pair.getValue().asStringLiteralExpr().asString());
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String abbreviate(MethodCallExpr call) {
    String text = call.toString().replaceAll("\\s+", " ");
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
