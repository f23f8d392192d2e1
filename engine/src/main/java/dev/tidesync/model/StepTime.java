package dev.tidesync.model;

/**
 * One step of a sync, for `--verbose` and the benchmarks: which step, how long it took, and what
 * it did in a few words ("M today.md", "origin: 2 commits", "nothing new").
 */
public record StepTime(String step, long millis, String detail) {}
