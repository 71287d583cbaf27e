package dev.ficus.lint;

import dev.ficus.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The lint stage: runs each rule on the analysis and drops what the code itself suppresses. The
 * baseline, which depends on a file the user names, is applied by the caller ({@link Baseline}).
 */
public final class Linter {

  private final List<Rule> rules;

  public Linter(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static Linter builtIn() {
    return new Linter(Rules.builtIn());
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<Finding> run(RuleContext context) {
    Suppressions suppressions = Suppressions.of(context.workspace());
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      for (Finding f : rule.check(context)) {
        if (!suppressions.suppresses(f)) {
          findings.add(f);
        }
      }
    }
    return findings.stream().distinct().sorted().toList();
  }
}
