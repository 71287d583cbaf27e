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

/**
 * Static types of expressions from declarations and imports alone, without the symbol solver:
 * the declared type of a local, parameter or field (also {@code var}, a static holder's field, a
 * field of another object), a constructor call, a cast, the return type of a repository method,
 * and builder chains ({@code X.builder()...build()} is an {@code X}). Works when no dependency jar
 * is present, which is the usual case; what SDK factories return comes from an {@link
 * ExternalTypes} the caller plugs in. Also the type hierarchy of the repository.
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
    Optional<String> cached = typeCache.get(expression);
    if (cached != null) {
      return cached;
    }
    typeCache.put(expression, Optional.empty()); // cuts cycles (a = a.next())
    Optional<String> type;
    try {
      type = compute(expression);
    } catch (RuntimeException e) {
      type = Optional.empty();
    }
    typeCache.put(expression, type);
    return type;
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

  /** The declared type of a variable, parameter or field; {@code var} takes its initializer's. */
  public Optional<String> typeOfDeclaration(Node declaration) {
    if (declaration instanceof VariableDeclarator v) {
      if (v.getType().isVarType()) {
        return v.getInitializer().flatMap(this::typeOf);
      }
      return qualify(v.getType(), v);
    }
    if (declaration instanceof Parameter p) {
      return qualify(p.getType(), p);
    }
    return Optional.empty();
  }

  private Optional<String> returnTypeOf(MethodCallExpr call) {
    String name = call.getNameAsString();
    Optional<String> builtType = builderChainType(call);
    if (builtType.isPresent()) {
      return builtType;
    }
    Optional<String> receiver;
    if (call.getScope().isEmpty()) {
      receiver = enclosingTypeName(call);
    } else {
      Expression scope = call.getScope().get();
      Optional<String> staticType = staticTypeOf(scope);
      receiver = staticType.isPresent() ? staticType : typeOf(scope);
      if (staticType.isPresent() && (name.equals("create") || name.equals("getInstance"))
          && declaration(staticType.get()).isEmpty()) {
        return staticType; // DynamoDbClient.create()
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
          return ext;
        }
        continue;
      }
      for (MethodDeclaration m : decl.get().getMethodsByName(name)) {
        if (m.getParameters().size() == call.getArguments().size() || m.getParameters().isNonEmpty()
            && m.getParameters().getLast().map(Parameter::isVarArgs).orElse(false)) {
          return qualify(m.getType(), m);
        }
      }
    }
    // Methods of an enclosing class called without scope from a nested class.
    if (call.getScope().isEmpty()) {
      Optional<TypeDeclaration<?>> outer = enclosingType(call).flatMap(TypeResolver::enclosingType);
      while (outer.isPresent()) {
        for (MethodDeclaration m : outer.get().getMethodsByName(name)) {
          if (m.getParameters().size() == call.getArguments().size()) {
            return qualify(m.getType(), m);
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
}
