package dev.ficus.workspace;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Resolves a type name as written in a file to its fully qualified name from the file's imports,
 * its package and the repository's own types: how ficus knows that {@code DynamoDbClient} means
 * {@code software.amazon.awssdk.services.dynamodb.DynamoDbClient} even when no SDK jar is around.
 */
public final class TypeNames {

  /** The packages of the running JDK's modules, which it can tell a class of apart for sure. */
  private static final java.util.Set<String> JDK_PACKAGES =
      ModuleLayer.boot().modules().stream()
          .filter(m -> m.getName().startsWith("java.") || m.getName().startsWith("jdk."))
          .flatMap(m -> m.getPackages().stream())
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final TypeIndex index;
  private final Predicate<String> knownOutside;
  private final Map<TypeDeclaration<?>, Map<String, TypeDeclaration<?>>> nestedTypes = new IdentityHashMap<>();

  public TypeNames(TypeIndex index) {
    this(index, name -> false);
  }

  /**
   * @param knownOutside true for a fully qualified name a later stage knows to exist outside the
   *     repository (an SDK client of the catalog): what tells several wildcard imports apart
   */
  public TypeNames(TypeIndex index, Predicate<String> knownOutside) {
    this.index = index;
    this.knownOutside = knownOutside;
  }

  /**
   * The qualified name of {@code written} (simple, partly or fully qualified; generics and arrays
   * stripped) as seen from {@code context}; empty when it cannot be told.
   */
  public Optional<String> qualify(String written, Node context) {
    String name = stripGenerics(written);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    String rest = name.contains(".") ? name.substring(name.indexOf('.')) : "";
    // Nested and enclosing types of the file, innermost first.
    for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> type) {
        if (type.getNameAsString().equals(first)) {
          return type.getFullyQualifiedName().map(q -> q + rest);
        }
        TypeDeclaration<?> nested = nestedTypesOf(type).get(first);
        if (nested != null) {
          return nested.getFullyQualifiedName().map(q -> q + rest);
        }
      }
    }
    Optional<CompilationUnit> unit = context.findCompilationUnit();
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    List<ImportDeclaration> imports = unit.get().getImports();
    for (ImportDeclaration imp : imports) {
      if (!imp.isAsterisk() && !imp.isStatic() && imp.getName().getIdentifier().equals(first)) {
        return Optional.of(imp.getNameAsString() + rest);
      }
    }
    String pkg = unit.get().getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    String samePackage = pkg.isEmpty() ? first : pkg + "." + first;
    if (index.find(samePackage).isPresent()) {
      return Optional.of(samePackage + rest);
    }
    List<String> wildcardCandidates = new java.util.ArrayList<>();
    for (ImportDeclaration imp : imports) {
      if (imp.isAsterisk() && !imp.isStatic()) {
        String candidate = imp.getNameAsString() + "." + first;
        if (index.find(candidate).isPresent()) {
          return Optional.of(candidate + rest);
        }
        if (!provablyAbsent(imp.getNameAsString(), candidate)) {
          wildcardCandidates.add(candidate);
        }
      }
    }
    if (isJavaLang(first)) {
      return Optional.of("java.lang." + first + rest);
    }
    if (name.contains(".") && Character.isLowerCase(name.charAt(0))) {
      return Optional.of(name); // already qualified
    }
    // Two on-demand imports supplying one name do not compile, so a class the JDK proves to have
    // is the one.
    for (String candidate : wildcardCandidates) {
      if (JDK_PACKAGES.contains(candidate.substring(0, candidate.lastIndexOf('.')))) {
        return Optional.of(candidate + rest);
      }
    }
    if (wildcardCandidates.size() == 1) {
      return Optional.of(wildcardCandidates.get(0) + rest);
    }
    List<String> known = wildcardCandidates.stream().filter(knownOutside).toList();
    if (known.size() == 1) {
      return Optional.of(known.get(0) + rest);
    }
    return Optional.empty();
  }

  /** True for a package of the running JDK's own modules ({@code java.util}, {@code javax.imageio}). */
  public static boolean isJdkPackage(String packageName) {
    return JDK_PACKAGES.contains(packageName);
  }

  /**
   * True when a wildcard import cannot hold the type: a package of the JDK that has no such class
   * (the running JDK tells), or a package of the repository that does not declare it. Such imports
   * ({@code java.util.*} beside {@code software.amazon.awssdk.services.dynamodb.*}) do not make a
   * name ambiguous.
   */
  private boolean provablyAbsent(String pkg, String candidate) {
    if (index.hasPackage(pkg)) {
      return true; // the repository's package, and the index did not find the type in it
    }
    if (JDK_PACKAGES.contains(pkg)) {
      return ClassLoader.getSystemResource(candidate.replace('.', '/') + ".class") == null;
    }
    return false;
  }

  /**
   * The member types of a type by simple name (the first of a name wins), indexed once per type:
   * a lambdalith's handler has thousands of members, and every name written in it is qualified.
   */
  private Map<String, TypeDeclaration<?>> nestedTypesOf(TypeDeclaration<?> type) {
    synchronized (nestedTypes) {
      Map<String, TypeDeclaration<?>> byName = nestedTypes.get(type);
      if (byName == null) {
        byName = new HashMap<>();
        for (BodyDeclaration<?> member : type.getMembers()) {
          if (member instanceof TypeDeclaration<?> nested) {
            byName.putIfAbsent(nested.getNameAsString(), nested);
          }
        }
        nestedTypes.put(type, byName);
      }
      return byName;
    }
  }

  private static final java.util.Set<String> PRIMITIVES =
      java.util.Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

  /** Whether a written type is one of Java's eight primitive types. */
  public static boolean isPrimitive(String written) {
    return PRIMITIVES.contains(written);
  }

  /**
   * Whether a simple name written at {@code context} names a type variable of a method,
   * constructor or type around it ({@code T item}): such a type may stand for any type.
   */
  public static boolean isTypeVariable(String name, Node context) {
    for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof NodeWithTypeParameters<?> generic
          && generic.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  /** {@code Map<String, List<X>>[]} becomes {@code Map}. */
  public static String stripGenerics(String written) {
    String name = written.trim();
    int lt = name.indexOf('<');
    if (lt >= 0) {
      name = name.substring(0, lt);
    }
    name = name.replace("[]", "").replace("...", "").trim();
    if (name.startsWith("@")) {
      name = name.substring(1);
    }
    return name;
  }

  private static boolean isJavaLang(String simple) {
    return switch (simple) {
      case "String", "Object", "Integer", "Long", "Boolean", "Double", "Float", "Short", "Byte",
          "Character", "Math", "System", "Thread", "Runnable", "Exception", "RuntimeException",
          "Iterable", "Enum", "Record", "StringBuilder", "Class", "Void", "Number",
          "IllegalArgumentException", "IllegalStateException", "Override", "Deprecated",
          "SuppressWarnings", "FunctionalInterface", "AutoCloseable", "CharSequence",
          "Comparable", "InterruptedException", "Throwable", "Error" -> true;
      default -> false;
    };
  }
}
