package io.meshproof.load;

/** How a request failed below HTTP. Meshes reject in different forms; the report names which one. */
public enum ConnectionError {
    /** A response came (any status). */
    NONE,
    /** The connection was reset or closed without a response (STRICT mTLS against plaintext, for example). */
    RESET,
    /** The connection was refused. */
    REFUSED,
    /** The client gave up waiting (the plan's request timeout). */
    TIMEOUT,
    /** Any other failure (TLS handshake, protocol error); the detail is in the load log. */
    OTHER
}
