package org.pmpledger.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The signing key of a local installation, kept in a folder both services read: {@code signing-key.jwk}
 * (private, only command-service reads it) and {@code jwks.json} (the public JWK set). Made at the first
 * start of command-service; never used outside the {@code local} profile and tests.
 */
public final class LocalKeys {

    public static final String ISSUER = "pmp-ledger-local";
    private static final String PRIVATE = "signing-key.jwk";
    private static final String PUBLIC = "jwks.json";

    private LocalKeys() {}

    /**
     * The private key, made (with its public JWK set) if the folder has none yet. Two services making one at once keep
     * the one that was linked into place first, so the public set always belongs to the private key.
     */
    public static synchronized RSAKey loadOrCreate(Path directory) {
        try {
            Path privateFile = directory.resolve(PRIVATE);
            if (Files.exists(privateFile)) {
                return RSAKey.parse(Files.readString(privateFile));
            }
            Files.createDirectories(directory);
            RSAKey made = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            Path tmp = Files.createTempFile(directory, ".key", ".tmp");
            Files.writeString(tmp, made.toJSONString());
            RSAKey key = made;
            try {
                Files.createLink(privateFile, tmp);
            } catch (FileAlreadyExistsException another) {
                key = RSAKey.parse(Files.readString(privateFile));
            } finally {
                Files.delete(tmp);
            }
            writeAtomically(directory.resolve(PUBLIC), new JWKSet(key.toPublicJWK()).toString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local signing key in " + directory, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("unreadable local signing key in " + directory, e);
        }
    }

    /** The public key, or an explanation of why there is none yet. */
    public static RSAKey loadPublic(Path directory) {
        Path file = directory.resolve(PUBLIC);
        try {
            return JWKSet.parse(Files.readString(file)).getKeys().getFirst().toRSAKey();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "no local JWK set at " + file + ": start command-service (local profile) first, it makes the key",
                    e);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable local JWK set at " + file, e);
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".key", ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
