package nl.peiling.server.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the pages, derived from the secret allocation seed with HMAC-SHA256, so that every process
 * started with the same seed accepts the same links and nothing more needs storing: the signature of an
 * invitation link, and each institution's coordinator key. A derived key reveals nothing of the seed, and
 * the seed cannot be found from the links.
 */
public final class PageKeys {

    /** The bytes kept of a MAC: 128 bits, as unguessable as a session token needs to be. */
    private static final int KEPT_BYTES = 16;

    private final byte[] master;

    /** The keys of a service started with this allocation seed. */
    public PageKeys(String seed) {
        this.master = mac(seed.getBytes(UTF_8), "peiling pages v1");
    }

    /** The coordinator key of an institution: 22 URL-safe characters. */
    public String coordinatorKey(String institution) {
        return encode(Arrays.copyOf(mac(master, "coordinator\n" + institution), KEPT_BYTES));
    }

    /** Whether {@code key} is the coordinator key of the institution (compared in constant time). */
    boolean isCoordinatorKey(String institution, String key) {
        return MessageDigest.isEqual(coordinatorKey(institution).getBytes(UTF_8), key.getBytes(UTF_8));
    }

    /** The signature of an invitation's payload: 22 URL-safe characters. */
    String sign(String payload) {
        return encode(Arrays.copyOf(mac(master, "invitation\n" + payload), KEPT_BYTES));
    }

    /** Whether {@code signature} is the signature of the payload (compared in constant time). */
    boolean verify(String payload, String signature) {
        return MessageDigest.isEqual(sign(payload).getBytes(UTF_8), signature.getBytes(UTF_8));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
