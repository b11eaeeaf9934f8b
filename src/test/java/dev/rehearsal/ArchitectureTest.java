package dev.rehearsal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering the architecture document describes, enforced. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rehearsal");
  }

  @Test
  void onlyTheUiUsesJavaFx() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("dev.rehearsal.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("logic must run and be tested without a toolkit");
    rule.check(classes);
  }

  @Test
  void theModelDependsOnNothingOfOurs() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("dev.rehearsal.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.rehearsal.importers..",
                "dev.rehearsal.index..",
                "dev.rehearsal.analysis..",
                "dev.rehearsal.report..",
                "dev.rehearsal.cli..",
                "dev.rehearsal.ui..",
                "dev.rehearsal.demo..",
                "dev.rehearsal.settings..",
                "dev.rehearsal.util..",
                "dev.rehearsal.task..",
                "dev.rehearsal.bench..",
                "org.apache.lucene..",
                "com.fasterxml..");
    rule.check(classes);
  }

  @Test
  void importersDoNotReachIntoTheStoreOrAnalysis() {
    noClasses()
        .that()
        .resideInAPackage("dev.rehearsal.importers..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rehearsal.index..",
            "dev.rehearsal.analysis..",
            "dev.rehearsal.report..",
            "dev.rehearsal.cli..",
            "org.apache.lucene..")
        .check(classes);
  }

  @Test
  void nothingBelowTheFrontEndsDependsOnThem() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.rehearsal.model..",
            "dev.rehearsal.importers..",
            "dev.rehearsal.index..",
            "dev.rehearsal.analysis..",
            "dev.rehearsal.report..",
            "dev.rehearsal.demo..",
            "dev.rehearsal.settings..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.rehearsal.cli..", "dev.rehearsal.ui..")
        .check(classes);
  }
}
