package dev.tidesync.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

/** What a command may read from outside the arguments: environment, stdin, time. */
record CliEnvironment(Map<String, String> env, InputStream in, Clock clock) {}
