package dev.ficus.workspace;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.ficus.model.Diagnostics;
import dev.ficus.model.SourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Builds the {@link Workspace}: finds the files, parses them in parallel (one parser per thread,
 * since JavaParser's parser is not thread-safe), works out the source roots from the package
 * declarations (so Maven, Gradle, multi-module and plain folders all work) and sets up the one
 * symbol solver of the run.
 */
public final class WorkspaceLoader {

  private boolean includeTests;
  private boolean useDependencyJars = true;

  public WorkspaceLoader includeTests(boolean value) {
    this.includeTests = value;
    return this;
  }

  public WorkspaceLoader useDependencyJars(boolean value) {
    this.useDependencyJars = value;
    return this;
  }

  /**
   * Loads the repository at {@code root}.
   *
   * @throws InputException when root is not a readable folder
   */
  public Workspace load(Path root, Diagnostics diagnostics) {
    Objects.requireNonNull(root, "root");
    Path repo = root.toAbsolutePath().normalize();
    if (!Files.exists(repo)) {
      throw new InputException("The path " + root + " does not exist.");
    }
    if (!Files.isDirectory(repo)) {
      throw new InputException("The path " + root + " is not a folder; point ficus at a repository checkout.");
    }
    RepositoryScanner.Result scan;
    try {
      scan = new RepositoryScanner(repo, includeTests, diagnostics).scan();
    } catch (IOException e) {
      throw new InputException("The folder " + root + " cannot be read: " + e.getMessage());
    }

    List<JavaSource> parsed = parseAll(repo, scan.javaFiles(), diagnostics);
    TreeSet<String> roots = new TreeSet<>();
    parsed.forEach(s -> roots.add(s.sourceRoot()));

    CombinedTypeSolver solver = new CombinedTypeSolver();
    solver.add(new ReflectionTypeSolver(true));
    for (String sourceRoot : roots) {
      solver.add(new SourceTypeSolver(sourceRoot, parsed)); // the trees already parsed, not a second parse
    }
    if (useDependencyJars) {
      for (Path jar : new DependencyJars(repo, diagnostics).find(scan.buildFiles())) {
        try {
          solver.add(new JarTypeSolver(jar));
        } catch (IOException | RuntimeException e) {
          diagnostics.note(
              "dependency-jar",
              "Could not read dependency jar " + jar.getFileName() + "; its types come from imports only.",
              null);
        }
      }
    }
    JavaSymbolSolver symbolSolver = new JavaSymbolSolver(solver);
    for (JavaSource source : parsed) {
      symbolSolver.inject(source.unit());
    }
    return new Workspace(
        repo,
        List.copyOf(roots),
        parsed,
        scan.iacFiles().stream().map(p -> rel(repo, p)).toList(),
        scan.configFiles().stream().map(p -> rel(repo, p)).toList(),
        solver,
        diagnostics);
  }

  private static List<JavaSource> parseAll(Path repo, List<Path> files, Diagnostics diagnostics) {
    ThreadLocal<JavaParser> parsers = ThreadLocal.withInitial(() -> new JavaParser(JavaTrees.configuration()));
    JavaSource[] results = new JavaSource[files.size()];
    IntStream.range(0, files.size())
        .parallel()
        .forEach(i -> results[i] = parseOne(repo, files.get(i), parsers.get(), diagnostics));
    List<JavaSource> out = new ArrayList<>();
    for (JavaSource s : results) {
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private static JavaSource parseOne(Path repo, Path file, JavaParser parser, Diagnostics diagnostics) {
    String rel = rel(repo, file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | SecurityException e) {
      diagnostics.warning("unreadable-file", "Skipped " + rel + ": it cannot be read.", new SourceRef(rel, 0));
      return null;
    }
    if (SourceText.looksBinary(bytes)) {
      diagnostics.warning(
          "not-java-source", "Skipped " + rel + ": it is a binary file, not Java source.", new SourceRef(rel, 0));
      return null;
    }
    SourceText.Decoded text = SourceText.decode(bytes);
    if (text.latin1()) {
      diagnostics.note(
          "encoding", rel + " is not valid UTF-8; read it as ISO-8859-1.", new SourceRef(rel, 0));
    }
    ParseResult<CompilationUnit> result;
    try {
      result = parseWithDeepStack(parser, text.text());
    } catch (RuntimeException | StackOverflowError e) {
      String why =
          e instanceof StackOverflowError
              ? "it is nested too deeply"
              : "the parser gave up (" + e.getClass().getSimpleName() + ")";
      diagnostics.error(
          "parse-error", "Could not parse " + rel + ": " + why + ".", new SourceRef(rel, 0));
      return null;
    }
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      Problem first = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
      int line =
          first == null
              ? 0
              : first.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(0);
      String why = first == null ? "syntax error" : firstLine(first.getMessage());
      diagnostics.error(
          "parse-error", "Could not parse " + rel + ": " + why, new SourceRef(rel, line));
      return null;
    }
    CompilationUnit unit = result.getResult().get();
    List<Node> nodes = JavaTrees.finish(unit);
    return new JavaSource(rel, sourceRootOf(repo, file, unit), unit, JavaSource.Nodes.of(nodes));
  }

  /**
   * Parses on this thread; a file nested so deeply (thousands of parentheses or else-ifs, as code
   * generators write them) that JavaParser's recursive descent overflows the stack is parsed once
   * more on a thread of its own with a stack large enough for it. Only the rare file that needs it
   * pays for the thread.
   */
  static ParseResult<CompilationUnit> parseWithDeepStack(JavaParser parser, String text) {
    try {
      return parser.parse(text);
    } catch (StackOverflowError shallow) {
      return DeepStack.call(() -> new JavaParser(JavaTrees.configuration()).parse(text));
    }
  }

  /** The folder above the package tree, or the file's own folder when they disagree. */
  static String sourceRootOf(Path repo, Path file, CompilationUnit unit) {
    Path dir = file.getParent();
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    if (!pkg.isEmpty()) {
      String[] parts = pkg.split("\\.");
      Path candidate = dir;
      boolean matches = true;
      for (int i = parts.length - 1; i >= 0 && candidate != null; i--) {
        if (candidate.getFileName() == null || !candidate.getFileName().toString().equals(parts[i])) {
          matches = false;
          break;
        }
        candidate = candidate.getParent();
      }
      if (matches && candidate != null && candidate.startsWith(repo)) {
        dir = candidate;
      }
    }
    return rel(repo, dir);
  }

  private static String firstLine(String message) {
    String line = message.strip();
    int nl = line.indexOf('\n');
    line = nl > 0 ? line.substring(0, nl) : line;
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static String rel(Path repo, Path path) {
    return repo.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
