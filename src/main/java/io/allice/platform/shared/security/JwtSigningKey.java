package io.allice.platform.shared.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the HMAC key that signs access tokens: {@code JWT_SECRET_KEY} when set, otherwise a
 * random key generated on first start and kept in the data directory, so a restart does not
 * sign everyone out.
 */
final class JwtSigningKey {

    private static final Logger log = LoggerFactory.getLogger(JwtSigningKey.class);
    /** HS256 needs a key at least as long as its 256-bit output (RFC 7518, section 3.2). */
    static final int MIN_KEY_BYTES = 32;

    private JwtSigningKey() {
    }

    static SecretKey resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("JWT_SECRET_KEY is too short: it needs at least "
                        + MIN_KEY_BYTES + " bytes, for example the output of 'openssl rand -base64 48'");
            }
            return new SecretKeySpec(bytes, "HmacSHA256");
        }
        return new SecretKeySpec(generatedKey(dataDir.resolve("secrets").resolve("jwt.key")), "HmacSHA256");
    }

    private static byte[] generatedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[64];
            new SecureRandom().nextBytes(key);
            Path temporary = Files.createTempFile(file.getParent(), "jwt", ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated a JWT signing key in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT signing key in " + file, e);
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
