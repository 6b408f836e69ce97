package io.meshproof.pki;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Finds a private key's material in a text: its PEM lines, its encoding in base64 (any wrapping)
 * or hex, and its secret number (EC scalar, RSA private exponent) in decimal or hex.
 */
final class SecretLeaks {

    private static final int CHUNK = 24;

    private SecretLeaks() {
    }

    /** What of the key the text shows; empty when nothing. */
    static List<String> find(String text, PrivateKey key) {
        List<String> found = new ArrayList<>();
        String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
        // Chunks at every offset modulo CHUNK would be exhaustive; offset 0 and the PEM lines suffice for wrapping at 64.
        for (int i = 0; i + CHUNK <= base64.length(); i += CHUNK) {
            if (text.contains(base64.substring(i, i + CHUNK))) {
                found.add("base64 of the key's encoding at " + i);
                break;
            }
        }
        for (String line : Pem.privateKey(key).split("\n")) {
            if (!line.startsWith("-----") && line.length() >= CHUNK && text.contains(line)) {
                found.add("a line of the key's PEM");
                break;
            }
        }
        String hex = HexFormat.of().formatHex(key.getEncoded());
        if (text.toLowerCase().contains(hex.substring(hex.length() - 2 * CHUNK))) {
            found.add("hex of the key's encoding");
        }
        BigInteger secret = secretNumber(key);
        if (text.contains(secret.toString()) || text.toLowerCase().contains(secret.toString(16))) {
            found.add("the key's secret number");
        }
        return found;
    }

    private static BigInteger secretNumber(PrivateKey key) {
        if (key instanceof ECPrivateKey) {
            return ((ECPrivateKey) key).getS();
        }
        return ((RSAPrivateKey) key).getPrivateExponent();
    }
}
