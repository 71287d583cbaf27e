package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of {@code ficus scaffold}: the generated project builds with {@code mvn package}
 * and its generated tests pass, for every fixture. Maven runs here as a user would run it, in the
 * written project, with the libraries from Maven Central.
 */
class GeneratedProjectsBuildTest {

  @TempDir static Path tmp;

  static Stream<String> fixtures() {
    return ScaffoldFixtures.all().stream().map(p -> p.getFileName().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theGeneratedProjectBuildsAndItsTestsPass(String fixture) throws Exception {
    ScaffoldFixtures.Scaffolded scaffolded = ScaffoldFixtures.fixture(fixture);
    Path out = tmp.resolve(fixture);
    ProjectWriter.write(scaffolded.project(), out, false);

    Path log = tmp.resolve(fixture + ".log");
    List<String> command = List.of(maven(), "-B", "-q", "-Dstyle.color=never", "package");
    Process maven =
        new ProcessBuilder(command)
            .directory(out.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = maven.waitFor(15, TimeUnit.MINUTES);
    if (!finished) {
      maven.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("mvn package finished within 15 minutes").isTrue();
    assertThat(maven.exitValue()).as("mvn package in the generated " + fixture + ":\n" + tail(output)).isZero();
    for (ProjectLayout.Module module : ProjectLayout.of(scaffolded.analysis(), scaffolded.plan()).modules()) {
      assertThat(out.resolve(module.jar())).as("the deployable jar of " + module.service()).isRegularFile();
    }
  }

  private static String maven() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }

  private static String tail(String output) {
    String[] lines = output.split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 60), lines.length));
  }
}
