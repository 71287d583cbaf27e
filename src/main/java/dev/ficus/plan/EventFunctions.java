package dev.ficus.plan;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.DataAccess;
import dev.ficus.cluster.DataAccess.Access;
import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.FunctionEffects;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.Trigger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The functions of the repository that no API route reaches but an event source triggers (a
 * bucket, a queue, a topic, a stream, a rule, a schedule), and where each one goes in a plan.
 *
 * <p>Such a function is already single-purpose, so it is not cut: it moves as a whole, with its
 * triggers. It joins the service it has most affinity with, measured as the route strategies
 * measure it (docs/plan-format.md): {@code code} times the share of its classes the service's
 * routes run, plus {@code data} times its shared resources weighted by access ({@code
 * writeWrite}, {@code readWrite}, {@code readRead}) over all the resources it uses. The highest
 * score wins, ties going to the first service by name; a function that shares nothing with any
 * service gets a service of its own.
 *
 * <p>Its classes are its handler class and the classes on the call chains of its AWS calls: the
 * analysis follows a whole footprint for routes only, so this is the code known to lead to its
 * effects, which is what ties it to a service.
 */
public final class EventFunctions {

  /**
   * One event function of the analysis.
   *
   * @param effects what its handler and its initialization do, together
   * @param triggers its non-API triggers
   * @param classes its handler class and the classes its effects' call chains pass through
   */
  public record Event(
      LambdaFunction function, List<AwsEffect> effects, List<Trigger> triggers, List<String> classes) {
    public Event {
      effects = effects.stream().distinct().sorted().toList();
      triggers = List.copyOf(triggers);
      classes = classes.stream().distinct().sorted().toList();
    }

    /** The function's logical id: how plans and phases name it. */
    public String id() {
      return function.logicalId();
    }
  }

  private EventFunctions() {}

  /**
   * The functions that serve no route and have at least one non-API trigger, sorted by logical
   * id. A function with neither routes nor triggers is left with the monolith's stack, with a
   * note, since nothing says how it is started.
   */
  public static List<Event> of(Analysis analysis, List<Diagnostic> diagnostics) {
    Set<String> serving = new HashSet<>();
    for (Route route : analysis.routes()) {
      if (route.function() != null) {
        serving.add(route.function());
      }
    }
    List<Event> events = new ArrayList<>();
    for (LambdaFunction f : analysis.functions()) {
      if (serving.contains(f.logicalId()) || "entry".equals(f.iac())) {
        continue;
      }
      List<Trigger> triggers = f.triggers().stream().filter(t -> !t.isApi()).toList();
      if (triggers.isEmpty()) {
        if (f.apiTriggers().isEmpty()) {
          diagnostics.add(
              Diagnostic.note(
                  "function-without-trigger",
                  "Function " + f.logicalId() + " serves no route and has no trigger in the IaC;"
                      + " the plan leaves it with the monolith's stack.",
                  f.source()));
        }
        continue;
      }
      List<AwsEffect> effects = new ArrayList<>();
      Set<String> classes = new TreeSet<>();
      if (f.handlerClass() != null) {
        classes.add(f.handlerClass());
      }
      FunctionEffects fe = analysis.effectsOf(f.logicalId()).orElse(null);
      if (fe == null) {
        diagnostics.add(
            Diagnostic.warning(
                "event-function-not-followed",
                "The handler of " + f.logicalId() + " (" + f.handler() + ") is not in the"
                    + " repository's sources, so its policy is empty; add what it needs by hand.",
                f.source()));
      } else {
        effects.addAll(fe.effects());
        effects.addAll(fe.initEffects());
      }
      for (AwsEffect e : effects) {
        for (CallFrame frame : e.callChain()) {
          String type = typeOf(frame.method());
          if (!type.isEmpty()) {
            classes.add(type);
          }
        }
      }
      Set<String> known = new HashSet<>();
      analysis.sources().forEach(s -> known.addAll(s.types()));
      classes.retainAll(known);
      events.add(new Event(f, effects, triggers, List.copyOf(classes)));
    }
    return events;
  }

  /**
   * The resources the effects use, by {@link DataAccess#resourceKey}, with the strongest access;
   * effects on {@code *} name no resource and are left out, as for routes.
   */
  static Map<String, Access> access(List<AwsEffect> effects, DataAccess access) {
    Map<String, Access> result = new TreeMap<>();
    for (AwsEffect effect : effects) {
      if (effect.resource().isWildcard() || effect.iamActions().isEmpty()) {
        continue;
      }
      Access a = access.writes(effect) ? Access.WRITE : Access.READ;
      result.merge(DataAccess.resourceKey(effect.resource().arn()), a, (x, y) -> x == Access.WRITE ? x : y);
    }
    return result;
  }

  /**
   * The service an event function joins, or null when it shares no class and no resource with
   * any of them.
   *
   * @param classesOf the classes each service's routes run, by service name (sorted map)
   * @param accessOf the resources each service's routes use, by service name
   */
  static String affinity(
      Event event,
      Map<String, Set<String>> classesOf,
      Map<String, Map<String, Access>> accessOf,
      Map<String, Access> own,
      AffinityWeights weights) {
    String best = null;
    double bestScore = 0;
    for (Map.Entry<String, Set<String>> e : new TreeMap<>(classesOf).entrySet()) {
      double score = score(event.classes(), own, e.getValue(), accessOf.getOrDefault(e.getKey(), Map.of()), weights);
      if (score > bestScore) {
        best = e.getKey();
        bestScore = score;
      }
    }
    return best;
  }

  static double score(
      List<String> classes,
      Map<String, Access> own,
      Set<String> serviceClasses,
      Map<String, Access> serviceAccess,
      AffinityWeights weights) {
    double code = classes.isEmpty() ? 0 : (double) classes.stream().filter(serviceClasses::contains).count() / classes.size();
    double data = 0;
    for (Map.Entry<String, Access> e : own.entrySet()) {
      Access other = serviceAccess.get(e.getKey());
      if (other == null) {
        continue;
      }
      int writes = (e.getValue() == Access.WRITE ? 1 : 0) + (other == Access.WRITE ? 1 : 0);
      data += writes == 2 ? weights.writeWrite() : writes == 1 ? weights.readWrite() : weights.readRead();
    }
    data = own.isEmpty() ? 0 : data / own.size();
    return weights.code() * code + weights.data() * data;
  }

  /** A service name after the function: {@code TranscodeJobFunction} gives {@code transcode-job}. */
  static String serviceName(String logicalId, Set<String> taken) {
    String base = Names.kebab(logicalId.replaceAll("(?i)(Lambda)?Function$", ""));
    if (base.isEmpty()) {
      base = Names.kebab(logicalId);
    }
    if (base.isEmpty()) {
      base = "events";
    }
    if (base.length() > 56) {
      base = base.substring(0, 56).replaceAll("-+$", "");
    }
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  /** The class of {@code a.b.C#m} (nested classes keep their dots): {@code a.b.C}. */
  private static String typeOf(String method) {
    int hash = method == null ? -1 : method.indexOf('#');
    return hash < 0 ? "" : method.substring(0, hash);
  }
}
