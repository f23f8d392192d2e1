package dev.tidesync.sync;

import dev.tidesync.git.Transport;
import dev.tidesync.git.Transport.FetchResult;
import dev.tidesync.model.Failure;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fetches every remote; the primary's failure ends the cycle, a mirror's is reported at the end. */
final class FetchStep {

    /** @param mirrorFailures the mirrors that could not be fetched, by name (the primary's failure stops the cycle) */
    record Fetched(Map<String, Failure> mirrorFailures) {}

    private final Transport transport;

    FetchStep(Transport transport) {
        this.transport = transport;
    }

    StepResult<Fetched> run(Cycle c, List<String> remotes) throws IOException {
        Map<String, Failure> mirrors = new LinkedHashMap<>();
        for (int i = 0; i < remotes.size(); i++) {
            switch (transport.fetch(c.repo, remotes.get(i), c.networkTimeout())) {
                case FetchResult.Fetched fetched -> { }
                case FetchResult.Failed failed -> {
                    if (i == 0) {
                        return StepResult.failed(failed.failure());
                    }
                    mirrors.put(remotes.get(i), failed.failure());
                }
            }
        }
        return StepResult.done(new Fetched(mirrors));
    }
}
