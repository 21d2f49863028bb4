package io.allice.platform.integrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the third-party tokens stored in the database with AES-256-GCM. Each value gets a
 * random 96-bit nonce, and is stored as {@code v1:<key id>:<base64url(nonce + ciphertext + tag)>}.
 * The key id is the start of the key's SHA-256, so a value encrypted under another key is
 * recognised and reported instead of failing as corrupt, which leaves room to rotate keys by
 * adding a decrypt-only old key later. The caller's associated data (the integration and field)
 * is authenticated with the value, so a ciphertext copied into another row does not decrypt.
 */
final class TokenCipher {

    private static final Logger log = LoggerFactory.getLogger(TokenCipher.class);
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v1";
    static final String VARIABLE = "ALLICE_INTEGRATIONS_ENCRYPTION_KEY";

    private final SecretKey key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The token encryption key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = HexFormat.of().formatHex(sha256(key), 0, 4);
    }

    /**
     * Resolves the key: {@code ALLICE_INTEGRATIONS_ENCRYPTION_KEY} when set, otherwise a key
     * generated on first start and kept in {@code <data dir>/secrets/integrations.key}.
     *
     * @throws IllegalStateException when the configured key is not base64 of exactly 32 bytes
     */
    static TokenCipher resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new TokenCipher(decodeConfigured(configured.trim()));
        }
        return new TokenCipher(generatedKey(dataDir.resolve("secrets").resolve("integrations.key")));
    }

    private static byte[] decodeConfigured(String configured) {
        byte[] bytes;
        try {
            bytes = configured.contains("-") || configured.contains("_")
                    ? Base64.getUrlDecoder().decode(configured) : Base64.getDecoder().decode(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(VARIABLE + " is not valid base64; set it to 32 random bytes in base64, "
                    + "for example the output of 'openssl rand -base64 32'");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(VARIABLE + " decodes to " + bytes.length + " bytes, but AES-256 needs exactly "
                    + KEY_BYTES + "; generate one with 'openssl rand -base64 32'");
        }
        return bytes;
    }

    String keyId() {
        return keyId;
    }

    /** Encrypts a value; null stays null. */
    String encrypt(String plaintext, String associatedData) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a value written by {@link #encrypt}; null stays null.
     *
     * @throws IllegalStateException when the value was encrypted under another key, with other
     *         associated data, or was changed
     */
    String decrypt(String stored, String associatedData) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("A stored token has an unknown format");
        }
        if (!parts[1].equals(keyId)) {
            throw new IllegalStateException("A stored token was encrypted with key " + parts[1] + ", but the configured "
                    + VARIABLE + " is key " + keyId);
        }
        try {
            byte[] data = Base64.getUrlDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored token failed authentication; it was changed or belongs to another record");
        }
    }

    /** Derives a key for another purpose (signing OAuth states), so the encryption key is used for one thing only. */
    byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("allice-integrations:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] generatedKey(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
                if (key.length != KEY_BYTES) {
                    throw new IllegalStateException("The key in " + file + " is not " + KEY_BYTES + " bytes long");
                }
                return key;
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Path temporary = Files.createTempFile(file.getParent(), "integrations", ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated the integration token encryption key in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the integration token encryption key in " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("The file system does not support POSIX permissions; {} keeps its default ones", file);
        }
    }
}
