package dev.ficus.workspace;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import dev.ficus.model.Diagnostics;
import dev.ficus.model.SourceRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The analyzed repository, parsed once: its Java sources, the type index every later stage
 * looks types up in, the symbol solver, and the IaC files found beside the code. Built by {@link
 * WorkspaceLoader}; read-only afterwards.
 */
public final class Workspace {

  private final Path root;
  private final List<String> sourceRoots;
  private final List<JavaSource> sources;
  private final List<String> iacFiles;
  private final List<String> configFiles;
  private final TypeIndex types;
  private final TypeSolver typeSolver;
  private final Diagnostics diagnostics;

  Workspace(
      Path root,
      List<String> sourceRoots,
      List<JavaSource> sources,
      List<String> iacFiles,
      List<String> configFiles,
      TypeSolver typeSolver,
      Diagnostics diagnostics) {
    this.root = root;
    this.sourceRoots = List.copyOf(sourceRoots);
    this.sources = List.copyOf(sources);
    this.iacFiles = List.copyOf(iacFiles);
    this.configFiles = List.copyOf(configFiles);
    this.types = new TypeIndex(this.sources);
    this.typeSolver = typeSolver;
    this.diagnostics = diagnostics;
  }

  /**
   * The part of a workspace one function's code is (see {@link CodeScopes}): only the visible
   * sources and configuration files (the latter in the order their values win), and a repeated
   * type name resolved to its declaration under {@code preferred}.
   */
  Workspace(Workspace whole, List<JavaSource> visible, List<String> configFiles, String preferred) {
    this.root = whole.root;
    this.sources = List.copyOf(visible);
    this.sourceRoots = this.sources.stream().map(JavaSource::sourceRoot).distinct().sorted().toList();
    this.iacFiles = whole.iacFiles;
    this.configFiles = List.copyOf(configFiles);
    this.types = new TypeIndex(whole.sources, this.sources, preferred);
    this.typeSolver = whole.typeSolver;
    this.diagnostics = whole.diagnostics;
  }

  /** The repository root, absolute and normalized. */
  public Path root() {
    return root;
  }

  /** Folders holding package trees, relative to the root, sorted. */
  public List<String> sourceRoots() {
    return sourceRoots;
  }

  /** Every parsed main source file, sorted by path. */
  public List<JavaSource> sources() {
    return sources;
  }

  /**
   * Candidate IaC files relative to the root, sorted: {@code template.yaml|yml|json}, other
   * {@code *.yaml|yml|json} files that may be CloudFormation, and {@code serverless.yml|yaml}.
   */
  public List<String> iacFiles() {
    return iacFiles;
  }

  /**
   * {@code application.properties|yml|yaml} files (main resources), relative, sorted; in a
   * function's view ({@link CodeScopes}) those of its own folder come first.
   */
  public List<String> configFiles() {
    return configFiles;
  }

  public TypeIndex types() {
    return types;
  }

  /** The one symbol solver of the run (reflection, the repo's source roots, dependency jars). */
  public TypeSolver typeSolver() {
    return typeSolver;
  }

  /**
   * Lets go of what the symbol solver keeps for this workspace once the analysis is done.
   * JavaParser keeps a facade per type solver in a static weak map whose values hold their keys,
   * so no entry is ever dropped: each analysis in a process (the benchmark's runs, the test
   * suite's hundreds) kept its type solver, and through it every tree it had parsed. Facades are
   * caches, made again on the next use, so clearing them all is safe for analyses still running.
   */
  public void releaseSymbolSolver() {
    JavaParserFacade.clearInstances();
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  public Path resolve(String relativeFile) {
    return root.resolve(relativeFile);
  }

  public String relativize(Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** The type declared in the repository under this fully qualified name (nested: {@code A.B}). */
  public Optional<TypeDeclaration<?>> findType(String qualifiedName) {
    return types.find(qualifiedName);
  }

  /** The source file that holds a node, if the node belongs to one of this workspace's units. */
  public Optional<JavaSource> sourceOf(Node node) {
    return node.findCompilationUnit().flatMap(types::sourceOf);
  }

  /** Where a node is, as a report location. */
  public SourceRef ref(Node node) {
    String file = node.findCompilationUnit().flatMap(types::sourceOf).map(JavaSource::file).orElse("?");
    int line = node.getBegin().map(p -> p.line).orElse(0);
    return new SourceRef(file, line);
  }
}
