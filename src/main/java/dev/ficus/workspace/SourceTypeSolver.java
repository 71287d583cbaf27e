package dev.ficus.workspace;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.modules.ModuleDeclaration;
import com.github.javaparser.ast.modules.ModuleDirective;
import com.github.javaparser.resolution.Navigator;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The symbol solver's view of one source root, answered from the files the workspace has already
 * parsed. JavaParser's own {@code JavaParserTypeSolver} reads and parses the files of a source
 * root a second time (a whole package folder whenever a name is not found at its canonical path),
 * which doubled the parse cost of a run and kept a second copy of every tree in memory. This
 * solver finds types where that one does, in the same order: for {@code a.b.C.D}, the file {@code
 * a/b/C/D.java}, then any file of {@code a/b/C/}, then {@code a/b/C.java} holding {@code C.D},
 * then any file of {@code a/b/}, and so on; a file's package declaration is not consulted, only
 * its place under the root. Within a folder, files are tried in path order. Files the workspace
 * did not parse (unreadable, binary, syntax errors, build output) are not seen.
 */
final class SourceTypeSolver implements TypeSolver {

  private final String root;
  /** Units by their path under the root, dotted and without {@code .java}: {@code a.b.C}. */
  private final Map<String, CompilationUnit> byFile = new HashMap<>();
  /** Units by their folder under the root, dotted ({@code ""} for the root), in path order. */
  private final Map<String, List<CompilationUnit>> byFolder = new HashMap<>();
  private final Map<String, List<String>> exportsByModule = new HashMap<>();
  private final Map<String, SymbolReference<ResolvedReferenceTypeDeclaration>> found =
      new ConcurrentHashMap<>();
  private TypeSolver parent;

  /**
   * @param root the source root relative to the repository ({@code ""} for the repository itself)
   * @param sources every parsed source of the workspace, sorted by path
   */
  SourceTypeSolver(String root, List<JavaSource> sources) {
    this.root = root;
    String prefix = root.isEmpty() ? "" : root + "/";
    for (JavaSource source : sources) {
      if (!source.file().startsWith(prefix) || !source.file().endsWith(".java")) {
        continue;
      }
      String rel = source.file().substring(prefix.length(), source.file().length() - ".java".length());
      int slash = rel.lastIndexOf('/');
      String folder = slash < 0 ? "" : rel.substring(0, slash).replace('/', '.');
      byFile.putIfAbsent(rel.replace('/', '.'), source.unit());
      byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(source.unit());
      if ((slash < 0 ? rel : rel.substring(slash + 1)).equals("module-info")) {
        source.unit().getModule().ifPresent(this::addModule);
      }
    }
  }

  private void addModule(ModuleDeclaration module) {
    List<String> exported = new ArrayList<>();
    for (ModuleDirective d : module.getDirectives()) {
      if (d.isModuleExportsDirective()) {
        exported.add(d.asModuleExportsDirective().getNameAsString());
      }
    }
    exportsByModule.put(module.getNameAsString(), exported);
  }

  @Override
  public TypeSolver getParent() {
    return parent;
  }

  @Override
  public void setParent(TypeSolver parent) {
    if (parent == null || parent == this || this.parent != null) {
      throw new IllegalStateException("A type solver's parent is set once, to another solver.");
    }
    this.parent = parent;
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
    SymbolReference<ResolvedReferenceTypeDeclaration> cached = found.get(name);
    if (cached != null) {
      return cached;
    }
    SymbolReference<ResolvedReferenceTypeDeclaration> result = solve(name);
    found.put(name, result);
    return result;
  }

  private SymbolReference<ResolvedReferenceTypeDeclaration> solve(String name) {
    List<String> parts = Arrays.asList(name.split("\\."));
    for (int i = parts.size(); i > 0; i--) {
      String file = String.join(".", parts.subList(0, i));
      String folder = String.join(".", parts.subList(0, i - 1));
      String typeName = String.join(".", parts.subList(i - 1, parts.size()));
      CompilationUnit canonical = byFile.get(file);
      if (canonical != null) {
        Optional<TypeDeclaration<?>> type = Navigator.findType(canonical, typeName);
        if (type.isPresent()) {
          return SymbolReference.solved(JavaParserFacade.get(this).getTypeDeclaration(type.get()));
        }
      }
      for (CompilationUnit unit : byFolder.getOrDefault(folder, List.of())) {
        Optional<TypeDeclaration<?>> type = Navigator.findType(unit, typeName);
        if (type.isPresent()) {
          return SymbolReference.solved(JavaParserFacade.get(this).getTypeDeclaration(type.get()));
        }
      }
    }
    return SymbolReference.unsolved();
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(
      String qualifiedModuleName, String simpleTypeName) {
    for (String pkg : exportsByModule.getOrDefault(qualifiedModuleName, List.of())) {
      SymbolReference<ResolvedReferenceTypeDeclaration> ref = tryToSolveType(pkg + "." + simpleTypeName);
      if (ref.isSolved()) {
        return ref;
      }
    }
    return SymbolReference.unsolved();
  }

  @Override
  public String toString() {
    return "SourceTypeSolver{root=" + (root.isEmpty() ? "." : root) + "}";
  }
}
