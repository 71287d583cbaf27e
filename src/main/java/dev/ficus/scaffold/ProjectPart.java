package dev.ficus.scaffold;

/**
 * One part of a generated project (handler classes, module sources, poms, SAM templates, policies,
 * the migration guide), one class each, the way analysis has one class per route extractor.
 * Parts run in the order {@link Scaffolder} lists them; a part may read what earlier parts asked
 * for (a class a handler needs, a library a module needs) from the context.
 */
public interface ProjectPart {

  /** Adds this part's files, needs and notes to the project under construction. */
  void contribute(ScaffoldContext context);
}
