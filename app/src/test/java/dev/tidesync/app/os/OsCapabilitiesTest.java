package dev.tidesync.app.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsCapabilitiesTest {

    @TempDir
    Path tmp;

    @Test
    void withoutASessionBusThereAreNoDesktopNotifications() {
        assertThat(dev.tidesync.app.os.notify.DbusNotifier.connect(Map.of())).isEmpty();
    }
}
