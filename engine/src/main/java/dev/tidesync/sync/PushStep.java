package dev.tidesync.sync;

import dev.tidesync.git.Snapshot;
import dev.tidesync.guard.OutgoingSecrets;
import dev.tidesync.model.SyncResult;
import dev.tidesync.git.Transport;
import dev.tidesync.git.Transport.PushResult;
import dev.tidesync.git.Upstream;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes the branch to every remote, never forced. If the primary remote moved since the
 * fetch, it asks for another round (fetch, integrate, push; see {@link SyncCycle}).
 */
final class PushStep {

    /**
     * What went out: commits published to the primary and to each mirror, whether the gate passed
     * (it runs once a cycle, however many rounds and remotes), the mirrors that failed, and notes.
     */
    record Pushed(int commitsOut, Map<String, Integer> mirrorsPushed, boolean gatePassed, Map<String, Failure> mirrorFailures,
                  List<String> notes) {}

    private final Transport transport;

    PushStep(Transport transport) {
        this.transport = transport;
    }

    /** @param gatePassed whether an earlier round of this cycle already passed the gate */
    StepResult<Pushed> run(Cycle c, Snapshot snapshot, boolean gatePassed) throws IOException {
        Pushed nothing = new Pushed(0, Map.of(), gatePassed, Map.of(), List.of());
        List<String> remotes = c.remotes(snapshot);
        if (!c.request.action().pushes() || !c.repository.mode().pushes() || c.request.dryRun() || remotes.isEmpty()) {
            return StepResult.done(nothing);
        }
        Optional<String> head = c.repo.head();
        if (head.isEmpty()) {
            return StepResult.done(nothing); // nothing committed yet
        }
        String name = c.repository.name();
        Optional<OutgoingSecrets.Found> secret = OutgoingSecrets.find(c.repo, head.get(), c.repository.guards(), c.request.allowedSecrets());
        if (secret.isPresent()) {
            OutgoingSecrets.Found found = secret.get();
            String sentence = found.sentence(name);
            return new StepResult.Stop<>(new StepResult.Ending(SyncResult.HELD_BACK, sentence,
                    Optional.of(Failure.of(FailureKind.SECRET, sentence)), List.of()));
        }
        String branchRef = snapshot.branchRef().orElseThrow();
        Upstream primary = c.primaryUpstream(snapshot).orElseThrow();
        int commitsOut = 0;
        boolean gate = gatePassed;
        Map<String, Failure> mirrors = new LinkedHashMap<>();
        Map<String, Integer> mirrorsPushed = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < remotes.size(); i++) {
            String remote = remotes.get(i);
            Upstream target = i == 0 ? primary : Upstream.inferred(remote, primary.remoteBranch());
            Optional<String> tracking = c.repo.refId(target.trackingRef());
            if (tracking.equals(head)) {
                continue;
            }
            int ahead = c.repo.commitsSince(head.get(), tracking);
            if (!gate && c.repository.gateCommand().isPresent()) {
                Optional<String> refused = PushGate.check(c.repo.workTree(), c.repository.gateCommand().get());
                if (refused.isPresent()) {
                    return StepResult.failed(Failure.of(FailureKind.REJECTED, "Not pushing " + name + ": " + refused.get()
                            + "; the commits stay local until it passes"));
                }
                gate = true;
            }
            PushResult result = transport.push(c.repo, remote, branchRef, target.remoteBranch(), c.networkTimeout());
            boolean isPrimary = i == 0;
            switch (result) {
                case PushResult.Pushed pushed -> {
                    if (pushed.changed()) {
                        switch (PushCheck.after(c.repo, transport, name, remote, head.get(), tracking, target.remoteBranch(), c.networkTimeout())) {
                            case PushCheck.Verdict.Landed l -> { }
                            case PushCheck.Verdict.MovedOn m -> notes.add(m.note());
                            case PushCheck.Verdict.Broken b -> {
                                if (isPrimary) {
                                    return StepResult.failed(b.failure());
                                }
                                mirrors.put(remote, b.failure());
                                continue;
                            }
                        }
                    }
                    if (!isPrimary && pushed.changed()) {
                        mirrorsPushed.put(remote, ahead);
                    }
                    if (isPrimary) {
                        commitsOut += pushed.changed() ? ahead : 0;
                        if (!primary.configured() && c.repo.trackUpstreamIfUnset(branchRef, primary.remote(), primary.remoteBranch())) {
                            notes.add("Set " + snapshot.branchName() + " to track " + primary.shortName());
                        }
                    }
                }
                case PushResult.NotFastForward nff -> {
                    if (isPrimary) {
                        if (!c.repository.mode().pulls()) {
                            return StepResult.failed(Failure.of(FailureKind.REJECTED, remote + " has commits this copy of " + name
                                    + " lacks, and push-only mode never pulls; pull by hand or change the mode"));
                        }
                        return new StepResult.Retry<>();
                    }
                    mirrors.put(remote, Failure.of(FailureKind.REJECTED, "The mirror " + remote
                            + " has commits the primary remote lacks, so it was not updated; reconcile it by hand"));
                }
                case PushResult.Rejected rejected -> {
                    Failure failure = rejected.byLocalHook()
                            ? Failure.of(FailureKind.REJECTED, "Not pushing " + name + " to " + remote + ": " + rejected.reason()
                                    + "; the commits stay local until it passes")
                            : Failure.of(FailureKind.REJECTED, remote + " refused the push (" + rejected.reason()
                                    + "); check the branch's protection or hooks on the server");
                    if (isPrimary) {
                        return StepResult.failed(failure);
                    }
                    mirrors.put(remote, failure);
                }
                case PushResult.Failed failed -> {
                    if (isPrimary) {
                        return StepResult.failed(failed.failure());
                    }
                    mirrors.put(remote, failed.failure());
                }
            }
        }
        return StepResult.done(new Pushed(commitsOut, mirrorsPushed, gate, mirrors, List.copyOf(notes)));
    }
}
