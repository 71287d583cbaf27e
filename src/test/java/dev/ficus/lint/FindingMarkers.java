package dev.ficus.lint;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Finding;
import dev.ficus.model.ResourceRef;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.testing.Markers;
import dev.ficus.testing.TestRepo;
import dev.ficus.workspace.JavaSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks rules against {@code // FINDING: <rule-id>} markers in the files of a {@link TestRepo}
 * ({@code # FINDING:} in YAML; after an {@code EFFECT:} marker in the same comment), the way Error Prone's helper reads {@code // BUG:}: a marker with no
 * finding on its line fails, and so does a finding on a line with no marker. Only the rules under
 * test are compared, so a fixture may carry markers for other rules.
 *
 * <p>Until the effects stage is wired in, a test states the AWS effects the rules see with {@code
 * // EFFECT: <function> <iam-action> <resource-name> [<arn>]} on the line of the SDK call.
 */
public final class FindingMarkers {

  private static final Pattern MARKER = Pattern.compile("(?://|#|\\s)\\s*FINDING:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)");
  private static final Pattern EFFECT =
      Pattern.compile("//\\s*EFFECT:\\s*(\\S+)\\s+([a-z0-9-]+):([A-Za-z0-9]+)\\s+(\\S+)(?:\\s+(\\S+))?");

  private final TestRepo repo;
  private final List<Route> routes = new ArrayList<>();
  private LintOptions options = LintOptions.defaults();

  private FindingMarkers(TestRepo repo) {
    this.repo = repo;
  }

  public static FindingMarkers on(TestRepo repo) {
    return new FindingMarkers(repo);
  }

  public FindingMarkers routes(List<Route> extra) {
    routes.addAll(extra);
    return this;
  }

  public FindingMarkers options(LintOptions lintOptions) {
    this.options = lintOptions;
    return this;
  }

  /** Runs {@code rules} (with suppressions) and compares with the markers; returns the findings. */
  public List<Finding> check(Rule... rules) {
    TestRepo.Loaded loaded = repo.load();
    RuleContext context =
        new RuleContext(
            loaded.workspace(), loaded.iac(), routes, effects(loaded), options, loaded.diagnostics());
    List<Finding> findings = new Linter(List.of(rules)).run(context);
    Set<String> ids = new TreeSet<>();
    for (Rule r : rules) {
      ids.add(r.id());
    }
    compare(repo, findings, ids);
    return findings;
  }

  /** Compares findings with the markers of the given rules. */
  public static void compare(TestRepo repo, List<Finding> findings, Set<String> ruleIds) {
    TreeSet<String> expected = new TreeSet<>();
    for (Markers.Marker marker : Markers.scan(repo, MARKER)) {
      for (String id : marker.match().group(1).split(",")) {
        if (ruleIds.contains(id.trim())) {
          expected.add(marker.file() + ":" + marker.line() + " " + id.trim());
        }
      }
    }
    TreeSet<String> actual = new TreeSet<>();
    List<String> described = new ArrayList<>();
    for (Finding f : findings) {
      if (ruleIds.contains(f.rule())) {
        actual.add(f.source().file() + ":" + f.source().line() + " " + f.rule());
        described.add(f.source() + " " + f.rule() + " [" + f.severity().id() + "] " + f.message());
      }
    }
    List<String> problems = Markers.differences(expected, actual, "finding");
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems) + "\nall findings:\n  " + String.join("\n  ", described));
    }
  }

  /** Effects stated by {@code // EFFECT:} markers, keyed by function. */
  private Map<String, List<AwsEffect>> effects(TestRepo.Loaded loaded) {
    Map<String, List<AwsEffect>> byFunction = new TreeMap<>();
    for (Markers.Marker marker : Markers.scan(repo, EFFECT)) {
      Matcher m = marker.match();
      String method = methodAt(loaded, marker.file(), marker.line());
      String service = m.group(2);
      String operation = m.group(3);
      String name = m.group(4);
      String arn = m.group(5) != null ? m.group(5) : "arn:${AWS::Partition}:" + service + ":::" + name;
      SourceRef site = SourceRef.of(marker.file(), marker.line());
      AwsEffect effect =
          new AwsEffect(
              service,
              operation,
              List.of(service + ":" + operation),
              new ResourceRef(null, name, arn, "iac", null),
              List.of(new CallFrame(method, site)));
      byFunction.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(effect);
    }
    return byFunction;
  }

  private static String methodAt(TestRepo.Loaded loaded, String file, int line) {
    for (JavaSource source : loaded.workspace().sources()) {
      if (source.file().equals(file)) {
        for (MethodCallExpr call : source.unit().findAll(MethodCallExpr.class)) {
          if (call.getBegin().map(p -> p.line).orElse(-1) == line) {
            return RuleContext.methodKey(call).orElse("?");
          }
        }
      }
    }
    return "?";
  }
}
