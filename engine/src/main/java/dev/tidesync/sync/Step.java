package dev.tidesync.sync;

import java.io.IOException;
import java.util.Optional;

/** One step of the sync cycle. Returning an outcome ends the cycle there. */
interface Step {
    Optional<SyncOutcome> run(CycleContext ctx) throws IOException;
}
