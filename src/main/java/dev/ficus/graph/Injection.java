package dev.ficus.graph;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.ficus.workspace.JavaSource;
import java.beans.Introspector;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What dependency injection wires to an interface-typed injection point: Guice {@code
 * bind(X.class).to(Y.class)}, Dagger {@code @Binds} and {@code @Provides}, Spring {@code @Bean},
 * CDI {@code @Produces} methods that return {@code new Y(...)}, and bean names from {@code
 * @Component("name")}, {@code @Named("name")} and friends, so that {@code @Qualifier}/{@code @Named}
 * injection points go to the one implementation they name. Without a binding, every implementation
 * in the repository is a candidate (a sound over-approximation).
 */
final class Injection {

  private static final Set<String> BEAN_METHODS = Set.of("Bean", "Provides", "Produces");
  private static final Set<String> NAMING_ANNOTATIONS =
      Set.of("Component", "Service", "Repository", "Controller", "RestController", "Named",
          "Qualifier", "Singleton", "ApplicationScoped", "RequestScoped", "Dependent");

  private final TypeResolver types;
  private final Map<String, Set<String>> bound = new TreeMap<>();
  private final Map<String, Set<String>> named = new TreeMap<>();

  Injection(TypeResolver types) {
    this.types = types;
    // What it finds goes into sorted maps and sets, so the order of the files' nodes does not matter.
    for (JavaSource source : types.workspace().sources()) {
      source.nodes().calls().forEach(this::guiceBinding);
      for (var callable : source.nodes().callables()) {
        if (callable instanceof MethodDeclaration method) {
          beanMethod(method);
        }
      }
      source.nodes().types().forEach(this::namedType);
    }
  }

  private void namedType(TypeDeclaration<?> type) {
    Optional<String> fqn = type.getFullyQualifiedName();
    if (fqn.isEmpty()) {
      return;
    }
    named.computeIfAbsent(Introspector.decapitalize(type.getNameAsString()), k -> new TreeSet<>())
        .add(fqn.get());
    for (AnnotationExpr a : type.getAnnotations()) {
      if (NAMING_ANNOTATIONS.contains(a.getName().getIdentifier())) {
        value(a).ifPresent(v -> named.computeIfAbsent(v, k -> new TreeSet<>()).add(fqn.get()));
      }
    }
  }

  private void guiceBinding(MethodCallExpr call) {
    if (!call.getNameAsString().equals("to") || call.getArguments().size() != 1
        || !(call.getArgument(0) instanceof ClassExpr target)) {
      return;
    }
    Expression scope = call.getScope().orElse(null);
    while (scope instanceof MethodCallExpr m && !m.getNameAsString().equals("bind")) {
      scope = m.getScope().orElse(null); // bind(X.class).annotatedWith(...).to(Y.class)
    }
    if (scope instanceof MethodCallExpr bind && bind.getArguments().size() == 1
        && bind.getArgument(0) instanceof ClassExpr iface) {
      Optional<String> from = types.qualify(iface.getType(), call);
      Optional<String> to = types.qualify(target.getType(), call);
      if (from.isPresent() && to.isPresent()) {
        bound.computeIfAbsent(from.get(), k -> new TreeSet<>()).add(to.get());
      }
    }
  }

  private void beanMethod(MethodDeclaration method) {
    boolean binds = method.getAnnotationByName("Binds").isPresent();
    boolean bean = method.getAnnotations().stream()
        .anyMatch(a -> BEAN_METHODS.contains(a.getName().getIdentifier()));
    if (!binds && !bean) {
      return;
    }
    Optional<String> iface = types.qualify(method.getType(), method);
    if (iface.isEmpty()) {
      return;
    }
    TreeSet<String> impls = new TreeSet<>();
    if (binds && method.getParameters().size() == 1) {
      types.qualify(method.getParameter(0).getType(), method).ifPresent(impls::add);
    }
    if (bean && method.getBody().isPresent()) {
      for (ReturnStmt r : method.getBody().get().findAll(ReturnStmt.class)) {
        if (r.getExpression().isPresent() && r.getExpression().get() instanceof ObjectCreationExpr o) {
          types.qualify(o.getType(), o).ifPresent(impls::add);
        }
      }
    }
    if (impls.isEmpty()) {
      return;
    }
    bound.computeIfAbsent(iface.get(), k -> new TreeSet<>()).addAll(impls);
    String beanName = method.getNameAsString();
    for (AnnotationExpr a : method.getAnnotations()) {
      String id = a.getName().getIdentifier();
      if (id.equals("Bean") || id.equals("Named")) {
        Optional<String> v = value(a);
        if (v.isPresent()) {
          beanName = v.get();
        }
      }
    }
    named.computeIfAbsent(beanName, k -> new TreeSet<>()).addAll(impls);
  }

  /** The implementations a call through {@code type} may reach, given its injection point. */
  Set<String> narrow(String type, Set<String> subtypes, Optional<String> qualifier) {
    Set<String> candidates = subtypes;
    Set<String> bindings = bound.get(type);
    if (bindings != null) {
      TreeSet<String> wired = new TreeSet<>();
      for (String b : bindings) {
        wired.add(b);
        wired.addAll(types.subtypesOf(b));
      }
      candidates = wired;
    }
    if (qualifier.isPresent()) {
      Set<String> byName = named.getOrDefault(qualifier.get(), Set.of());
      TreeSet<String> filtered = new TreeSet<>();
      for (String c : candidates) {
        if (byName.contains(c)) {
          filtered.add(c);
        }
      }
      if (!filtered.isEmpty()) {
        return filtered;
      }
    }
    return candidates;
  }

  /** The {@code @Qualifier}/{@code @Named} value of the injection point a receiver reads. */
  /**
   * Per class, the qualifier each field receives through its constructors ({@code this.field =
   * parameter}): worked out once per class, since a handler names its fields in every branch and
   * walking its members per call made the call graph quadratic in the handler's size.
   */
  private final Map<TypeDeclaration<?>, Map<String, Optional<String>>> constructorQualifiers =
      new java.util.IdentityHashMap<>();

  private static Map<String, Optional<String>> constructorQualifiers(TypeDeclaration<?> owner) {
    Map<String, Optional<String>> out = new java.util.HashMap<>();
    for (ConstructorDeclaration c : owner.getConstructors()) {
      for (AssignExpr a : c.findAll(AssignExpr.class)) {
        String target = a.getTarget() instanceof FieldAccessExpr fa ? fa.getNameAsString()
            : a.getTarget() instanceof NameExpr ne ? ne.getNameAsString() : null;
        if (target == null || out.containsKey(target) || !(a.getValue() instanceof NameExpr value)) {
          continue;
        }
        for (Parameter p : c.getParameters()) {
          if (p.getNameAsString().equals(value.getNameAsString())) {
            Optional<String> q = qualifier(p.getAnnotations());
            if (q.isPresent()) {
              out.put(target, q); // the first qualifier in constructor, assignment, parameter order
              break;
            }
          }
        }
      }
    }
    return out;
  }

  Optional<String> qualifierOf(Expression receiver) {
    Optional<? extends Node> decl = Optional.empty();
    if (receiver instanceof NameExpr n) {
      decl = types.declarationOf(n);
    } else if (receiver instanceof FieldAccessExpr f) {
      decl = types.declarationOf(f);
    }
    if (decl.isEmpty()) {
      return Optional.empty();
    }
    Node d = decl.get();
    if (d instanceof Parameter p) {
      return qualifier(p.getAnnotations());
    }
    if (d instanceof VariableDeclarator v && v.getParentNode().orElse(null) instanceof FieldDeclaration f) {
      Optional<String> own = qualifier(f.getAnnotations());
      if (own.isPresent()) {
        return own;
      }
      // Constructor injection: this.field = parameter, the parameter carrying the qualifier.
      Optional<TypeDeclaration<?>> owner = TypeResolver.enclosingType(v);
      if (owner.isEmpty()) {
        return Optional.empty();
      }
      Optional<String> injected =
          constructorQualifiers.computeIfAbsent(owner.get(), Injection::constructorQualifiers)
              .get(v.getNameAsString());
      if (injected != null) {
        return injected;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> qualifier(NodeList<AnnotationExpr> annotations) {
    for (AnnotationExpr a : annotations) {
      String id = a.getName().getIdentifier();
      if (id.equals("Qualifier") || id.equals("Named")) {
        return value(a);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> value(AnnotationExpr a) {
    Expression v = null;
    if (a instanceof SingleMemberAnnotationExpr s) {
      v = s.getMemberValue();
    } else if (a instanceof NormalAnnotationExpr n) {
      v = n.getPairs().stream()
          .filter(p -> p.getNameAsString().equals("value") || p.getNameAsString().equals("name"))
          .map(p -> p.getValue()).findFirst().orElse(null);
    }
    return v != null && v.isStringLiteralExpr()
        ? Optional.of(v.asStringLiteralExpr().asString())
        : Optional.empty();
  }
}
