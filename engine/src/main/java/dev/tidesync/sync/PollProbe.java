package dev.tidesync.sync;

import dev.tidesync.git.Inspector;
import dev.tidesync.git.Transport;
import dev.tidesync.git.Transport.RefRead;
import dev.tidesync.git.Upstream;
import dev.tidesync.model.Action;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * A poll first asks the remote where its branch is, and only that ref. When it is where the last
 * fetch left it and the branch already has all of it, the poll is over: no fetch, no status walk
 * of the work tree, nothing written. Most polls find nothing, so this is what an idle engine with
 * many repositories spends. Anything else (the branch moved, a killed cycle's leftovers, a branch
 * behind its tracking ref) runs the whole cycle as before.
 */
final class PollProbe {

    /** What the probe found. */
    sealed interface Found {
        /** The remote's branch did not move: {@code detail} says where it is. */
        record Unchanged(String detail) implements Found {}

        /** The remote could not be asked; the same failure a fetch would have met. */
        record Unreachable(Failure failure) implements Found {}

        /** The cycle must run. */
        record Run() implements Found {}
    }

    /** Off only for bench/PollCost's before-and-after, which measures the full fetch every poll used to run. */
    private static final boolean REF_FIRST = !"false".equals(System.getProperty("tidesync.poll.refFirst"));

    private final Transport transport;

    PollProbe(Transport transport) {
        this.transport = transport;
    }

    Found run(Cycle c) throws IOException {
        if (!REF_FIRST || c.request.trigger() != Trigger.POLL || c.request.action() != Action.PULL || c.request.dryRun()
                || !c.repository.mode().pulls() || Files.exists(CycleMarker.file(c.repo))) {
            return new Found.Run();
        }
        Optional<Upstream> upstream = Inspector.upstreamOf(c.repo, c.repository.remotes());
        if (upstream.isEmpty()) {
            return new Found.Run();
        }
        Upstream u = upstream.get();
        Optional<String> tracking = c.repo.refId(u.trackingRef());
        Optional<String> head = c.repo.head();
        if (tracking.isEmpty() || head.isEmpty() || !c.repo.contains(head.get(), tracking.get())) {
            return new Found.Run();
        }
        return switch (transport.peekRef(c.repo, u.remote(), u.remoteBranch(), c.networkTimeout())) {
            case RefRead.Failed failed -> new Found.Unreachable(failed.failure());
            case RefRead.At at when at.id().equals(tracking) -> new Found.Unchanged(u.shortName() + " unchanged at " + tracking.get().substring(0, 7));
            case RefRead.At at -> new Found.Run();
        };
    }
}
