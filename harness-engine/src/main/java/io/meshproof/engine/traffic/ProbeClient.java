package io.meshproof.engine.traffic;

import io.meshproof.engine.convergence.ProbeResponse;
import io.meshproof.load.ConnectionError;
import io.meshproof.load.AnsweringInstance;
import io.meshproof.scenario.Traffic;
import io.meshproof.target.Entry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/** Sends single requests shaped like a scenario's traffic, for the convergence gate. */
public final class ProbeClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final HttpRequest request;

    public ProbeClient(Entry entry, Traffic.Request shape, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(entry.baseUri().resolve(shape.path()))
                .timeout(TIMEOUT)
                .method(shape.method(), HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        this.request = builder.build();
    }

    public ProbeResponse send() {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new ProbeResponse(response.statusCode(), ConnectionError.NONE, AnsweringInstance.inBody(response.body()).map(AnsweringInstance::version).orElse(null));
        } catch (HttpTimeoutException e) {
            return new ProbeResponse(0, ConnectionError.TIMEOUT, null);
        } catch (ConnectException e) {
            return new ProbeResponse(0, ConnectionError.REFUSED, null);
        } catch (IOException e) {
            return new ProbeResponse(0, ConnectionError.RESET, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResponse(0, ConnectionError.OTHER, null);
        }
    }

    public URI uri() {
        return request.uri();
    }
}
