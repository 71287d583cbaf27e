package dev.ficus.scaffold;

import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.Route;
import dev.ficus.model.SourceFile;
import dev.ficus.workspace.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies the monolith's files into the modules: each service gets the files its routes run (and
 * its event functions' handler classes, which move unchanged) and
 * every file those name (so that the copy compiles), and files that several services need go to
 * the shared module, together with everything they name in turn. Files are copied whole and
 * unchanged: the generated handlers are the only new code.
 */
public final class ModuleSources implements ProjectPart {

  /** Where a module's Java sources go. */
  public static final String JAVA = "src/main/java/";

  @Override
  public void contribute(ScaffoldContext context) {
    Map<String, List<SourceFile>> byType = new HashMap<>();
    Map<String, SourceFile> byPath = new TreeMap<>();
    for (SourceFile file : context.analysis().sources()) {
      if (!file.test()) {
        byPath.put(file.path(), file);
      }
    }
    for (SourceFile file : byPath.values()) {
      file.types().forEach(t -> byType.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(file));
    }
    Map<String, Set<String>> servicesByFile = new TreeMap<>();
    Set<String> frameworkRoots = null;
    for (PlannedService service : context.plan().services()) {
      ProjectLayout.Module module = context.layout().module(service.name());
      TreeSet<String> seeds = new TreeSet<>();
      TreeSet<String> serviceFiles = new TreeSet<>();
      String serviceAnchor = null;
      for (PlannedFunction function : service.functions()) {
        TreeSet<String> own = new TreeSet<>();
        context.routeOf(function).ifPresent(r -> own.addAll(r.classes()));
        // Where the function's code is: a name declared in several folders (each function's own
        // CodeUri) is taken from the one nearest to it.
        String anchor = context.routeOf(function).map(r -> r.source().file())
            .orElseGet(() -> Optional.ofNullable(fileOf(context.layout().handlerOf(function).qualifiedName(), byType, ""))
                .map(SourceFile::path).orElse(""));
        serviceAnchor = serviceAnchor == null ? anchor : serviceAnchor;
        if (function.isEvent()) {
          // An event function's own handler class, unchanged, and everything it names.
          String handler = context.layout().handlerOf(function).qualifiedName();
          own.add(handler);
          if (fileOf(handler, byType, anchor) == null) {
            context.note(function.name(), module.dir(), "The handler class " + handler + " is not in the"
                + " repository's main sources, so the module does not carry it; add it, or the library"
                + " that has it, by hand.");
          }
        }
        own.removeAll(context.replacedClasses(module.dir()));
        Set<String> files = closure(own, byType, byPath, anchor);
        context.recordFunctionFiles(function.name(), files);
        serviceFiles.addAll(files);
      }
      if (servesThroughAdapter(context, service)) {
        if (frameworkRoots == null) {
          frameworkRoots = frameworkRoots(context, byPath); // read once, for every adapter module
        }
        seeds.addAll(frameworkRoots);
      }
      seeds.removeAll(context.replacedClasses(module.dir()));
      seeds.addAll(context.requiredClasses(module.dir()));
      serviceFiles.addAll(closure(seeds, byType, byPath, serviceAnchor == null ? "" : serviceAnchor));
      for (String file : serviceFiles) {
        servicesByFile.computeIfAbsent(file, k -> new TreeSet<>()).add(service.name());
      }
    }
    TreeSet<String> sharedSeeds = new TreeSet<>();
    servicesByFile.forEach(
        (file, services) -> {
          if (services.size() > 1) {
            sharedSeeds.add(file);
          }
        });
    Set<String> shared = closureOfFiles(sharedSeeds, byType, byPath);
    for (Map.Entry<String, Set<String>> entry : servicesByFile.entrySet()) {
      SourceFile file = byPath.get(entry.getKey());
      if (shared.contains(file.path())) {
        continue;
      }
      for (String service : entry.getValue()) {
        copy(context, file, context.layout().module(service).dir());
      }
    }
    for (String path : shared) {
      copy(context, byPath.get(path), ProjectLayout.SHARED_DIR);
    }
    noteForeignControllers(context, servicesByFile, shared, byType);
  }

  /**
   * A framework adapter starts every controller on its module's classpath. A module holds only
   * its own service's files and the shared ones, so that is its own controllers, unless a
   * controller of another service had to go to the shared module or came along by name: then the
   * user is told which, because the adapter of this module serves their routes too.
   */
  private static void noteForeignControllers(
      ScaffoldContext context, Map<String, Set<String>> servicesByFile, Set<String> shared,
      Map<String, List<SourceFile>> byType) {
    Map<String, String> serviceOfController = new TreeMap<>();
    for (PlannedService service : context.plan().services()) {
      for (PlannedFunction function : service.functions()) {
        context.routeOf(function)
            .filter(r -> context.analysis().codeOf(r)
                .map(c -> c.kind() == dev.ficus.model.RouteCode.Kind.CONTAINER).orElse(false))
            .map(r -> fileOf(r.handler().replaceAll("#.*$", ""), byType, r.source().file()))
            .ifPresent(f -> serviceOfController.putIfAbsent(f.path(), service.name()));
      }
    }
    for (PlannedService service : context.plan().services()) {
      TreeSet<String> foreign = new TreeSet<>();
      serviceOfController.forEach((file, owner) -> {
        boolean carried = shared.contains(file)
            || servicesByFile.getOrDefault(file, Set.of()).contains(service.name());
        if (carried && !owner.equals(service.name())) {
          foreign.add(file);
        }
      });
      if (!foreign.isEmpty()) {
        ProjectLayout.Module module = context.layout().module(service.name());
        context.note(null, module.dir() + "/pom.xml",
            "Module " + service.name() + " also carries controllers of other services ("
                + String.join(", ", foreign) + "), so its framework adapter serves their routes"
                + " too; API Gateway sends it only its own, but move the shared code they need out"
                + " of them to keep each service to its own controllers.");
      }
    }
  }

  /**
   * Annotations that make a class a root of the framework's start: the application class the
   * adapter boots (Spring Cloud Function finds it by its {@code MAIN_CLASS}) and the configuration
   * classes whose factory methods make the beans (clients, tables) the controllers are given. No
   * code calls them, so the call graph does not bring them; without them the adapter fails at its
   * first cold start.
   */
  private static final java.util.regex.Pattern FRAMEWORK_ROOT = java.util.regex.Pattern.compile(
      "(?m)^\\s*@(?:org\\.springframework\\.boot\\.autoconfigure\\.)?(SpringBootApplication|SpringBootConfiguration"
          + "|Configuration|EnableAutoConfiguration|Factory|ApplicationPath|QuarkusMain)\\b");

  private static boolean servesThroughAdapter(ScaffoldContext context, PlannedService service) {
    return service.functions().stream()
        .map(context::routeOf)
        .flatMap(java.util.Optional::stream)
        .anyMatch(r -> context.analysis().codeOf(r)
            .map(c -> c.kind() == dev.ficus.model.RouteCode.Kind.CONTAINER).orElse(false));
  }

  /** The types of the repository's main files that carry a {@link #FRAMEWORK_ROOT} annotation. */
  private static Set<String> frameworkRoots(ScaffoldContext context, Map<String, SourceFile> byPath) {
    TreeSet<String> roots = new TreeSet<>();
    for (SourceFile file : byPath.values()) {
      try {
        if (FRAMEWORK_ROOT.matcher(read(context.repository().resolve(file.path()))).find()) {
          roots.addAll(file.types());
        }
      } catch (IOException e) {
        // Not readable now: copying it would fail the same way and say so.
      }
    }
    return roots;
  }

  /**
   * The files of the repository a module must hold for these classes to compile there: each class
   * from the declaration nearest {@code anchor}, and each name a file uses from the declaration
   * nearest that file.
   */
  static Set<String> closure(
      Set<String> classes, Map<String, List<SourceFile>> byType, Map<String, SourceFile> byPath, String anchor) {
    TreeSet<String> seeds = new TreeSet<>();
    for (String type : classes) {
      SourceFile file = fileOf(type, byType, anchor);
      if (file != null) {
        seeds.add(file.path());
      }
    }
    return closureOfFiles(seeds, byType, byPath);
  }

  /** These files and every file they name, in turn. */
  static Set<String> closureOfFiles(
      Set<String> seeds, Map<String, List<SourceFile>> byType, Map<String, SourceFile> byPath) {
    TreeSet<String> files = new TreeSet<>(seeds);
    Deque<String> work = new ArrayDeque<>(seeds);
    while (!work.isEmpty()) {
      SourceFile file = byPath.get(work.poll());
      for (String reference : file.references()) {
        SourceFile next = fileOf(reference, byType, file.path());
        if (next != null && files.add(next.path())) {
          work.add(next.path());
        }
      }
    }
    return files;
  }

  /**
   * The file declaring a type (a nested type's name is looked up through its outer types); of
   * several, the one sharing the longest folder prefix with {@code near}, then the first by path.
   */
  private static SourceFile fileOf(String type, Map<String, List<SourceFile>> byType, String near) {
    for (String name = type; ; name = name.substring(0, name.lastIndexOf('.'))) {
      List<SourceFile> files = byType.get(name);
      if (files != null && !files.isEmpty()) {
        SourceFile best = files.get(0);
        int bestShared = -1;
        for (SourceFile f : files) {
          int shared = sharedFolders(f.path(), near);
          if (shared > bestShared) {
            best = f;
            bestShared = shared;
          }
        }
        return best;
      }
      if (name.indexOf('.') < 0) {
        return null;
      }
    }
  }

  private static int sharedFolders(String a, String b) {
    String[] x = a.split("/");
    String[] y = b.split("/");
    int n = 0;
    while (n < x.length - 1 && n < y.length - 1 && x[n].equals(y[n])) {
      n++;
    }
    return n;
  }

  private static void copy(ScaffoldContext context, SourceFile file, String moduleDir) {
    Path source = context.repository().resolve(file.path());
    try {
      context.add(moduleDir + "/" + JAVA + file.relativePath(), read(source));
      context.recordCopy(moduleDir, file);
    } catch (IOException e) {
      context.note(null, null, "Could not copy " + file.path() + " (" + e.getMessage() + "); copy it into " + moduleDir + " by hand.");
    }
  }

  /** The file's text, decoded as the analysis read it (UTF-8, with or without a BOM, else ISO-8859-1). */
  static String read(Path file) throws IOException {
    return SourceText.decode(Files.readAllBytes(file)).text();
  }
}
