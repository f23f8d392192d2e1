package dev.tidesync.announce;

/** Where the announcement channel stands, as status and doctor say it. */
public sealed interface ChannelState {

    String id();

    String describe();

    record Off() implements ChannelState {
        public String id() {
            return "off";
        }

        public String describe() {
            return "announcements are off (announce.url is not set): changes from other machines arrive with the next poll";
        }
    }

    record Connecting(String broker) implements ChannelState {
        public String id() {
            return "connecting";
        }

        public String describe() {
            return "connecting to " + broker + " for announcements";
        }
    }

    record Connected(String broker) implements ChannelState {
        public String id() {
            return "connected";
        }

        public String describe() {
            return "announcements connected (" + broker + ")";
        }
    }

    /** @param sentence what went wrong and what to do; polling carries on meanwhile */
    record Failed(String broker, String sentence) implements ChannelState {
        public String id() {
            return "failed";
        }

        public String describe() {
            return "announcements: " + sentence;
        }
    }
}
