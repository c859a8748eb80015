package nl.peiling.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    @Test
    void hmacSha256_rfc4231TestCase2() {
        // RFC 4231, 4.3: key "Jefe", data "what do ya want for nothing?".
        assertThat(Pseudonyms.hmacSha256("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void pseudonym_rfc4231TestCase1_withByteKey() {
        // RFC 4231, 4.2: key 20 bytes of 0x0b, data "Hi There".
        byte[] key = HexFormat.of().parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        assertThat(Pseudonyms.of(key).pseudonym("Hi There"))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void pseudonym_isStableAndDependsOnTheSecret() {
        Pseudonyms one = Pseudonyms.of("secret one");
        assertThat(one.pseudonym("123456"))
                .isEqualTo(one.pseudonym("123456"))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
        assertThat(one.pseudonym("123456"))
                .isNotEqualTo(Pseudonyms.of("secret two").pseudonym("123456"));
        assertThat(one.pseudonym("123456")).isNotEqualTo(one.pseudonym("123457"));
        assertThat(one.pseudonym("é"))
                .isEqualTo(Pseudonyms.of("secret one".getBytes(StandardCharsets.UTF_8))
                        .pseudonym("é"));
    }

    @Test
    void emptySecretOrStudentNumber_isRejected() {
        assertThatThrownBy(() -> Pseudonyms.of("")).hasMessageStartingWith("secret must not be empty");
        assertThatThrownBy(() -> Pseudonyms.of("s").pseudonym("")).hasMessage("student number must not be empty");
        assertThat(Pseudonyms.of("s").toString()).doesNotContain("s]").contains("hidden");
    }
}
