package dev.ficus.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import dev.ficus.model.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The symbol solver finds the repository's types in the trees the workspace parsed, once. */
class SourceTypeSolverTest {

  @TempDir Path repo;

  private Workspace load() {
    return new WorkspaceLoader().useDependencyJars(false).load(repo, new Diagnostics());
  }

  private void write(String path, String content) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private SymbolReference<ResolvedReferenceTypeDeclaration> solve(Workspace ws, String name) {
    return ws.typeSolver().tryToSolveType(name);
  }

  @Test
  void solvesTopLevelNestedAndSecondaryTypesFromTheParsedTrees() throws Exception {
    write("src/main/java/com/acme/Orders.java", """
        package com.acme;
        public class Orders {
          public static class Line {}
        }
        class Helper {}
        """);
    Workspace ws = load();

    assertThat(solve(ws, "com.acme.Orders").isSolved()).isTrue();
    assertThat(solve(ws, "com.acme.Orders.Line").isSolved()).isTrue();
    // A type in a file not named after it is found among its folder's files, as javac finds it.
    assertThat(solve(ws, "com.acme.Helper").isSolved()).isTrue();
    assertThat(solve(ws, "com.acme.Missing").isSolved()).isFalse();
    assertThat(solve(ws, "com.other.Orders").isSolved()).isFalse();
  }

  @Test
  void resolvedDeclarationsAreTheWorkspaceNodesNotASecondParse() throws Exception {
    write("src/main/java/com/acme/Repo.java", """
        package com.acme;
        public class Repo {
          public String find(String id) { return id; }
        }
        """);
    write("src/main/java/com/acme/Service.java", """
        package com.acme;
        public class Service {
          String run(Repo repo) { return repo.find("1"); }
        }
        """);
    Workspace ws = load();

    MethodCallExpr call =
        ws.findType("com.acme.Service").orElseThrow().findFirst(MethodCallExpr.class).orElseThrow();
    ResolvedMethodDeclaration resolved = call.resolve();
    assertThat(resolved.toAst().orElseThrow())
        .isSameAs(ws.findType("com.acme.Repo").orElseThrow().getMethodsByName("find").get(0));
  }

  @Test
  void typesOfAFileOutsideItsPackageFolderAreFoundByTheirPlaceUnderTheRoot() throws Exception {
    write("src/main/java/com/acme/Api.java", "package com.acme; public class Api {}");
    write("src/main/java/com/acme/util/Misplaced.java", "package com.elsewhere; public class Misplaced {}");
    Workspace ws = load();

    // The misplaced file is a source root of its own, so its type is found by its simple name
    // there and, from the main root, by its folder: the same answer as a solver reading folders.
    assertThat(solve(ws, "Misplaced").isSolved()).isTrue();
    assertThat(solve(ws, "com.acme.util.Misplaced").isSolved()).isTrue();
    assertThat(solve(ws, "com.elsewhere.Misplaced").isSolved()).isFalse();
  }
}
