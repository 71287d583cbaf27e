package dev.ficus.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline of design.md, enforced: the model depends on nothing of ours, parser types stay in
 * the parsing stages, and a stage never imports a later one.
 */
class LayeringTest {

  /** The stages in pipeline order; each may use the ones before it. */
  static final List<String> STAGES =
      List.of("workspace", "iac", "routes", "graph", "aws", "lint", "cluster", "plan", "scaffold", "report", "cli");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ficus");
  }

  @Test
  void theModelDependsOnNothingOfOursNorOnTheParser() {
    noClasses()
        .that().resideInAPackage("dev.ficus.model..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "dev.ficus.workspace..", "dev.ficus.iac..", "dev.ficus.routes..", "dev.ficus.graph..",
            "dev.ficus.aws..", "dev.ficus.lint..", "dev.ficus.cluster..", "dev.ficus.plan..",
            "dev.ficus.scaffold..", "dev.ficus.report..", "dev.ficus.cli..", "com.github.javaparser..",
            "com.fasterxml..", "freemarker..", "picocli..", "org.jgrapht..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void parserTypesStayInTheParsingStages() {
    noClasses()
        .that().resideInAnyPackage(
            "dev.ficus.cluster..", "dev.ficus.plan..", "dev.ficus.scaffold..", "dev.ficus.report..")
        .should().dependOnClassesThat().resideInAPackage("com.github.javaparser..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void noStageImportsALaterStage() {
    for (int i = 0; i < STAGES.size(); i++) {
      String[] later =
          STAGES.subList(i + 1, STAGES.size()).stream().map(s -> "dev.ficus." + s + "..").toArray(String[]::new);
      if (later.length == 0) {
        continue;
      }
      noClasses()
          .that().resideInAPackage("dev.ficus." + STAGES.get(i) + "..")
          .should().dependOnClassesThat().resideInAnyPackage(later)
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void onlyRenderingUsesTemplatesAndOnlyTheCliUsesPicocli() {
    noClasses()
        .that().resideOutsideOfPackages("dev.ficus.scaffold..", "dev.ficus.report..")
        .should().dependOnClassesThat().resideInAPackage("freemarker..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .that().resideOutsideOfPackage("dev.ficus.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
