package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ficus scaffold} from the command line: what it writes, what it refuses, its exit codes. */
class ScaffoldCommandTest {

  @TempDir Path tmp;

  private static long filesUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void writesTheProjectAndSaysWhatItWrote() throws IOException {
    Path out = tmp.resolve("split");
    CliRun run = CliRun.of("scaffold", "fixtures/rest-orders-switch", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Wrote ").contains("services");
    assertThat(out.resolve("pom.xml")).exists();
    assertThat(out.resolve("services/orders/pom.xml")).exists();
    java.util.List<String> noteLines = run.out().lines().filter(l -> l.startsWith("  - ")).toList();
    assertThat(noteLines).as("a note made for several files is said once").doesNotHaveDuplicates();
  }

  @Test
  void aDryRunListsTheFilesAndWritesNothing() {
    Path out = tmp.resolve("split");
    CliRun run = CliRun.of("scaffold", "fixtures/rest-orders-switch", "--out", out.toString(), "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(out.resolve("pom.xml").toString());
    assertThat(out).doesNotExist();
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void aFolderWithFilesIsRefusedBeforeAnyWorkAndKeptAsItWas() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("mine"));
    Files.writeString(out.resolve("notes.txt"), "my notes");

    CliRun run = CliRun.of("scaffold", "fixtures/rest-orders-switch", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not empty").contains("--force").doesNotContain("Exception");
    assertThat(filesUnder(out)).isEqualTo(1);
    assertThat(out.resolve("notes.txt")).hasContent("my notes");
  }

  @Test
  void forceReplacesTheFolder() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("old"));
    Files.writeString(out.resolve("stale.txt"), "old");

    CliRun run = CliRun.of("scaffold", "fixtures/rest-orders-switch", "--out", out.toString(), "--force");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("stale.txt")).doesNotExist();
    assertThat(out.resolve("pom.xml")).exists();
  }

  @Test
  void badOptionsAreUsageErrorsInOneSentence() {
    String out = tmp.resolve("x").toString();
    for (String[] args :
        new String[][] {
          {"scaffold", "fixtures/rest-orders-switch", "--out", out, "--runtime", "python3.12"},
          {"scaffold", "fixtures/rest-orders-switch", "--out", out, "--architecture", "sparc"},
          {"scaffold", "fixtures/rest-orders-switch", "--out", out, "--memory", "64"},
          {"scaffold", "fixtures/rest-orders-switch", "--out", out, "--strategy", "by-magic"},
          {"scaffold", "fixtures/rest-orders-switch"},
        }) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err()).startsWith("ficus: ").doesNotContain("\tat ");
    }
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void aRepositoryWithoutRoutesHasNothingToScaffold() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("lib/src/main/java/com/acme"));
    Files.writeString(repo.resolve("Util.java"), "package com.acme; public class Util {}");
    Path out = tmp.resolve("out");

    CliRun run = CliRun.of("scaffold", tmp.resolve("lib").toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("No API route found");
    assertThat(out).doesNotExist();
  }

  @Test
  void anEditedPlanThatNamesAnUnknownRouteIsRefusedWithItsLocation() throws IOException {
    Path plan = tmp.resolve("plan.json");
    Files.writeString(plan, """
        {"schemaVersion": 1, "services": [{"name": "orders", "functions": [{"route": "GET /nowhere"}]}]}
        """);
    CliRun run =
        CliRun.of("scaffold", "fixtures/rest-orders-switch", "--plan", plan.toString(), "--out", tmp.resolve("o").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("plan.json").contains("GET /nowhere").doesNotContain("\tat ");
    assertThat(tmp.resolve("o")).doesNotExist();
  }
}
