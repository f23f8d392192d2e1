package dev.tidesync.cli;

/** A failure to report as one sentence with the contract's exit code. */
final class CliError extends RuntimeException {

    private final int exitCode;

    CliError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliError usage(String message) {
        return new CliError(ExitCodes.USAGE, message);
    }

    static CliError failed(String message) {
        return new CliError(ExitCodes.FAILED, message);
    }
}
