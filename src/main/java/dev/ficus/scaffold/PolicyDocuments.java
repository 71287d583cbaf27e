package dev.ficus.scaffold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PolicyStatement;

/**
 * Each extracted function's policy as a standalone IAM policy document ({@code
 * policies/<Function>.json}), the same statements as its template's inline policy, for a review
 * or for another deployment tool. ARNs keep their {@code ${...}} placeholders as the template has
 * them ({@code ${AWS::Partition}}, {@code ${AWS::Region}}, {@code ${AWS::AccountId}}, template and
 * resource parameters), because the account and stage are the user's to choose; docs/scaffold.md
 * lists what each stands for.
 */
public final class PolicyDocuments implements ProjectPart {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a function's policy document goes. */
  public static String path(PlannedFunction function) {
    return "policies/" + function.name() + ".json";
  }

  @Override
  public void contribute(ScaffoldContext context) {
    for (PlannedFunction function : context.plan().functions()) {
      context.add(path(function), render(function));
    }
  }

  /** The policy document: version 2012-10-17, one Allow statement per resource. */
  static String render(PlannedFunction function) {
    ObjectNode document = JSON.createObjectNode();
    document.put("Version", "2012-10-17");
    ArrayNode statements = document.putArray("Statement");
    int n = 1;
    for (PolicyStatement s : function.policy()) {
      ObjectNode statement = statements.addObject();
      // A Sid is letters and digits only; the reason of a "*" resource is in MIGRATION.md and
      // beside the statement in the templates.
      statement.put("Sid", ("*".equals(s.resource()) ? "AnyResource" : "Resource") + n++);
      statement.put("Effect", "Allow");
      ArrayNode actions = statement.putArray("Action");
      s.actions().forEach(actions::add);
      statement.put("Resource", s.resource());
    }
    try {
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
      return JSON.writer(printer).writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a policy document", e);
    }
  }
}
