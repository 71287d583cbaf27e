package dev.ficus.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.CliRun;
import dev.ficus.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ficus plan} on the command line: its usage errors and exit codes. */
class PlanCommandTest {

  @TempDir Path dir;

  Path repo() {
    return TestRepo.create()
        .java("src/main/java/app/Util.java", "package app;\nclass Util {}\n")
        .writeTo(dir.resolve("repo"));
  }

  @Test
  void anUnknownStrategyIsAUsageError() {
    CliRun run = CliRun.of("plan", repo().toString(), "--strategy", "by-magic");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown strategy 'by-magic'; use one of per-route, by-path, by-resource, auto.");
  }

  @Test
  void badWeightsAreAUsageError() {
    CliRun run = CliRun.of("plan", repo().toString(), "--weights", "colour=2");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Bad --weights: unknown weight 'colour=2'");
  }

  @Test
  void anExistingOutputIsNotOverwrittenWithoutForce() throws Exception {
    Path out = dir.resolve("plan.json");
    Files.writeString(out, "keep");
    CliRun run = CliRun.of("plan", repo().toString(), "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("exists; pass --force");
    assertThat(Files.readString(out)).isEqualTo("keep");
  }

  @Test
  void theMarkdownBesideAnExistingJsonIsProtectedToo() throws Exception {
    Files.writeString(dir.resolve("plan.md"), "keep");
    CliRun run = CliRun.of("plan", repo().toString(), "--out", dir.resolve("plan.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("plan.md exists");
  }

  @Test
  void aRepositoryWithoutRoutesIsAnInputError() {
    CliRun run = CliRun.of("plan", repo().toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("nothing to plan");
  }

  @Test
  void anUnreadableEditedPlanIsAUsageError() {
    CliRun run = CliRun.of("plan", repo().toString(), "--plan", dir.resolve("missing.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Cannot read the plan");
  }
}
