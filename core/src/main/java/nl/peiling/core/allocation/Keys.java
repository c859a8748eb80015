package nl.peiling.core.allocation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the allocator's hash keys from the secret seed: HMAC-SHA256(seed, label), of which the first
 * 16 bytes key a {@link SipHash}.
 *
 * <p>The label is {@value #DOMAIN} followed by its parts, each as a 4-byte big-endian length and its
 * UTF-8 bytes, so that no two different labels give the same message. Because HMAC is a one-way PRF,
 * nothing the allocator outputs reveals the seed, and keys for different purposes (ranking, dealing per
 * stratum, stateless per institution) are independent.
 */
final class Keys {

    /** The domain of every label; a new derivation scheme gets a new version here. */
    static final String DOMAIN = "peiling.allocation/1";

    private final byte[] seed;

    private Keys(byte[] seed) {
        this.seed = seed;
    }

    /**
     * Keys from a seed: its UTF-8 bytes are the HMAC key (an unpaired surrogate becomes {@code ?}, as in
     * {@link String#getBytes}). A seed must not be empty.
     */
    static Keys of(String seed) {
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            throw new IllegalArgumentException(
                    "seed must not be empty; use a secret passphrase kept by the survey owner");
        }
        return new Keys(bytes);
    }

    /** The SipHash key for the label parts. */
    SipHash derive(String... parts) {
        byte[] mac = hmac(seed, label(parts));
        ByteBuffer buffer = ByteBuffer.wrap(mac).order(ByteOrder.LITTLE_ENDIAN);
        return new SipHash(buffer.getLong(0), buffer.getLong(8));
    }

    static byte[] label(String... parts) {
        byte[] domain = DOMAIN.getBytes(StandardCharsets.UTF_8);
        int size = domain.length;
        byte[][] encoded = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            encoded[i] = parts[i].getBytes(StandardCharsets.UTF_8);
            size += 4 + encoded[i].length;
        }
        ByteBuffer label = ByteBuffer.allocate(size).order(ByteOrder.BIG_ENDIAN);
        label.put(domain);
        for (byte[] part : encoded) {
            label.putInt(part.length).put(part);
        }
        return label.array();
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // Every Java platform must support HmacSHA256 (java.security standard names).
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }
}
