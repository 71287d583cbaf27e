package dev.ficus.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every question to JavaParser's symbol solver in ficus's sources is asked inside {@code
 * SolverLock.ask} or {@code SolverLock.run}, since the call graph asks it on a second thread while
 * routes are found (docs/adr/0004). Read from the sources, because what matters is where the
 * lambda is: the class files only show a synthetic method.
 */
class SolverCallsAreSerializedTest {

  /** The solver's entry points on a tree node; everything else starts from their answers. */
  private static final Set<String> ENTRY_POINTS = Set.of("resolve", "calculateResolvedType");

  /** Type solvers are called by the solver itself, inside a question already asked. */
  private static final Set<String> INSIDE_THE_SOLVER = Set.of("SourceTypeSolver.java");

  @Test
  void everySolverCallIsInsideTheLock() throws IOException {
    List<String> outside = new ArrayList<>();
    JavaParser parser = new JavaParser(
        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    int asked = 0;
    for (Path file : files) {
      if (INSIDE_THE_SOLVER.contains(file.getFileName().toString())) {
        continue;
      }
      CompilationUnit unit = parser.parse(file).getResult().orElseThrow();
      for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
        if (ENTRY_POINTS.contains(call.getNameAsString()) && call.getArguments().isEmpty()) {
          asked++;
          if (!insideLock(call)) {
            outside.add(file.getFileName() + ":" + call.getBegin().map(b -> b.line).orElse(0) + " " + call);
          }
        }
      }
    }
    assertThat(asked).as("solver calls found; the test must see some to mean anything").isPositive();
    assertThat(outside).isEmpty();
  }

  private static boolean insideLock(Node node) {
    for (Node n = node; n.getParentNode().isPresent(); n = n.getParentNode().get()) {
      if (n instanceof LambdaExpr
          && n.getParentNode().get() instanceof MethodCallExpr call
          && (call.getNameAsString().equals("ask") || call.getNameAsString().equals("run"))
          && call.getScope().map(Node::toString).orElse("").equals("SolverLock")) {
        return true;
      }
    }
    return false;
  }
}
