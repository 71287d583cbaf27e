package dev.ficus.routes;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ficus.workspace.TypeNames;
import dev.ficus.workspace.Workspace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The supertypes of a repository class that the repository itself declares, and the methods a
 * concrete class ends up with: how a handler inherited from an abstract base controller, or
 * declared with its mapping on an interface the controller implements, is found. Works from the
 * source alone (no symbol solver): supertypes are named through imports, overriding is matched on
 * method name and the simple names of the parameter types.
 */
final class TypeHierarchy {

  /**
   * One method of a concrete class.
   *
   * @param implementation the declaration that runs: the most specific one with a body, else the
   *     most specific one
   * @param declarations every declaration of the same signature, from the class up: the class, its
   *     superclasses, then the interfaces
   */
  record Member(
      String signature, MethodDeclaration implementation, List<MethodDeclaration> declarations) {
    Member {
      declarations = List.copyOf(declarations);
    }

    String name() {
      return implementation.getNameAsString();
    }
  }

  private final Workspace workspace;
  private final TypeNames typeNames;

  TypeHierarchy(Workspace workspace, TypeNames typeNames) {
    this.workspace = workspace;
    this.typeNames = typeNames;
  }

  /** The type, its superclasses, then all interfaces breadth-first; repository types only. */
  List<TypeDeclaration<?>> ancestry(TypeDeclaration<?> type) {
    List<TypeDeclaration<?>> classes = new ArrayList<>();
    List<TypeDeclaration<?>> interfaces = new ArrayList<>();
    Deque<TypeDeclaration<?>> queue = new ArrayDeque<>();
    queue.add(type);
    while (!queue.isEmpty() && classes.size() + interfaces.size() < 64) {
      TypeDeclaration<?> current = queue.removeFirst();
      if (classes.contains(current) || interfaces.contains(current)) {
        continue;
      }
      boolean isInterface = current instanceof ClassOrInterfaceDeclaration c && c.isInterface();
      (isInterface ? interfaces : classes).add(current);
      if (current instanceof ClassOrInterfaceDeclaration declaration) {
        // Superclass first, so classes come before interfaces when the queue is walked in order.
        for (ClassOrInterfaceType t : declaration.getExtendedTypes()) {
          resolve(t, declaration).ifPresent(queue::addFirst);
        }
        for (ClassOrInterfaceType t : declaration.getImplementedTypes()) {
          resolve(t, declaration).ifPresent(queue::addLast);
        }
      }
    }
    List<TypeDeclaration<?>> all = new ArrayList<>(classes);
    all.addAll(interfaces);
    return all;
  }

  /**
   * Fully qualified names of every supertype written in the ancestry, including those outside the
   * repository ({@code java.util.function.Function}).
   */
  Set<String> allSupertypeNames(TypeDeclaration<?> type) {
    Set<String> names = new java.util.TreeSet<>();
    for (TypeDeclaration<?> t : ancestry(type)) {
      if (t instanceof ClassOrInterfaceDeclaration declaration) {
        List<ClassOrInterfaceType> supers = new ArrayList<>(declaration.getExtendedTypes());
        supers.addAll(declaration.getImplementedTypes());
        for (ClassOrInterfaceType s : supers) {
          typeNames.qualify(s.getNameWithScope(), declaration).ifPresent(names::add);
        }
      }
    }
    return names;
  }

  /**
   * The methods of {@code type} including inherited ones, the class's own first. A parameter typed
   * by a type variable ({@code T body} in {@code CrudController<T>}) matches any type, so that
   * {@code create(Owner)} overrides {@code create(T)}.
   */
  List<Member> members(TypeDeclaration<?> type) {
    List<List<MethodDeclaration>> groups = new ArrayList<>();
    List<String[]> shapes = new ArrayList<>();
    for (TypeDeclaration<?> t : ancestry(type)) {
      for (MethodDeclaration method : t.getMethods()) {
        if (method.isStatic() || method.isPrivate() && t != type) {
          continue;
        }
        String[] shape = shape(method, t);
        int found = -1;
        for (int i = 0; i < groups.size() && found < 0; i++) {
          if (sameShape(shapes.get(i), shape)) {
            found = i;
          }
        }
        if (found < 0) {
          groups.add(new ArrayList<>());
          shapes.add(shape);
          found = groups.size() - 1;
        }
        groups.get(found).add(method);
      }
    }
    List<Member> members = new ArrayList<>();
    for (List<MethodDeclaration> group : groups) {
      MethodDeclaration impl =
          group.stream().filter(m -> m.getBody().isPresent()).findFirst().orElse(group.get(0));
      members.add(new Member(signature(group.get(0)), impl, group));
    }
    return members;
  }

  /** Name then parameter types, a type variable written as {@code *}. */
  private static String[] shape(MethodDeclaration method, TypeDeclaration<?> owner) {
    Set<String> variables = new java.util.HashSet<>();
    method.getTypeParameters().forEach(p -> variables.add(p.getNameAsString()));
    if (owner instanceof ClassOrInterfaceDeclaration declaration) {
      declaration.getTypeParameters().forEach(p -> variables.add(p.getNameAsString()));
    }
    String[] shape = new String[method.getParameters().size() + 1];
    shape[0] = method.getNameAsString();
    for (int i = 0; i < method.getParameters().size(); i++) {
      String simple = simpleType(method.getParameter(i));
      shape[i + 1] = variables.contains(simple.replace("[]", "")) ? "*" : simple;
    }
    return shape;
  }

  private static boolean sameShape(String[] a, String[] b) {
    if (a.length != b.length || !a[0].equals(b[0])) {
      return false;
    }
    for (int i = 1; i < a.length; i++) {
      if (!a[i].equals(b[i]) && !a[i].equals("*") && !b[i].equals("*")) {
        return false;
      }
    }
    return true;
  }

  /** {@code find(Long,String)}: the name and the simple names of the parameter types. */
  static String signature(MethodDeclaration method) {
    return method.getNameAsString() + "(" + parameterTypes(method) + ")";
  }

  /** Simple parameter type names joined by commas, generics dropped: {@code Long,String}. */
  static String parameterTypes(MethodDeclaration method) {
    return method.getParameters().stream()
        .map(TypeHierarchy::simpleType)
        .collect(Collectors.joining(","));
  }

  private static String simpleType(Parameter parameter) {
    String name = TypeNames.stripGenerics(parameter.getType().asString());
    if (name.contains(".")) {
      name = name.substring(name.lastIndexOf('.') + 1);
    }
    return name + (parameter.isVarArgs() || parameter.getType().isArrayType() ? "[]" : "");
  }

  private Optional<TypeDeclaration<?>> resolve(ClassOrInterfaceType type, TypeDeclaration<?> from) {
    return typeNames.qualify(type.getNameWithScope(), from).flatMap(workspace::findType);
  }
}
