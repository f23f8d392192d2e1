package dev.tidesync.announce;

import dev.tidesync.config.AnnounceSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The channel over an MQTT 3.1.1 broker with Eclipse Paho: QoS 1, retained messages (a machine
 * that connects learns each branch's newest revision at once), Paho's automatic reconnect once a
 * connection was made, and our own retry with a doubling delay for the first one (Paho does not
 * retry a connect that never succeeded).
 */
public final class MqttChannel implements AutoCloseable {

    private static final long FIRST_RETRY_SECONDS = 2;
    private static final long MAX_RETRY_SECONDS = 120;

    private final AnnounceSettings settings;
    private final String broker;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService timers;
    private final BiConsumer<String, byte[]> onMessage;
    private final java.util.function.Consumer<ChannelState> onState;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private volatile ChannelState state;
    private volatile boolean closed;
    private long retrySeconds = FIRST_RETRY_SECONDS;

    /**
     * @param onMessage called on Paho's thread with each message's topic and payload: hand it off at once
     * @param onState   told of each change of state (connected, connecting, failed), on whichever thread made it
     */
    public MqttChannel(AnnounceSettings settings, String clientId, ScheduledExecutorService timers, BiConsumer<String, byte[]> onMessage,
                       java.util.function.Consumer<ChannelState> onState) throws MqttException {
        this.onState = onState;
        this.settings = settings;
        this.broker = settings.url();
        this.timers = timers;
        this.onMessage = onMessage;
        String uri = (settings.tls() ? "ssl://" : "tcp://") + settings.host() + ":" + settings.port();
        this.client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        this.state = new ChannelState.Connecting(broker);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                become(new ChannelState.Connected(broker));
                retrySeconds = FIRST_RETRY_SECONDS;
                resubscribe();
            }

            @Override
            public void connectionLost(Throwable cause) {
                if (!closed) {
                    become(new ChannelState.Connecting(broker)); // Paho reconnects by itself from here
                }
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                onMessage.accept(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
    }

    public void start() {
        connect();
    }

    public ChannelState state() {
        return state;
    }

    private void become(ChannelState next) {
        ChannelState before = state;
        state = next;
        if (!before.equals(next) && !closed) {
            onState.accept(next);
        }
    }

    /** Listens to exactly these topics from now on (and after every reconnect). */
    public void subscribe(Set<String> wanted) {
        Set<String> gone = new java.util.HashSet<>(topics);
        gone.removeAll(wanted);
        Set<String> added = new java.util.HashSet<>(wanted);
        added.removeAll(topics);
        topics.removeAll(gone);
        topics.addAll(added);
        if (!client.isConnected()) {
            return; // connectComplete subscribes to all of them
        }
        try {
            for (String t : gone) {
                client.unsubscribe(t);
            }
            for (String t : added) {
                client.subscribe(t, 1);
            }
        } catch (MqttException e) {
            become(new ChannelState.Failed(broker, "could not subscribe at " + broker + " (" + e.getMessage()
                    + "); check the broker's access rules for tidesync/v1/#"));
        }
    }

    /** Publishes retained at QoS 1; when not connected it is dropped (the next poll is the safety net). */
    public boolean publish(String topic, byte[] payload) {
        if (!client.isConnected()) {
            return false;
        }
        try {
            client.publish(topic, payload, 1, true);
            return true;
        } catch (MqttException e) {
            return false;
        }
    }

    private void resubscribe() {
        try {
            for (String t : topics) {
                client.subscribe(t, 1);
            }
        } catch (MqttException e) {
            become(new ChannelState.Failed(broker, "could not subscribe at " + broker + " (" + e.getMessage()
                    + "); check the broker's access rules for tidesync/v1/#"));
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(60);
        options.setMaxReconnectDelay((int) MAX_RETRY_SECONDS * 1000);
        if (!settings.username().isEmpty()) {
            options.setUserName(settings.username());
        }
        try {
            if (!settings.passwordFile().isEmpty()) {
                options.setPassword(password(Path.of(settings.passwordFile())));
            }
            if (settings.tls() && !settings.caFile().isEmpty()) {
                options.setSocketFactory(trusting(Path.of(settings.caFile())));
            }
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete has set the state and subscribed.
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    become(new ChannelState.Failed(broker, sentence(failure)));
                    retryLater();
                }
            });
        } catch (IOException e) {
            become(new ChannelState.Failed(broker, "cannot read announce.passwordFile or announce.caFile (" + e.getMessage()
                    + "); fix the file, then the next try connects"));
            retryLater();
        } catch (MqttException e) {
            become(new ChannelState.Failed(broker, sentence(e)));
            retryLater();
        }
    }

    private synchronized void retryLater() {
        if (closed) {
            return;
        }
        long wait = retrySeconds;
        retrySeconds = Math.min(MAX_RETRY_SECONDS, retrySeconds * 2);
        timers.schedule(this::connect, wait, TimeUnit.SECONDS);
    }

    /** One sentence for a failed connect: what happened at the broker, and what to do; polling goes on meanwhile. */
    private String sentence(Throwable failure) {
        Optional<String> tls = tlsProblem(failure);
        if (tls.isPresent()) {
            return "the TLS connection to " + broker + " failed: " + tls.get() + "; syncing by polling meanwhile";
        }
        if (failure instanceof MqttException m) {
            switch (m.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION, MqttException.REASON_CODE_NOT_AUTHORIZED -> {
                    return broker + " refused the user name or password; check announce.username and announce.passwordFile";
                }
                case MqttException.REASON_CODE_SERVER_CONNECT_ERROR, MqttException.REASON_CODE_CLIENT_TIMEOUT -> {
                    return "cannot reach " + broker + "; syncing by polling until it answers";
                }
                case MqttException.REASON_CODE_SSL_CONFIG_ERROR -> {
                    return "the TLS connection to " + broker + " failed (" + causeOf(m) + "); check the broker's certificate";
                }
                default -> {
                }
            }
            return broker + " said no (" + causeOf(m) + "); syncing by polling until it answers";
        }
        return "cannot reach " + broker + " (" + failure.getMessage() + "); syncing by polling until it answers";
    }

    /** What went wrong in a TLS handshake, said for a person, if that is where the connection failed. */
    private static Optional<String> tlsProblem(Throwable failure) {
        boolean handshake = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            handshake |= t instanceof javax.net.ssl.SSLException;
            if (t instanceof java.security.cert.CertPathValidatorException || t instanceof java.security.cert.CertPathBuilderException
                    || String.valueOf(t.getMessage()).contains("PKIX path")) {
                return Optional.of("its certificate is not signed by a CA this machine trusts; for a private CA set announce.caFile to its"
                        + " certificate (PEM)");
            }
            if (t instanceof java.security.cert.CertificateException && String.valueOf(t.getMessage()).contains("subject alternative")) {
                return Optional.of("its certificate is not made out for the host in announce.url");
            }
        }
        return handshake ? Optional.of("the handshake was refused (" + causeOf(failure) + ")") : Optional.empty();
    }

    private static String causeOf(Throwable m) {
        Throwable root = m;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != m && root.getMessage() != null) {
            return root.getMessage();
        }
        return m.getMessage();
    }

    private static String causeOf(MqttException m) {
        return m.getCause() != null && m.getCause().getMessage() != null ? m.getCause().getMessage() : m.getMessage();
    }

    /** TLS that trusts exactly the certificates in {@code caFile} (a private CA), host name checked as always. */
    private static javax.net.ssl.SSLSocketFactory trusting(Path caFile) throws IOException {
        try (var in = Files.newInputStream(caFile)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, c);
            }
            if (i == 0) {
                throw new IOException("it holds no PEM certificate");
            }
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static char[] password(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.strip().toCharArray(); // the file's trailing newline is not part of the password
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing more to release
        }
    }
}
