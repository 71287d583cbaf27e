package dev.ficus.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.testing.TestRepo;
import dev.ficus.workspace.Workspace;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/**
 * Once an analysis is done, nothing static keeps its workspace, and with it every parsed tree: the
 * benchmark's repeated runs and the test suite run hundreds of analyses in one process. The call
 * graph used to cache itself per workspace in a static weak map whose values held their keys, and
 * JavaParser's solver facades are kept the same way until the workspace releases them.
 */
class GraphLetsGoOfItsWorkspaceTest {

  @Test
  void aWorkspaceWhoseGraphWasBuiltAndSolverUsedCanBeCollected() throws InterruptedException {
    WeakReference<Workspace> workspace = analyzeAndForget();

    for (int i = 0; i < 50 && workspace.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }

    assertThat(workspace.get()).as("the workspace after its analysis").isNull();
  }

  private static WeakReference<Workspace> analyzeAndForget() {
    Workspace workspace = TestRepo.create()
        .java("com/acme/Orders.java", """
            package com.acme;

            import java.util.List;

            public class Orders {
              private final Store store = new Store();

              public int count() {
                return store.all().size();
              }
            }
            """)
        .java("com/acme/Store.java", """
            package com.acme;

            import java.util.List;

            public class Store {
              public List<String> all() {
                return List.of("a");
              }
            }
            """)
        .load()
        .workspace();
    CallGraph graph = CallGraph.build(workspace);
    assertThat(graph.graph().vertexSet()).isNotEmpty();
    // The symbol solver keeps a facade per type solver once asked anything.
    MethodCallExpr call = workspace.sources().get(0).nodes().calls().get(0);
    assertThat(call.resolve().getName()).isNotEmpty();
    workspace.releaseSymbolSolver();
    return new WeakReference<>(workspace);
  }
}
