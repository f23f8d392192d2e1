package dev.tidesync.guard;

import dev.tidesync.git.PathPatterns;
import java.util.List;

/**
 * Files editors and operating systems write beside the user's files: swap files, lock files,
 * backups, atomic-save temporaries. They are never committed, whatever the configuration says,
 * because committing them makes the tool conflict with itself (SparkleShare #1087).
 */
public final class EditorFiles {

    /** The rule set, documented in docs/configuration.md. */
    public static final List<String> PATTERNS = List.of(
            "*.swp", "*.swo", "*.swx", ".*.sw[a-p]", // vim
            "4913", // vim's write-permission probe
            ".tidesync-freeze", // Tidesync's own pause marker
            "*~", // emacs, gedit, kate backups
            ".#*", "\\#*#", // emacs lock and autosave files (# starts a comment unless escaped)
            "*.kate-swp",
            ".~lock.*#", // LibreOffice
            "~$*", // Microsoft Office owner files
            "*___jb_tmp___", "*___jb_old___", // JetBrains safe write
            ".goutputstream-*", // GTK atomic save
            "*.crdownload", "*.part", // browser downloads in progress
            ".DS_Store", "Thumbs.db", "desktop.ini");

    private static final PathPatterns MATCHER = new PathPatterns(PATTERNS);

    private EditorFiles() {}

    public static boolean isEditorFile(String path) {
        return MATCHER.matches(path);
    }
}
