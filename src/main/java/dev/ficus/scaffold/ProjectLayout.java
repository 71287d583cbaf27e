package dev.ficus.scaffold;

import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.Route;
import dev.ficus.model.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The names and places of everything the scaffold generates, decided once so that the parts
 * (handler classes, poms, SAM templates, policies, guide) agree: which module a function lives
 * in, what its handler class is called and where the built jar will be.
 *
 * <p>A function's handler goes into the package of the code that serves its route today (the
 * dispatcher or controller), so that what it calls there stays accessible; its simple name is the
 * function's logical id plus {@code Handler}, changed only where the repository already has that
 * class.
 */
public final class ProjectLayout {

  /** Folder of the module for classes that several services run. */
  public static final String SHARED_DIR = "shared";

  /** Version of every generated module. */
  public static final String VERSION = "1.0.0-SNAPSHOT";

  /**
   * One service's Maven module.
   *
   * @param dir relative to the project root, {@code services/orders}
   * @param artifactId also the name of the jar the SAM template deploys
   */
  public record Module(String service, String dir, String artifactId) {
    /** The deployable jar, relative to the project root, once {@code mvn package} ran. */
    public String jar() {
      return dir + "/target/" + artifactId + ".jar";
    }
  }

  /**
   * The Lambda handler class of one function: generated for a route, the repository's own class
   * for an event function, which moves whole.
   *
   * @param packageName its package, {@code ""} for the default package
   * @param declared the handler as the monolith's IaC names it, for an event function's own
   *     class; null for a generated handler
   */
  public record Handler(String packageName, String simpleName, String declared, String method) {

    public Handler(String packageName, String simpleName) {
      this(packageName, simpleName, null, "handleRequest");
    }

    public Handler(String packageName, String simpleName, String declared) {
      this(packageName, simpleName, declared, "handleRequest");
    }

    public String qualifiedName() {
      return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    /** True when the class is the repository's own (an event function's), not generated. */
    public boolean copied() {
      return declared != null;
    }

    /** The {@code Handler} property of the function in SAM. */
    public String samHandler() {
      return declared != null ? declared : qualifiedName() + "::" + method;
    }

    /** Where its source goes below a module's {@code src/main/java}. */
    public String sourcePath() {
      return (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + simpleName + ".java";
    }
  }

  private final String groupId;
  private final String parentArtifactId;
  private final Map<String, Module> modules = new LinkedHashMap<>();
  private final Map<String, Module> moduleByFunction = new TreeMap<>();
  private final Map<String, Handler> handlerByFunction = new TreeMap<>();
  private final Map<String, String> apiPathByRoutePath = new TreeMap<>();

  private ProjectLayout(String groupId) {
    this.groupId = groupId;
    String last = groupId.substring(groupId.lastIndexOf('.') + 1);
    this.parentArtifactId = last + "-functions";
  }

  public static ProjectLayout of(Analysis analysis, Plan plan) {
    List<SourceFile> main = analysis.sources().stream().filter(s -> !s.test()).toList();
    ProjectLayout layout = new ProjectLayout(rootPackage(main));
    Set<String> taken = new HashSet<>();
    main.forEach(s -> taken.addAll(s.types()));
    for (PlannedService service : plan.services()) {
      Module module = new Module(service.name(), "services/" + service.name(), service.name() + "-service");
      layout.modules.put(service.name(), module);
      for (PlannedFunction function : service.functions()) {
        layout.moduleByFunction.put(function.name(), module);
        if (function.isEvent()) {
          layout.handlerByFunction.put(function.name(), eventHandler(function));
          continue;
        }
        String pkg = handlerPackage(function, analysis, main, layout.groupId);
        String simple = javaName(function.name()) + "Handler";
        String method = entryMethod(function, analysis);
        Handler handler = new Handler(pkg, simple, null, method);
        for (int n = 2; taken.contains(handler.qualifiedName()); n++) {
          handler = new Handler(pkg, javaName(function.name()) + "Handler" + n, null, method);
        }
        taken.add(handler.qualifiedName());
        layout.handlerByFunction.put(function.name(), handler);
      }
    }
    layout.apiPathByRoutePath.putAll(
        ApiPaths.unify(analysis.routes().stream().map(Route::path).toList()));
    return layout;
  }

  /**
   * The path a route gets in the generated API: its own, except that path variables at one level
   * share one name across routes, as REST APIs require ({@code /orders/{orderId}/pay} becomes
   * {@code /orders/{id}/pay} beside {@code /orders/{id}}). Handlers read path parameters by
   * these names.
   */
  public String apiPath(String routePath) {
    return apiPathByRoutePath.getOrDefault(routePath, routePath);
  }

  public String groupId() {
    return groupId;
  }

  public String parentArtifactId() {
    return parentArtifactId;
  }

  /** Artifact id of the shared module. */
  public String sharedArtifactId() {
    return "shared-code";
  }

  /** The service modules, in plan order. */
  public List<Module> modules() {
    return List.copyOf(modules.values());
  }

  public Module module(String service) {
    return Optional.ofNullable(modules.get(service))
        .orElseThrow(() -> new IllegalArgumentException("no module for service " + service));
  }

  public Module moduleOf(PlannedFunction function) {
    return Optional.ofNullable(moduleByFunction.get(function.name()))
        .orElseThrow(() -> new IllegalArgumentException("no module for function " + function.name()));
  }

  public Handler handlerOf(PlannedFunction function) {
    return Optional.ofNullable(handlerByFunction.get(function.name()))
        .orElseThrow(() -> new IllegalArgumentException("no handler for function " + function.name()));
  }

  /**
   * The method Lambda calls on a generated handler: a branch cut out of a dispatcher keeps the
   * dispatcher's own method (a POJO handler's {@code handle}); the other handlers implement {@code
   * handleRequest}.
   */
  private static String entryMethod(PlannedFunction function, Analysis analysis) {
    Optional<dev.ficus.model.RouteCode> code = routeOf(analysis, function).flatMap(analysis::codeOf);
    if (code.isPresent() && code.get().kind() == dev.ficus.model.RouteCode.Kind.SLICE
        && code.get().entrySignature() != null) {
      String signature = code.get().entrySignature();
      int paren = signature.indexOf('(');
      if (paren > 0) {
        String[] words = signature.substring(0, paren).trim().split("\\s+");
        String name = words[words.length - 1];
        if (name.matches("[A-Za-z_$][\\w$]*")) {
          return name;
        }
      }
    }
    return "handleRequest";
  }

  /**
   * An event function's handler: its own class, named as its IaC names it ({@code
   * a.b.Worker::handleRequest}, or {@code a.b.Worker} when the runtime picks the method).
   */
  private static Handler eventHandler(PlannedFunction function) {
    String declared = function.handler() == null ? "" : function.handler();
    int colons = declared.indexOf("::");
    String type = colons < 0 ? declared : declared.substring(0, colons);
    int dot = type.lastIndexOf('.');
    return new Handler(dot < 0 ? "" : type.substring(0, dot), type.substring(dot + 1), declared);
  }

  /**
   * The package of the file that declares the route (the dispatcher's branch, the controller),
   * else of the class that serves it, else the project's root package.
   */
  private static String handlerPackage(
      PlannedFunction function, Analysis analysis, List<SourceFile> main, String fallback) {
    Optional<Route> route = routeOf(analysis, function);
    if (route.isPresent()) {
      String file = route.get().source().file();
      Optional<SourceFile> declaring = main.stream().filter(s -> s.path().equals(file)).findFirst();
      if (declaring.isPresent()) {
        return declaring.get().packageName();
      }
    }
    String handler = function.handler() == null ? "" : function.handler();
    int hash = handler.indexOf('#');
    String type = hash < 0 ? handler : handler.substring(0, hash);
    for (SourceFile s : main) {
      if (s.types().contains(type)) {
        return s.packageName();
      }
    }
    return fallback;
  }

  /** The analyzed route a planned function serves: same id, same handler. */
  static Optional<Route> routeOf(Analysis analysis, PlannedFunction function) {
    return analysis.routes().stream()
        .filter(r -> r.id().equals(function.route()) && r.handler().equals(function.handler()))
        .findFirst();
  }

  /** The longest package prefix all main files share; {@code app} when they share none. */
  static String rootPackage(List<SourceFile> main) {
    List<String> packages = new ArrayList<>();
    main.stream().map(SourceFile::packageName).filter(p -> !p.isEmpty()).distinct().sorted()
        .forEach(packages::add);
    if (packages.isEmpty()) {
      return "app";
    }
    String[] common = packages.get(0).split("\\.");
    int length = common.length;
    for (String p : packages) {
      String[] parts = p.split("\\.");
      int i = 0;
      while (i < Math.min(length, parts.length) && parts[i].equals(common[i])) {
        i++;
      }
      length = i;
    }
    return length == 0 ? "app" : String.join(".", java.util.Arrays.copyOf(common, length));
  }

  /** A logical id as a Java class name: it may not start with a digit. */
  static String javaName(String logicalId) {
    return !logicalId.isEmpty() && Character.isDigit(logicalId.charAt(0)) ? "Fn" + logicalId : logicalId;
  }
}
