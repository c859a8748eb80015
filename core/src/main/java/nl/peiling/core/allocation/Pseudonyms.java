package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Respondent keys from student numbers: HMAC-SHA256(secret, student number) as 64 lower-case hex digits,
 * so that raw student numbers never need to be stored or sent.
 *
 * <p>The same secret and student number always give the same key, so a student who logs in twice gets
 * the same questionnaire; without the secret the key cannot be linked back to the student number, even
 * by trying every possible number. Keep the secret apart from the data, like the allocation seed (it may
 * be the same passphrase or, better, another). Strings are encoded as UTF-8; leading and trailing spaces
 * of the student number count, so trim them first if the source adds them.
 *
 * <p>An instance is immutable and can be shared between threads.
 */
public final class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;

    /** A Mac is not thread-safe, and making one costs more than using it: one per thread, kept. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::mac);

    private Pseudonyms(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret must not be empty; use a passphrase kept apart from the data");
        }
        this.secret = new SecretKeySpec(secret, ALGORITHM);
    }

    /** Pseudonyms under a secret given as bytes. */
    public static Pseudonyms of(byte[] secret) {
        return new Pseudonyms(requireNonNull(secret, "secret").clone());
    }

    /** Pseudonyms under a secret passphrase (its UTF-8 bytes). */
    public static Pseudonyms of(String secret) {
        return new Pseudonyms(requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256(secret, student number) as 64 lower-case hex digits. */
    public static String hmacSha256(String secret, String studentNumber) {
        return of(secret).pseudonym(studentNumber);
    }

    /** The respondent key of a student number: 64 lower-case hex digits. */
    public String pseudonym(String studentNumber) {
        requireNonNull(studentNumber, "studentNumber");
        if (studentNumber.isEmpty()) {
            throw new IllegalArgumentException("student number must not be empty");
        }
        // doFinal resets the Mac to its initial state under the secret, ready for the next number.
        byte[] hash = macs.get().doFinal(studentNumber.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonyms[HMAC-SHA256, secret hidden]";
    }
}
