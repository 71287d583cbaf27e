package dev.ficus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.CliRun;
import dev.ficus.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * End to end: {@code ficus analyze --format json} on every bundled fixture equals its golden
 * report (src/test/resources/golden/FIXTURE/analyze.json), and a second run is byte-identical.
 * Rewrite the goldens with {@code -Dgolden.update=true} and review the diff.
 */
class FixtureReportsTest {

  static final Path FIXTURES = Path.of("fixtures");
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TestFactory
  Stream<DynamicTest> everyFixtureMatchesItsGoldenReport() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      return dirs.filter(Files::isDirectory)
          .sorted()
          .toList()
          .stream()
          .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }
  }

  private static void check(Path fixture) {
    CliRun first = CliRun.of("analyze", "--format", "json", "--no-dependency-jars", fixture.toString());
    assertThat(first.err()).as("stderr").isEmpty();
    assertThat(first.exitCode()).isZero();
    Golden.assertMatches(GOLDEN.resolve(fixture.getFileName().toString()).resolve("analyze.json"), first.out());
    CliRun second = CliRun.of("analyze", "--format", "json", "--no-dependency-jars", fixture.toString());
    assertThat(second.out()).as("a second run is byte-identical").isEqualTo(first.out());
  }
}
