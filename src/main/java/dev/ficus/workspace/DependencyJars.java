package dev.ficus.workspace;

import dev.ficus.model.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the jars of the dependencies a pom names, in the local Maven repository, for the symbol
 * solver. Best effort by design: a version given by a parent or a BOM is not resolved, and the
 * analysis works without any jar (types come from imports), so nothing here is an error.
 */
final class DependencyJars {

  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern PROPERTY = Pattern.compile("<([A-Za-z0-9_.-]+)>([^<$]+)</\\1>");

  private final Path localRepository;

  DependencyJars(Path repo, Diagnostics diagnostics) {
    String configured = System.getProperty("maven.repo.local");
    this.localRepository =
        configured != null
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  List<Path> find(List<Path> buildFiles) {
    TreeSet<Path> jars = new TreeSet<>();
    if (!Files.isDirectory(localRepository)) {
      return List.of();
    }
    for (Path build : buildFiles) {
      if (!build.getFileName().toString().equals("pom.xml")) {
        continue;
      }
      String pom;
      try {
        pom = Files.readString(build);
      } catch (IOException | RuntimeException e) {
        continue;
      }
      Map<String, String> properties = new LinkedHashMap<>();
      Matcher props = PROPERTY.matcher(section(pom, "properties"));
      while (props.find()) {
        properties.put(props.group(1), props.group(2).trim());
      }
      Matcher dep = DEPENDENCY.matcher(pom);
      while (dep.find()) {
        String body = dep.group(1);
        String group = tag(body, "groupId");
        String artifact = tag(body, "artifactId");
        String version = tag(body, "version");
        String scope = tag(body, "scope");
        if (group == null || artifact == null || version == null || "test".equals(scope)) {
          continue;
        }
        if (version.startsWith("${") && version.endsWith("}")) {
          version = properties.get(version.substring(2, version.length() - 1));
          if (version == null) {
            continue;
          }
        }
        Path jar =
            localRepository
                .resolve(group.replace('.', '/'))
                .resolve(artifact)
                .resolve(version)
                .resolve(artifact + "-" + version + ".jar");
        if (Files.isRegularFile(jar)) {
          jars.add(jar);
        }
      }
    }
    return List.copyOf(jars);
  }

  private static String section(String xml, String name) {
    int start = xml.indexOf("<" + name + ">");
    int end = xml.indexOf("</" + name + ">");
    return start >= 0 && end > start ? xml.substring(start, end) : "";
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">\\s*([^<]+?)\\s*</" + name + ">").matcher(xml);
    return m.find() ? m.group(1) : null;
  }
}
