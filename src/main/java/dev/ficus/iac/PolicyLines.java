package dev.ficus.iac;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the many ways IaC grants permissions (managed policy names, SAM policy templates, inline
 * statements) into one readable line each, so the plan can show what a function may do today beside
 * what it needs.
 */
final class PolicyLines {

  private PolicyLines() {}

  /** SAM {@code Policies}: one item or a list of them. */
  static List<String> samPolicies(IacNode policies) {
    List<String> lines = new ArrayList<>();
    for (IacNode item : IacNode.items(policies)) {
      if (item instanceof IacNode.Scalar s) {
        if (s.text() != null) {
          lines.add(s.text());
        }
      } else if (item instanceof IacNode.Obj o && o.intrinsic() != null) {
        lines.add(CfnResolver.render(o));
      } else if (item instanceof IacNode.Obj o && o.get("Statement") != null) {
        lines.addAll(statements(o.get("Statement")));
      } else if (item instanceof IacNode.Obj o && o.fields().size() == 1) {
        Map.Entry<String, IacNode> e = o.fields().entrySet().iterator().next();
        lines.add(e.getKey() + "(" + templateArguments(e.getValue()) + ")");
      } else {
        lines.add(CfnResolver.render(item));
      }
    }
    return lines;
  }

  private static String templateArguments(IacNode args) {
    if (args == null || (args instanceof IacNode.Scalar s && s.text() == null)) {
      return "";
    }
    if (args instanceof IacNode.Obj o && o.intrinsic() == null) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, IacNode> e : o.fields().entrySet()) {
        parts.add(e.getKey() + "=" + reference(e.getValue()));
      }
      return String.join(", ", parts);
    }
    return CfnResolver.render(args);
  }

  /** A reference as its bare logical id or {@code A.Arn}, other values rendered. */
  static String reference(IacNode value) {
    if (value instanceof IacNode.Obj o && o.intrinsic() != null) {
      if (o.intrinsic().equals("Ref") && IacNode.text(o.intrinsicArgument()) != null) {
        return IacNode.text(o.intrinsicArgument());
      }
      if (o.intrinsic().equals("Fn::GetAtt") && CfnResolver.getAtt(o.intrinsicArgument()) != null) {
        return CfnResolver.getAtt(o.intrinsicArgument());
      }
    }
    return CfnResolver.render(value);
  }

  /** IAM policy statements: {@code Allow dynamodb:GetItem,dynamodb:PutItem on arn:...}. */
  static List<String> statements(IacNode statements) {
    List<String> lines = new ArrayList<>();
    for (IacNode item : IacNode.items(statements)) {
      if (!(item instanceof IacNode.Obj st)) {
        continue;
      }
      String effect = firstNonNull(text(st, "Effect", "effect"), "Allow");
      String actions = list(st, "Action", "action");
      if (actions == null) {
        String not = list(st, "NotAction", "notAction");
        actions = not == null ? "?" : "all but " + not;
      }
      String resources = list(st, "Resource", "resource");
      if (resources == null) {
        String not = list(st, "NotResource", "notResource");
        resources = not == null ? "?" : "all but " + not;
      }
      String line = effect + " " + actions + " on " + resources;
      if (st.get("Condition") != null) {
        line += " when " + CfnResolver.render(st.get("Condition"));
      }
      lines.add(line);
    }
    return lines;
  }

  private static String text(IacNode.Obj o, String... keys) {
    for (String k : keys) {
      if (o.text(k) != null) {
        return o.text(k);
      }
    }
    return null;
  }

  private static String list(IacNode.Obj o, String... keys) {
    for (String k : keys) {
      IacNode v = o.get(k);
      if (v != null) {
        List<String> parts = new ArrayList<>();
        for (IacNode item : IacNode.items(v)) {
          parts.add(CfnResolver.render(item));
        }
        return String.join(",", parts);
      }
    }
    return null;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
