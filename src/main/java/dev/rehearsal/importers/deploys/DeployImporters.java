package dev.rehearsal.importers.deploys;

import dev.rehearsal.importers.Importer;
import java.util.List;

/** The deploy importers, in detection order. */
public final class DeployImporters {
  private DeployImporters() {}

  public static List<Importer> all() {
    return List.of(
        new GitHubDeploymentsImporter(),
        new GitHubActionsRunsImporter(),
        new GitLabDeploymentsImporter(),
        new ArgoCdApplicationImporter(),
        new SpinnakerExecutionsImporter(),
        new JenkinsBuildsImporter(),
        new BitbucketDeploymentsImporter(),
        new BambooDeploysImporter(),
        new CircleCiWorkflowsImporter(),
        new KubernetesRolloutsImporter(),
        new KubectlRolloutHistoryImporter(),
        new ArgoCdHistoryTextImporter(),
        new HerokuReleasesImporter(),
        new GenericDeploysCsvImporter(),
        new GenericDeploysJsonlImporter());
  }
}
