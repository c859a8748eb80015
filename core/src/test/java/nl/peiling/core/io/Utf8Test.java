package nl.peiling.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void wellFormedText_isValid() {
        byte[] text = "plain, café, 😀, ✓, €".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.invalidAt(text, 0, text.length)).isEqualTo(-1);
        assertThat(Utf8.isValid(new byte[0], 0, 0)).isTrue();
    }

    @Test
    void eachIllFormedSequence_isFoundAtItsStart() {
        assertThat(Utf8.invalidAt(bytes('a', 0xFF, 'b'), 0, 3))
                .as("a byte never in UTF-8")
                .isEqualTo(1);
        assertThat(Utf8.invalidAt(bytes('a', 'b', 0xC3), 0, 3))
                .as("cut short at the end")
                .isEqualTo(2);
        assertThat(Utf8.invalidAt(bytes(0xC3, 'a'), 0, 2)).as("no continuation").isEqualTo(0);
        assertThat(Utf8.invalidAt(bytes(0xC0, 0x80), 0, 2)).as("overlong").isEqualTo(0);
        assertThat(Utf8.invalidAt(bytes(0xE0, 0x80, 0x80), 0, 3))
                .as("overlong, three bytes")
                .isEqualTo(0);
        assertThat(Utf8.invalidAt(bytes('x', 0xED, 0xA0, 0x80), 0, 4))
                .as("a surrogate")
                .isEqualTo(1);
        assertThat(Utf8.invalidAt(bytes(0xF4, 0x90, 0x80, 0x80), 0, 4))
                .as("above U+10FFFF")
                .isEqualTo(0);
        assertThat(Utf8.invalidAt(bytes(0x80), 0, 1)).as("a lone continuation").isEqualTo(0);
        assertThat(Utf8.invalidAt(bytes(0xFF, 'a', 'b'), 1, 3))
                .as("only the range counts")
                .isEqualTo(-1);
    }

    @Test
    void agreesWithTheJdkDecoder_onRandomBytes() {
        SplittableRandom random = new SplittableRandom(19);
        for (int t = 0; t < 20_000; t++) {
            byte[] data = new byte[random.nextInt(8)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
            }
            assertThat(Utf8.isValid(data, 0, data.length))
                    .as("seed 19, try %d: %s", t, java.util.HexFormat.of().formatHex(data))
                    .isEqualTo(jdkAccepts(data));
        }
    }

    private static boolean jdkAccepts(byte[] data) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void invalidLine_countsLinesToTheFirstBadBytes() throws IOException {
        assertThat(Utf8.invalidLine(new ByteArrayInputStream(bytes('a', '\n', 0xC3, 0xA9, '\n', 'c', 0xE9, '\n'))))
                .isEqualTo(3);
        assertThat(Utf8.invalidLine(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(-1);
        assertThat(Utf8.invalidLine(new ByteArrayInputStream(bytes('a', '\n', 0xE2, 0x82))))
                .as("cut short at the end")
                .isEqualTo(2);
    }
}
