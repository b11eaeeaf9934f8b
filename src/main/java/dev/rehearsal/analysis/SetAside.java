package dev.rehearsal.analysis;

/**
 * Why a citation the rules of {@link References} did not mark is still read as setting its change
 * aside: a word this workspace's rollbacks and reviews taught ({@link RuleOutWords.Learned}), or
 * the wording of its sentence as the model of citing sentences reads it ({@link
 * RuleOutModel.Reading}).
 */
sealed interface SetAside permits RuleOutWords.Learned, RuleOutModel.Reading {}
