package dev.tidesync.git.resolve;

import dev.tidesync.git.BackupRefs;
import dev.tidesync.git.BranchMove;
import dev.tidesync.git.CopyName;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Identity;
import dev.tidesync.git.Inspector;
import dev.tidesync.git.Integration;
import dev.tidesync.git.Upstream;
import dev.tidesync.git.resolve.ConflictFile.Kind;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Ends a conflict the way the user chose, file by file, with one merge commit of the local
 * branch and the remote: no rebase state, no conflict markers, nothing rewritten, so the next
 * sync simply pushes. Files the user did not have to choose for are merged as git would.
 *
 * <p>How: the user's choices are written into both sides' trees before merging (keep mine: the
 * remote side gets my version of that file; keep theirs: my side gets theirs), so that JGit's
 * own merge finds those files agreed and combines everything else.
 */
public final class ConflictResolver {

    private final BackupRefs backups;

    public ConflictResolver(BackupRefs backups) {
        this.backups = backups;
    }

    /** The files that conflict between the branch and its upstream now; empty when they combine cleanly or nothing is to merge. */
    public Optional<Conflicts> inspect(GitRepo repo, List<String> remotes) throws IOException, ResolveException {
        Repository r = repo.repository();
        Sides sides = sides(repo, remotes);
        try (RevWalk walk = new RevWalk(r)) {
            RevCommit ours = walk.parseCommit(sides.ours());
            RevCommit theirs = walk.parseCommit(sides.theirs());
            if (walk.isMergedInto(theirs, ours) || walk.isMergedInto(ours, theirs)) {
                return Optional.empty();
            }
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(r, true);
            if (merger.merge(ours, theirs)) {
                return Optional.empty();
            }
            TreeSet<String> paths = new TreeSet<>(merger.getUnmergedPaths());
            if (merger.getFailingPaths() != null) {
                paths.addAll(merger.getFailingPaths().keySet());
            }
            RevTree base = Inspector.mergeBase(walk, ours, theirs).map(RevCommit::getTree).orElse(null);
            List<ConflictFile> files = new ArrayList<>();
            try (ObjectReader reader = r.newObjectReader()) {
                for (String path : paths) {
                    files.add(classify(reader, path, base, ours.getTree(), theirs.getTree()));
                }
            }
            return Optional.of(new Conflicts(sides.branchRef(), ours.name(), theirs.name(), sides.upstream().shortName(), files));
        }
    }

    /**
     * Commits the resolution and checks it out. Refused, with nothing changed, when the branch or
     * the remote moved since {@code conflicts} was read, when a conflicting file has no choice, or
     * when uncommitted edits would be overwritten.
     *
     * @param host  this machine's name, for naming the copy of "keep both"
     */
    public Resolved resolve(GitRepo repo, Conflicts conflicts, Map<String, Resolution> choices, Identity identity, String host,
                            LocalDate today) throws IOException, ResolveException {
        PersonIdent who = identity.person();
        for (ConflictFile f : conflicts.files()) {
            if (!choices.containsKey(f.path())) {
                throw new ResolveException("Choose what to keep for " + f.path() + " (mine, theirs or both); nothing was changed");
            }
        }
        Repository r = repo.repository();
        Ref branch = r.exactRef(conflicts.branchRef());
        if (branch == null || !conflicts.ours().equals(branch.getObjectId().name())) {
            throw new ResolveException("The branch moved since the conflict was shown; look at it again, nothing was changed");
        }
        try (RevWalk walk = new RevWalk(r); ObjectInserter inserter = r.newObjectInserter(); ObjectReader reader = r.newObjectReader()) {
            RevCommit ours = walk.parseCommit(ObjectId.fromString(conflicts.ours()));
            RevCommit theirs = walk.parseCommit(ObjectId.fromString(conflicts.theirs()));
            RevTree base = Inspector.mergeBase(walk, ours, theirs).map(RevCommit::getTree).orElse(null);

            DirCache mine = DirCache.read(reader, ours.getTree());
            DirCache remote = DirCache.read(reader, theirs.getTree());
            DirCacheEditor mineEdits = mine.editor();
            DirCacheEditor remoteEdits = remote.editor();
            Map<String, String> copies = new LinkedHashMap<>();
            List<String> said = new ArrayList<>();
            TreeSet<String> taken = paths(mine);
            taken.addAll(paths(remote));
            for (ConflictFile f : conflicts.files()) {
                Map<String, Entry> mineSide = Entry.contentAt(reader, f.path(), ours.getTree());
                Map<String, Entry> theirSide = Entry.contentAt(reader, f.path(), theirs.getTree());
                if (choices.get(f.path()) instanceof Resolution.ByPart parts) {
                    ConflictText text = text(reader, f, base, ours.getTree(), theirs.getTree()).orElseThrow(() -> new ResolveException(
                            f.path() + " cannot be merged part by part (" + f.kind().describe() + (f.binary() ? ", binary" : "")
                                    + "); keep mine, theirs or both of it, nothing was changed"));
                    ObjectId blob = inserter.insert(Constants.OBJ_BLOB, text.merged(parts.choices()));
                    Map<String, Entry> merged = Map.of("", new Entry(blob, mineSide.get("").mode()));
                    put(mineEdits, f.path(), merged);
                    put(remoteEdits, f.path(), merged);
                    said.add("merged " + f.path() + " part by part (" + partsSaid(parts.choices()) + ")");
                    continue;
                }
                Choice whole = ((Resolution.Whole) choices.get(f.path())).choice();
                switch (whole) {
                    case MINE -> {
                        put(remoteEdits, f.path(), mineSide);
                        said.add("kept mine of " + f.path());
                    }
                    case THEIRS -> {
                        put(mineEdits, f.path(), theirSide);
                        said.add("kept the remote's " + f.path());
                    }
                    case BOTH -> {
                        put(mineEdits, f.path(), theirSide);
                        if (!mineSide.isEmpty()) {
                            String copy = CopyName.free(f.path(), host, today, taken);
                            taken.add(copy);
                            copies.put(f.path(), copy);
                            put(mineEdits, copy, mineSide);
                            put(remoteEdits, copy, mineSide);
                            said.add("kept both of " + f.path() + " (mine is " + copy + ")");
                        } else {
                            said.add("kept the remote's " + f.path() + " (it was deleted here)");
                        }
                    }
                }
            }
            mineEdits.finish();
            remoteEdits.finish();
            ObjectId mineTree = mine.writeTree(inserter);
            ObjectId remoteTree = remote.writeTree(inserter);
            inserter.flush();

            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(r, true);
            if (base != null) {
                merger.setBase(base);
            }
            if (!merger.merge(mineTree, remoteTree)) {
                throw new ResolveException("More files conflict than were shown (" + String.join(", ", merger.getUnmergedPaths())
                        + "); look at the conflict again, nothing was changed");
            }
            String subject = "Resolve conflict with " + conflicts.remote();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(merger.getResultTreeId());
            commit.setParentIds(ours, theirs);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(subject + "\n\n" + String.join("\n", said) + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            Integration result = BranchMove.apply(repo, backups, conflicts.branchRef(), ours, walk.parseCommit(id), "resolve conflict", 1, 0);
            if (result instanceof Integration.Blocked blocked) {
                throw new ResolveException.UncommittedEdits("Uncommitted edits to " + String.join(", ", blocked.paths())
                        + " would be overwritten; sync or commit them first, nothing was changed");
            }
            List<String> files = conflicts.files().stream().map(ConflictFile::path).toList();
            return new Resolved(id.name(), copies, files, subject + ": " + String.join("; ", said));
        }
    }

    /** The largest side a text file may have to be merged part by part; larger ones are chosen whole. */
    static final int MAX_TEXT_BYTES = 16 << 20;

    /**
     * A conflicting file's three versions as text, split where the sides disagree; empty when it
     * cannot be merged part by part (binary, too large, deleted or a folder on one side).
     */
    public Optional<ConflictText> text(GitRepo repo, Conflicts conflicts, String path) throws IOException {
        ConflictFile file = conflicts.files().stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
        if (file == null) {
            return Optional.empty();
        }
        Repository r = repo.repository();
        try (RevWalk walk = new RevWalk(r); ObjectReader reader = r.newObjectReader()) {
            RevCommit ours = walk.parseCommit(ObjectId.fromString(conflicts.ours()));
            RevCommit theirs = walk.parseCommit(ObjectId.fromString(conflicts.theirs()));
            RevTree base = Inspector.mergeBase(walk, ours, theirs).map(RevCommit::getTree).orElse(null);
            return text(reader, file, base, ours.getTree(), theirs.getTree());
        }
    }

    /** What each side has at a conflicting path, in words: for files that are not merged part by part. */
    public FileSides sides(GitRepo repo, Conflicts conflicts, String path) throws IOException {
        Repository r = repo.repository();
        try (RevWalk walk = new RevWalk(r); ObjectReader reader = r.newObjectReader()) {
            return new FileSides(
                    describe(reader, path, walk.parseCommit(ObjectId.fromString(conflicts.ours())).getTree(), "deleted"),
                    describe(reader, path, walk.parseCommit(ObjectId.fromString(conflicts.theirs())).getTree(), "deleted"));
        }
    }

    private static String describe(ObjectReader reader, String path, RevTree tree, String absent) throws IOException {
        Map<String, Entry> side = Entry.contentAt(reader, path, tree);
        if (side.isEmpty()) {
            return absent;
        }
        if (!side.containsKey("")) {
            return "a folder of " + side.size() + (side.size() == 1 ? " file" : " files");
        }
        Entry e = side.get("");
        long size = reader.getObjectSize(e.id(), Constants.OBJ_BLOB);
        String type = java.net.URLConnection.guessContentTypeFromName(path);
        String kind = e.mode() == FileMode.SYMLINK ? "a link" : !e.binary(reader) ? "a text file"
                : type != null && type.startsWith("image/") ? "a " + type.substring(6).toUpperCase(java.util.Locale.ROOT) + " image"
                : "a binary file";
        return kind + " of " + dev.tidesync.io.Phrases.bytes(size);
    }

    private static Optional<ConflictText> text(ObjectReader reader, ConflictFile file, RevTree base, RevTree ours, RevTree theirs)
            throws IOException {
        if (file.binary() || file.kind() == Kind.DELETED_HERE || file.kind() == Kind.DELETED_THERE) {
            return Optional.empty();
        }
        Optional<Entry> mine = Entry.at(reader, file.path(), ours);
        Optional<Entry> remote = Entry.at(reader, file.path(), theirs);
        if (mine.isEmpty() || remote.isEmpty() || mine.get().mode() == FileMode.SYMLINK || remote.get().mode() == FileMode.SYMLINK) {
            return Optional.empty(); // a folder or a link on one side: only whole choices make sense
        }
        Optional<Entry> before = base == null ? Optional.empty() : Entry.at(reader, file.path(), base);
        long largest = Math.max(reader.getObjectSize(mine.get().id(), Constants.OBJ_BLOB),
                reader.getObjectSize(remote.get().id(), Constants.OBJ_BLOB));
        if (largest > MAX_TEXT_BYTES) {
            return Optional.empty();
        }
        byte[] b = before.isPresent() ? reader.open(before.get().id()).getBytes(MAX_TEXT_BYTES) : new byte[0];
        return Optional.of(ConflictText.of(file.path(), b, reader.open(mine.get().id()).getBytes(MAX_TEXT_BYTES),
                reader.open(remote.get().id()).getBytes(MAX_TEXT_BYTES)));
    }

    private static String partsSaid(List<HunkChoice> choices) {
        List<String> said = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            said.add((i + 1) + " " + choices.get(i).id());
        }
        return String.join(", ", said);
    }

    private record Sides(String branchRef, ObjectId ours, ObjectId theirs, Upstream upstream) {}

    private static Sides sides(GitRepo repo, List<String> remotes) throws IOException, ResolveException {
        Repository r = repo.repository();
        Ref head = r.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic() || head.getObjectId() == null) {
            throw new ResolveException(repo.workTree() + " is not on a branch with commits; nothing to resolve");
        }
        String branchRef = head.getTarget().getName();
        Upstream upstream = Inspector.upstream(r, branchRef, remotes)
                .orElseThrow(() -> new ResolveException(repo.workTree() + " has no remote to resolve against"));
        Ref tracking = r.exactRef(upstream.trackingRef());
        if (tracking == null || tracking.getObjectId() == null) {
            throw new ResolveException(upstream.shortName() + " has not been fetched yet; sync first");
        }
        return new Sides(branchRef, head.getObjectId(), tracking.getObjectId(), upstream);
    }

    private static ConflictFile classify(ObjectReader reader, String path, RevTree base, RevTree ours, RevTree theirs) throws IOException {
        Optional<Entry> b = base == null ? Optional.empty() : Entry.at(reader, path, base);
        Optional<Entry> o = Entry.at(reader, path, ours);
        Optional<Entry> t = Entry.at(reader, path, theirs);
        Kind kind = o.isEmpty() ? Kind.DELETED_HERE : t.isEmpty() ? Kind.DELETED_THERE : b.isEmpty() ? Kind.BOTH_ADDED : Kind.BOTH_CHANGED;
        boolean binary = o.map(e -> e.binary(reader)).orElse(false) || t.map(e -> e.binary(reader)).orElse(false);
        return new ConflictFile(path, kind, binary);
    }

    /**
     * Makes {@code path} hold exactly {@code side}: one file, a folder's files, or nothing. The
     * editor replaces a file with a folder of the same name and the other way round.
     */
    private static void put(DirCacheEditor editor, String path, Map<String, Entry> side) {
        if (side.isEmpty()) {
            editor.add(new DirCacheEditor.DeletePath(path));
            editor.add(new DirCacheEditor.DeleteTree(path));
            return;
        }
        if (!side.containsKey("")) {
            editor.add(new DirCacheEditor.DeleteTree(path)); // the folder's other files belong to the other side
        }
        side.forEach((suffix, entry) -> editor.add(new DirCacheEditor.PathEdit(path + suffix) {
            @Override
            public void apply(DirCacheEntry e) {
                e.setFileMode(entry.mode());
                e.setObjectId(entry.id());
            }
        }));
    }

    private static TreeSet<String> paths(DirCache cache) {
        TreeSet<String> all = new TreeSet<>();
        for (int i = 0; i < cache.getEntryCount(); i++) {
            all.add(cache.getEntry(i).getPathString());
        }
        return all;
    }

    /** A file's blob in one tree. */
    private record Entry(ObjectId id, FileMode mode) {

        static Optional<Entry> at(ObjectReader reader, String path, RevTree tree) throws IOException {
            try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
                if (walk == null || walk.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(walk.getObjectId(0), walk.getFileMode(0)));
            }
        }

        /**
         * One side's content at a conflicting path, by path suffix: the file there (suffix ""), or
         * every file under it ("/a.md", …) when that side has a folder there; empty when neither.
         */
        static Map<String, Entry> contentAt(ObjectReader reader, String path, RevTree tree) throws IOException {
            Map<String, Entry> found = new TreeMap<>();
            Optional<Entry> file = at(reader, path, tree);
            if (file.isPresent()) {
                found.put("", file.get());
                return found;
            }
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(tree);
                walk.setRecursive(true);
                walk.setFilter(PathFilter.create(path));
                while (walk.next()) {
                    if (walk.getFileMode(0).getObjectType() == Constants.OBJ_BLOB) {
                        found.put(walk.getPathString().substring(path.length()), new Entry(walk.getObjectId(0), walk.getFileMode(0)));
                    }
                }
            }
            return found;
        }

        boolean binary(ObjectReader reader) {
            try {
                byte[] head = reader.open(id).getCachedBytes(1 << 20);
                return RawText.isBinary(head);
            } catch (IOException | RuntimeException e) {
                return true; // too large to look at: treat as binary, offer no text merge
            }
        }
    }
}
