package dev.ficus.cli;

import dev.ficus.model.Analysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the stages of one analysis run from the pipeline's progress reports, for the benchmark:
 * where the time goes after the parse is what decides the ratio to a parse-only pass.
 */
public final class StageTimes implements Progress {

  /** A stage as the progress line names it, and its wall time in seconds. */
  public record Stage(String name, double seconds) {}

  private final List<Stage> stages = new ArrayList<>();
  private String current;
  private long started;

  /** Runs {@code analyze} on {@code repo} and records how long each stage took. */
  public Analysis analyze(AnalysisPipeline.Options options, Path repo) {
    Analysis analysis = new AnalysisPipeline(options).withProgress(this).analyze(repo);
    update("done");
    return analysis;
  }

  @Override
  public void update(String status) {
    long now = System.nanoTime();
    if (current != null) {
      stages.add(new Stage(current, (now - started) / 1e9));
    }
    // "2287 files parsed; reading the IaC and finding routes": the stage is what follows the counts.
    int semicolon = status.lastIndexOf("; ");
    current = status.equals("done") ? null
        : status.endsWith("; done") ? "gathering the results"
        : semicolon < 0 ? status : status.substring(semicolon + 2);
    started = now;
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }
}
