package dev.rehearsal.model;

/** What a staging run exercised. */
public enum RunType {
  /** Functional tests: unit, integration, end-to-end, acceptance. */
  TESTS,
  /** Load or performance tests: k6, JMeter, Gatling, Locust. */
  LOAD
}
