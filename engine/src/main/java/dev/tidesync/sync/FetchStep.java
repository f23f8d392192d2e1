package dev.tidesync.sync;

import dev.tidesync.git.Transport;
import dev.tidesync.git.Transport.FetchResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Fetches every remote; the primary's failure ends the cycle, a mirror's is reported at the end. */
final class FetchStep implements Step {

    private final Transport transport;

    FetchStep(Transport transport) {
        this.transport = transport;
    }

    @Override
    public Optional<SyncOutcome> run(CycleContext ctx) throws IOException {
        List<String> remotes = ctx.remotes();
        for (int i = 0; i < remotes.size(); i++) {
            String remote = remotes.get(i);
            FetchResult result = transport.fetch(ctx.repo, remote, ctx.networkTimeout());
            switch (result) {
                case FetchResult.Fetched fetched -> ctx.remoteMoved |= fetched.moved();
                case FetchResult.Failed failed -> {
                    if (i == 0) {
                        return Optional.of(ctx.fail(failed.failure()));
                    }
                    ctx.mirrorFailures.add(failed.failure());
                }
            }
        }
        return Optional.empty();
    }
}
