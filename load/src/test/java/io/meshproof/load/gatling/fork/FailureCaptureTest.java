package io.meshproof.load.gatling.fork;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCaptureTest {

    private final LoggerContext context = new LoggerContext();
    private final FailureCapture capture = new FailureCapture();

    FailureCaptureTest() {
        capture.setContext(context);
        capture.start();
    }

    @Test
    void keepsTheExceptionOfEachFailedRequestByUser() {
        IOException reset = new IOException("Connection reset by peer");
        IOException refused = new IOException("Connection refused");

        capture.doAppend(event("Request 'request' failed for user 41", reset));
        capture.doAppend(event("Request 'request' failed for user 42", refused));

        assertThat(FailureCapture.take(42)).isSameAs(refused);
        assertThat(FailureCapture.take(41)).isSameAs(reset);
    }

    @Test
    void aFailureIsTakenOnce() {
        capture.doAppend(event("Request 'request' failed for user 7", new IOException("Premature close")));

        assertThat(FailureCapture.take(7)).isNotNull();
        assertThat(FailureCapture.take(7)).isNull();
    }

    @Test
    void ignoresOtherLinesOfTheLogger() {
        capture.doAppend(event("Request 'request' failed for user 8", null));
        capture.doAppend(event("Something else about user 9", new IOException("x")));

        assertThat(FailureCapture.take(8)).isNull();
        assertThat(FailureCapture.take(9)).isNull();
    }

    @Test
    void saysWhenItIsInstalled() {
        // the constructor of this test started one: the fork's check passes once Logback started the appender
        FailureCapture.requireInstalled();
    }

    private LoggingEvent event(String message, Throwable throwable) {
        return new LoggingEvent("io.gatling.http.engine.GatlingHttpListener$", context.getLogger("io.gatling.http.engine.GatlingHttpListener$"),
                Level.DEBUG, message, throwable, null);
    }
}
