package dev.tidesync.cli;

/** The contract's exit codes (shared/cli-contract.md). */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int CONFLICT = 3;
    static final int HELD_BACK = 4;

    private ExitCodes() {}
}
