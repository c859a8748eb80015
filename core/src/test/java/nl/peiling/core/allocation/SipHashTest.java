package nl.peiling.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import nl.peiling.core.testing.Tries;
import org.junit.jupiter.api.Test;

class SipHashTest {

    /** The key 00 01 .. 0f of the SipHash paper, as two little-endian longs. */
    private static final SipHash PAPER_KEY = new SipHash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);

    private static byte[] counting(int length) {
        byte[] message = new byte[length];
        for (int i = 0; i < length; i++) {
            message[i] = (byte) i;
        }
        return message;
    }

    @Test
    void hash_referenceVectors_matchTheSipHashPaper() {
        // Aumasson & Bernstein, SipHash: a fast short-input PRF (2012), appendix A and the reference
        // implementation's vectors.h: key 00..0f, message 00 01 .. (length-1).
        assertThat(PAPER_KEY.hash(counting(0))).isEqualTo(0x726fdb47dd0e0e31L);
        assertThat(PAPER_KEY.hash(counting(1))).isEqualTo(0x74f839c593dc67fdL);
        assertThat(PAPER_KEY.hash(counting(2))).isEqualTo(0x0d6c8009d9a94f5aL);
        assertThat(PAPER_KEY.hash(counting(3))).isEqualTo(0x85676696d7fb7e2dL);
        assertThat(PAPER_KEY.hash(counting(4))).isEqualTo(0xcf2794e0277187b7L);
        assertThat(PAPER_KEY.hash(counting(8))).isEqualTo(0x93f5f5799a932462L);
        assertThat(PAPER_KEY.hash(counting(15))).isEqualTo(0xa129ca6149be45e5L);
    }

    @Test
    void hashCounter_isTheHashOfItsEightLittleEndianBytes() {
        assertThat(PAPER_KEY.hash(0x0706050403020100L)).isEqualTo(0x93f5f5799a932462L);
        assertThat(PAPER_KEY.hash(42L)).isEqualTo(PAPER_KEY.hash(new byte[] {42, 0, 0, 0, 0, 0, 0, 0}));
    }

    @Test
    void hashUtf8_unpairedSurrogates_becomeQuestionMarksAsInGetBytes() {
        for (String text :
                new String[] {"\ud800", "a\udc00b", "\ud83d\ude00", "\ud83d", "é漢字\ud83d\ude00xyz12345678"}) {
            assertThat(PAPER_KEY.hashUtf8(text)).isEqualTo(PAPER_KEY.hash(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Texts of up to 40 chars, half of them from a few of one to three UTF-8 bytes and the halves of a surrogate pair
     * (so pairs, unpaired halves and halves in the wrong order), half printable ASCII; 200 seeded tries, a failure
     * names its seed, which reproduces the text.
     */
    @Test
    void hashUtf8_equalsHashOfTheUtf8Bytes() {
        Tries.check(200, draw -> {
            String text = Tries.string(draw, 0, 40, SipHashTest::mixedChar);
            assertThat(PAPER_KEY.hashUtf8(text)).isEqualTo(PAPER_KEY.hash(text.getBytes(StandardCharsets.UTF_8)));
        });
    }

    private static char mixedChar(SplittableRandom random) {
        String few = "aZ0-éß漢\ud83d\ude00";
        return random.nextBoolean() ? few.charAt(random.nextInt(few.length())) : (char) random.nextInt(0x20, 0x7f);
    }

    /** Texts of up to 30 of any chars, on 100 seeded tries. */
    @Test
    void hashUtf8_anyString_equalsHashOfTheUtf8Bytes() {
        Tries.check(100, draw -> {
            String text = Tries.string(draw, 0, 30, Tries::anyChar);
            assertThat(PAPER_KEY.hashUtf8(text)).isEqualTo(PAPER_KEY.hash(text.getBytes(StandardCharsets.UTF_8)));
        });
    }
}
