package dev.ficus.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.VarType;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaTreesTest {

  private static CompilationUnit parse(String source) {
    ParseResult<CompilationUnit> result = new JavaParser(JavaTrees.configuration()).parse(source);
    assertThat(result.getProblems()).isEmpty();
    return result.getResult().orElseThrow();
  }

  @Test
  void varIsAVarTypeWhereverJavaAllowsIt() {
    CompilationUnit unit = parse("""
        import java.util.List;
        import java.util.function.BiFunction;
        class Orders {
          int total(List<Integer> amounts) {
            var sum = 0;
            for (var amount : amounts) { sum += amount; }
            BiFunction<Integer, Integer, Integer> add = (var a, var b) -> a + b;
            return add.apply(sum, 0);
          }
        }
        """);
    List<Node> nodes = JavaTrees.finish(unit);

    assertThat(unit.findAll(VarType.class)).hasSize(4);
    assertThat(unit.findAll(ClassOrInterfaceType.class)).noneMatch(t -> t.getNameAsString().equals("var"));
    // the collected nodes are the tree's: the replaced types and their names are not among them
    // (a replacing child moves to the end of its parent's children, so the order may differ)
    assertThat(nodes).containsExactlyInAnyOrderElementsOf(unit.findAll(Node.class));
  }

  @Test
  void readsTheNewestGrammarYieldRecordsAndPatterns() {
    CompilationUnit unit = parse("""
        class Prices {
          record Price(String currency, long cents) {}
          sealed interface Item permits Book {}
          record Book(Price price) implements Item {}
          long cents(Object o, int k) {
            if (o instanceof Book(Price(var currency, long cents))) { return cents; }
            return switch (k) {
              case 1 -> { yield 2; }
              default -> { int yield = 3; yield yield; }
            };
          }
        }
        """);
    JavaTrees.finish(unit);

    assertThat(unit.findAll(YieldStmt.class)).hasSize(2);
    assertThat(unit.findAll(VarType.class)).hasSize(1);
  }

  @Test
  void codeOnlyTheLanguageLevelValidatorWouldRejectIsStillRead() {
    // A compiler rejects both modifiers together, but the tree is plain: ficus analyzes what is
    // there instead of losing the whole file.
    CompilationUnit unit = parse("abstract final class Handler { void handle() {} }");

    assertThat(unit.getType(0).getNameAsString()).isEqualTo("Handler");
  }

  @Test
  void everyNodeKeepsItsLinesButNotItsTokens() {
    CompilationUnit unit = parse("class A {\n  void f() {\n    var x = 1;\n  }\n}\n");
    List<Node> nodes = JavaTrees.finish(unit);

    assertThat(nodes).allSatisfy(n -> {
      assertThat(n.getTokenRange()).isEmpty();
      assertThat(n.getRange()).isPresent();
    });
    assertThat(unit.findFirst(VarType.class).orElseThrow().getRange().orElseThrow().begin.line).isEqualTo(3);
  }

  @Test
  void eachFileHasItsPrinterBeforeAnyNodeIsPrinted() {
    // Printing a node looks the printer up in its file's node data and stores one there the first
    // time; set up front, a print on the second thread only reads (docs/adr/0004).
    CompilationUnit unit = parse("class A { int f() { return 1 + 2; } }");
    assertThat(unit.containsData(Node.PRINTER_KEY)).isFalse();

    JavaTrees.finish(unit);

    assertThat(unit.containsData(Node.PRINTER_KEY)).isTrue();
    assertThat(unit.getType(0).getMethods().get(0).getBody().orElseThrow().getStatement(0).toString())
        .isEqualTo("return 1 + 2;");
  }
}
