package dev.ficus.scaffold;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which library provides which Java package, read from {@code libraries.tsv}: the data that lets
 * a generated module keep only the libraries its files import. Growing coverage means adding
 * lines, not code.
 */
public final class Libraries {

  private static final String SDK_SERVICES = "software.amazon.awssdk.services.";

  /**
   * A library kept for what it does at run time rather than for an import.
   *
   * @param neededBy the group of a library that needs it, or {@code *}
   */
  public record RuntimeLibrary(String key, String neededBy) {}

  private final TreeMap<String, List<String>> byPackage;
  private final List<RuntimeLibrary> runtime;
  private final Set<String> parents;
  private final Map<String, Set<String>> brings;

  private Libraries(
      TreeMap<String, List<String>> byPackage,
      List<RuntimeLibrary> runtime,
      Set<String> parents,
      Map<String, Set<String>> brings) {
    this.byPackage = byPackage;
    this.runtime = List.copyOf(runtime);
    this.parents = Set.copyOf(parents);
    this.brings = brings;
  }

  public static Libraries load() {
    TreeMap<String, List<String>> byPackage = new TreeMap<>();
    List<RuntimeLibrary> runtime = new ArrayList<>();
    Set<String> parents = new TreeSet<>();
    Map<String, Set<String>> brings = new TreeMap<>();
    try (InputStream in = Libraries.class.getResourceAsStream("libraries.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        switch (cells[0]) {
          case "@runtime" -> runtime.add(new RuntimeLibrary(cells[1], cells[2]));
          case "@parent" -> parents.add(cells[1]);
          case "@brings" -> brings.put(cells[1], new TreeSet<>(List.of(cells[2].split(" "))));
          default -> byPackage.put(cells[0], List.of(cells[1].split("\\|")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read libraries.tsv", e);
    }
    return new Libraries(byPackage, runtime, parents, closed(brings));
  }

  /** What each library brings, followed through what those bring in turn. */
  private static Map<String, Set<String>> closed(Map<String, Set<String>> direct) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String library : direct.keySet()) {
      Set<String> all = new TreeSet<>();
      java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>(direct.get(library));
      while (!work.isEmpty()) {
        String next = work.poll();
        if (all.add(next)) {
          work.addAll(direct.getOrDefault(next, Set.of()));
        }
      }
      out.put(library, all);
    }
    return out;
  }

  /** True when a module that declares {@code library} gets {@code other} along with it. */
  public boolean brings(String library, String other) {
    return brings.getOrDefault(library, Set.of()).contains(other);
  }

  /**
   * The libraries that may provide the type or package an import names, in order of preference;
   * empty when unknown. {@code java.*} and the JDK's own {@code javax.*} need none, which {@link
   * #isJdk} tells apart.
   */
  public List<String> providersOf(String importText) {
    String name = bare(importText);
    if (name.startsWith(SDK_SERVICES)) {
      String rest = name.substring(SDK_SERVICES.length());
      int dot = rest.indexOf('.');
      String service = dot < 0 ? rest : rest.substring(0, dot);
      return List.of(
          "software.amazon.awssdk:" + service,
          "io.quarkiverse.amazonservices:quarkus-amazon-" + service);
    }
    for (String prefix = name; !prefix.isEmpty(); prefix = parentOf(prefix)) {
      List<String> found = byPackage.get(prefix);
      if (found != null) {
        return found;
      }
    }
    return List.of();
  }

  /** True for the packages of the JDK itself, which no pom declares. */
  public static boolean isJdk(String importText) {
    String name = bare(importText);
    for (String prefix = name; !prefix.isEmpty(); prefix = parentOf(prefix)) {
      if (dev.ficus.workspace.TypeNames.isJdkPackage(prefix)) {
        return true; // a package of the running JDK's own modules (javax.imageio, javax.swing ...)
      }
    }
    for (String jdk :
        List.of("java.", "javax.crypto.", "javax.net.", "javax.xml.", "javax.sql.", "javax.naming.",
            "javax.security.", "javax.management.", "javax.script.", "javax.tools.",
            "javax.annotation.processing.", "org.w3c.dom.", "org.xml.sax.", "jdk.", "sun.")) {
      if (name.startsWith(jdk)) {
        return true;
      }
    }
    return false;
  }

  public List<RuntimeLibrary> runtimeLibraries() {
    return runtime;
  }

  /** True for a public parent pom ({@code groupId:artifactId}) a generated parent may inherit. */
  public boolean isPublicParent(String key) {
    return parents.contains(key);
  }

  /** Every library the catalog knows, {@code groupId:artifactId}. */
  public Set<String> known() {
    Set<String> all = new TreeSet<>();
    byPackage.values().forEach(l -> l.stream().filter(k -> !k.endsWith(":*")).forEach(all::add));
    runtime.forEach(r -> all.add(r.key()));
    brings.forEach((k, v) -> {
      all.add(k);
      all.addAll(v);
    });
    return all;
  }

  /** The group of a {@code groupId:artifactId} key. */
  static String groupOf(String key) {
    return key.substring(0, key.indexOf(':'));
  }

  private static String bare(String importText) {
    String name = importText.startsWith("static ") ? importText.substring(7) : importText;
    return name.endsWith(".*") ? name.substring(0, name.length() - 2) : name;
  }

  private static String parentOf(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  /** For tests: the packages the catalog maps, by prefix. */
  Map<String, List<String>> packages() {
    return java.util.Collections.unmodifiableMap(byPackage);
  }
}
