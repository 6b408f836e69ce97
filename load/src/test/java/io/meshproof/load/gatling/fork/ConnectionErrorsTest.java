package io.meshproof.load.gatling.fork;

import io.gatling.http.client.impl.PrematureCloseException;
import io.gatling.http.client.impl.RequestTimeoutException;
import io.meshproof.load.ConnectionError;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;

import static org.assertj.core.api.Assertions.assertThat;

/** The exception-to-form mapping; the real exceptions on real sockets are covered by ConnectionOutcomesTest. */
class ConnectionErrorsTest {

    @Test
    void requestAndConnectTimeoutsAreTimeouts() throws Exception {
        Constructor<RequestTimeoutException> timeout =
                RequestTimeoutException.class.getDeclaredConstructor(long.class, InetSocketAddress.class);
        timeout.setAccessible(true);

        assertThat(ConnectionErrors.classify(timeout.newInstance(500L, new InetSocketAddress("127.0.0.1", 9))))
                .isEqualTo(ConnectionError.TIMEOUT);
        assertThat(ConnectionErrors.classify(new ConnectTimeoutException("connection timed out: /10.0.0.1:80")))
                .isEqualTo(ConnectionError.TIMEOUT);
    }

    @Test
    void aRefusedConnectIsRefused() {
        assertThat(ConnectionErrors.classify(new ConnectException(
                "finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:9")))
                .isEqualTo(ConnectionError.REFUSED);
    }

    @Test
    void otherConnectFailuresAreOther() {
        assertThat(ConnectionErrors.classify(new NoRouteToHostException("No route to host"))).isEqualTo(ConnectionError.OTHER);
    }

    @Test
    void closedOrResetWithoutResponseIsReset() {
        assertThat(ConnectionErrors.classify(PrematureCloseException.INSTANCE)).isEqualTo(ConnectionError.RESET);
        assertThat(ConnectionErrors.classify(new IOException("recvAddress(..) failed with error(-104): Connection reset by peer")))
                .isEqualTo(ConnectionError.RESET);
        assertThat(ConnectionErrors.classify(new IOException("writevAddresses(..) failed with error(-32): Broken pipe")))
                .isEqualTo(ConnectionError.RESET);
        assertThat(ConnectionErrors.classify(new ClosedChannelException())).isEqualTo(ConnectionError.RESET);
    }

    @Test
    void tlsAndProtocolFailuresAreOther() {
        assertThat(ConnectionErrors.classify(new SSLHandshakeException("Received fatal alert: certificate_required")))
                .isEqualTo(ConnectionError.OTHER);
        assertThat(ConnectionErrors.classify(new NotSslRecordException("not an SSL/TLS record"))).isEqualTo(ConnectionError.OTHER);
        assertThat(ConnectionErrors.classify(new IOException("Some other I/O failure"))).isEqualTo(ConnectionError.OTHER);
    }

    @Test
    void theCauseChainIsSearched() {
        assertThat(ConnectionErrors.classify(new DecoderException(new IOException("Connection reset by peer"))))
                .isEqualTo(ConnectionError.RESET);
    }
}
