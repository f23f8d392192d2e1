package dev.tidesync.service;

import dev.tidesync.io.OperatingSystem;
import java.util.Map;
import java.util.Optional;

/** The service manager of the operating system this runs on. */
public final class EngineServices {

    private EngineServices() {}

    /** Empty where Tidesync knows no service manager (the BSDs, anything else). */
    public static Optional<EngineService> forSystem(OperatingSystem os, Map<String, String> env, String userHome, ServiceManager manager) {
        return switch (os) {
            case LINUX -> Optional.of(SystemdUserService.forUser(env, userHome, manager));
            case MAC -> Optional.of(LaunchdService.forUser(userHome, manager));
            case WINDOWS -> Optional.of(new ScheduledTask(manager));
            case BSD, OTHER -> Optional.empty();
        };
    }
}
