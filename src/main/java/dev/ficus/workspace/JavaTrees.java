package dev.ficus.workspace;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How ficus reads a Java file into the tree it keeps. The grammar is the newest Java's (records,
 * {@code yield}, patterns), but JavaParser's language-level validator does not run: ficus reads
 * code that a compiler has accepted, and the validator walks every tree once per check, about a
 * third of a parse (docs/performance.md). The one change that pass makes to the tree, {@code var}
 * as a {@link VarType}, is made here, in the walk that collects every node. The same walk lets go
 * of the token lists and gives each file its printer up front, so that printing a node later, on
 * any thread, only reads the file's node data (docs/adr/0004).
 */
public final class JavaTrees {

  /** The newest language level this JavaParser knows, preview levels aside. */
  static final LanguageLevel LANGUAGE_LEVEL =
      Arrays.stream(LanguageLevel.values())
          .filter(l -> l.name().matches("JAVA_\\d+"))
          .max(Comparator.comparingInt(l -> Integer.parseInt(l.name().substring(5))))
          .orElse(LanguageLevel.CURRENT);

  /**
   * Where JavaParser's configuration registers the language level's post-processing and
   * validation among its processors: unicode escapes, line endings, comment attribution, language
   * level, symbol resolver, lexical preservation.
   */
  private static final int LANGUAGE_LEVEL_PROCESSOR = 3;

  private static final int PROCESSORS = 6;

  private JavaTrees() {}

  /** A parser configuration for one parser (JavaParser's parser is not thread-safe). */
  public static ParserConfiguration configuration() {
    ParserConfiguration configuration = new ParserConfiguration().setLanguageLevel(LANGUAGE_LEVEL);
    if (configuration.getProcessors().size() != PROCESSORS) {
      throw new IllegalStateException(
          "JavaParser registers " + configuration.getProcessors().size() + " processors, not " + PROCESSORS
              + "; check which one validates the language level before upgrading");
    }
    configuration.getProcessors().remove(LANGUAGE_LEVEL_PROCESSOR);
    return configuration;
  }

  /**
   * Finishes a freshly parsed tree and returns its nodes in pre-order: {@code var} becomes a
   * {@link VarType} where the language level's pass would make it one, the file gets its printer,
   * and every node keeps its range but no longer the tokens behind it.
   */
  static List<Node> finish(CompilationUnit unit) {
    List<Node> parsed = unit.findAll(Node.class);
    List<Node> nodes = new ArrayList<>(parsed.size());
    for (int i = 0; i < parsed.size(); i++) {
      if (parsed.get(i) instanceof ClassOrInterfaceType type && isVar(type)) {
        VarType var = new VarType(type.getTokenRange().orElse(null));
        type.replace(var);
        nodes.add(var);
        while (i + 1 < parsed.size() && type.isAncestorOf(parsed.get(i + 1))) {
          i++; // the name under the replaced type is no longer in the tree
        }
      } else {
        nodes.add(parsed.get(i));
      }
    }
    unit.printer(new DefaultPrettyPrinter(new DefaultPrinterConfiguration()));
    dropTokens(unit, nodes);
    return nodes;
  }

  /** As JavaParser's Java 10 post-processor decides: named {@code var}, and not {@code var.class}. */
  private static boolean isVar(ClassOrInterfaceType type) {
    return type.getNameAsString().equals("var")
        && !(type.getParentNode().orElse(null) instanceof ClassExpr);
  }

  /**
   * Lets go of the token list the parser keeps behind every tree (each node's first and last token
   * and, through them, every token of the file, linked), keeping each node's range: nothing after
   * the parse reads tokens, and they take about as much memory as the tree itself. JavaParser's
   * own {@code setStoreTokens(false)} would drop the ranges too, and with them every line number.
   */
  private static void dropTokens(CompilationUnit unit, List<Node> preOrder) {
    preOrder.forEach(JavaTrees::keepRangeOnly);
    unit.getAllComments().forEach(JavaTrees::keepRangeOnly); // comments hold tokens as well
  }

  private static void keepRangeOnly(Node node) {
    Range range = node.getRange().orElse(null);
    node.setTokenRange(null);
    node.setRange(range);
  }
}
