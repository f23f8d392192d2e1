package dev.tidesync.app.os.power;

import dev.tidesync.config.DesktopSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Why automatic syncing waits, from what syncing costs now and what the user chose (desktop.pauseWhen). */
public final class CostPause {

    private CostPause() {}

    /** "on battery power", "on a metered network", both joined; empty when syncing goes on. */
    public static Optional<String> why(DesktopSettings settings, CostWatch.Costs costs) {
        if (!settings.pausesWhen(costs.onBattery(), costs.metered())) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        if (costs.onBattery() && settings.pausesWhen(true, false)) {
            reasons.add("on battery power");
        }
        if (costs.metered() && settings.pausesWhen(false, true)) {
            reasons.add("on a metered network");
        }
        return Optional.of(String.join(" and ", reasons));
    }
}
