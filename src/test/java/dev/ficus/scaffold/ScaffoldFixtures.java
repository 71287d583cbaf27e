package dev.ficus.scaffold;

import dev.ficus.cli.AnalysisPipeline;
import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.Strategies;
import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import dev.ficus.plan.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scaffolds a repository the way {@code ficus scaffold} does (analysis, default plan, every
 * part), for tests of single parts and of the whole project. Analyses are cached per folder:
 * several tests read the same fixture.
 */
public final class ScaffoldFixtures {

  private static final java.util.Map<Path, Scaffolded> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private ScaffoldFixtures() {}

  /** An analyzed and planned repository, with its generated project. */
  public record Scaffolded(Path repo, Analysis analysis, Plan plan, GeneratedProject project) {
    /** The content of one generated file; fails the test when it was not generated. */
    public String file(String path) {
      return project.files().stream()
          .filter(f -> f.path().equals(path))
          .findFirst()
          .map(GeneratedFile::content)
          .orElseThrow(() -> new AssertionError("not generated: " + path + "; generated: " + paths()));
    }

    public List<String> paths() {
      return project.files().stream().map(GeneratedFile::path).toList();
    }
  }

  /** The fixtures under {@code fixtures/}, sorted by name. */
  public static List<Path> all() {
    try (Stream<Path> dirs = Files.list(Path.of("fixtures"))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Scaffolded fixture(String name) {
    return of(Path.of("fixtures", name));
  }

  public static Scaffolded of(Path repo) {
    return CACHE.computeIfAbsent(repo.toAbsolutePath().normalize(), ScaffoldFixtures::scaffold);
  }

  /** Without the cache, with these options: for tests of options and determinism. */
  public static Scaffolded scaffold(Path repo, ScaffoldOptions options) {
    return scaffold(repo, options, "auto");
  }

  /** Planned with this strategy ({@code by-path} gives predictable services in small tests). */
  public static Scaffolded scaffold(Path repo, ScaffoldOptions options, String strategy) {
    return scaffold(repo, options, strategy, Scaffolder.builtIn());
  }

  /** With these parts only, for tests of one part in isolation. */
  public static Scaffolded scaffold(
      Path repo, ScaffoldOptions options, String strategy, Scaffolder scaffolder) {
    Analysis analysis = new AnalysisPipeline(AnalysisPipeline.Options.defaults()).analyze(repo);
    Planner planner = new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED);
    Plan plan = planner.plan(analysis, Strategies.find(strategy, Planner.DEFAULT_SEED).orElseThrow(), 0);
    return new Scaffolded(
        repo, analysis, plan, scaffolder.scaffold(analysis, plan, options, repo));
  }

  private static Scaffolded scaffold(Path repo) {
    return scaffold(repo, ScaffoldOptions.defaults());
  }
}
