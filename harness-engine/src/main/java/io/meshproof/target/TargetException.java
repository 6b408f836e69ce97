package io.meshproof.target;

/**
 * A target could not do what was asked. The message is for a person: what failed, and how to fix
 * it (for example, which package to install).
 */
public class TargetException extends Exception {
    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the message says what failed and how to fix it; a cause keeps its own trace
    }
}
