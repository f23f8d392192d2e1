package dev.tidesync.app.os.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.fixture.PrivateDesktop;
import dev.tidesync.config.DesktopSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether syncing costs now, read as the desktop tells it: UPower's OnBattery and
 * NetworkManager's Metered, served here by fakes of the spec's own on a private bus, changed
 * while the watch listens.
 */
class CostWatchTest {

    @TempDir
    Path tmp;

    private PrivateDesktop desktop;
    private final BlockingQueue<CostWatch.Costs> heard = new LinkedBlockingQueue<>();

    /** One service's object: its properties, served over org.freedesktop.DBus.Properties, with a change signal. */
    static final class FakeService implements Properties, AutoCloseable {
        final DBusConnection bus;
        final String path;
        final String iface;
        final Map<String, Object> values = new ConcurrentHashMap<>();

        FakeService(String address, String name, String path, String iface, Map<String, Object> initial) throws Exception {
            this.path = path;
            this.iface = iface;
            values.putAll(initial);
            bus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
            bus.exportObject(path, this);
            bus.requestBusName(name);
        }

        void set(String property, Object value) throws Exception {
            values.put(property, value);
            bus.sendMessage(new PropertiesChanged(path, iface, Map.of(property, new Variant<>(value)), List.of()));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String interfaceName, String propertyName) {
            return (A) values.get(propertyName);
        }

        @Override
        public <A> void Set(String interfaceName, String propertyName, A value) {
            values.put(propertyName, value);
        }

        @Override
        public Map<String, Variant<?>> GetAll(String interfaceName) {
            Map<String, Variant<?>> all = new java.util.HashMap<>();
            values.forEach((k, v) -> all.put(k, new Variant<>(v)));
            return all;
        }

        @Override
        public String getObjectPath() {
            return path;
        }

        @Override
        public void close() {
            bus.disconnect();
        }
    }

    @BeforeEach
    void bus() throws Exception {
        PrivateDesktop.require("/usr/bin/dbus-daemon");
        desktop = new PrivateDesktop(tmp).withSessionBus();
    }

    @AfterEach
    void stop() {
        desktop.close();
    }

    private FakeService upower(boolean onBattery) throws Exception {
        return new FakeService(desktop.busAddress(), CostWatch.UPOWER, CostWatch.UPOWER_PATH, CostWatch.UPOWER, Map.of("OnBattery", onBattery));
    }

    private FakeService networkManager(long metered) throws Exception {
        return new FakeService(desktop.busAddress(), CostWatch.NETWORK_MANAGER, CostWatch.NETWORK_MANAGER_PATH, CostWatch.NETWORK_MANAGER,
                Map.of("Metered", new UInt32(metered)));
    }

    @Test
    void unpluggingAndAHotspotAreHeardAsTheyHappen() throws Exception {
        try (FakeService power = upower(false); FakeService network = networkManager(2);
             CostWatch watch = CostWatch.connect(desktop.busAddress(), heard::add).orElseThrow()) {
            assertThat(watch.now()).isEqualTo(new CostWatch.Costs(false, false));

            power.set("OnBattery", true);
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new CostWatch.Costs(true, false));
            network.set("Metered", new UInt32(3)); // NetworkManager guesses a phone's hotspot is metered
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new CostWatch.Costs(true, true));
            power.set("OnBattery", false);
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new CostWatch.Costs(false, true));
        }
    }

    @Test
    void withoutUPowerOrNetworkManagerSyncingNeverWaits() throws Exception {
        try (CostWatch watch = CostWatch.connect(desktop.busAddress(), heard::add).orElseThrow()) {
            assertThat(watch.now()).isEqualTo(new CostWatch.Costs(false, false));
        }
    }

    @Test
    void aServiceThatStartsLaterIsReadThen() throws Exception {
        try (CostWatch watch = CostWatch.connect(desktop.busAddress(), heard::add).orElseThrow(); FakeService power = upower(true)) {
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new CostWatch.Costs(true, false));
        }
    }

    @Test
    void theSettingDecidesWhichCostMakesSyncingWaitAndSaysWhy() {
        CostWatch.Costs both = new CostWatch.Costs(true, true);
        assertThat(CostPause.why(settings("never"), both)).isEmpty();
        assertThat(CostPause.why(settings("battery"), both)).contains("on battery power");
        assertThat(CostPause.why(settings("metered"), both)).contains("on a metered network");
        assertThat(CostPause.why(settings("battery-or-metered"), both)).contains("on battery power and on a metered network");
        assertThat(CostPause.why(settings("battery-or-metered"), new CostWatch.Costs(false, true))).contains("on a metered network");
        assertThat(CostPause.why(settings("battery"), new CostWatch.Costs(false, true))).isEqualTo(Optional.empty());
    }

    private static DesktopSettings settings(String pauseWhen) {
        return new DesktopSettings("problems", "system", pauseWhen);
    }
}
