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

  @Test
  void packagesFormNoCycles() {
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
        .matching("dev.rehearsal.(*)..")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  @Test
  void theWindowUsesOnlyTheAppLayerTheModelTasksAndTheExporterContract() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .resideInAPackage("dev.rehearsal.ui..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.rehearsal.ui..",
            "dev.rehearsal.app..",
            "dev.rehearsal.model..",
            "dev.rehearsal.task..",
            "java..",
            "javax.imageio..",
            "javafx..",
            "org.controlsfx..",
            "atlantafx..",
            "com.sun.javafx..")
        .orShould()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "the exporter contract",
                (com.tngtech.archunit.core.domain.JavaClass c) ->
                    c.getPackageName().equals("dev.rehearsal.report")
                        && java.util.Set.of(
                                "Exporter",
                                "ExportScope",
                                "ExportScope$Kind",
                                "ExporterRegistry",
                                "FileType",
                                "CsvFormat")
                            .contains(
                                c.getSimpleName().isEmpty()
                                    ? c.getName()
                                    : c.getName().substring(c.getPackageName().length() + 1))))
        .because("the window shows what the app layer works out; it holds no rules of its own")
        .check(classes);
  }

  @Test
  void onlyTheCommandLineAndTheBenchmarkPrint() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.rehearsal.cli..", "dev.rehearsal.bench..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .because("messages reach people through the front ends, and logs through java.util.logging")
        .check(classes);
  }

  @Test
  void theEngineAndTheStoreDoNotDependOnTheDemoOrTheBenchmark() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.rehearsal.analysis..", "dev.rehearsal.index..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.rehearsal.demo..", "dev.rehearsal.bench..")
        .check(classes);
  }

  @Test
  void luceneIsUsedOnlyByTheStoreAndTheAnalysisInputLoader() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.rehearsal.index..")
        .and(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "are not the analysis's input loader (AnalysisData, DeployTable)",
                (com.tngtech.archunit.core.domain.JavaClass c) ->
                    !c.getName().startsWith("dev.rehearsal.analysis.AnalysisData")
                        && !c.getName().startsWith("dev.rehearsal.analysis.DeployTable")))
        .and()
        .resideOutsideOfPackages("dev.rehearsal.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.lucene..")
        .because("the workspace is the one place that knows how records are indexed")
        .check(classes);
  }
}
