package dev.ficus.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deep recursion on a thread of its own: values and failures come back as if run here. */
class DeepStackTest {

  private static int depth(int n) {
    return n == 0 ? 0 : 1 + depth(n - 1);
  }

  @Test
  void recursionTooDeepForAnOrdinaryStackCompletesOnTheDeepOne() {
    assertThatThrownBy(() -> depth(2_000_000)).isInstanceOf(StackOverflowError.class);
    assertThat(DeepStack.call(() -> depth(2_000_000))).isEqualTo(2_000_000);
  }

  @Test
  void whatTheWorkThrowsIsThrownToTheCaller() {
    assertThatThrownBy(() -> DeepStack.call(() -> { throw new IllegalStateException("boom"); }))
        .isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }

  @Test
  void workChainedWithThenStartsWhenTheWorkBeforeItIsDoneEvenIfThatFailed() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    DeepStack.Pending<String> first = DeepStack.start(() -> {
      sleep(200);
      order.add("first");
      throw new IllegalStateException("first failed");
    });
    DeepStack.Pending<Integer> second = first.then(() -> {
      order.add("second");
      return depth(2_000_000); // on a deep stack of its own too
    });

    assertThat(second.get()).isEqualTo(2_000_000);
    assertThat(order).containsExactly("first", "second");
    assertThatThrownBy(first::get).hasMessage("first failed");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aSourceTooDeepForTheParserOnThisThreadIsParsedOnTheDeepStack() {
    String source = "class Deep { int x = " + "(".repeat(3000) + "1" + ")".repeat(3000) + "; }";
    ParseResult<CompilationUnit> result =
        WorkspaceLoader.parseWithDeepStack(new JavaParser(JavaTrees.configuration()), source);
    assertThat(result.isSuccessful()).isTrue();
    assertThat(result.getResult().orElseThrow().getType(0).getNameAsString()).isEqualTo("Deep");
  }
}
