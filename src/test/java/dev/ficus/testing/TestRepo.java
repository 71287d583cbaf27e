package dev.ficus.testing;

import dev.ficus.iac.IacModel;
import dev.ficus.iac.IacReader;
import dev.ficus.model.Diagnostics;
import dev.ficus.workspace.Workspace;
import dev.ficus.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small repository written from text blocks into a temporary folder, for specification-style
 * tests: {@code TestRepo.create().java("com/acme/Handler.java", """...""").file("template.yaml",
 * """...""")}. Java files go under {@code src/main/java}.
 */
public final class TestRepo {

  private final Map<String, String> files = new LinkedHashMap<>();

  public static TestRepo create() {
    return new TestRepo();
  }

  /** A Java source; the path is relative to {@code src/main/java}. */
  public TestRepo java(String path, String source) {
    files.put("src/main/java/" + path, source);
    return this;
  }

  /** Any file, relative to the repository root. */
  public TestRepo file(String path, String content) {
    files.put(path, content);
    return this;
  }

  public Map<String, String> files() {
    return files;
  }

  /** Writes the files below {@code dir} and returns it. */
  public Path writeTo(Path dir) {
    try {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path target = dir.resolve(e.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes into a fresh temporary folder and loads it as a workspace with its IaC. */
  public Loaded load() {
    try {
      Path dir = writeTo(Files.createTempDirectory("ficus-test-"));
      Diagnostics diagnostics = new Diagnostics();
      Workspace workspace = new WorkspaceLoader().useDependencyJars(false).load(dir, diagnostics);
      IacModel iac = new IacReader().read(workspace);
      return new Loaded(dir, workspace, iac, diagnostics);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loaded test repository. */
  public record Loaded(Path dir, Workspace workspace, IacModel iac, Diagnostics diagnostics) {}
}
