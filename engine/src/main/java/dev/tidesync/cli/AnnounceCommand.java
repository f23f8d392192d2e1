package dev.tidesync.cli;

import dev.tidesync.announce.AnnounceKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** announce key --new: the shared secret of the announcement channel. */
@Command(name = "announce", description = "The announcement channel between your machines (announce.url, announce.key).",
        subcommands = {AnnounceCommand.Key.class})
final class AnnounceCommand {

    @ParentCommand
    TidesyncCommand root;

    @Command(name = "key", description = "With --new: print a fresh shared key, to set as announce.key on every machine.")
    static final class Key implements Callable<Integer> {
        @ParentCommand
        AnnounceCommand parent;

        @Option(names = "--new", description = "Make a fresh random key (32 bytes)")
        boolean fresh;

        @Override
        public Integer call() {
            if (!fresh) {
                throw CliError.usage("say `tidesync announce key --new` for a fresh key; the key in use stays in config.json and is never printed");
            }
            Printer printer = new Printer(parent.root);
            printer.line(AnnounceKey.fresh());
            return ExitCodes.OK;
        }
    }
}
