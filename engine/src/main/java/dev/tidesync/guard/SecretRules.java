package dev.tidesync.guard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A small rule set, in the spirit of gitleaks, for files that must not be committed by a
 * background tool: private keys, credential files and well-known token formats. It aims at
 * what is unmistakable; docs/configuration.md lists every rule and how to allow a false positive.
 */
public final class SecretRules {

    /** Content rules: a name for the user and the pattern. */
    record ContentRule(String what, Pattern pattern) {}

    static final List<ContentRule> CONTENT = List.of(
            new ContentRule("a private key", Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----")),
            new ContentRule("an AWS access key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new ContentRule("a GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\\b")),
            new ContentRule("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}\\b")),
            new ContentRule("a Slack token", Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}\\b")),
            new ContentRule("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b")),
            new ContentRule("a Stripe secret key", Pattern.compile("\\b[rs]k_live_[0-9A-Za-z]{24,}\\b")),
            new ContentRule("an Anthropic API key", Pattern.compile("\\bsk-ant-[A-Za-z0-9_-]{32,}")),
            new ContentRule("an OpenAI API key", Pattern.compile("\\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}")),
            new ContentRule("a credential in a URL", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^/\\s:@]{1,64}:[^/\\s:@]{3,128}@[^\\s]+")));

    /** An assignment with a value in a dotenv file: KEY=value (not KEY= or KEY=""). */
    private static final Pattern DOTENV_VALUE = Pattern.compile("(?m)^\\s*(?:export\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*(?!\"\"|''|\\s*$)\\S");

    private static final List<String> KEY_FILE_NAMES = List.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk");
    private static final List<String> KEY_EXTENSIONS = List.of(".p12", ".pfx", ".jks", ".keystore", ".kdbx");
    private static final List<String> CREDENTIAL_FILE_NAMES = List.of(".netrc", "_netrc", ".git-credentials", ".pgpass", "credentials.json");

    /** Text content is scanned up to this size; larger files are left to the size guard. */
    static final int SCAN_LIMIT = 1024 * 1024;

    private SecretRules() {}

    /** Why {@code file} looks like a secret, or empty. {@code path} is repository-relative. */
    public static Optional<String> check(String path, Path file) throws IOException {
        Optional<String> byName = byName(path);
        if (byName.isPresent()) {
            return byName;
        }
        String text = readText(file);
        return text == null ? Optional.empty() : inText(path, text);
    }

    /**
     * Why text that a commit adds to {@code path} looks like a secret, or empty: the name rules
     * when the file is new, the content rules on the added lines. For the scan before a push.
     */
    public static Optional<String> checkAdded(String path, boolean newFile, String addedText) {
        if (newFile) {
            Optional<String> byName = byName(path);
            if (byName.isPresent()) {
                return byName;
            }
        }
        return inText(path, addedText);
    }

    private static Optional<String> byName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (KEY_FILE_NAMES.contains(lower)) {
            return Optional.of("looks like an SSH private key (" + name + ")");
        }
        if (CREDENTIAL_FILE_NAMES.contains(lower)) {
            return Optional.of("is a credentials file (" + name + ")");
        }
        for (String ext : KEY_EXTENSIONS) {
            if (lower.endsWith(ext)) {
                return Optional.of("is a key store (" + ext + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inText(String path, String text) {
        String lower = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (isDotenv(lower) && DOTENV_VALUE.matcher(text).find()) {
            return Optional.of("is an environment file with values, which often hold keys");
        }
        for (ContentRule rule : CONTENT) {
            if (rule.pattern().matcher(text).find()) {
                return Optional.of("contains what looks like " + rule.what());
            }
        }
        return Optional.empty();
    }

    private static boolean isDotenv(String lowerName) {
        if (!(lowerName.equals(".env") || lowerName.startsWith(".env.") || lowerName.endsWith(".env"))) {
            return false;
        }
        return !(lowerName.endsWith(".example") || lowerName.endsWith(".sample") || lowerName.endsWith(".template")
                || lowerName.endsWith(".dist"));
    }

    /** The head of the file as text, or null for binary content (a NUL in the first 8 KiB, as git decides). */
    private static String readText(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SCAN_LIMIT);
        }
        int probe = Math.min(head.length, 8000);
        for (int i = 0; i < probe; i++) {
            if (head[i] == 0) {
                return null;
            }
        }
        return new String(head, StandardCharsets.UTF_8);
    }
}
