package nl.peiling.server.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Session tokens: 256 random bits from {@link SecureRandom}, written as 43 characters of URL-safe Base64. */
final class Tokens {

    static final int BYTES = 32;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has a token's form; anything else is unknown without asking the database. */
    static boolean wellFormed(String token) {
        return FORM.matcher(token).matches();
    }
}
