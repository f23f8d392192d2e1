package dev.tidesync.git;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Fills the user's template: ${summary}, ${files}, ${timestamp}, ${host}, ${trigger}. */
public final class CommitMessage {

    private static final int FILES_IN_BODY = 50;

    private CommitMessage() {}

    public static String render(String template, ChangeSummary summary, Instant time, ZoneId zone, String host, String trigger) {
        Map<String, String> values = Map.of(
                "summary", summary.headline(),
                "files", summary.fileList(FILES_IN_BODY),
                "timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(zone).withNano(0)),
                "host", host,
                "trigger", trigger);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("${", i);
            if (start < 0) {
                out.append(template, i, template.length());
                break;
            }
            int end = template.indexOf('}', start);
            if (end < 0) {
                out.append(template, i, template.length());
                break;
            }
            String key = template.substring(start + 2, end);
            out.append(template, i, start);
            out.append(values.getOrDefault(key, template.substring(start, end + 1)));
            i = end + 1;
        }
        return out.toString().strip() + "\n";
    }
}
