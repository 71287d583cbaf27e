package dev.ficus.lint;

import dev.ficus.model.Finding;
import dev.ficus.model.Severity;
import java.util.List;

/**
 * One event-driven anti-pattern, found statically in code and IaC together. Like an Error Prone
 * check, a rule is one class named after the problem, described by metadata that SARIF and the
 * docs reuse, and registered in the reviewed list {@link Rules#builtIn()}.
 *
 * <p>A rule reports only what a person reading the code would agree with: when the evidence is
 * partial it says so in the message and lowers the severity rather than guessing. Rules never
 * throw on odd input; what they cannot read they skip.
 */
public interface Rule {

  /** Stable kebab-case id, used in reports, SARIF, suppressions and baselines; never renamed. */
  String id();

  /** The severity of a finding the rule is sure of; a rule may report less when it is not. */
  Severity severity();

  /** One line: what the rule finds. */
  String summary();

  /** What to do instead, one sentence; copied into every finding. */
  String advice();

  /** The docs page, relative to the repository of ficus. */
  default String docsPath() {
    return "docs/rules/" + id() + ".md";
  }

  List<Finding> check(RuleContext context);
}
