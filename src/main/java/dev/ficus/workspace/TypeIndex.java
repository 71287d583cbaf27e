package dev.ficus.workspace;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every type declared in the repository by fully qualified name, and the subtypes of each, so
 * stages can look up declarations without the symbol solver (fast, and works with no jars).
 */
public final class TypeIndex {

  private final Map<String, TypeDeclaration<?>> byName = new TreeMap<>();
  private final Map<CompilationUnit, JavaSource> sourceByUnit = new IdentityHashMap<>();
  private final java.util.Set<String> packages = new java.util.HashSet<>();

  TypeIndex(List<JavaSource> sources) {
    for (JavaSource source : sources) {
      sourceByUnit.put(source.unit(), source);
      for (TypeDeclaration<?> type : source.unit().findAll(TypeDeclaration.class)) {
        type.getFullyQualifiedName().ifPresent(name -> byName.putIfAbsent(name, type));
      }
    }
  }

  public Optional<TypeDeclaration<?>> find(String qualifiedName) {
    return Optional.ofNullable(byName.get(qualifiedName));
  }

  /** Fully qualified names of all types of the repository, sorted. */
  public Map<String, TypeDeclaration<?>> all() {
    return Collections.unmodifiableMap(byName);
  }

  /** True when some file of the repository declares {@code packageName}. */
  public boolean hasPackage(String packageName) {
    synchronized (packages) {
      if (packages.isEmpty()) {
        for (CompilationUnit unit : sourceByUnit.keySet()) {
          unit.getPackageDeclaration().ifPresent(p -> packages.add(p.getNameAsString()));
        }
      }
      return packages.contains(packageName);
    }
  }

  Optional<JavaSource> sourceOf(CompilationUnit unit) {
    return Optional.ofNullable(sourceByUnit.get(unit));
  }
}
