package io.meshproof.load;

/** The load could not be driven at all (the load engine failed to start, or crashed). */
public class LoadException extends Exception {
    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public LoadException(String message) {
        super(message);
    }
}
