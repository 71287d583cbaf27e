package dev.ficus.scaffold;

import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import dev.ficus.model.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project under construction, shared by the {@link ProjectPart}s: what they read (the
 * analysis, the plan, the options, the layout, the repository) and what they add (files, the
 * repository classes and libraries each module must carry, notes for the user).
 */
public final class ScaffoldContext {

  private final Analysis analysis;
  private final Plan plan;
  private final ScaffoldOptions options;
  private final ProjectLayout layout;
  private final Path repository;
  private java.util.Optional<MonolithPom> monolithPom;
  private Set<String> repositoryTypes;
  private Set<String> repositoryPackages;
  private final Map<String, GeneratedFile> files = new TreeMap<>();
  private final Map<String, Set<String>> classesByModule = new TreeMap<>();
  private final Map<String, Set<MavenDependency>> dependenciesByModule = new TreeMap<>();
  private final Map<String, Set<String>> replacedByModule = new TreeMap<>();
  private final Map<String, Set<SourceFile>> copiedByModule = new TreeMap<>();
  private final Map<String, Set<String>> filesByFunction = new TreeMap<>();
  private final Map<String, Set<String>> importsByModule = new TreeMap<>();
  private final Map<String, Set<String>> librariesByModule = new TreeMap<>();
  private final Set<ScaffoldNote> notes = new TreeSet<>();

  public ScaffoldContext(Analysis analysis, Plan plan, ScaffoldOptions options, Path repository) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.options = Objects.requireNonNull(options, "options");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.layout = ProjectLayout.of(analysis, plan);
  }

  public Analysis analysis() {
    return analysis;
  }

  public Plan plan() {
    return plan;
  }

  public ScaffoldOptions options() {
    return options;
  }

  public ProjectLayout layout() {
    return layout;
  }

  /** The analyzed route a planned function serves. */
  public java.util.Optional<dev.ficus.model.Route> routeOf(dev.ficus.model.PlannedFunction function) {
    return ProjectLayout.routeOf(analysis, function);
  }

  /** The monolith's root pom, read once for every part; empty when there is none. */
  public java.util.Optional<MonolithPom> monolithPom() {
    if (monolithPom == null) {
      // The root's build, else the build of a folder holding the repository's main sources (a
      // function's own folder, as in many SAM projects).
      java.util.TreeSet<String> folders = new java.util.TreeSet<>();
      for (SourceFile file : analysis.sources()) {
        String root = file.sourceRoot();
        int src = root.lastIndexOf("src/main/java");
        if (!file.test() && src > 0) {
          folders.add(root.substring(0, src - 1));
        }
      }
      List<String> order = new java.util.ArrayList<>(List.of(""));
      order.addAll(folders);
      monolithPom = MonolithPom.read(repository, order);
    }
    return monolithPom;
  }

  /** The monolith's checkout, read-only: where copied sources come from. */
  public Path repository() {
    return repository;
  }

  /** Adds a file; two parts writing the same path is a bug. */
  public void add(GeneratedFile file) {
    GeneratedFile previous = files.putIfAbsent(file.path(), file);
    if (previous != null && !previous.content().equals(file.content())) {
      throw new IllegalStateException("two parts generate " + file.path());
    }
  }

  public void add(String path, String content) {
    add(new GeneratedFile(path, content));
  }

  /** The files added so far, by path. */
  public Map<String, GeneratedFile> files() {
    return java.util.Collections.unmodifiableMap(files);
  }

  /**
   * Asks that a module carry a repository class (fully qualified, top-level) and every file it
   * needs to compile.
   *
   * @param moduleDir {@link ProjectLayout.Module#dir()}
   */
  public void requireClass(String moduleDir, String qualifiedName) {
    classesByModule.computeIfAbsent(moduleDir, k -> new TreeSet<>()).add(qualifiedName);
  }

  /**
   * Says that generated code takes over a repository class's job in a module (a dispatcher whose
   * branch became a handler of its own), so it is not copied there for the routes' sake; it is
   * still copied when a copied file names it.
   */
  public void replaceClass(String moduleDir, String qualifiedName) {
    replacedByModule.computeIfAbsent(moduleDir, k -> new TreeSet<>()).add(qualifiedName);
  }

  public Set<String> replacedClasses(String moduleDir) {
    return java.util.Collections.unmodifiableSet(replacedByModule.getOrDefault(moduleDir, Set.of()));
  }

  /** Records that a repository file was copied into a module, for the parts that follow. */
  public void recordCopy(String moduleDir, SourceFile file) {
    copiedByModule.computeIfAbsent(moduleDir, k -> new TreeSet<>()).add(file);
  }

  /** The repository files copied into a module, sorted by path. */
  public Set<SourceFile> copiedFiles(String moduleDir) {
    return java.util.Collections.unmodifiableSet(copiedByModule.getOrDefault(moduleDir, Set.of()));
  }

  /**
   * Records the imports of generated code in a module (as {@link SourceFile#imports()} writes
   * them), so that its pom keeps the libraries they need like those of copied files. Imports of
   * the repository's own types are dropped: those come with the copied files, not a library.
   */
  public void recordImports(String moduleDir, java.util.Collection<String> imports) {
    Set<String> types = repositoryTypes();
    Set<String> packages = repositoryPackages();
    Set<String> kept = importsByModule.computeIfAbsent(moduleDir, k -> new TreeSet<>());
    for (String imp : imports) {
      boolean isStatic = imp.startsWith("static ");
      String name = isStatic ? imp.substring("static ".length()) : imp;
      boolean repository =
          types.contains(name)
              || (name.endsWith(".*") && packages.contains(name.substring(0, name.length() - 2)))
              || (isStatic && types.contains(name.substring(0, Math.max(0, name.lastIndexOf('.')))))
              || (isStatic && name.endsWith(".*") && types.contains(name.substring(0, name.length() - 2)));
      if (!repository) {
        kept.add(imp);
      }
    }
  }

  /** The fully qualified names of the repository's own types, nested ones included. */
  public Set<String> repositoryTypes() {
    if (repositoryTypes == null) {
      Set<String> types = new java.util.HashSet<>();
      analysis.sources().forEach(f -> types.addAll(f.types()));
      repositoryTypes = java.util.Collections.unmodifiableSet(types);
    }
    return repositoryTypes;
  }

  /** The packages the repository's files declare. */
  public Set<String> repositoryPackages() {
    if (repositoryPackages == null) {
      Set<String> packages = new java.util.HashSet<>();
      analysis.sources().forEach(f -> packages.add(f.packageName()));
      repositoryPackages = java.util.Collections.unmodifiableSet(packages);
    }
    return repositoryPackages;
  }

  public Set<String> generatedImports(String moduleDir) {
    return java.util.Collections.unmodifiableSet(importsByModule.getOrDefault(moduleDir, Set.of()));
  }

  /** Records the repository files one function's code needs (its route's, and what they name). */
  public void recordFunctionFiles(String function, Set<String> paths) {
    filesByFunction.put(function, new TreeSet<>(paths));
  }

  public Set<String> functionFiles(String function) {
    return java.util.Collections.unmodifiableSet(filesByFunction.getOrDefault(function, Set.of()));
  }

  /** Records the libraries ({@code groupId:artifactId}) a module's pom declares. */
  public void recordLibraries(String moduleDir, Set<String> keys) {
    librariesByModule.put(moduleDir, new TreeSet<>(keys));
  }

  public Set<String> libraries(String moduleDir) {
    return java.util.Collections.unmodifiableSet(librariesByModule.getOrDefault(moduleDir, Set.of()));
  }

  /** Asks that a module depend on a library. */
  public void requireDependency(String moduleDir, MavenDependency dependency) {
    dependenciesByModule.computeIfAbsent(moduleDir, k -> new TreeSet<>()).add(dependency);
  }

  public Set<String> requiredClasses(String moduleDir) {
    return java.util.Collections.unmodifiableSet(classesByModule.getOrDefault(moduleDir, Set.of()));
  }

  public Set<MavenDependency> requiredDependencies(String moduleDir) {
    return java.util.Collections.unmodifiableSet(
        dependenciesByModule.getOrDefault(moduleDir, Set.of()));
  }

  public void note(ScaffoldNote note) {
    notes.add(note);
  }

  public void note(String function, String file, String message) {
    notes.add(new ScaffoldNote(function, file, message));
  }

  public List<ScaffoldNote> notes() {
    return List.copyOf(notes);
  }
}
