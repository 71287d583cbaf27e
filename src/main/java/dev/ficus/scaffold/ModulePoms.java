package dev.ficus.scaffold;

import dev.ficus.model.EnvBinding;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Maven build of the generated project: a parent pom that keeps the monolith's properties,
 * managed versions and (when it is public) its parent, and one pom per module that declares only
 * the libraries the module's files import, as the monolith declares them. The AWS SDK is the case
 * that matters most: a module keeps {@code dynamodb} and {@code sns}, not every client the
 * monolith pulled in.
 */
public final class ModulePoms implements ProjectPart {

  /** Where generated tests send every AWS call: a closed port on the loopback interface. */
  static final String CLOSED_ENDPOINT = "http://127.0.0.1:9";

  private final Libraries libraries = Libraries.load();

  /** Plugins whose work the generated build does itself or does not need. */
  private static final Set<String> STANDARD_PLUGINS =
      Set.of(
          "org.apache.maven.plugins:maven-compiler-plugin",
          "org.apache.maven.plugins:maven-surefire-plugin",
          "org.apache.maven.plugins:maven-failsafe-plugin",
          "org.apache.maven.plugins:maven-shade-plugin",
          "org.apache.maven.plugins:maven-jar-plugin",
          "org.apache.maven.plugins:maven-resources-plugin",
          "org.apache.maven.plugins:maven-install-plugin",
          "org.apache.maven.plugins:maven-deploy-plugin",
          "org.apache.maven.plugins:maven-source-plugin",
          "org.apache.maven.plugins:maven-javadoc-plugin",
          "org.apache.maven.plugins:maven-assembly-plugin",
          "org.apache.maven.plugins:maven-dependency-plugin",
          "org.springframework.boot:spring-boot-maven-plugin");

  @Override
  public void contribute(ScaffoldContext context) {
    ProjectLayout layout = context.layout();
    Optional<MonolithPom> read = context.monolithPom();
    if (read.isEmpty()) {
      context.note(null, "pom.xml",
          "The repository has no readable pom.xml at its root, so the generated poms declare only the libraries ficus knows by name; check their versions.");
    }
    MonolithPom pom = read.orElse(MonolithPom.none());
    boolean hasShared = !context.copiedFiles(ProjectLayout.SHARED_DIR).isEmpty()
        || !context.requiredDependencies(ProjectLayout.SHARED_DIR).isEmpty();

    List<String> moduleDirs = new ArrayList<>();
    if (hasShared) {
      moduleDirs.add(ProjectLayout.SHARED_DIR);
      List<Map<String, Object>> deps = select(context, pom, ProjectLayout.SHARED_DIR, "shared");
      record(context, ProjectLayout.SHARED_DIR, deps);
      context.add(
          ProjectLayout.SHARED_DIR + "/pom.xml",
          modulePom(layout, layout.sharedArtifactId(), "classes that several services run.", deps, "../pom.xml", false));
    }
    for (ProjectLayout.Module module : layout.modules()) {
      moduleDirs.add(module.dir());
      List<Map<String, Object>> deps = new ArrayList<>();
      if (hasShared && usesShared(context, module)) {
        deps.add(dependency(layout.groupId(), layout.sharedArtifactId(), "${project.version}", null, null, List.of()));
      }
      deps.addAll(select(context, pom, module.dir(), module.service()));
      record(context, module.dir(), deps);
      context.add(
          module.dir() + "/pom.xml",
          modulePom(layout, module.artifactId(), "the functions of the " + module.service() + " service.", deps, "../../pom.xml", true));
    }
    context.add("pom.xml", parentPom(context, pom, moduleDirs, hasShared));
    List<String> frameworkPlugins =
        pom.plugins().stream().filter(p -> !STANDARD_PLUGINS.contains(p)).toList();
    if (!frameworkPlugins.isEmpty()) {
      context.note(null, "pom.xml",
          "The monolith's build runs " + String.join(", ", frameworkPlugins) + ", which the generated"
              + " modules do not; add them to the service poms where the framework needs its build"
              + " step (a Quarkus or Micronaut application does).");
    }
  }

  private static void record(ScaffoldContext context, String moduleDir, List<Map<String, Object>> deps) {
    Set<String> keys = new TreeSet<>();
    deps.stream().filter(d -> !"test".equals(d.get("scope")))
        .forEach(d -> keys.add(d.get("groupId") + ":" + d.get("artifactId")));
    context.recordLibraries(moduleDir, keys);
  }

  /** True when a module's files or generated code name a class that lives in the shared module. */
  private static boolean usesShared(ScaffoldContext context, ProjectLayout.Module module) {
    String moduleDir = module.dir();
    Set<String> shared = new TreeSet<>();
    Set<String> sharedPaths = new TreeSet<>();
    context.copiedFiles(ProjectLayout.SHARED_DIR).forEach(f -> {
      shared.addAll(f.types());
      sharedPaths.add(f.path());
    });
    if (context.requiredClasses(moduleDir).stream().anyMatch(shared::contains)) {
      return true;
    }
    // A route's own code (its controller, say) may live in the shared module.
    for (var service : context.plan().services()) {
      if (service.name().equals(module.service())) {
        for (var function : service.functions()) {
          if (context.functionFiles(function.name()).stream().anyMatch(sharedPaths::contains)) {
            return true;
          }
        }
      }
    }
    return context.copiedFiles(moduleDir).stream()
        .flatMap(f -> f.references().stream())
        .anyMatch(shared::contains);
  }

  private String parentPom(
      ScaffoldContext context, MonolithPom pom, List<String> moduleDirs, boolean hasShared) {
    ProjectLayout layout = context.layout();
    Map<String, Object> model = new TreeMap<>();
    model.put("monolith", pom.artifactId() == null ? "the monolith" : pom.groupId() + ":" + pom.artifactId());
    model.put("groupId", layout.groupId());
    model.put("artifactId", layout.parentArtifactId());
    model.put("version", ProjectLayout.VERSION);
    model.put("modules", moduleDirs);
    if (pom.parent() != null) {
      if (libraries.isPublicParent(pom.parent().key())) {
        model.put("parent", dependency(pom.parent()));
      } else {
        context.note(null, "pom.xml",
            "The monolith inherits " + pom.parent().key() + ":" + pom.parent().version()
                + ", which ficus cannot read; the generated parent pom does not inherit it. Add it back if your builds need it, and check the versions it managed.");
      }
    }
    Map<String, String> properties = new LinkedHashMap<>(pom.properties());
    properties.put("maven.compiler.release", String.valueOf(release(context, pom)));
    properties.put("project.build.sourceEncoding", "UTF-8");
    List<Map<String, Object>> props = new ArrayList<>();
    properties.forEach((k, v) -> props.add(Map.of("name", k, "value", v)));
    model.put("properties", props);
    List<Map<String, Object>> managed = new ArrayList<>();
    pom.managed().forEach(d -> managed.add(dependency(d)));
    model.put("managed", managed);
    model.put("testEnvironment", testEnvironment(context));
    return Templates.render("maven/parent-pom.xml.ftlx", model);
  }

  private static String modulePom(
      ProjectLayout layout, String artifactId, String description,
      List<Map<String, Object>> dependencies, String parentPath, boolean deployable) {
    Map<String, Object> model = new TreeMap<>();
    model.put("description", description);
    model.put("groupId", layout.groupId());
    model.put("parentArtifactId", layout.parentArtifactId());
    model.put("version", ProjectLayout.VERSION);
    model.put("parentPath", parentPath);
    model.put("artifactId", artifactId);
    model.put("dependencies", dependencies);
    model.put("deployable", deployable);
    return Templates.render("maven/module-pom.xml.ftlx", model);
  }

  /**
   * The Java release the modules compile for: the monolith's own (its code was written for it,
   * and runs on any newer runtime), 17 when it does not say, never above the chosen runtime.
   */
  private static int release(ScaffoldContext context, MonolithPom pom) {
    int runtime = context.options().javaRelease();
    for (String key : List.of("maven.compiler.release", "maven.compiler.target", "java.version", "release.version", "maven.compiler.source")) {
      String value = pom.properties().get(key);
      if (value != null && value.matches("\\d+")) {
        int release = Integer.parseInt(value);
        if (release > runtime) {
          context.note(null, "pom.xml",
              "The monolith compiles for Java " + release + ", newer than the " + context.options().runtime()
                  + " runtime; the modules compile for Java " + runtime + " and may not build until the runtime is raised.");
          return runtime;
        }
        return release;
      }
    }
    return Math.min(17, runtime);
  }

  /** The libraries a module keeps, as the monolith declares them, sorted. */
  private List<Map<String, Object>> select(
      ScaffoldContext context, MonolithPom pom, String moduleDir, String moduleName) {
    Map<String, MonolithPom.Dependency> chosen = new TreeMap<>();
    Map<String, List<String>> deferred = new TreeMap<>();
    Map<String, List<String>> brought = new TreeMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    TreeSet<String> imports = new TreeSet<>();
    for (SourceFile file : context.copiedFiles(moduleDir)) {
      imports.addAll(file.imports());
    }
    imports.addAll(context.generatedImports(moduleDir));
    Set<String> ownPackages = context.repositoryPackages();
    TreeSet<String> generated = new TreeSet<>();
    for (String imp : imports) {
      if (Libraries.isJdk(imp)) {
        continue;
      }
      String bare = imp.replaceFirst("^static ", "").replaceFirst("\\.\\*$", "");
      int dot = bare.lastIndexOf('.');
      if (dot > 0 && ownPackages.contains(bare.substring(0, dot))) {
        generated.add(bare); // the repository's package, a class no source declares
        continue;
      }
      List<String> providers = libraries.providersOf(imp);
      if (providers.isEmpty()) {
        unknown.add(imp);
        continue;
      }
      Optional<MonolithPom.Dependency> declared =
          providers.stream().map(pom::declared).flatMap(Optional::stream)
              .filter(d -> !d.isTestOnly()).findFirst();
      if (declared.isPresent()) {
        chosen.put(declared.get().key(), declared.get());
      } else {
        brought.put(imp, providers);
      }
    }
    // A package only a declared library brings along (the v1 SDK's core with each service client):
    // a library the module keeps anyway is preferred to the first the monolith lists.
    for (Map.Entry<String, List<String>> entry : brought.entrySet()) {
      List<String> providers = entry.getValue();
      List<MonolithPom.Dependency> bringing = pom.dependencies().stream()
          .filter(d -> !d.isTestOnly())
          .filter(d -> providers.stream().anyMatch(p -> libraries.brings(d.key(), p)))
          .toList();
      Optional<MonolithPom.Dependency> kept = bringing.stream().filter(d -> chosen.containsKey(d.key())).findFirst()
          .or(() -> bringing.stream().findFirst());
      if (kept.isPresent()) {
        chosen.put(kept.get().key(), kept.get());
      } else {
        deferred.put(entry.getKey(), providers);
      }
    }
    TreeMap<String, MavenDependency> added = new TreeMap<>();
    for (Map.Entry<String, List<String>> entry : deferred.entrySet()) {
      List<String> providers = entry.getValue();
      boolean providedByFamily =
          providers.stream().filter(p -> p.endsWith(":*")).map(Libraries::groupOf)
              .anyMatch(g -> chosen.keySet().stream().anyMatch(k -> Libraries.groupOf(k).equals(g)));
      if (providedByFamily) {
        continue;
      }
      String first = providers.get(0);
      if (pom.importsBomOf(Libraries.groupOf(first))) {
        String[] ga = first.split(":");
        added.put(first, MavenDependency.of(ga[0], ga[1], null));
      } else {
        unknown.add(entry.getKey());
      }
    }
    if (!generated.isEmpty()) {
      context.note(null, moduleDir + "/pom.xml",
          "Module " + moduleName + " imports " + String.join(", ", generated) + " from the repository's own"
              + " packages, which no source file declares: an annotation processor makes them at build"
              + " time (Dagger's Dagger* components, say). Add that processor to the module's"
              + " maven-compiler-plugin (annotationProcessorPaths) as the monolith's build runs it.");
    }
    if (!unknown.isEmpty()) {
      Set<String> known = libraries.known();
      List<MonolithPom.Dependency> unidentified =
          pom.dependencies().stream()
              .filter(d -> !d.isTestOnly() && !known.contains(d.key()))
              .toList();
      unidentified.forEach(d -> chosen.put(d.key(), d));
      String what = String.join(", ", unknown);
      context.note(null, moduleDir + "/pom.xml",
          unidentified.isEmpty()
              ? "Module " + moduleName + " imports " + what + ", which no library of the monolith is known to provide; add the library to its pom."
              : "Module " + moduleName + " imports " + what + ", which ficus cannot tie to a library; it keeps the monolith's libraries ficus does not know ("
                  + String.join(", ", unidentified.stream().map(MonolithPom.Dependency::key).toList())
                  + "). Remove those it does not need.");
    }
    boolean anyLibrary = !chosen.isEmpty() || !added.isEmpty();
    for (Libraries.RuntimeLibrary r : libraries.runtimeLibraries()) {
      Optional<MonolithPom.Dependency> declared = pom.declared(r.key()).filter(d -> !d.isTestOnly());
      boolean needed =
          r.neededBy().equals("*")
              ? anyLibrary
              : chosen.keySet().stream().anyMatch(k -> Libraries.groupOf(k).equals(r.neededBy()))
                  || added.keySet().stream().anyMatch(k -> Libraries.groupOf(k).equals(r.neededBy()));
      if (declared.isPresent() && needed) {
        chosen.put(r.key(), declared.get());
      }
    }
    pom.dependencies().stream().filter(d -> "runtime".equals(d.scope())).forEach(d -> chosen.put(d.key(), d));

    Map<String, Map<String, Object>> out = new TreeMap<>();
    chosen.values().forEach(d -> out.put(d.key(), dependency(d)));
    added.values().forEach(d -> out.putIfAbsent(d.key(), dependency(d)));
    for (MavenDependency required : context.requiredDependencies(moduleDir)) {
      Optional<MonolithPom.Dependency> declared = pom.declared(required.key());
      if (declared.isPresent() && required.scope() == null && !declared.get().isTestOnly()) {
        out.put(required.key(), dependency(declared.get()));
      } else if (!out.containsKey(required.key())) {
        out.put(required.key(), dependency(required));
      }
    }
    List<Map<String, Object>> sorted = new ArrayList<>();
    out.values().stream()
        .sorted((a, b) -> Boolean.compare("test".equals(a.get("scope")), "test".equals(b.get("scope"))))
        .forEach(sorted::add);
    return sorted;
  }

  /**
   * What the generated tests run with: a fixed region, fake credentials, every AWS endpoint on a
   * closed local port, and a test value for each environment variable the functions read, so no
   * test can reach AWS whatever the code does.
   */
  private static List<Map<String, Object>> testEnvironment(ScaffoldContext context) {
    Map<String, String> env = new TreeMap<>();
    for (PlannedService service : context.plan().services()) {
      for (PlannedFunction function : service.functions()) {
        for (EnvBinding binding : function.environment()) {
          if (binding.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            env.put(binding.name(), "test-" + binding.name().toLowerCase(Locale.ROOT).replace('_', '-'));
          }
        }
      }
    }
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_ENDPOINT_URL", CLOSED_ENDPOINT);
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    List<Map<String, Object>> out = new ArrayList<>();
    env.forEach((k, v) -> out.add(Map.of("name", k, "value", v)));
    return out;
  }

  private static Map<String, Object> dependency(MonolithPom.Dependency d) {
    return dependency(d.groupId(), d.artifactId(), d.version(), d.type(), d.scope(), d.exclusions());
  }

  private static Map<String, Object> dependency(MavenDependency d) {
    return dependency(d.groupId(), d.artifactId(), d.version(), null, d.scope(), List.of());
  }

  private static Map<String, Object> dependency(
      String groupId, String artifactId, String version, String type, String scope, List<String> exclusions) {
    Map<String, Object> m = new TreeMap<>();
    m.put("groupId", groupId);
    m.put("artifactId", artifactId);
    if (version != null) {
      m.put("version", version);
    }
    if (type != null) {
      m.put("type", type);
    }
    if (scope != null && !scope.equals("compile")) {
      m.put("scope", scope);
    }
    List<Map<String, String>> ex = new ArrayList<>();
    for (String e : exclusions) {
      int colon = e.indexOf(':');
      ex.add(Map.of("groupId", e.substring(0, colon), "artifactId", e.substring(colon + 1)));
    }
    m.put("exclusions", ex);
    return m;
  }
}
