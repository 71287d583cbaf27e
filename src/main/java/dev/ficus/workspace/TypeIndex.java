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

  private final TreeMap<String, TypeDeclaration<?>> byName = new TreeMap<>();
  private final Map<CompilationUnit, JavaSource> sourceByUnit = new IdentityHashMap<>();

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

  /** Whether some type's qualified name starts with {@code prefix}: a lookup in the sorted names. */
  boolean hasNameStartingWith(String prefix) {
    String next = byName.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }

  Optional<JavaSource> sourceOf(CompilationUnit unit) {
    return Optional.ofNullable(sourceByUnit.get(unit));
  }
}
