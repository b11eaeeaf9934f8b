package dev.rehearsal.model;

/** Kinds of environment facts. */
public enum FactType {
  /** One configuration key's value in one environment at one time. */
  CONFIG,
  /** One feature flag's state (value "on"/"off" or a variation) in one environment. */
  FLAG,
  /** Row count of one table in one environment (number = rows). */
  DATA_VOLUME,
  /** Peak requests per second of one service in one environment (number = rps). */
  TRAFFIC_PEAK,
  /** A dependency that the environment mocks or points at a sandbox (subject = dependency). */
  MOCK
}
