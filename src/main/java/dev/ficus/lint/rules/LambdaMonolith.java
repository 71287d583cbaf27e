package dev.ficus.lint.rules;

import dev.ficus.lint.Rule;
import dev.ficus.lint.RuleContext;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.Finding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.Severity;
import dev.ficus.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function serving many routes or reaching many unrelated resources: every route shares its
 * deployment, its cold start, its concurrency and, above all, its role, which must grant the union
 * of everything any route needs. The finding shows that union beside what the IaC grants today.
 */
public final class LambdaMonolith implements Rule {

  private static final Pattern STATEMENT = Pattern.compile("^(Allow|Deny) (.+) on (.+?)( when .*)?$");
  private static final Pattern TEMPLATE = Pattern.compile("^([A-Za-z0-9_]+Policy(?:_v2)?)(\\(.*\\))?$");
  private static final Pattern MANAGED =
      Pattern.compile("(FullAccess|AdministratorAccess|PowerUserAccess)(\\W|$)");
  private static final int LISTED_ACTIONS = 8;

  @Override
  public String id() {
    return "lambda-monolith";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "One function serves many routes or reaches many unrelated resources, so its role grants"
        + " the union of what every route needs.";
  }

  @Override
  public String advice() {
    return "Decompose it route by route with `ficus plan`, giving each new function only the"
        + " permissions its routes need.";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (LambdaFunction f : context.functions()) {
      List<Route> routes = context.routesOf(f.logicalId());
      List<AwsEffect> effects = context.effectsOf(f.logicalId());
      Set<String> actions = new TreeSet<>();
      Set<String> resources = new TreeSet<>();
      Set<String> services = new TreeSet<>();
      for (AwsEffect e : effects) {
        actions.addAll(e.iamActions());
        services.add(e.service());
        if (e.resource().name() != null) {
          resources.add(e.service() + ":" + e.resource().name());
        }
      }
      boolean manyRoutes = routes.size() >= context.options().monolithRoutes();
      boolean manyResources =
          resources.size() >= context.options().monolithResources() && services.size() >= 2;
      if (!manyRoutes && !manyResources) {
        continue;
      }
      SourceRef at = f.source() != null ? f.source() : routes.isEmpty() ? null : routes.get(0).source();
      if (at == null) {
        continue;
      }
      StringBuilder message = new StringBuilder("Function `").append(f.logicalId()).append("` serves ")
          .append(routes.size()).append(routes.size() == 1 ? " route" : " routes");
      if (manyResources) {
        message.append(" and reaches ").append(resources.size()).append(" resources of ")
            .append(services.size()).append(" services");
      }
      message.append("; together they need ").append(actionList(actions));
      List<String> broad = broadGrants(f.policies(), actions);
      if (!broad.isEmpty()) {
        message.append(", while its IaC grants ").append(String.join(", ", broad));
      } else if (!f.policies().isEmpty() && !actions.isEmpty()) {
        message.append(", and its IaC grants nothing broader than that");
      }
      message.append('.');
      findings.add(new Finding(id(), severity(), message.toString(), at, f.logicalId(), null, advice()));
    }
    return findings;
  }

  private static String actionList(Set<String> actions) {
    if (actions.isEmpty()) {
      return "no IAM action ficus could see";
    }
    List<String> list = new ArrayList<>(actions);
    String shown = String.join(", ", list.subList(0, Math.min(LISTED_ACTIONS, list.size())));
    String more = list.size() > LISTED_ACTIONS ? " and " + (list.size() - LISTED_ACTIONS) + " more" : "";
    return actions.size() + (actions.size() == 1 ? " IAM action (" : " IAM actions (") + shown + more + ")";
  }

  /** The grants that are wider than the need, each described in a few words. */
  static List<String> broadGrants(List<String> policies, Set<String> needed) {
    List<String> broad = new ArrayList<>();
    for (String line : policies) {
      String p = line.trim();
      Matcher statement = STATEMENT.matcher(p);
      if (statement.matches()) {
        if (!statement.group(1).equals("Allow")) {
          continue;
        }
        List<String> reasons = new ArrayList<>();
        for (String action : statement.group(2).split(",")) {
          String a = action.trim();
          if (a.equals("*") || a.endsWith(":*")) {
            reasons.add("`" + a + "`");
          }
        }
        boolean anyResource = List.of(statement.group(3).split(",")).stream().anyMatch(r -> r.trim().equals("*"));
        if (!reasons.isEmpty() || anyResource) {
          broad.add("`" + shorten(p) + "` (" + (reasons.isEmpty() ? "" : "all actions " + String.join(", ", reasons))
              + (!reasons.isEmpty() && anyResource ? " " : "") + (anyResource ? "on every resource" : "") + ")");
        }
        continue;
      }
      String name = p.substring(p.lastIndexOf('/') + 1);
      if (MANAGED.matcher(name).find()) {
        broad.add("managed policy `" + name + "`");
        continue;
      }
      Matcher template = TEMPLATE.matcher(p);
      if (template.matches() && !needed.isEmpty()) {
        Optional<List<String>> granted = SamPolicyTemplates.actions(template.group(1));
        if (granted.isEmpty()) {
          continue;
        }
        List<String> unused = granted.get().stream().filter(g -> needed.stream().noneMatch(n -> covers(g, n))).toList();
        long used = granted.get().size() - unused.size();
        String shown = "`" + shorten(p) + "`";
        if (!unused.isEmpty() && !broad.stream().anyMatch(b -> b.startsWith(shown + " "))) {
          broad.add(shown + " (" + granted.get().size() + (granted.get().size() == 1 ? " action, " : " actions, ")
              + used + " of them needed)");
        }
      }
    }
    return broad;
  }

  /** True when the granted action (which may end in {@code *}) covers the needed one. */
  static boolean covers(String granted, String needed) {
    if (granted.equals("*")) {
      return true;
    }
    if (granted.endsWith("*")) {
      return needed.regionMatches(true, 0, granted, 0, granted.length() - 1);
    }
    return granted.equalsIgnoreCase(needed);
  }

  private static String shorten(String s) {
    return s.length() <= 70 ? s : s.substring(0, 67) + "...";
  }
}
