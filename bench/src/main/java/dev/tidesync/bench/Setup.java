package dev.tidesync.bench;

import dev.tidesync.fixture.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Repositories and Tidesync homes for the benchmarks: a bare remote per fixture, clones as machines. */
final class Setup {

    private Setup() {}

    /** A clone with {@code files} small notes in four folders, pushed, tracking its remote. */
    static Path seededClone(GitFixture fx, String name, int files) throws Exception {
        Path clone = fx.machine(name);
        for (int f = 0; f < files; f++) {
            GitFixture.write(clone, "dir" + (f % 4) + "/note" + f + ".md", "text " + f + "\n");
        }
        GitFixture.write(clone, "readme.md", "seed\n");
        Proc.sh(clone, "git add -A && git commit -q -m seed && git push -q -u origin HEAD:main");
        return clone;
    }

    /** Tidesync's clone and the baseline's clone, each of its own bare remote, side by side under {@code root}. */
    record Pair(GitFixture tideFx, Path tide, GitFixture gitFx, Path plain) {}

    static Pair pair(Path root) throws Exception {
        GitFixture tideFx = new GitFixture(Files.createDirectories(root.resolve("tide")));
        GitFixture gitFx = new GitFixture(Files.createDirectories(root.resolve("git")));
        return new Pair(tideFx, seededClone(tideFx, "laptop", 20), gitFx, seededClone(gitFx, "laptop", 20));
    }

    /** A Tidesync home whose config watches {@code repos}, with {@code extra} JSON members at the top level. */
    static Path home(Path dir, List<Path> repos, String extra) throws IOException {
        Path home = Files.createDirectories(dir);
        String list = repos.stream().map(r -> "{\"path\": \"" + real(r) + "\"}").collect(Collectors.joining(",\n  "));
        Files.writeString(home.resolve("config.json"), "{" + (extra.isBlank() ? "" : extra + ",\n") + "\"repositories\": [\n  " + list + "]}\n");
        return home;
    }

    /** The content of a ref file as git wrote it last (loose refs: receive-pack and JGit both write them). */
    static String ref(Path gitDir, String ref) {
        try {
            return Files.readString(gitDir.resolve(ref)).strip();
        } catch (IOException e) {
            return "";
        }
    }

    static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath();
        }
    }
}
