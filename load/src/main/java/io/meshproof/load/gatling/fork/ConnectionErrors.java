package io.meshproof.load.gatling.fork;

import io.gatling.http.client.impl.PrematureCloseException;
import io.gatling.http.client.impl.RequestTimeoutException;
import io.meshproof.load.ConnectionError;
import io.netty.channel.ConnectTimeoutException;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Names the form of a failed request from the exception Gatling's HTTP client ended it with.
 * The form matters: meshes reject with a reset, a refusal or a status, and the report says which.
 */
final class ConnectionErrors {

    private ConnectionErrors() {
    }

    /** The first cause in the chain that names a known form; {@link ConnectionError#OTHER} when none does. */
    static ConnectionError classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            ConnectionError kind = classifyOne(cause);
            if (kind != ConnectionError.OTHER) {
                return kind;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return ConnectionError.OTHER;
    }

    private static ConnectionError classifyOne(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        // the request timeout, or a connect that never completed (a SYN nobody answers)
        if (cause instanceof RequestTimeoutException || cause instanceof ConnectTimeoutException) {
            return ConnectionError.TIMEOUT;
        }
        if (cause instanceof ConnectException) {
            return message.contains("refused") ? ConnectionError.REFUSED : ConnectionError.OTHER;
        }
        // closed without a response (FIN), reset (RST) while reading, or reset before the request was written
        if (cause instanceof PrematureCloseException || cause instanceof ClosedChannelException) {
            return ConnectionError.RESET;
        }
        if (cause instanceof IOException
                && (message.contains("connection reset") || message.contains("broken pipe"))) {
            return ConnectionError.RESET;
        }
        return ConnectionError.OTHER;
    }
}
