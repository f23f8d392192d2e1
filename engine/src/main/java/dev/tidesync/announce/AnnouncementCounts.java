package dev.tidesync.announce;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What became of the announcements that reached this engine since it started.
 *
 * @param received every message on a topic we listen to
 * @param acted    those that made a repository sync (one per burst window)
 * @param own      this engine's own, heard back
 * @param known    revisions this machine already had (a replay, or a push it fetched meanwhile)
 * @param dropped  messages that did not verify, by why
 */
public record AnnouncementCounts(long received, long acted, long own, long known, @JsonIgnore Map<Announcement.Dropped, Long> dropped) {

    /** The drops as stats --json spells them: tooLarge, malformed, wrongVersion, badSignature. */
    @JsonProperty("dropped")
    public Map<String, Long> droppedById() {
        Map<String, Long> byId = new LinkedHashMap<>();
        dropped.forEach((why, n) -> {
            String[] words = why.name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder id = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            byId.put(id.toString(), n);
        });
        return byId;
    }

    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
