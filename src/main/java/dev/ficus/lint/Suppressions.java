package dev.ficus.lint;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.ficus.model.Finding;
import dev.ficus.workspace.JavaSource;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code @SuppressWarnings("ficus:<rule-id>")} on a type, method, constructor or field: the
 * developer's way to say "we know, and we keep it", next to the code, reviewed with it. A
 * suppression covers the findings located inside the annotated declaration.
 */
public final class Suppressions {

  private static final String PREFIX = "ficus:";

  /** One suppressed rule over a range of lines of one file. */
  record Range(String file, int firstLine, int lastLine, String rule) {}

  private final Map<String, List<JavaSource>> sourcesByFile = new HashMap<>();
  /** Each file's ranges, read the first time a finding in that file is checked. */
  private final Map<String, List<Range>> rangesByFile = new HashMap<>();

  private Suppressions(List<JavaSource> sources) {
    for (JavaSource source : sources) {
      sourcesByFile.computeIfAbsent(source.file(), f -> new ArrayList<>()).add(source);
    }
  }

  /**
   * The suppressions written in a workspace's code. A file's annotations are read only when a
   * finding falls in it: most files have none, and reading means walking the whole tree.
   */
  public static Suppressions of(Workspace workspace) {
    return new Suppressions(workspace.sources());
  }

  private List<Range> rangesIn(String file) {
    List<Range> known = rangesByFile.get(file);
    if (known != null) {
      return known;
    }
    List<Range> ranges = new ArrayList<>();
    for (JavaSource source : sourcesByFile.getOrDefault(file, List.of())) {
      for (AnnotationExpr a : source.nodes().annotations()) {
        String name = a.getNameAsString();
        if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) {
          continue;
        }
        Node target = a.getParentNode().orElse(null);
        if (!(target instanceof BodyDeclaration<?>)) {
          continue;
        }
        int first = target.getBegin().map(p -> p.line).orElse(0);
        int last = target.getEnd().map(p -> p.line).orElse(0);
        for (String value : values(a)) {
          if (value.startsWith(PREFIX)) {
            ranges.add(new Range(source.file(), first, last, value.substring(PREFIX.length()).trim()));
          }
        }
      }
    }
    rangesByFile.put(file, ranges);
    return ranges;
  }

  private static List<String> values(AnnotationExpr a) {
    List<Expression> raw = new ArrayList<>();
    if (a instanceof SingleMemberAnnotationExpr s) {
      raw.add(s.getMemberValue());
    } else if (a instanceof NormalAnnotationExpr n) {
      n.getPairs().stream().filter(p -> p.getNameAsString().equals("value")).forEach(p -> raw.add(p.getValue()));
    }
    List<String> values = new ArrayList<>();
    for (Expression e : raw) {
      if (e instanceof ArrayInitializerExpr array) {
        array.getValues().forEach(v -> addLiteral(v, values));
      } else {
        addLiteral(e, values);
      }
    }
    return values;
  }

  private static void addLiteral(Expression e, List<String> values) {
    if (e instanceof StringLiteralExpr s) {
      values.add(s.asString());
    }
  }

  public boolean suppresses(Finding finding) {
    for (Range r : rangesIn(finding.source().file())) {
      if (r.rule().equals(finding.rule())
          && r.file().equals(finding.source().file())
          && finding.source().line() >= r.firstLine()
          && finding.source().line() <= r.lastLine()) {
        return true;
      }
    }
    return false;
  }
}
