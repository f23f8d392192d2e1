package dev.tidesync.announce;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret one person's machines share, and the two keys drawn from it (HMAC-SHA256 of a
 * label): one names the topics, so the broker learns no URL or branch, the other signs each
 * announcement, so nobody without the secret can make a machine fetch. The JDK's HMAC does the
 * cryptography.
 */
public final class AnnounceKey {

    private final byte[] topicKey;
    private final byte[] signingKey;

    public AnnounceKey(String secret) {
        byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
        this.topicKey = hmac(raw, "tidesync topic v1".getBytes(StandardCharsets.UTF_8));
        this.signingKey = hmac(raw, "tidesync announcement v1".getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh secret: 32 random bytes, base64url, to copy to every machine. */
    public static String fresh() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code tidesync/v1/} and the hex HMAC of the remote's canonical URL and the branch. */
    public String topic(String canonicalRemote, String branch) {
        return "tidesync/v1/" + HexFormat.of().formatHex(hmac(topicKey, (canonicalRemote + "\n" + branch).getBytes(StandardCharsets.UTF_8)));
    }

    String sign(String text) {
        return HexFormat.of().formatHex(hmac(signingKey, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in constant time, so the signature cannot be found byte by byte. */
    boolean verifies(String text, String signature) {
        return java.security.MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
