package dev.rehearsal.analysis;

import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Verdict;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one analysis run: a finding per incident (reviews applied), counts, and where the
 * time went.
 *
 * @param verdicts effective verdict counts
 * @param gaps effective gap counts over escapes (each gap of an escape counts once)
 * @param timings milliseconds per step: load, link, verdict, text, gaps, passages, store, total
 */
public record AnalysisReport(
    List<Finding> findings,
    Map<Verdict, Long> verdicts,
    Map<Gap, Long> gaps,
    long incidents,
    long linked,
    long reviewed,
    boolean learnedVoteUsed,
    Map<String, Long> timings) {}
