package dev.ficus.scaffold;

import dev.ficus.model.Analysis;
import dev.ficus.model.Plan;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns an analysis and a plan into a buildable project, by running its {@link ProjectPart}s in
 * order. It only computes files; {@link ProjectWriter} puts them on disk, so a dry run and a
 * failure leave nothing behind.
 */
public final class Scaffolder {

  private final List<ProjectPart> parts;

  public Scaffolder(List<ProjectPart> parts) {
    this.parts = List.copyOf(parts);
  }

  /**
   * The built-in parts in the order they depend on each other: handlers first (they say which
   * classes and libraries they need), then module sources and poms, then what deploys them.
   */
  public static Scaffolder builtIn() {
    return new Scaffolder(
        List.of(
            new HandlerClasses(),
            new EventHandlerTests(),
            new ModuleSources(),
            new ModulePoms(),
            new SamTemplates(),
            new PolicyDocuments(),
            new ScaffoldReport(),
            new MigrationGuide()));
  }

  public GeneratedProject scaffold(
      Analysis analysis, Plan plan, ScaffoldOptions options, Path repository) {
    ScaffoldContext context = new ScaffoldContext(analysis, plan, options, repository);
    for (ProjectPart part : parts) {
      part.contribute(context);
    }
    return new GeneratedProject(List.copyOf(context.files().values()), context.notes());
  }
}
