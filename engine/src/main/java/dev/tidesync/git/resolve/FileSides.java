package dev.tidesync.git.resolve;

/**
 * What each side has at a conflicting path, in words the dialog shows: "a text file of 2 KB",
 * "an image/png file of 240 KB", "a folder of 3 files", "deleted".
 */
public record FileSides(String mine, String theirs) {}
