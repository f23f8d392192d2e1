package dev.tidesync.agent;

import dev.tidesync.agent.JsonSpans.Arr;
import dev.tidesync.agent.JsonSpans.Member;
import dev.tidesync.agent.JsonSpans.Obj;
import dev.tidesync.agent.JsonSpans.Scalar;
import dev.tidesync.agent.JsonSpans.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tidesync's hooks in a Claude Code settings file ({@code ~/.claude/settings.json} or a project's
 * {@code .claude/settings.json}): added next to whatever hooks and settings are there, and taken
 * out again, with everything else left byte for byte. A hook is Tidesync's when its command runs
 * {@code tidesync hook EVENT … --agent claude-code}.
 */
final class ClaudeCodeSettings {

    /** One of Claude Code's hook events and the Tidesync hook it runs. */
    record Hook(String event, String arguments, Optional<Integer> timeoutSeconds) {
        String ourEvent() {
            return arguments.split(" ")[0];
        }
    }

    static final List<Hook> HOOKS = List.of(
            new Hook("SessionStart", "session-start --note", Optional.of(60)), // the pull may take a while: Claude Code's default is 60 s too
            new Hook("UserPromptSubmit", "prompt", Optional.empty()),
            new Hook("Stop", "checkpoint", Optional.empty()),
            new Hook("SessionEnd", "session-end", Optional.empty()));

    private static final String AGENT = "--agent claude-code";

    private ClaudeCodeSettings() {}

    /** The command line of one of our hooks. */
    static String command(String tidesync, Hook hook) {
        return AgentFiles.shellWord(tidesync) + " hook " + hook.arguments() + " " + AGENT;
    }

    /** The settings with Tidesync's hooks, running {@code tidesync}; the same text when they are there already. */
    static String installed(String text, String tidesync) throws IOException {
        String current = text.isBlank() ? "{}" : text;
        if (installedEvents(current).size() == HOOKS.size() && commands(current).stream().allMatch(c -> c.startsWith(AgentFiles.shellWord(tidesync) + " hook "))) {
            return text;
        }
        current = removed(current); // an older install (another path to tidesync) is replaced, not doubled
        Obj root = root(current);
        JsonLayout layout = JsonLayout.of(current);
        List<TextEdit> edits = new ArrayList<>();
        Optional<Span> hooks = JsonSpans.member(root, "hooks");
        if (hooks.isEmpty()) {
            StringBuilder members = new StringBuilder();
            for (int i = 0; i < HOOKS.size(); i++) {
                members.append(i == 0 ? "" : ",").append(layout.line(2)).append(eventMember(HOOKS.get(i), tidesync, layout));
            }
            edits.add(appended(root, "\"hooks\": {" + members + layout.line(1) + "}", 1, layout));
        } else if (hooks.get() instanceof Obj events) {
            for (Hook hook : HOOKS) {
                Optional<Span> list = JsonSpans.member(events, hook.event());
                if (list.isEmpty()) {
                    edits.add(appended(events, eventMember(hook, tidesync, layout), 2, layout));
                } else if (list.get() instanceof Arr groups) {
                    edits.add(appendedItem(groups, group(hook, tidesync), 3, layout));
                } else {
                    throw new IOException("its hooks." + hook.event() + " is not a list, as Claude Code expects");
                }
            }
        } else {
            throw new IOException("its \"hooks\" is not an object, as Claude Code expects");
        }
        String result = TextEdit.apply(current, edits);
        return text.isBlank() ? result + layout.newline() : result;
    }

    /** The settings without Tidesync's hooks; the same text when there are none. */
    static String removed(String text) throws IOException {
        String current = text;
        for (Optional<TextEdit> next = nextRemoval(current); next.isPresent(); next = nextRemoval(current)) {
            current = TextEdit.apply(current, List.of(next.get()));
        }
        return current;
    }

    /** The Claude Code events that run a Tidesync hook now. */
    static List<String> installedEvents(String text) throws IOException {
        List<String> found = new ArrayList<>();
        if (text.isBlank()) {
            return found;
        }
        Optional<Obj> events = JsonSpans.member(root(text), "hooks").flatMap(JsonSpans::object);
        for (Hook hook : HOOKS) {
            events.flatMap(e -> JsonSpans.member(e, hook.event())).filter(s -> s instanceof Arr)
                    .filter(s -> ((Arr) s).items().stream().anyMatch(g -> isOurs(g, hook))).ifPresent(s -> found.add(hook.event()));
        }
        return found;
    }

    private static List<String> commands(String text) throws IOException {
        List<String> commands = new ArrayList<>();
        Optional<Obj> events = JsonSpans.member(root(text), "hooks").flatMap(JsonSpans::object);
        for (Hook hook : HOOKS) {
            events.flatMap(e -> JsonSpans.member(e, hook.event())).filter(s -> s instanceof Arr).ifPresent(s -> ((Arr) s).items().stream()
                    .filter(g -> isOurs(g, hook)).forEach(g -> commands.addAll(commandsOf(g))));
        }
        return commands;
    }

    /** One removal at a time, on freshly read spans: a group of ours, or a list or the hooks object left with nothing else. */
    private static Optional<TextEdit> nextRemoval(String text) throws IOException {
        Obj root = root(text);
        Optional<Span> hooksSpan = JsonSpans.member(root, "hooks");
        if (hooksSpan.isEmpty() || !(hooksSpan.get() instanceof Obj events)) {
            return Optional.empty();
        }
        for (Hook hook : HOOKS) {
            Optional<Span> list = JsonSpans.member(events, hook.event());
            if (list.isEmpty() || !(list.get() instanceof Arr groups)) {
                continue;
            }
            List<Span> items = groups.items();
            for (int i = 0; i < items.size(); i++) {
                if (!isOurs(items.get(i), hook)) {
                    continue;
                }
                if (items.size() > 1) {
                    return Optional.of(removedItem(groups, i));
                }
                if (events.members().size() > 1) {
                    return Optional.of(removedMember(events, hook.event()));
                }
                return Optional.of(removedMember(root, "hooks")); // nothing but ours was ever in it
            }
        }
        return Optional.empty();
    }

    private static Obj root(String text) throws IOException {
        Span root = JsonSpans.of(text);
        if (!(root instanceof Obj obj)) {
            throw new IOException("it is not a JSON object, as Claude Code's settings are");
        }
        return obj;
    }

    /** A group of ours: every hook in it runs our command for this event. */
    private static boolean isOurs(Span group, Hook hook) {
        List<String> commands = commandsOf(group);
        return !commands.isEmpty() && commands.stream().allMatch(c -> c.contains(" hook " + hook.ourEvent()) && c.endsWith(AGENT));
    }

    private static List<String> commandsOf(Span group) {
        List<String> commands = new ArrayList<>();
        JsonSpans.object(group).flatMap(g -> JsonSpans.member(g, "hooks")).filter(h -> h instanceof Arr)
                .ifPresent(h -> ((Arr) h).items().forEach(item -> JsonSpans.object(item).flatMap(o -> JsonSpans.member(o, "command"))
                        .filter(c -> c instanceof Scalar s && s.string()).ifPresent(c -> commands.add(((Scalar) c).text()))));
        return commands;
    }

    private static String eventMember(Hook hook, String tidesync, JsonLayout layout) {
        return AgentFiles.jsonString(hook.event()) + ": [" + layout.line(3) + group(hook, tidesync) + layout.line(2) + "]";
    }

    private static String group(Hook hook, String tidesync) {
        return "{\"hooks\": [{\"type\": \"command\", \"command\": " + AgentFiles.jsonString(command(tidesync, hook))
                + hook.timeoutSeconds().map(t -> ", \"timeout\": " + t).orElse("") + "}]}";
    }

    /** {@code member} as the object's last member, at {@code depth}. */
    private static TextEdit appended(Obj obj, String member, int depth, JsonLayout layout) {
        if (obj.members().isEmpty()) {
            return TextEdit.insert(obj.start() + 1, layout.line(depth) + member + layout.line(depth - 1));
        }
        Span last = obj.members().values().stream().reduce((a, b) -> b).orElseThrow().value();
        return TextEdit.insert(last.end(), "," + layout.line(depth) + member);
    }

    private static TextEdit appendedItem(Arr arr, String item, int depth, JsonLayout layout) {
        if (arr.items().isEmpty()) {
            return TextEdit.insert(arr.start() + 1, layout.line(depth) + item + layout.line(depth - 1));
        }
        return TextEdit.insert(arr.items().getLast().end(), "," + layout.line(depth) + item);
    }

    /** Deletes an item with its separator, so that deleting what {@link #appendedItem} added restores the text exactly. */
    private static TextEdit removedItem(Arr arr, int i) {
        List<Span> items = arr.items();
        if (items.size() == 1) {
            return TextEdit.delete(arr.start() + 1, arr.end() - 1);
        }
        if (i == items.size() - 1) {
            return TextEdit.delete(items.get(i - 1).end(), items.get(i).end());
        }
        return TextEdit.delete(items.get(i).start(), items.get(i + 1).start());
    }

    private static TextEdit removedMember(Obj obj, String name) {
        List<Map.Entry<String, Member>> members = List.copyOf(obj.members().entrySet());
        int i = 0;
        while (!members.get(i).getKey().equals(name)) {
            i++;
        }
        if (members.size() == 1) {
            return TextEdit.delete(obj.start() + 1, obj.end() - 1);
        }
        if (i == members.size() - 1) {
            return TextEdit.delete(members.get(i - 1).getValue().value().end(), members.get(i).getValue().value().end());
        }
        return TextEdit.delete(members.get(i).getValue().keyStart(), members.get(i + 1).getValue().keyStart());
    }
}
