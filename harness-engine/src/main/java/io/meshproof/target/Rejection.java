package io.meshproof.target;

/** The forms a mesh uses to refuse a request. */
public enum Rejection {
    /** HTTP 403 (authorization denied; Linkerd also for plaintext HTTP under a strict policy). */
    FORBIDDEN,
    /** The connection is reset or closed without a response (Istio STRICT against plaintext). */
    RESET,
    /** The connection is refused. */
    REFUSED
}
