package dev.tidesync.model;

/** A path a guard kept out of a commit, and why, in words for the user. */
public record HeldBack(String path, String reason) {}
