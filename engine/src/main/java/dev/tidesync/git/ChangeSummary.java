package dev.tidesync.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;

/**
 * The facts of a commit-to-be, in a deterministic order: which files were added, changed,
 * deleted or renamed, and how many lines came and went.
 *
 * @param files one line per file: "A path", "M path", "D path", "R old -> new"
 */
public record ChangeSummary(List<String> files, int added, int removed, List<String> folders) {

    /** Line counting stops past this many files; a huge change is summarized by count alone. */
    private static final int LINE_COUNT_LIMIT = 200;

    /** Compares HEAD (or nothing, on an unborn branch) with the index as staged; only {@code paths} when given. */
    static ChangeSummary of(Repository repo, ObjectId head, DirCache index, java.util.Set<String> paths) throws IOException {
        try (DiffFormatter formatter = new DiffFormatter(new ByteArrayOutputStream());
             RevWalk walk = new RevWalk(repo)) {
            formatter.setRepository(repo);
            formatter.setDetectRenames(true);
            if (!paths.isEmpty()) {
                formatter.setPathFilter(org.eclipse.jgit.treewalk.filter.PathFilterGroup.createFromStrings(paths));
            }
            AbstractTreeIterator old;
            if (head == null) {
                old = new EmptyTreeIterator();
            } else {
                CanonicalTreeParser parser = new CanonicalTreeParser();
                parser.reset(walk.getObjectReader(), walk.parseCommit(head).getTree());
                old = parser;
            }
            List<DiffEntry> entries = formatter.scan(old, new DirCacheIterator(index));
            List<String> files = new ArrayList<>();
            TreeSet<String> folders = new TreeSet<>();
            int added = 0;
            int removed = 0;
            for (int i = 0; i < entries.size(); i++) {
                DiffEntry e = entries.get(i);
                String path = e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
                files.add(switch (e.getChangeType()) {
                    case ADD -> "A " + e.getNewPath();
                    case MODIFY -> "M " + e.getNewPath();
                    case DELETE -> "D " + e.getOldPath();
                    case RENAME -> "R " + e.getOldPath() + " -> " + e.getNewPath();
                    case COPY -> "C " + e.getOldPath() + " -> " + e.getNewPath();
                });
                int slash = path.lastIndexOf('/');
                folders.add(slash < 0 ? "" : path.substring(0, slash + 1));
                if (i < LINE_COUNT_LIMIT) {
                    FileHeader header = formatter.toFileHeader(e);
                    for (Edit edit : header.toEditList()) {
                        added += edit.getLengthB();
                        removed += edit.getLengthA();
                    }
                }
            }
            java.util.Collections.sort(files);
            return new ChangeSummary(List.copyOf(files), added, removed, List.copyOf(folders));
        }
    }

    /**
     * The same facts from git's own diff of HEAD against the index: {@code nameStatus} as
     * {@code git diff-index --cached -z --name-status -M} prints it, {@code numstat} as
     * {@code --numstat -z} prints it (for the files whose lines are counted; "-" for a binary file).
     */
    static ChangeSummary fromGit(String nameStatus, String numstat) {
        List<String> files = new ArrayList<>();
        TreeSet<String> folders = new TreeSet<>();
        for (GitEntry e : GitEntry.parse(nameStatus)) {
            files.add(e.target() == null ? (e.kind() == 'T' ? 'M' : e.kind()) + " " + e.path() : e.kind() + " " + e.path() + " -> " + e.target());
            String path = e.target() == null ? e.path() : e.target();
            int slash = path.lastIndexOf('/');
            folders.add(slash < 0 ? "" : path.substring(0, slash + 1));
        }
        int added = 0;
        int removed = 0;
        String[] n = numstat.split("\0");
        for (int i = 0; i < n.length; i++) {
            String[] counts = n[i].split("\t", 3);
            if (counts.length < 3) {
                continue;
            }
            if (counts[2].isEmpty()) {
                i += 2; // a rename: the old and new paths follow as two fields
            }
            if (!counts[0].equals("-")) {
                added += Integer.parseInt(counts[0]);
                removed += Integer.parseInt(counts[1]);
            }
        }
        java.util.Collections.sort(files);
        return new ChangeSummary(List.copyOf(files), added, removed, List.copyOf(folders));
    }

    /**
     * One entry of git's {@code --name-status -z} output: its kind (A, M, D, T, R, C) and path,
     * and for a rename or copy the new path ({@code target}, else null).
     */
    record GitEntry(char kind, String path, String target) {
        static List<GitEntry> parse(String nameStatus) {
            List<GitEntry> entries = new ArrayList<>();
            String[] t = nameStatus.split("\0");
            for (int i = 0; i + 1 < t.length; ) {
                char kind = t[i].charAt(0);
                boolean twoPaths = kind == 'R' || kind == 'C';
                entries.add(new GitEntry(kind, t[i + 1], twoPaths ? t[i + 2] : null));
                i += twoPaths ? 3 : 2;
            }
            return entries;
        }
    }

    /** One line, e.g. "Edit notes/today.md (+3/-1)" or "Update 5 files in docs/, notes/ (+12/-4)". */
    public String headline() {
        String lines = " (+" + added + "/-" + removed + ")";
        if (files.size() == 1) {
            String f = files.getFirst();
            String path = f.substring(2);
            return switch (f.charAt(0)) {
                case 'A' -> "Add " + path;
                case 'D' -> "Delete " + path;
                case 'R' -> "Rename " + path;
                case 'C' -> "Copy " + path;
                default -> "Edit " + path;
            } + lines;
        }
        List<String> named = folders.stream().map(d -> d.isEmpty() ? "the top folder" : d).toList();
        String where = dev.tidesync.io.Phrases.firstAndMore(named, 3, "folder");
        return String.format(Locale.ROOT, "Update %d files in %s%s", files.size(), where, lines);
    }

    /** The file list for a commit body, capped so a huge commit keeps a readable message. */
    public String fileList(int max) {
        if (files.size() <= max) {
            return String.join("\n", files);
        }
        return String.join("\n", files.subList(0, max)) + "\n... and " + (files.size() - max) + " more";
    }
}
