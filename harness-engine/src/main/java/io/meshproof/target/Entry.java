package io.meshproof.target;

import java.net.URI;
import java.util.Map;

/**
 * Where a scenario's requests enter and as whom: the base address, headers the target adds (a
 * session cookie for a logged-in user), and the sender recorded in every request.
 */
public record Entry(URI baseUri, Map<String, String> headers, String sender, boolean remote) {
    public Entry {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
