package dev.ficus.workspace;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every type declared in the repository by fully qualified name, and the subtypes of each, so
 * stages can look up declarations without the symbol solver (fast, and works with no jars).
 *
 * <p>A name may be declared more than once: functions built from folders of their own (SAM's
 * {@code CodeUri: ReadFunction} and {@code CodeUri: WriteFunction}) often both hold an {@code
 * app.App}. The index keeps every declaration and answers a lookup with one of them: the first,
 * by file path, of those under the preferred folder (a function's code folder, see {@link
 * CodeScopes}), or of all when none is there. A name that several declarations still compete for
 * is an {@link Ambiguity}, which {@link CodeScopes} reports, so a pick is never silent.
 */
public final class TypeIndex {

  /**
   * A name declared more than once where nothing tells which declaration is meant.
   *
   * @param chosen the file whose declaration lookups return
   * @param files every file declaring the name, sorted
   */
  public record Ambiguity(String name, String chosen, List<String> files) {
    public Ambiguity {
      files = List.copyOf(files);
    }
  }

  private final TreeMap<String, TypeDeclaration<?>> byName = new TreeMap<>();
  private final Map<String, List<TypeDeclaration<?>>> declared = new TreeMap<>();
  private final Map<CompilationUnit, JavaSource> sourceByUnit = new IdentityHashMap<>();
  private final List<Ambiguity> ambiguities = new ArrayList<>();
  private final List<JavaSource> visible;
  private final java.util.Set<String> packages = new java.util.HashSet<>();

  TypeIndex(List<JavaSource> sources) {
    this(sources, sources, "");
  }

  /**
   * @param all every source of the workspace (so any node can be located)
   * @param visible the sources whose types are indexed, sorted by path
   * @param preferred folder relative to the root whose declarations win; {@code ""} for none
   */
  TypeIndex(List<JavaSource> all, List<JavaSource> visible, String preferred) {
    this.visible = List.copyOf(visible);
    for (JavaSource source : all) {
      sourceByUnit.put(source.unit(), source);
    }
    for (JavaSource source : visible) {
      for (TypeDeclaration<?> type : source.nodes().types()) {
        type.getFullyQualifiedName()
            .ifPresent(name -> declared.computeIfAbsent(name, k -> new ArrayList<>()).add(type));
      }
    }
    for (Map.Entry<String, List<TypeDeclaration<?>>> e : declared.entrySet()) {
      List<TypeDeclaration<?>> candidates = e.getValue();
      if (candidates.size() > 1) {
        List<TypeDeclaration<?>> under =
            candidates.stream().filter(t -> CodeScopes.under(fileOf(t), preferred)).toList();
        candidates = under.isEmpty() ? candidates : under;
      }
      TypeDeclaration<?> chosen = candidates.get(0);
      byName.put(e.getKey(), chosen);
      List<String> files = candidates.stream().map(this::fileOf).distinct().sorted().toList();
      if (files.size() > 1 && !nestedInAmbiguous(chosen)) {
        ambiguities.add(new Ambiguity(e.getKey(), fileOf(chosen), files));
      }
    }
  }

  /** Whether an enclosing type is itself ambiguous: its members are reported with it. */
  private boolean nestedInAmbiguous(TypeDeclaration<?> type) {
    for (Node n = type.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> outer) {
        Optional<String> name = outer.getFullyQualifiedName();
        return name.isPresent() && ambiguities.stream().anyMatch(a -> a.name().equals(name.get()));
      }
    }
    return false;
  }

  private String fileOf(TypeDeclaration<?> type) {
    return type.findCompilationUnit().map(sourceByUnit::get).map(JavaSource::file).orElse("");
  }

  /** The declaration lookups use for this name (see the class comment for which one). */
  public Optional<TypeDeclaration<?>> find(String qualifiedName) {
    return Optional.ofNullable(byName.get(qualifiedName));
  }

  /** Every declaration of this name, sorted by file path; more than one only for a repeated name. */
  public List<TypeDeclaration<?>> declarations(String qualifiedName) {
    return List.copyOf(declared.getOrDefault(qualifiedName, List.of()));
  }

  /** Fully qualified names of all types of the repository, sorted, each with the declaration chosen. */
  public Map<String, TypeDeclaration<?>> all() {
    return Collections.unmodifiableMap(byName);
  }

  /** Whether some name is declared more than once, whether or not a preference settles it. */
  public boolean hasRepeatedNames() {
    return declared.values().stream().anyMatch(l -> l.size() > 1);
  }

  /** Names that stay ambiguous, sorted by name; nested types of an ambiguous type are left out. */
  public List<Ambiguity> ambiguities() {
    return List.copyOf(ambiguities);
  }

  /** True when some file of the repository (as this index sees it) declares {@code packageName}. */
  public boolean hasPackage(String packageName) {
    synchronized (packages) {
      if (packages.isEmpty()) {
        for (JavaSource source : visible) {
          source.unit().getPackageDeclaration().ifPresent(p -> packages.add(p.getNameAsString()));
        }
      }
      return packages.contains(packageName);
    }
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
