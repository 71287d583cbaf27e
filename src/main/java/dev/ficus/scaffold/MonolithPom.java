package dev.ficus.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What the generated poms take over from the monolith's own {@code pom.xml}: its coordinates and
 * parent, its properties (versions are often written as {@code ${aws.sdk.version}}), the bills of
 * materials and versions it manages, and the libraries it declares, from which each module keeps
 * only those its files use. Read as plain XML: ficus never runs the user's build.
 *
 * @param parent the monolith's parent, or null
 * @param properties in the order the pom lists them
 * @param managed its {@code dependencyManagement} entries (bills of materials among them)
 * @param dependencies its {@code dependencies}
 * @param plugins its build plugins, {@code groupId:artifactId} with properties filled in
 */
public record MonolithPom(
    String groupId,
    String artifactId,
    String version,
    Dependency parent,
    Map<String, String> properties,
    List<Dependency> managed,
    List<Dependency> dependencies,
    List<String> plugins) {

  /**
   * One dependency as the pom declares it, versions left as written.
   *
   * @param exclusions {@code groupId:artifactId} of each exclusion
   */
  public record Dependency(
      String groupId,
      String artifactId,
      String version,
      String type,
      String scope,
      List<String> exclusions) {
    public String key() {
      return groupId + ":" + artifactId;
    }

    public boolean isTestOnly() {
      return "test".equals(scope);
    }
  }

  /** A pom with nothing in it, for a repository without one. */
  public static MonolithPom none() {
    return new MonolithPom(null, null, null, null, Map.of(), List.of(), List.of(), List.of());
  }

  /** The repository's root {@code pom.xml}; empty when there is none or it is not XML. */
  public static Optional<MonolithPom> read(Path repository) {
    return read(repository, List.of(""));
  }

  /**
   * The monolith's build: the first folder of {@code folders} (relative to the repository, {@code
   * ""} for its root) that holds a readable {@code pom.xml}, or else a Gradle build script ({@link
   * GradleBuild}); empty when none does.
   */
  public static Optional<MonolithPom> read(Path repository, List<String> folders) {
    for (String folder : folders) {
      Path dir = folder.isEmpty() ? repository : repository.resolve(folder);
      Path file = dir.resolve("pom.xml");
      if (Files.isRegularFile(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          return Optional.of(parse(builder().parse(in)));
        } catch (IOException | SAXException | ParserConfigurationException e) {
          continue;
        }
      }
      for (String script : List.of("build.gradle", "build.gradle.kts")) {
        Path gradle = dir.resolve(script);
        if (Files.isRegularFile(gradle)) {
          try {
            Path props = dir.resolve("gradle.properties");
            String properties = Files.isRegularFile(props) ? Files.readString(props) : "";
            Path name = dir.toAbsolutePath().normalize().getFileName();
            return Optional.of(GradleBuild.parse(
                Files.readString(gradle), properties, name == null ? "monolith" : name.toString()));
          } catch (IOException | java.io.UncheckedIOException e) {
            continue;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The declared dependency with this {@code groupId:artifactId}, if any. */
  public Optional<Dependency> declared(String key) {
    return dependencies.stream().filter(d -> d.key().equals(key)).findFirst();
  }

  /**
   * The version the pom gives a library ({@code groupId:artifactId}) where it declares or manages
   * it, with {@code ${property}} filled in; empty when it gives none or names an unknown property.
   */
  public Optional<String> versionOf(String key) {
    return Stream.concat(dependencies.stream(), managed.stream())
        .filter(d -> d.key().equals(key) && d.version() != null)
        .map(d -> fill(d.version(), properties))
        .filter(v -> !v.contains("${"))
        .findFirst();
  }

  /** True when the pom imports a bill of materials from this group. */
  public boolean importsBomOf(String groupId) {
    return managed.stream()
        .anyMatch(d -> "import".equals(d.scope()) && groupId.equals(d.groupId()));
  }

  private static DocumentBuilder builder() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder();
  }

  private static MonolithPom parse(Document document) {
    Element project = document.getDocumentElement();
    Element parentElement = child(project, "parent");
    Dependency parent = parentElement == null ? null : dependency(parentElement);
    Map<String, String> properties = new LinkedHashMap<>();
    Element props = child(project, "properties");
    if (props != null) {
      for (Element p : children(props)) {
        properties.put(p.getTagName(), p.getTextContent().trim());
      }
    }
    List<Dependency> managed = new ArrayList<>();
    Element management = child(project, "dependencyManagement");
    if (management != null) {
      managed.addAll(dependencies(child(management, "dependencies")));
    }
    String groupId = text(project, "groupId");
    if (groupId == null && parent != null) {
      groupId = parent.groupId();
    }
    String version = text(project, "version");
    if (version == null && parent != null) {
      version = parent.version();
    }
    List<String> plugins = new ArrayList<>();
    Element build = child(project, "build");
    Element pluginList = build == null ? null : child(build, "plugins");
    if (pluginList != null) {
      for (Element plugin : children(pluginList)) {
        String group = text(plugin, "groupId");
        plugins.add(fill(group == null ? "org.apache.maven.plugins" : group, properties)
            + ":" + fill(String.valueOf(text(plugin, "artifactId")), properties));
      }
    }
    return new MonolithPom(
        groupId,
        text(project, "artifactId"),
        version,
        parent,
        properties,
        managed,
        dependencies(child(project, "dependencies")),
        plugins);
  }

  /** {@code ${name}} replaced by the property's value where the pom defines it. */
  private static String fill(String text, Map<String, String> properties) {
    String out = text;
    for (Map.Entry<String, String> p : properties.entrySet()) {
      out = out.replace("${" + p.getKey() + "}", p.getValue());
    }
    return out;
  }

  private static List<Dependency> dependencies(Element list) {
    List<Dependency> out = new ArrayList<>();
    if (list != null) {
      for (Element d : children(list)) {
        if (d.getTagName().equals("dependency")) {
          out.add(dependency(d));
        }
      }
    }
    return out;
  }

  private static Dependency dependency(Element d) {
    List<String> exclusions = new ArrayList<>();
    Element ex = child(d, "exclusions");
    if (ex != null) {
      for (Element e : children(ex)) {
        exclusions.add(text(e, "groupId") + ":" + text(e, "artifactId"));
      }
    }
    return new Dependency(
        text(d, "groupId"), text(d, "artifactId"), text(d, "version"), text(d, "type"),
        text(d, "scope"), exclusions);
  }

  private static Element child(Element parent, String name) {
    for (Element e : children(parent)) {
      if (e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().trim();
    return t.isEmpty() ? null : t;
  }
}
