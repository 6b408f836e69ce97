package io.meshproof.load.gatling.fork;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catches the exception that ended each failed request, per virtual user.
 *
 * <p>Gatling's session does not carry it, and its stats path carries only a message without the user.
 * Gatling's {@code GatlingHttpListener.onThrowable} logs, at DEBUG, {@code Request '<name>' failed for
 * user <id>} with the exception itself, once per failed request (it is guarded by a done flag), and
 * only then hands the failure on, in the same thread, to the next action of that user. So the exception
 * is stored here before the user's next action runs, and a user has one request in flight at a time:
 * the entry that action takes is exactly the failure of the request it records.
 *
 * <p>Wired by the fork's {@code logback.xml} to the logger {@code io.gatling.http.engine.GatlingHttpListener}
 * alone (the only logger at DEBUG; Gatling's response-dump loggers stay quiet).
 */
public final class FailureCapture extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private static final Pattern FAILED_USER = Pattern.compile("^Request '.*' failed for user (\\d+)$", Pattern.DOTALL);
    private static final Map<Long, Throwable> FAILURES = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    @Override
    public void start() {
        super.start();
        installed = true;
    }

    @Override
    protected void append(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        if (!(proxy instanceof ThrowableProxy)) {
            return;
        }
        Matcher matcher = FAILED_USER.matcher(event.getFormattedMessage());
        if (matcher.matches()) {
            FAILURES.put(Long.parseLong(matcher.group(1)), ((ThrowableProxy) proxy).getThrowable());
        }
    }

    /** The exception that ended the user's last request, removed; null when it did not end in one. */
    static Throwable take(long userId) {
        return FAILURES.remove(userId);
    }

    /** Fails fast when the logging configuration did not install the capture: failures could not be told apart. */
    static void requireInstalled() {
        if (!installed) {
            throw new IllegalStateException("the failure capture is not installed (Logback did not read "
                    + ForkEnvironment.LOGBACK_CONFIGURATION + "): connection errors could not be classified");
        }
    }
}
