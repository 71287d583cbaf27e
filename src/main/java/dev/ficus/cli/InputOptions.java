package dev.ficus.cli;

import picocli.CommandLine.Option;

/** The options every command that analyzes a repository shares, as a picocli mixin. */
final class InputOptions {

  @Option(names = "--include-tests", description = "Also analyze test sources (src/test/...), left out by default.")
  boolean includeTests;

  @Option(
      names = "--no-dependency-jars",
      description =
          "Do not look for the repository's dependency jars in the local Maven repository (types"
              + " then come from imports only, which is how the analysis usually runs).")
  boolean noDependencyJars;

  AnalysisPipeline.Options pipelineOptions() {
    return pipelineOptions(java.util.List.of());
  }

  AnalysisPipeline.Options pipelineOptions(java.util.List<String> entries) {
    return new AnalysisPipeline.Options(includeTests, !noDependencyJars, entries);
  }
}
