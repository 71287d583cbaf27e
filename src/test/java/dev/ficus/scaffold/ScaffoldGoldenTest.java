package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.SourceFile;
import dev.ficus.testing.Golden;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated tree of every fixture against its golden file ({@code
 * src/test/resources/golden/FIXTURE/scaffold.txt}, refreshed with {@code -Dgolden.update=true}):
 * every path, and the text of every file ficus writes itself. Files copied from the monolith are
 * checked byte for byte against their originals instead, and scaffolding twice gives the same
 * project.
 */
class ScaffoldGoldenTest {

  static Stream<String> fixtures() {
    return ScaffoldFixtures.all().stream().map(p -> p.getFileName().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theGeneratedTreeMatchesItsGoldenAndCopiesAreExact(String fixture) throws IOException {
    ScaffoldFixtures.Scaffolded scaffolded = ScaffoldFixtures.fixture(fixture);
    Map<String, SourceFile> originals = new TreeMap<>();
    scaffolded.analysis().sources().forEach(s -> originals.put(s.relativePath(), s));

    StringBuilder golden = new StringBuilder();
    for (GeneratedFile file : scaffolded.project().files()) {
      String below = belowSourceRoot(file.path());
      SourceFile original = below == null ? null : originals.get(below);
      if (original != null && !file.path().contains("/src/test/")
          && file.content().equals(ModuleSources.read(scaffolded.repo().resolve(original.path())))) {
        golden.append("=== ").append(file.path()).append(" (copied from ").append(original.path()).append(")\n");
        continue;
      }
      golden.append("=== ").append(file.path()).append('\n').append(file.content());
      if (!file.content().endsWith("\n")) {
        golden.append('\n');
      }
    }
    Golden.assertMatches(Path.of("src/test/resources/golden", fixture, "scaffold.txt"), golden.toString());

    GeneratedProject again =
        ScaffoldFixtures.scaffold(scaffolded.repo(), ScaffoldOptions.defaults()).project();
    assertThat(again.files()).as("the same input gives the same project").isEqualTo(scaffolded.project().files());
  }

  private static String belowSourceRoot(String path) {
    int at = path.indexOf("/" + ModuleSources.JAVA);
    return at < 0 ? null : path.substring(at + 1 + ModuleSources.JAVA.length());
  }
}
