package dev.ficus.graph;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.ficus.workspace.TypeNames;
import dev.ficus.workspace.Workspace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Static types of expressions from declarations and imports alone, without the symbol solver:
 * the declared type of a local, parameter or field (also {@code var}, a static holder's field, a
 * field of another object), a constructor call, a cast, the return type of a repository method,
 * builder chains ({@code X.builder()...build()} is an {@code X}), and an implicitly typed lambda
 * parameter given the elements of a JDK container whose element type is written where the
 * container is declared ({@code orders.forEach(o -> ..)} with {@code List<Order> orders}). Works
 * when no dependency jar is present, which is the usual case; what SDK factories return comes from
 * an {@link ExternalTypes} the caller plugs in. Also the type hierarchy of the repository.
 */
public final class TypeResolver {

  /** What methods of types outside the repository return, as far as a later stage knows. */
  @FunctionalInterface
  public interface ExternalTypes {
    /** The fully qualified return type of {@code receiverType.method(...)}, if known. */
    Optional<String> returnType(String receiverType, String method, MethodCallExpr call);

    /**
     * True when the stage knows {@code qualifiedName} exists outside the repository; it settles a
     * simple name that several wildcard imports could supply.
     */
    default boolean exists(String qualifiedName) {
      return false;
    }

    ExternalTypes NONE = (type, method, call) -> Optional.empty();
  }

  private final Workspace workspace;
  private final TypeNames names;
  private final ExternalTypes external;
  private final Map<String, List<String>> supertypes = new TreeMap<>();
  private final Map<String, Set<String>> directSubtypes = new TreeMap<>();
  private final Map<String, Set<String>> allSubtypes = new TreeMap<>();
  private final Map<Expression, Optional<String>> typeCache = new IdentityHashMap<>();
  private final Map<TypeDeclaration<?>, Map<String, VariableDeclarator>> fieldIndex = new IdentityHashMap<>();

  public TypeResolver(Workspace workspace, ExternalTypes external) {
    this.workspace = workspace;
    this.names = new TypeNames(workspace.types(), external::exists);
    this.external = external;
    for (Map.Entry<String, TypeDeclaration<?>> e : workspace.types().all().entrySet()) {
      List<String> supers = new ArrayList<>();
      for (ClassOrInterfaceType t : declaredSupertypes(e.getValue())) {
        names.qualify(t.getNameWithScope(), e.getValue()).ifPresent(supers::add);
      }
      supertypes.put(e.getKey(), supers);
      for (String s : supers) {
        directSubtypes.computeIfAbsent(s, k -> new TreeSet<>()).add(e.getKey());
      }
    }
  }

  public Workspace workspace() {
    return workspace;
  }

  /** What this resolver knows of types outside the repository. */
  public ExternalTypes external() {
    return external;
  }

  public TypeNames names() {
    return names;
  }

  private static List<ClassOrInterfaceType> declaredSupertypes(TypeDeclaration<?> type) {
    List<ClassOrInterfaceType> out = new ArrayList<>();
    if (type instanceof ClassOrInterfaceDeclaration c) {
      out.addAll(c.getExtendedTypes());
      out.addAll(c.getImplementedTypes());
    } else if (type instanceof EnumDeclaration e) {
      out.addAll(e.getImplementedTypes());
    } else if (type instanceof RecordDeclaration r) {
      out.addAll(r.getImplementedTypes());
    }
    return out;
  }

  // ---------------------------------------------------------------- hierarchy

  public Optional<TypeDeclaration<?>> declaration(String qualifiedName) {
    return workspace.findType(qualifiedName);
  }

  /** Direct supertypes (qualified, repository or not) of a repository type. */
  public List<String> supertypesOf(String qualifiedName) {
    return supertypes.getOrDefault(qualifiedName, List.of());
  }

  /** Every repository type that extends or implements {@code qualifiedName}, transitively, sorted. */
  public Set<String> subtypesOf(String qualifiedName) {
    Set<String> cached = allSubtypes.get(qualifiedName);
    if (cached != null) {
      return cached;
    }
    TreeSet<String> out = new TreeSet<>();
    Deque<String> work = new ArrayDeque<>(directSubtypes.getOrDefault(qualifiedName, Set.of()));
    while (!work.isEmpty()) {
      String s = work.pop();
      if (out.add(s)) {
        work.addAll(directSubtypes.getOrDefault(s, Set.of()));
      }
    }
    allSubtypes.put(qualifiedName, out);
    return out;
  }

  /** The type and its supertypes, nearest first, each once. */
  public List<String> selfAndSupertypes(String qualifiedName) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>();
    work.add(qualifiedName);
    while (!work.isEmpty()) {
      String t = work.poll();
      if (out.add(t)) {
        work.addAll(supertypesOf(t));
      }
    }
    return new ArrayList<>(out);
  }

  /** True when some supertype of this repository type is declared outside the repository. */
  public boolean hasExternalSupertype(String qualifiedName) {
    for (String t : selfAndSupertypes(qualifiedName)) {
      if (declaration(t).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  public static boolean isAbstractOrInterface(TypeDeclaration<?> type) {
    return type instanceof ClassOrInterfaceDeclaration c && (c.isInterface() || c.isAbstract());
  }

  /** The fully qualified name of the type that encloses a node (anonymous classes skipped). */
  public static Optional<String> enclosingTypeName(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        Optional<String> name = t.getFullyQualifiedName();
        if (name.isPresent()) {
          return name;
        }
      }
    }
    return Optional.empty();
  }

  public static Optional<TypeDeclaration<?>> enclosingType(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t && t.getFullyQualifiedName().isPresent()) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- names

  /** The qualified name of a type as written at {@code context}. */
  public Optional<String> qualify(Type type, Node context) {
    if (type.isVarType() || type.isUnknownType()) {
      return Optional.empty();
    }
    if (type.isPrimitiveType()) {
      return Optional.of(type.asString());
    }
    String written = type.isClassOrInterfaceType()
        ? type.asClassOrInterfaceType().getNameWithScope()
        : type.asString();
    return qualify(written, context);
  }

  public Optional<String> qualify(String written, Node context) {
    Optional<String> q = names.qualify(written, context);
    if (q.isPresent()) {
      return q;
    }
    // A nested type of a supertype, or a type parameter (which stays unknown).
    return Optional.empty();
  }

  /**
   * The type an expression names when it is used as the scope of a static access ({@code
   * Clients.DYNAMO}, {@code com.acme.Clients.dynamo()}), or empty when it is a value.
   */
  public Optional<String> staticTypeOf(Expression scope) {
    if (scope instanceof TypeExpr t) {
      return qualify(t.getType(), t);
    }
    if (scope instanceof NameExpr n) {
      if (declarationOf(n).isPresent()) {
        return Optional.empty();
      }
      String id = n.getNameAsString();
      if (id.isEmpty() || !Character.isUpperCase(id.charAt(0))) {
        return Optional.empty();
      }
      return qualify(id, n);
    }
    if (scope instanceof FieldAccessExpr f) {
      String text = f.toString();
      if (workspace.findType(text).isPresent()) {
        return Optional.of(text);
      }
      Optional<String> outer = staticTypeOf(f.getScope());
      if (outer.isPresent() && workspace.findType(outer.get() + "." + f.getNameAsString()).isPresent()) {
        return Optional.of(outer.get() + "." + f.getNameAsString());
      }
      if (outer.isEmpty() && Character.isUpperCase(f.getNameAsString().charAt(0))
          && looksQualified(f.getScope())) {
        return Optional.of(text);
      }
    }
    return Optional.empty();
  }

  private static boolean looksQualified(Expression e) {
    if (e instanceof NameExpr n) {
      return Character.isLowerCase(n.getNameAsString().charAt(0));
    }
    return e instanceof FieldAccessExpr f && looksQualified(f.getScope());
  }

  // ---------------------------------------------------------------- declarations

  /**
   * Where a simple name is declared: a local variable, a parameter (method, constructor, lambda,
   * catch, for-each, resource), a record component, a field of the enclosing types or their
   * repository supertypes, or a statically imported field.
   */
  public Optional<Node> declarationOf(NameExpr name) {
    String id = name.getNameAsString();
    Node child = name;
    for (Node n = name.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
      Optional<Node> found = declaredIn(n, child, id);
      if (found.isPresent()) {
        return found;
      }
    }
    return staticImport(name, id);
  }

  private Optional<Node> declaredIn(Node n, Node child, String id) {
    if (n instanceof BlockStmt block) {
      for (Statement s : block.getStatements()) {
        if (s == child) {
          break;
        }
        Optional<Node> v = localIn(s, id);
        if (v.isPresent()) {
          return v;
        }
      }
    } else if (n instanceof SwitchEntry entry) {
      for (Statement s : entry.getStatements()) {
        if (s == child) {
          break;
        }
        Optional<Node> v = localIn(s, id);
        if (v.isPresent()) {
          return v;
        }
      }
    } else if (n instanceof ForStmt f) {
      for (Expression init : f.getInitialization()) {
        if (init instanceof VariableDeclarationExpr vde) {
          for (VariableDeclarator v : vde.getVariables()) {
            if (v.getNameAsString().equals(id)) {
              return Optional.of(v);
            }
          }
        }
      }
    } else if (n instanceof ForEachStmt f) {
      for (VariableDeclarator v : f.getVariable().getVariables()) {
        if (v.getNameAsString().equals(id)) {
          return Optional.of(v);
        }
      }
    } else if (n instanceof TryStmt t) {
      for (Expression r : t.getResources()) {
        if (r instanceof VariableDeclarationExpr vde) {
          for (VariableDeclarator v : vde.getVariables()) {
            if (v.getNameAsString().equals(id)) {
              return Optional.of(v);
            }
          }
        }
      }
    } else if (n instanceof CatchClause c) {
      if (c.getParameter().getNameAsString().equals(id)) {
        return Optional.of(c.getParameter());
      }
    } else if (n instanceof LambdaExpr l) {
      for (Parameter p : l.getParameters()) {
        if (p.getNameAsString().equals(id)) {
          return Optional.of(p);
        }
      }
    } else if (n instanceof CallableDeclaration<?> c) {
      for (Parameter p : c.getParameters()) {
        if (p.getNameAsString().equals(id)) {
          return Optional.of(p);
        }
      }
    } else if (n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
      Optional<Node> f = fieldAmong(o.getAnonymousClassBody().get(), id);
      if (f.isPresent()) {
        return f;
      }
    } else if (n instanceof TypeDeclaration<?> t) {
      if (t instanceof RecordDeclaration r) {
        for (Parameter p : r.getParameters()) {
          if (p.getNameAsString().equals(id)) {
            return Optional.of(p);
          }
        }
      }
      Optional<String> fqn = t.getFullyQualifiedName();
      if (fqn.isPresent()) {
        return findField(fqn.get(), id).map(v -> (Node) v);
      }
    }
    return Optional.empty();
  }

  private static Optional<Node> localIn(Statement s, String id) {
    if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr vde) {
      for (VariableDeclarator v : vde.getVariables()) {
        if (v.getNameAsString().equals(id)) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Node> fieldAmong(NodeList<BodyDeclaration<?>> members, String id) {
    for (BodyDeclaration<?> m : members) {
      if (m instanceof FieldDeclaration f) {
        for (VariableDeclarator v : f.getVariables()) {
          if (v.getNameAsString().equals(id)) {
            return Optional.of(v);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A field of a repository type or of its repository supertypes. */
  public Optional<VariableDeclarator> findField(String qualifiedType, String field) {
    for (String t : selfAndSupertypes(qualifiedType)) {
      Optional<TypeDeclaration<?>> decl = declaration(t);
      if (decl.isEmpty()) {
        continue;
      }
      VariableDeclarator v = fieldsOf(decl.get()).get(field);
      if (v != null) {
        return Optional.of(v);
      }
      if (decl.get() instanceof EnumDeclaration) {
        continue;
      }
    }
    return Optional.empty();
  }

  /**
   * The fields a type declares, by name (the first declaration of a name wins, as in {@link
   * TypeDeclaration#getFieldByName}); indexed once per type, since a class with thousands of
   * fields (a lambdalith's handler) is otherwise scanned for every name used in it.
   */
  private Map<String, VariableDeclarator> fieldsOf(TypeDeclaration<?> type) {
    Map<String, VariableDeclarator> fields = fieldIndex.get(type);
    if (fields == null) {
      fields = new HashMap<>();
      for (BodyDeclaration<?> member : type.getMembers()) {
        if (member instanceof FieldDeclaration f) {
          for (VariableDeclarator v : f.getVariables()) {
            fields.putIfAbsent(v.getNameAsString(), v);
          }
        }
      }
      fieldIndex.put(type, fields);
    }
    return fields;
  }

  private Optional<Node> staticImport(Node context, String id) {
    Optional<CompilationUnit> unit = context.findCompilationUnit();
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    for (ImportDeclaration imp : unit.get().getImports()) {
      if (!imp.isStatic()) {
        continue;
      }
      String name = imp.getNameAsString();
      if (imp.isAsterisk()) {
        Optional<VariableDeclarator> v = findField(name, id);
        if (v.isPresent()) {
          return Optional.of(v.get());
        }
      } else if (name.endsWith("." + id)) {
        Optional<VariableDeclarator> v = findField(name.substring(0, name.length() - id.length() - 1), id);
        if (v.isPresent()) {
          return Optional.of(v.get());
        }
      }
    }
    return Optional.empty();
  }

  /** The declaration a name or a field access refers to; empty for any other expression. */
  public Optional<? extends Node> declarationOfVariable(Expression e) {
    if (e instanceof NameExpr n) {
      return declarationOf(n);
    }
    if (e instanceof FieldAccessExpr f) {
      return declarationOf(f);
    }
    return Optional.empty();
  }

  /** The declaration a field access refers to: {@code this.f}, {@code Holder.F}, {@code obj.f}. */
  public Optional<VariableDeclarator> declarationOf(FieldAccessExpr access) {
    Expression scope = access.getScope();
    String field = access.getNameAsString();
    if (scope instanceof ThisExpr t) {
      Optional<String> owner = t.getTypeName().isPresent()
          ? qualify(t.getTypeName().get().asString(), t)
          : enclosingTypeName(access);
      return owner.flatMap(o -> findField(o, field));
    }
    Optional<String> type = staticTypeOf(scope);
    if (type.isEmpty()) {
      type = typeOf(scope);
    }
    return type.flatMap(o -> findField(o, field));
  }

  // ---------------------------------------------------------------- types of expressions

  /** The qualified static type of an expression, or empty when it cannot be told. */
  public Optional<String> typeOf(Expression expression) {
    return memoized(typeCache, expression, this::compute); // a = a.next() ends on the empty answer
  }

  /**
   * The remembered answer for {@code key}, or the one {@code compute} gives, remembered. While it
   * is being worked out the answer is empty, so a question that leads back to itself ends; what
   * the syntax does not support (a construct {@code compute} throws on) is empty too.
   */
  private static <K, V> Optional<V> memoized(Map<K, Optional<V>> cache, K key, Function<K, Optional<V>> compute) {
    Optional<V> cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    cache.put(key, Optional.empty());
    Optional<V> answer;
    try {
      answer = compute.apply(key);
    } catch (RuntimeException e) {
      answer = Optional.empty();
    }
    cache.put(key, answer);
    return answer;
  }

  private Optional<String> compute(Expression e) {
    if (e instanceof EnclosedExpr en) {
      return typeOf(en.getInner());
    }
    if (e instanceof CastExpr c) {
      return qualify(c.getType(), c);
    }
    if (e instanceof ObjectCreationExpr o) {
      return qualify(o.getType(), o);
    }
    if (e instanceof ThisExpr t) {
      return t.getTypeName().isPresent()
          ? qualify(t.getTypeName().get().asString(), t)
          : enclosingTypeName(t);
    }
    if (e.isStringLiteralExpr() || e.isTextBlockLiteralExpr()) {
      return Optional.of("java.lang.String");
    }
    if (e instanceof ConditionalExpr c) {
      Optional<String> t = typeOf(c.getThenExpr());
      return t.isPresent() ? t : typeOf(c.getElseExpr());
    }
    if (e instanceof AssignExpr a) {
      return typeOf(a.getTarget());
    }
    if (e instanceof NameExpr n) {
      return declarationOf(n).flatMap(this::typeOfDeclaration);
    }
    if (e instanceof FieldAccessExpr f) {
      return declarationOf(f).flatMap(this::typeOfDeclaration);
    }
    if (e instanceof MethodCallExpr m) {
      return returnTypeOf(m);
    }
    return Optional.empty();
  }

  /**
   * The declared type of a variable, parameter or field; {@code var} takes its initializer's, and
   * an implicitly typed lambda parameter the element type of the container it is given.
   */
  public Optional<String> typeOfDeclaration(Node declaration) {
    if (declaration instanceof VariableDeclarator v) {
      if (v.getType().isVarType()) {
        return v.getInitializer().flatMap(this::typeOf);
      }
      return qualify(v.getType(), v);
    }
    if (declaration instanceof Parameter p) {
      if (implicitLambdaParameter(p)) {
        return elementOf(p).flatMap(this::plainClassType);
      }
      return qualify(p.getType(), p);
    }
    return Optional.empty();
  }

  private Optional<String> returnTypeOf(MethodCallExpr call) {
    Optional<String> builtType = builderChainType(call);
    if (builtType.isPresent()) {
      return builtType;
    }
    return calleeOf(call).flatMap(c -> c.method() != null
        ? qualify(c.method().getType(), c.method())
        : Optional.of(c.externalType()));
  }

  /**
   * What a call enters, as far as declarations tell: a method of the repository (the first of the
   * name and arity in the receiver's type, its supertypes, or for a call without scope its
   * enclosing types), or the type an external method returns.
   */
  private record Callee(MethodDeclaration method, String externalType) {}

  private Optional<Callee> calleeOf(MethodCallExpr call) {
    String name = call.getNameAsString();
    Optional<String> receiver;
    if (call.getScope().isEmpty()) {
      receiver = enclosingTypeName(call);
    } else {
      Expression scope = call.getScope().get();
      Optional<String> staticType = staticTypeOf(scope);
      receiver = staticType.isPresent() ? staticType : typeOf(scope);
      if (staticType.isPresent() && (name.equals("create") || name.equals("getInstance"))
          && declaration(staticType.get()).isEmpty()) {
        return Optional.of(new Callee(null, staticType.get())); // DynamoDbClient.create()
      }
    }
    if (receiver.isEmpty()) {
      return Optional.empty();
    }
    for (String owner : selfAndSupertypes(receiver.get())) {
      Optional<TypeDeclaration<?>> decl = declaration(owner);
      if (decl.isEmpty()) {
        Optional<String> ext = external.returnType(owner, name, call);
        if (ext.isPresent()) {
          return Optional.of(new Callee(null, ext.get()));
        }
        continue;
      }
      for (MethodDeclaration m : decl.get().getMethodsByName(name)) {
        if (m.getParameters().size() == call.getArguments().size() || m.getParameters().isNonEmpty()
            && m.getParameters().getLast().map(Parameter::isVarArgs).orElse(false)) {
          return Optional.of(new Callee(m, null));
        }
      }
    }
    // Methods of an enclosing class called without scope from a nested class.
    if (call.getScope().isEmpty()) {
      Optional<TypeDeclaration<?>> outer = enclosingType(call).flatMap(TypeResolver::enclosingType);
      while (outer.isPresent()) {
        for (MethodDeclaration m : outer.get().getMethodsByName(name)) {
          if (m.getParameters().size() == call.getArguments().size()) {
            return Optional.of(new Callee(m, null));
          }
        }
        outer = enclosingType(outer.get());
      }
    }
    return Optional.empty();
  }

  /**
   * {@code X.builder()...build()} is an {@code X}; {@code FooClientBuilder.standard()...build()}
   * and {@code FooClientBuilder.defaultClient()} are a {@code Foo} (SDK 1.x).
   */
  private Optional<String> builderChainType(MethodCallExpr call) {
    String name = call.getNameAsString();
    if (!name.equals("build") && !name.equals("defaultClient") && !name.equals("buildAsync")) {
      return Optional.empty();
    }
    MethodCallExpr root = call;
    while (root.getScope().isPresent() && root.getScope().get() instanceof MethodCallExpr inner) {
      root = inner;
    }
    if (root.getScope().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> type = staticTypeOf(root.getScope().get());
    if (type.isEmpty() || declaration(type.get()).isPresent()) {
      return Optional.empty();
    }
    String t = type.get();
    if (t.endsWith("ClientBuilder")) {
      return Optional.of(t.substring(0, t.length() - "ClientBuilder".length()));
    }
    String rootName = root.getNameAsString();
    if (rootName.equals("builder") || rootName.equals("crtBuilder")) {
      return Optional.of(t);
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- implicitly typed lambda parameters

  private static final String OPTIONAL = "java.util.Optional";
  private static final String STREAM = "java.util.stream.Stream";

  /** The JDK's iterables whose one type argument is the element {@code forEach} hands over. */
  private static final Set<String> ITERABLES = Set.of(
      "java.lang.Iterable", "java.util.Collection", "java.util.List", "java.util.Set",
      "java.util.SortedSet", "java.util.NavigableSet", "java.util.Queue", "java.util.Deque",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.Vector", "java.util.HashSet",
      "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayDeque", "java.util.PriorityQueue",
      "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.CopyOnWriteArraySet",
      "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.ConcurrentLinkedDeque",
      "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.BlockingQueue",
      "java.util.concurrent.BlockingDeque", "java.util.concurrent.LinkedBlockingQueue",
      "java.util.concurrent.LinkedBlockingDeque", "java.util.concurrent.ArrayBlockingQueue",
      "java.util.concurrent.PriorityBlockingQueue");

  /** The JDK's maps, whose two type arguments are what {@code forEach((k, v) -> ..)} receives. */
  private static final Set<String> MAPS = Set.of(
      "java.util.Map", "java.util.SortedMap", "java.util.NavigableMap", "java.util.HashMap",
      "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.EnumMap", "java.util.WeakHashMap",
      "java.util.IdentityHashMap", "java.util.Hashtable", "java.util.concurrent.ConcurrentMap",
      "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentNavigableMap",
      "java.util.concurrent.ConcurrentSkipListMap");

  /** {@code Optional} methods whose only argument is a one-parameter lambda given the value. */
  private static final Set<String> OPTIONAL_CONSUMERS = Set.of("map", "flatMap", "filter", "ifPresent");

  /** {@code Stream} methods whose only argument is a one-parameter lambda given each element. */
  private static final Set<String> STREAM_CONSUMERS = Set.of(
      "forEach", "forEachOrdered", "map", "flatMap", "filter", "peek", "anyMatch", "allMatch",
      "noneMatch", "takeWhile", "dropWhile", "mapToInt", "mapToLong", "mapToDouble");

  /** {@code Stream} methods that return a stream of the same elements. */
  private static final Set<String> STREAM_KEEPERS = Set.of(
      "filter", "peek", "sorted", "distinct", "limit", "skip", "takeWhile", "dropWhile", "sequential",
      "parallel", "unordered", "onClose");

  /**
   * How many type arguments a JDK functional interface has, and which one each parameter of a
   * lambda of that type receives.
   */
  private record Shape(int typeArguments, List<Integer> received) {}

  private static final Map<String, Shape> FUNCTIONAL = Map.ofEntries(
      Map.entry("java.util.function.Function", new Shape(2, List.of(0))),
      Map.entry("java.util.function.Consumer", new Shape(1, List.of(0))),
      Map.entry("java.util.function.Predicate", new Shape(1, List.of(0))),
      Map.entry("java.util.function.UnaryOperator", new Shape(1, List.of(0))),
      Map.entry("java.util.function.ToIntFunction", new Shape(1, List.of(0))),
      Map.entry("java.util.function.ToLongFunction", new Shape(1, List.of(0))),
      Map.entry("java.util.function.ToDoubleFunction", new Shape(1, List.of(0))),
      Map.entry("java.util.function.BiFunction", new Shape(3, List.of(0, 1))),
      Map.entry("java.util.function.BiConsumer", new Shape(2, List.of(0, 1))),
      Map.entry("java.util.function.BiPredicate", new Shape(2, List.of(0, 1))),
      Map.entry("java.util.function.BinaryOperator", new Shape(1, List.of(0, 0))),
      Map.entry("java.util.Comparator", new Shape(1, List.of(0, 0))));

  /** A type as written in the source, with the node it was written at (where its names resolve). */
  private record Written(Type type, Node context) {}

  /** A parameterized type of the JDK or the repository: its qualified raw type and its arguments. */
  private record Generic(String raw, List<Written> arguments) {}

  private final Map<Parameter, Optional<Written>> elements = new IdentityHashMap<>();

  private static boolean implicitLambdaParameter(Parameter p) {
    return (p.getType().isUnknownType() || p.getType().isVarType())
        && p.getParentNode().orElse(null) instanceof LambdaExpr;
  }

  /**
   * What an implicitly typed lambda parameter receives, when the lambda is given to a JDK container
   * whose element type is written out where the container is declared: {@code item} in {@code
   * repository.findById(id).map(item -> ..)} with {@code Optional<Order> findById(String)}, {@code
   * o} in {@code orders.stream().filter(o -> ..)} with {@code List<Order> orders}, {@code v} in
   * {@code map.forEach((k, v) -> ..)}; or when the lambda's target is a JDK functional interface
   * written with its type arguments (see {@link #functionalParameter}). The symbol solver answers
   * the same, at a far higher price, and the call graph would otherwise ask it for every call on
   * such a parameter.
   */
  private Optional<Written> elementOf(Parameter p) {
    return memoized(elements, p, this::computeElement);
  }

  private Optional<Written> computeElement(Parameter p) {
    LambdaExpr lambda = (LambdaExpr) p.getParentNode().orElseThrow();
    int position = indexOf(lambda.getParameters(), p);
    Node argument = lambda;
    Node parent = lambda.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr) {
      argument = parent;
      parent = parent.getParentNode().orElse(null);
    }
    if (position < 0) {
      return Optional.empty();
    }
    if (parent instanceof MethodCallExpr call) {
      int index = indexOf(call.getArguments(), argument);
      if (index < 0) {
        return Optional.empty();
      }
      Optional<Written> element = call.getScope().isPresent()
          ? containerElement(call, index, lambda, position)
          : Optional.empty();
      return element.isPresent()
          ? element
          : declaredParameterType(call, index).flatMap(w -> functionalParameter(w, lambda, position));
    }
    if (parent instanceof ReturnStmt r) {
      return returnTypeAround(r).flatMap(w -> functionalParameter(w, lambda, position));
    }
    if (parent instanceof VariableDeclarator v && !v.getType().isVarType()) {
      return functionalParameter(new Written(v.getType(), v), lambda, position);
    }
    if (parent instanceof CastExpr c) {
      return functionalParameter(new Written(c.getType(), c), lambda, position);
    }
    return Optional.empty();
  }

  /** What a lambda given to a JDK container's element consumer receives. */
  private Optional<Written> containerElement(MethodCallExpr call, int index, LambdaExpr lambda, int position) {
    Optional<Generic> receiver = genericTypeOf(call.getScope().orElseThrow());
    if (receiver.isEmpty()) {
      return Optional.empty();
    }
    Generic g = receiver.get();
    String m = call.getNameAsString();
    int argc = call.getArguments().size();
    int params = lambda.getParameters().size();
    int received = -1;
    if (g.raw().equals(OPTIONAL) && index == 0 && params == 1
        && (OPTIONAL_CONSUMERS.contains(m) && argc == 1 || m.equals("ifPresentOrElse") && argc == 2)) {
      received = 0;
    } else if (ITERABLES.contains(g.raw()) && (m.equals("forEach") || m.equals("removeIf"))
        && argc == 1 && params == 1) {
      received = 0;
    } else if (g.raw().equals(STREAM) && STREAM_CONSUMERS.contains(m) && argc == 1 && params == 1) {
      received = 0;
    } else if ((ITERABLES.contains(g.raw()) && m.equals("sort")
        || g.raw().equals(STREAM) && (m.equals("sorted") || m.equals("max") || m.equals("min")))
        && argc == 1 && params == 2) {
      received = 0; // a comparator given two elements
    } else if (MAPS.contains(g.raw()) && m.equals("forEach") && argc == 1 && params == 2
        && g.arguments().size() == 2) {
      received = position;
    }
    if (received < 0 || received >= g.arguments().size()
        || !MAPS.contains(g.raw()) && g.arguments().size() != 1) {
      return Optional.empty();
    }
    return Optional.of(g.arguments().get(received));
  }

  /**
   * What a lambda parameter receives when the lambda's target type is a JDK functional interface
   * written with its type arguments: {@code Function<Order, Receipt> f() { return order -> ..; }},
   * {@code Consumer<Order> c = o -> ..}, a cast, {@code service.each(o -> ..)} with {@code void
   * each(Consumer<Order> action)}.
   */
  private Optional<Written> functionalParameter(Written target, LambdaExpr lambda, int position) {
    Optional<Generic> g = generic(target);
    Shape shape = g.map(x -> FUNCTIONAL.get(x.raw())).orElse(null);
    if (shape == null || shape.typeArguments() != g.get().arguments().size()
        || shape.received().size() != lambda.getParameters().size()) {
      return Optional.empty();
    }
    return Optional.of(g.get().arguments().get(shape.received().get(position)));
  }

  /** The declared return type of the method a {@code return} statement leaves (not a lambda's). */
  private static Optional<Written> returnTypeAround(ReturnStmt r) {
    for (Node n = r.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof MethodDeclaration m) {
        return Optional.of(new Written(m.getType(), m));
      }
      if (n instanceof LambdaExpr || n instanceof CallableDeclaration<?> || n instanceof TypeDeclaration<?>) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The declared type of a repository method's parameter that receives the argument at {@code
   * index}, when every method of that name and arity declares the same type there.
   */
  private Optional<Written> declaredParameterType(MethodCallExpr call, int index) {
    Optional<MethodDeclaration> method = calleeOf(call).map(Callee::method);
    int argc = call.getArguments().size();
    if (method.isEmpty() || method.get().getParameters().size() != argc) {
      return Optional.empty();
    }
    MethodDeclaration m = method.get();
    Parameter parameter = m.getParameter(index);
    if (parameter.isVarArgs()) {
      return Optional.empty();
    }
    String declared = parameter.getType().asString();
    if (m.getParentNode().orElse(null) instanceof TypeDeclaration<?> owner) {
      for (MethodDeclaration other : owner.getMethodsByName(m.getNameAsString())) {
        int n = other.getParameters().size();
        boolean varargs = n > 0 && other.getParameter(n - 1).isVarArgs();
        if (n == argc && !other.getParameter(index).getType().asString().equals(declared)
            || n != argc && varargs && argc >= n - 1) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new Written(parameter.getType(), parameter));
  }

  private static int indexOf(List<? extends Node> nodes, Node node) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == node) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The qualified name of a type argument that is a plain class type: not a wildcard, an array, or
   * a type variable of a method or class around the place it is written.
   */
  private Optional<String> plainClassType(Written w) {
    if (!(w.type() instanceof ClassOrInterfaceType t) || isTypeVariable(t, w.context())) {
      return Optional.empty();
    }
    return qualify(t, w.context());
  }

  private static boolean isTypeVariable(ClassOrInterfaceType t, Node context) {
    return t.getScope().isEmpty() && TypeNames.isTypeVariable(t.getNameAsString(), context);
  }


  /** A written type with type arguments ({@code Optional<Order>}); empty for raw types and diamonds. */
  private Optional<Generic> generic(Written w) {
    if (!(w.type() instanceof ClassOrInterfaceType t) || isTypeVariable(t, w.context())) {
      return Optional.empty();
    }
    Optional<NodeList<Type>> arguments = t.getTypeArguments();
    if (arguments.isEmpty() || arguments.get().isEmpty()) {
      return Optional.empty();
    }
    List<Written> written = arguments.get().stream().map(a -> new Written(a, w.context())).toList();
    return qualify(t, w.context()).map(raw -> new Generic(raw, written));
  }

  /**
   * The parameterized type of a receiver, from where it is declared: a variable, parameter or field
   * ({@code var} takes its initializer's), a constructor call or cast that writes its type
   * arguments, a repository method's declared return type, and what some JDK methods keep of their
   * receiver's element type ({@code list.stream()}, {@code stream.filter(..)}, {@code
   * map.values()}, and {@code map(x -> ..)} when the lambda's result is written out somewhere).
   */
  private Optional<Generic> genericTypeOf(Expression e) {
    if (e instanceof EnclosedExpr en) {
      return genericTypeOf(en.getInner());
    }
    if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
      Optional<? extends Node> decl = declarationOfVariable(e);
      if (decl.isPresent() && decl.get() instanceof VariableDeclarator v && v.getType().isVarType()) {
        return v.getInitializer().flatMap(this::genericTypeOf);
      }
      return decl.flatMap(this::writtenTypeOfDeclaration).flatMap(this::generic);
    }
    if (e instanceof MethodCallExpr call) {
      Optional<Generic> receiver = call.getScope().flatMap(this::genericTypeOf);
      if (receiver.isPresent() && isJdkContainer(receiver.get().raw())) {
        return jdkResult(call, receiver.get());
      }
      return writtenReturnTypeOf(call).flatMap(this::generic);
    }
    return writtenTypeOf(e).flatMap(this::generic);
  }

  private static boolean isJdkContainer(String raw) {
    return raw.equals(OPTIONAL) || raw.equals(STREAM) || ITERABLES.contains(raw) || MAPS.contains(raw);
  }

  /** What a JDK container's method returns, as far as it keeps or maps the element type. */
  private Optional<Generic> jdkResult(MethodCallExpr call, Generic receiver) {
    String m = call.getNameAsString();
    int argc = call.getArguments().size();
    String raw = receiver.raw();
    List<Written> args = receiver.arguments();
    if (ITERABLES.contains(raw) && !raw.equals("java.lang.Iterable") && args.size() == 1 && argc == 0
        && (m.equals("stream") || m.equals("parallelStream"))) {
      return Optional.of(new Generic(STREAM, args));
    }
    if (MAPS.contains(raw) && args.size() == 2 && argc == 0) {
      if (m.equals("keySet")) {
        return Optional.of(new Generic("java.util.Set", List.of(args.get(0))));
      }
      if (m.equals("values")) {
        return Optional.of(new Generic("java.util.Collection", List.of(args.get(1))));
      }
    }
    if (raw.equals(STREAM) && STREAM_KEEPERS.contains(m) || raw.equals(OPTIONAL) && m.equals("filter")) {
      return Optional.of(receiver);
    }
    if ((raw.equals(STREAM) || raw.equals(OPTIONAL)) && m.equals("map") && argc == 1
        && call.getArgument(0) instanceof LambdaExpr lambda && lambda.getParameters().size() == 1) {
      // The lambda's result, when its type is written out where it comes from (x -> x.customer()).
      return lambda.getExpressionBody().flatMap(this::writtenTypeOf)
          .map(result -> new Generic(raw, List.of(result)));
    }
    return Optional.empty();
  }

  /**
   * The type of an expression as written at its declaration: a variable's or parameter's declared
   * type (what an implicitly typed lambda parameter receives), a repository method's declared
   * return type, the type of a constructor call or cast.
   */
  private Optional<Written> writtenTypeOf(Expression e) {
    if (e instanceof EnclosedExpr en) {
      return writtenTypeOf(en.getInner());
    }
    if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
      return declarationOfVariable(e).flatMap(this::writtenTypeOfDeclaration);
    }
    if (e instanceof MethodCallExpr call) {
      return writtenReturnTypeOf(call);
    }
    if (e instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isEmpty()) {
      return Optional.of(new Written(o.getType(), o));
    }
    if (e instanceof CastExpr c) {
      return Optional.of(new Written(c.getType(), c));
    }
    return Optional.empty();
  }

  private Optional<Written> writtenTypeOfDeclaration(Node declaration) {
    if (declaration instanceof VariableDeclarator v) {
      return v.getType().isVarType()
          ? v.getInitializer().flatMap(this::writtenTypeOf)
          : Optional.of(new Written(v.getType(), v));
    }
    if (declaration instanceof Parameter p) {
      if (implicitLambdaParameter(p)) {
        return elementOf(p);
      }
      return p.getType().isUnknownType() ? Optional.empty() : Optional.of(new Written(p.getType(), p));
    }
    return Optional.empty();
  }

  /**
   * The declared return type of the repository method a call enters, when every method of that
   * name and arity in the declaring type declares the same return type (overloads that differ in it
   * would need argument types to tell apart).
   */
  private Optional<Written> writtenReturnTypeOf(MethodCallExpr call) {
    if (builderChainType(call).isPresent()) {
      return Optional.empty();
    }
    Optional<MethodDeclaration> method = calleeOf(call).map(Callee::method);
    if (method.isEmpty()) {
      return Optional.empty();
    }
    MethodDeclaration m = method.get();
    String returned = m.getType().asString();
    int argc = call.getArguments().size();
    if (m.getParentNode().orElse(null) instanceof TypeDeclaration<?> owner) {
      for (MethodDeclaration other : owner.getMethodsByName(m.getNameAsString())) {
        int n = other.getParameters().size();
        boolean varargs = n > 0 && other.getParameter(n - 1).isVarArgs();
        if ((n == argc || varargs && argc >= n - 1) && !other.getType().asString().equals(returned)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new Written(m.getType(), m));
  }
}
