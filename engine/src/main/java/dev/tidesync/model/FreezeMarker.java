package dev.tidesync.model;

import java.nio.file.Path;

/** The file whose presence in a work tree's root freezes the repository: never synced, never committed. */
public final class FreezeMarker {

    public static final String NAME = ".tidesync-freeze";

    private FreezeMarker() {}

    public static Path in(Path workTree) {
        return workTree.resolve(NAME);
    }
}
