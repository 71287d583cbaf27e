package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.ficus.model.Diagnostics;
import dev.ficus.workspace.JavaSource;
import dev.ficus.workspace.Workspace;
import dev.ficus.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stages after the parse read the same trees on two threads at once (docs/adr/0004): route
 * extraction and the route code slicer beside the call graph, the lint facts and the files'
 * names. None may change a tree, not even by what looks like a read (putting a node into a new
 * list re-parents it). After a whole analysis of each fixture, every file prints as it did and
 * every node still hangs from its file.
 */
class AnalysisLeavesTheTreesAloneTest {

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("fixtures"))) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyFilePrintsAsBeforeAndEveryNodeHangsFromItsFile(Path fixture) {
    Diagnostics diagnostics = new Diagnostics();
    Workspace workspace = new WorkspaceLoader().useDependencyJars(false).load(fixture, diagnostics);
    Map<String, String> printed = new LinkedHashMap<>();
    Map<String, List<Node>> nodes = new LinkedHashMap<>();
    for (JavaSource source : workspace.sources()) {
      printed.put(source.file(), source.unit().toString());
      nodes.put(source.file(), source.unit().findAll(Node.class));
    }

    new AnalysisPipeline(new AnalysisPipeline.Options(false, false)).analyze(workspace, diagnostics);

    for (JavaSource source : workspace.sources()) {
      CompilationUnit unit = source.unit();
      assertThat(unit.toString()).as(source.file()).isEqualTo(printed.get(source.file()));
      assertThat(nodes.get(source.file())).as(source.file())
          .allSatisfy(n -> assertThat(n.findCompilationUnit()).containsSame(unit));
    }
  }
}
