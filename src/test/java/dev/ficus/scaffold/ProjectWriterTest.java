package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWriterTest {

  @TempDir Path tmp;

  private static GeneratedProject project(String... pathsAndContents) {
    List<GeneratedFile> files = new java.util.ArrayList<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.add(new GeneratedFile(pathsAndContents[i], pathsAndContents[i + 1]));
    }
    return new GeneratedProject(files, List.of());
  }

  private List<String> siblingsOf(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out.getParent())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesEveryFileIntoAFolderThatDidNotExist() throws IOException {
    Path out = tmp.resolve("split");
    ProjectWriter.write(project("pom.xml", "<project/>", "services/a/pom.xml", "<a/>"), out, false);

    assertThat(out.resolve("pom.xml")).hasContent("<project/>");
    assertThat(out.resolve("services/a/pom.xml")).hasContent("<a/>");
    assertThat(siblingsOf(out)).containsExactly("split");
  }

  @Test
  void anEmptyFolderIsFilledButAFolderWithFilesIsLeftAloneWithoutForce() throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    ProjectWriter.write(project("a.txt", "new"), empty, false);
    assertThat(empty.resolve("a.txt")).hasContent("new");

    Path used = Files.createDirectory(tmp.resolve("used"));
    Files.writeString(used.resolve("mine.txt"), "keep me");
    assertThat(ProjectWriter.refusal(used, false)).hasValueSatisfying(r -> assertThat(r).contains("not empty"));
    assertThatThrownBy(() -> ProjectWriter.write(project("a.txt", "new"), used, false))
        .isInstanceOf(IOException.class);
    assertThat(used.resolve("mine.txt")).hasContent("keep me");
    assertThat(used.resolve("a.txt")).doesNotExist();
  }

  @Test
  void forceReplacesTheWholeFolderSoNoStaleFileSurvives() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(out.resolve("stale.txt"), "old");
    ProjectWriter.write(project("fresh.txt", "new"), out, true);

    assertThat(out.resolve("fresh.txt")).hasContent("new");
    assertThat(out.resolve("stale.txt")).doesNotExist();
    assertThat(siblingsOf(out)).containsExactly("out");
  }

  @Test
  void aFailureHalfwayLeavesNeitherAPartialProjectNorAStagingFolder() throws IOException {
    Path out = tmp.resolve("out");
    // "a" is a file, so "a/b" cannot be written: the second file fails after the first succeeded.
    GeneratedProject clash = project("a", "file", "a/b", "under a file");
    assertThatThrownBy(() -> ProjectWriter.write(clash, out, false)).isInstanceOf(IOException.class);

    assertThat(out).doesNotExist();
    assertThat(siblingsOf(out)).isEmpty();
  }

  @Test
  void aFailureWithForceKeepsTheUsersPreviousFolder() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(out.resolve("mine.txt"), "keep me");
    assertThatThrownBy(() -> ProjectWriter.write(project("a", "file", "a/b", "x"), out, true))
        .isInstanceOf(IOException.class);

    assertThat(out.resolve("mine.txt")).hasContent("keep me");
    assertThat(siblingsOf(out)).containsExactly("out");
  }

  @Test
  void anOutputThatIsAFileIsRefusedEvenWithForce() throws IOException {
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");
    assertThat(ProjectWriter.refusal(file, true)).isPresent();
  }

  @Test
  void generatedPathsCannotLeaveTheOutputFolder() {
    for (String unsafe :
        List.of("../x", "/etc/passwd", "a/../../b", "a//b", "a\\b", "C:/x", "a/./b", "", "a/", "-rf",
            "a/b\u0000c", "services/$(rm -rf ~)/pom.xml", "a/b c")) {
      assertThat(GeneratedFile.isSafe(unsafe)).as(unsafe).isFalse();
      assertThatThrownBy(() -> new GeneratedFile(unsafe, "")).isInstanceOf(IllegalArgumentException.class);
    }
    for (String safe :
        List.of("pom.xml", "services/orders-api/src/main/java/com/acme/GetOrdersHandler.java",
            "phases/phase-1/template.yaml", "policies/GetOrders.json", "MIGRATION.md")) {
      assertThat(GeneratedFile.isSafe(safe)).as(safe).isTrue();
    }
  }
}
