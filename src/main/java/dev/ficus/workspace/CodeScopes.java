package dev.ficus.workspace;

import com.github.javaparser.ast.body.TypeDeclaration;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which code each Lambda function runs. A repository often holds several functions, each built
 * from a folder of its own ({@code CodeUri: ReadFunction}, {@code CodeUri: WriteFunction}), and
 * those folders may declare the same class ({@code app.App} in both). Looking types up across the
 * whole repository would give every function one folder's code, and so another function's
 * permissions: a silent under-grant. Here the functions are grouped by their code folder into
 * scopes; each scope sees the sources under its folder and the code no other function's folder
 * holds (a shared module), and a repeated name resolves to the declaration under its folder;
 * configuration files ({@code application.properties}) are seen the same way, its own first.
 * A name that stays ambiguous is reported, never picked silently. This is the one place that
 * choice is made; see docs/effects.md, "Which code a function runs".
 */
public final class CodeScopes {

  /**
   * The code some functions are built from.
   *
   * @param folder relative to the repository root, {@code ""} for the whole repository
   * @param workspace the sources this code is made of, types resolved as its functions see them
   * @param functions logical ids of the functions built from it, sorted
   */
  public record Scope(String folder, Workspace workspace, Set<String> functions) {
    public Scope {
      functions = java.util.Collections.unmodifiableSet(new TreeSet<>(functions));
    }

    /** Whether a repository file lies in this scope's folder. */
    public boolean holds(String file) {
      return under(file, folder);
    }
  }

  /** Build output folders: an artifact under one of them was built from the folder above it. */
  private static final Set<String> BUILD_OUTPUT = Set.of("target", "build", ".aws-sam");

  private final Workspace workspace;
  private final List<Scope> scopes;
  private final Map<String, Scope> byFunction = new TreeMap<>();

  private CodeScopes(Workspace workspace, List<Scope> scopes) {
    this.workspace = workspace;
    this.scopes = List.copyOf(scopes);
    for (Scope s : scopes) {
      s.functions().forEach(f -> byFunction.put(f, s));
    }
  }

  /**
   * Groups the functions by the folder their code is built from. With one scope (every function
   * built from the whole repository, the usual lambdalith) its workspace is {@code workspace}
   * itself. Names that stay ambiguous in a scope are reported as warnings.
   */
  public static CodeScopes of(Workspace workspace, List<LambdaFunction> functions) {
    Map<String, List<String>> byFolder = new TreeMap<>();
    List<String> placeless = new ArrayList<>();
    for (LambdaFunction f : functions) {
      if (f.handlerClass() == null) {
        placeless.add(f.logicalId()); // not Java: no code of the repository to choose
      } else {
        byFolder.computeIfAbsent(folderOf(f, workspace), k -> new ArrayList<>()).add(f.logicalId());
      }
    }
    if (byFolder.isEmpty()) {
      byFolder.put("", new ArrayList<>());
    }
    byFolder.getOrDefault("", byFolder.values().iterator().next()).addAll(placeless);
    List<Scope> scopes = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byFolder.entrySet()) {
      String folder = e.getKey();
      List<JavaSource> visible =
          workspace.sources().stream().filter(s -> visible(s.file(), folder, byFolder.keySet())).toList();
      List<String> configs = new ArrayList<>();
      workspace.configFiles().stream().filter(f -> under(f, folder)).forEach(configs::add);
      workspace.configFiles().stream()
          .filter(f -> !under(f, folder) && visible(f, folder, byFolder.keySet()))
          .forEach(configs::add);
      boolean whole =
          visible.size() == workspace.sources().size()
              && configs.equals(workspace.configFiles())
              && (folder.isEmpty() || !workspace.types().hasRepeatedNames());
      Workspace view = whole ? workspace : new Workspace(workspace, visible, configs, folder);
      Scope scope = new Scope(folder, view, new TreeSet<>(e.getValue()));
      reportAmbiguities(scope);
      scopes.add(scope);
    }
    CodeScopes result = new CodeScopes(workspace, scopes);
    functions.forEach(result::reportHandlerOutside);
    return result;
  }

  /**
   * A handler class the repository declares, but not in the function's code: the function gets
   * no routes from another function's copy, and says so.
   */
  private void reportHandlerOutside(LambdaFunction function) {
    if (function.handlerClass() == null) {
      return;
    }
    Scope scope = ofFunction(function.logicalId());
    List<TypeDeclaration<?>> declared = workspace.types().declarations(function.handlerClass());
    if (declared.isEmpty() || scope.workspace().findType(function.handlerClass()).isPresent()) {
      return;
    }
    workspace.diagnostics().warning(
        "handler-outside-codeuri",
        function.logicalId() + "'s handler " + function.handlerClass()
            + " is not in its code (" + display(scope.folder()) + ") but only in "
            + String.join(", ", declared.stream().map(t -> workspace.ref(t).file()).toList())
            + "; ficus does not give it another function's code, so its routes and permissions are"
            + " missing.",
        function.source());
  }

  /** The scopes, sorted by folder ({@code ""}, the whole repository, first). */
  public List<Scope> all() {
    return scopes;
  }

  /** The scope of a function; a function these scopes were not built with gets the first one. */
  public Scope ofFunction(String logicalId) {
    return logicalId == null ? scopes.get(0) : byFunction.getOrDefault(logicalId, scopes.get(0));
  }

  /**
   * The scope a file belongs to: the one with the deepest folder holding it; for code no scope's
   * folder holds, the first scope.
   */
  public Scope ofFile(String file) {
    return scopes.stream()
        .filter(s -> s.holds(file))
        .max(Comparator.comparingInt(s -> s.folder().length()))
        .orElse(scopes.get(0));
  }

  /**
   * Whether a route found while analyzing {@code scope} is that scope's to report: a route of a
   * function belongs to the function's scope (so a route extracted from a handler belongs to the
   * function whose code holds that handler), a route of no function to the scope of its file.
   */
  public boolean owns(Scope scope, Route route) {
    Scope owner = route.function() != null ? ofFunction(route.function()) : ofFile(route.source().file());
    return owner == scope;
  }

  /**
   * Whether a function should be shown to the route extractors of {@code scope}: its own
   * functions, and a function of another scope whose handler class is code this scope shares
   * with it (a handler in a common module), so the extractors do not take that handler for one
   * no function deploys. Routes are then kept by {@link #owns}.
   */
  public boolean sees(Scope scope, LambdaFunction function) {
    if (scope.functions().contains(function.logicalId())) {
      return true;
    }
    if (function.handlerClass() == null || scope.folder().isEmpty()) {
      return false;
    }
    Optional<TypeDeclaration<?>> handler = scope.workspace().findType(function.handlerClass());
    return handler.isPresent()
        && !scope.holds(scope.workspace().ref(handler.get()).file())
        && ofFunction(function.logicalId()).workspace().findType(function.handlerClass())
            .map(other -> other == handler.get())
            .orElse(false);
  }

  /**
   * The scope to analyze a method named on the command line in: the one whose folder holds its
   * class. A class declared in several scopes' folders is reported, and the first is taken.
   */
  public Scope ofClass(String qualifiedName) {
    List<Scope> holding = new ArrayList<>();
    for (TypeDeclaration<?> t : workspace.types().declarations(qualifiedName)) {
      Scope s = ofFile(workspace.ref(t).file());
      if (!holding.contains(s)) {
        holding.add(s);
      }
    }
    if (holding.size() > 1) {
      workspace.diagnostics().warning(
          "ambiguous-type",
          qualifiedName + " is declared in the code of several functions ("
              + String.join(", ", holding.stream().map(s -> display(s.folder())).toList())
              + "); ficus analyzed the one in " + display(holding.get(0).folder()) + ".",
          null);
    }
    return holding.isEmpty() ? scopes.get(0) : holding.get(0);
  }

  private static void reportAmbiguities(Scope scope) {
    Workspace view = scope.workspace();
    for (TypeIndex.Ambiguity a : view.types().ambiguities()) {
      int line = view.findType(a.name()).flatMap(t -> t.getBegin()).map(p -> p.line).orElse(0);
      view.diagnostics().warning(
          "ambiguous-type",
          a.name() + " is declared in " + a.files().size() + " files (" + String.join(", ", a.files())
              + ") and no function's CodeUri tells which one is meant; ficus analyzed "
              + a.chosen() + ".",
          new dev.ficus.model.SourceRef(a.chosen(), line));
    }
  }

  private static String display(String folder) {
    return folder.isEmpty() ? "the repository root" : folder;
  }

  /** Whether {@code file} (relative, forward slashes) lies in {@code folder} ({@code ""}: all). */
  static boolean under(String file, String folder) {
    return folder.isEmpty() || file.equals(folder) || file.startsWith(folder + "/");
  }

  /**
   * A file is code of scope {@code folder} when it lies in that folder, or when no other scope's
   * folder holds it (shared code), or only folders that hold this scope's folder too.
   */
  private static boolean visible(String file, String folder, Set<String> folders) {
    if (under(file, folder)) {
      return true;
    }
    for (String other : folders) {
      if (!other.equals(folder) && under(file, other) && !under(folder, other)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Where a function's code is

  /**
   * The folder a function's code is built from, relative to the repository root; {@code ""} for
   * the whole repository. The IaC's path ({@code CodeUri}, Serverless {@code package.artifact},
   * CDK {@code Code.fromAsset}) is read relative to the IaC file's folder (for CDK, the app's
   * folder, the one with {@code cdk.json}); an artifact in a build output folder ({@code
   * ReadFunction/target/read.jar}) was built from the folder above it. A path that is missing,
   * remote ({@code s3://}), inline, outside the repository or holds no Java source means the whole
   * repository.
   */
  public static String folderOf(LambdaFunction function, Workspace workspace) {
    String uri = function.codeUri();
    if (uri == null || uri.isBlank() || uri.equals("inline") || uri.contains("://") || uri.contains("${")) {
      return "";
    }
    Path root = workspace.root();
    for (Path base : bases(function, root)) {
      Path target;
      try {
        target = base.resolve(uri.strip()).normalize();
      } catch (InvalidPathException e) {
        return ""; // not a path at all: a value of some other kind
      }
      if (!target.startsWith(root)) {
        continue;
      }
      Optional<String> folder = sourceFolder(root, target, workspace);
      if (folder.isPresent()) {
        return folder.get();
      }
    }
    return "";
  }

  private static List<Path> bases(LambdaFunction function, Path root) {
    List<Path> out = new ArrayList<>();
    String file = function.source() == null ? null : function.source().file();
    if (file != null && !file.isEmpty() && !file.equals("?")) {
      Path dir = root.resolve(file).normalize().getParent();
      if ("cdk".equals(function.iac())) {
        for (Path d = dir; d != null && d.startsWith(root); d = d.getParent()) {
          if (Files.isRegularFile(d.resolve("cdk.json"))) {
            out.add(d);
            break;
          }
        }
      } else if (dir != null && dir.startsWith(root)) {
        out.add(dir);
      }
    }
    if (!out.contains(root)) {
      out.add(root);
    }
    return out;
  }

  /**
   * The folder {@code target} names (cut at a build output folder; an artifact file stands for
   * its folder), if it exists and holds Java sources.
   */
  private static Optional<String> sourceFolder(Path root, Path target, Workspace workspace) {
    List<String> parts = new ArrayList<>();
    for (Path p : root.relativize(target)) {
      String name = p.toString();
      if (BUILD_OUTPUT.contains(name.toLowerCase(Locale.ROOT))) {
        break;
      }
      parts.add(name);
    }
    Path dir = root;
    for (String part : parts) {
      dir = dir.resolve(part);
    }
    if (Files.isRegularFile(dir)) {
      dir = dir.getParent(); // an artifact beside its sources
    }
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    String folder = workspace.relativize(dir);
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    boolean holdsJava = workspace.sources().stream().anyMatch(s -> under(s.file(), folder));
    return holdsJava ? Optional.of(folder) : Optional.empty();
  }
}
