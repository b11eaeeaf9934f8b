package dev.rehearsal.index;

import java.util.Map;
import java.util.Set;

/**
 * What the records say about the service names the tools wrote, read from doc values for every raw
 * name: how often each kind of record uses it, when its production deploys and its incidents
 * happened, and which releases (versions, commits) its staging runs tested and its deploys shipped.
 * What service-name inference reasons from.
 *
 * @param uses raw name to the number of incidents, deploys, runs and facts naming it (by kind code)
 * @param productionDeploys raw deploy service to its production deploy times, ascending
 * @param incidentOnsets raw incident service to its incidents' onsets, ascending
 * @param runReleases raw run service to the versions and commits its runs tested (lower case)
 * @param deployServicesByRelease each of those releases to the raw deploy services that shipped it
 */
public record ServiceEvidence(
    Map<String, Map<String, Long>> uses,
    Map<String, long[]> productionDeploys,
    Map<String, long[]> incidentOnsets,
    Map<String, Set<String>> runReleases,
    Map<String, Set<String>> deployServicesByRelease) {}
