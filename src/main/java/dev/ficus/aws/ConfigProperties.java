package dev.ficus.aws;

import dev.ficus.workspace.Workspace;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The application configuration a Spring {@code @Value("${key}")} or MicroProfile {@code
 * @ConfigProperty(name = "key")} injection point reads: {@code application.properties|yml} of the
 * main resources (profile files are not merged). A file that cannot be read is skipped: the value
 * then stays unresolved, which the effect reports.
 */
final class ConfigProperties {

  private final Map<String, String> values = new TreeMap<>();

  ConfigProperties(Workspace workspace) {
    for (String file : workspace.configFiles()) {
      String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      if (!name.startsWith("application.") && !name.startsWith("bootstrap.")) {
        continue; // profile files (application-dev.yml) apply only under their profile
      }
      try (Reader reader = Files.newBufferedReader(workspace.resolve(file), StandardCharsets.UTF_8)) {
        if (name.endsWith(".properties")) {
          Properties p = new Properties();
          p.load(reader);
          for (String key : p.stringPropertyNames()) {
            values.putIfAbsent(key, p.getProperty(key));
          }
        } else {
          Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
          for (Object doc : yaml.loadAll(reader)) {
            flatten("", doc);
          }
        }
      } catch (IOException | RuntimeException e) {
        // Unreadable configuration: values from it stay unknown.
      }
    }
  }

  private void flatten(String prefix, Object node) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue());
      }
    } else if (node instanceof List<?>) {
      return;
    } else if (node != null && !prefix.isEmpty()) {
      values.putIfAbsent(prefix, String.valueOf(node));
    }
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The environment variable Spring's relaxed binding maps a key to: {@code a.b-c} is {@code A_BC}. */
  static String relaxedEnvironmentName(String key) {
    return key.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
