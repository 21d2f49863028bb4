package io.allice.platform.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM encryption of stored tokens and the resolution of its key. */
class TokenCipherTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @TempDir
    Path dataDir;

    @Test
    void roundTripsWithRandomNonce() {
        TokenCipher cipher = new TokenCipher(KEY);

        String first = cipher.encrypt("ghp_token", "integration/1/github/access_token");
        String second = cipher.encrypt("ghp_token", "integration/1/github/access_token");

        assertThat(first).isNotEqualTo(second).startsWith("v1:" + cipher.keyId() + ":").doesNotContain("ghp_token");
        assertThat(cipher.decrypt(first, "integration/1/github/access_token")).isEqualTo("ghp_token");
        assertThat(cipher.decrypt(second, "integration/1/github/access_token")).isEqualTo("ghp_token");
    }

    @Test
    void nullStaysNull() {
        TokenCipher cipher = new TokenCipher(KEY);

        assertThat(cipher.encrypt(null, "x")).isNull();
        assertThat(cipher.decrypt(null, "x")).isNull();
    }

    @Test
    void rejectsOtherAssociatedData() {
        TokenCipher cipher = new TokenCipher(KEY);
        String stored = cipher.encrypt("ghp_token", "integration/1/github/access_token");

        assertThatThrownBy(() -> cipher.decrypt(stored, "integration/2/github/access_token"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void rejectsChangedCiphertext() {
        TokenCipher cipher = new TokenCipher(KEY);
        String stored = cipher.encrypt("ghp_token", "a");
        // Flip one bit of the decoded bytes: changing the last base64 character can leave them
        // alone, because its low bits may be padding.
        int lastColon = stored.lastIndexOf(':');
        byte[] data = Base64.getUrlDecoder().decode(stored.substring(lastColon + 1));
        data[data.length / 2] ^= 1;
        String changed = stored.substring(0, lastColon + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(data);

        assertThatThrownBy(() -> cipher.decrypt(changed, "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void namesKeyOfOtherKeyValue() {
        TokenCipher old = new TokenCipher("fedcba9876543210fedcba9876543210".getBytes());
        String stored = old.encrypt("ghp_token", "a");
        TokenCipher current = new TokenCipher(KEY);

        assertThatThrownBy(() -> current.decrypt(stored, "a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A stored token was encrypted with key " + old.keyId() + ", but the configured "
                        + "ALLICE_INTEGRATIONS_ENCRYPTION_KEY is key " + current.keyId());
    }

    @Test
    void acceptsBase64Key() {
        String configured = Base64.getEncoder().encodeToString(KEY);

        TokenCipher cipher = TokenCipher.resolve(configured, dataDir);

        assertThat(cipher.keyId()).isEqualTo(new TokenCipher(KEY).keyId());
        assertThat(TokenCipher.resolve(Base64.getUrlEncoder().withoutPadding().encodeToString(KEY), dataDir).keyId())
                .isEqualTo(cipher.keyId());
    }

    @Test
    void rejectsShortKeyAtStart() {
        assertThatThrownBy(() -> TokenCipher.resolve(Base64.getEncoder().encodeToString(new byte[16]), dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ALLICE_INTEGRATIONS_ENCRYPTION_KEY decodes to 16 bytes, but AES-256 needs exactly 32; "
                        + "generate one with 'openssl rand -base64 32'");
    }

    @Test
    void rejectsKeyThatIsNotBase64() {
        assertThatThrownBy(() -> TokenCipher.resolve("not base64 at all!", dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ALLICE_INTEGRATIONS_ENCRYPTION_KEY is not valid base64");
    }

    @Test
    void generatesKeyOnceInDataDir() throws Exception {
        TokenCipher first = TokenCipher.resolve("", dataDir);
        TokenCipher second = TokenCipher.resolve(" ", dataDir);

        Path file = dataDir.resolve("secrets").resolve("integrations.key");
        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.decrypt(first.encrypt("token", "a"), "a")).isEqualTo("token");
    }
}
