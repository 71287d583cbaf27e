package dev.ficus.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command gives byte-identical files when run twice on the same repository, and when run
 * on a copy of it in another folder (so no absolute path, timestamp or hash order leaks into the
 * output). One of the repositories holds bad files, so diagnostics collected by parallel parsing
 * are part of what must not move.
 */
class DeterminismTest {

  @TempDir Path temp;

  static Stream<String> repositories() {
    return Stream.of("fixtures/rest-orders-switch", "fixtures/spring-petclinic-lambda", "corpus");
  }

  /** The fixture, or the good corpus repository with broken files beside it. */
  private Path original(String name) throws IOException {
    if (!name.equals("corpus")) {
      return Path.of(name);
    }
    Path repo =
        BadInputCorpusTest.good()
            .java("com/acme/Broken.java", "package com.acme; class Broken {")
            .java("com/acme/AlsoBroken.java", "package com.acme; class AlsoBroken { void x( }")
            .java("com/acme/More.java", "package com.acme; class More { int y = ; }")
            .file("other/template.yaml", "Resources: [unclosed\nAWSTemplateFormatVersion: x\n")
            .writeTo(temp.resolve("corpus"));
    Files.write(
        repo.resolve("src/main/java/com/acme/Latin.java"),
        "package com.acme; class Latin { String s = \"\u00e9\"; }".getBytes(StandardCharsets.ISO_8859_1));
    return repo;
  }

  /** Runs {@code args} (with {@code REPO} and {@code OUT} filled in) three times: twice, then on a copy. */
  private List<String> threeRuns(String repository, String outName, String... args) throws IOException {
    Path repo = original(repository);
    Path copy = copyTree(repo, temp.resolve("elsewhere/deeper/" + repo.getFileName()));
    List<String> outputs = new ArrayList<>();
    int run = 0;
    for (Path r : List.of(repo, repo, copy)) {
      Path out = Files.createDirectories(temp.resolve("out" + run++)).resolve(outName);
      List<String> full = new ArrayList<>();
      for (String a : args) {
        full.add(a.equals("REPO") ? r.toString() : a.equals("OUT") ? out.toString() : a);
      }
      CliRun result = CliRun.of(full.toArray(String[]::new));
      Runs.assertNoCrash(result);
      assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
      outputs.add(Files.readString(out, StandardCharsets.UTF_8));
      if (outName.equals("plan.json")) {
        outputs.add(Files.readString(out.resolveSibling("plan.md"), StandardCharsets.UTF_8));
      }
    }
    return outputs;
  }

  private static void allTheSame(List<String> outputs) {
    assertThat(outputs.get(0)).isNotBlank();
    assertThat(outputs).containsOnly(outputs.get(0));
  }

  @ParameterizedTest
  @MethodSource("repositories")
  void analyzeTextIsTheSameOnEveryRunAndInEveryFolder(String repository) throws IOException {
    allTheSame(threeRuns(repository, "report.txt", "analyze", "--no-dependency-jars", "-o", "OUT", "REPO"));
  }

  @ParameterizedTest
  @MethodSource("repositories")
  void analyzeJsonIsTheSameOnEveryRunAndInEveryFolder(String repository) throws IOException {
    allTheSame(threeRuns(repository, "report.json", "analyze", "--no-dependency-jars", "-f", "json", "-o", "OUT", "REPO"));
  }

  @ParameterizedTest
  @MethodSource("repositories")
  void analyzeSarifIsTheSameOnEveryRunAndInEveryFolder(String repository) throws IOException {
    allTheSame(threeRuns(repository, "report.sarif", "analyze", "--no-dependency-jars", "-f", "sarif", "-o", "OUT", "REPO"));
  }

  @ParameterizedTest
  @MethodSource("repositories")
  void planJsonAndMarkdownAreTheSameOnEveryRunAndInEveryFolder(String repository) throws IOException {
    List<String> outputs = threeRuns(repository, "plan.json", "plan", "--no-dependency-jars", "-o", "OUT", "REPO");
    List<String> json = List.of(outputs.get(0), outputs.get(2), outputs.get(4));
    List<String> markdown = List.of(outputs.get(1), outputs.get(3), outputs.get(5));
    allTheSame(json);
    allTheSame(markdown);
  }

  @ParameterizedTest
  @MethodSource("repositories")
  void planCompareIsTheSameOnEveryRunAndInEveryFolder(String repository) throws IOException {
    Path repo = original(repository);
    Path copy = copyTree(repo, temp.resolve("compare-copy/" + repo.getFileName()));
    List<String> outputs = new ArrayList<>();
    for (Path r : List.of(repo, repo, copy)) {
      CliRun run = CliRun.of("plan", "--no-dependency-jars", "--compare", r.toString());
      Runs.assertNoCrash(run);
      assertThat(run.exitCode()).as(run.err()).isZero();
      outputs.add(run.out());
    }
    allTheSame(outputs);
  }

  private static Path copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
