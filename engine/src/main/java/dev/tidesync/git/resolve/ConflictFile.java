package dev.tidesync.git.resolve;

/** One file changed on both sides in ways that do not combine. */
public record ConflictFile(String path, Kind kind, boolean binary) {

    public enum Kind {
        BOTH_CHANGED("changed here and on the remote"),
        BOTH_ADDED("added here and on the remote"),
        DELETED_HERE("deleted here, changed on the remote"),
        DELETED_THERE("changed here, deleted on the remote");

        private final String describe;

        Kind(String describe) {
            this.describe = describe;
        }

        public String describe() {
            return describe;
        }
    }
}
