package io.meshproof.engine.traffic;

import io.meshproof.target.Entry;
import io.meshproof.target.TargetException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Logs a user in on productpage ({@code POST /login}, form field {@code username}) and returns the
 * session cookie: productpage sets {@code end-user} towards reviews from that session, never from an
 * incoming header (DESIGN.md section 3).
 */
public final class SessionLogin {

    private SessionLogin() {
    }

    /** The {@code Cookie} header value that carries the session. */
    public static String cookieFor(Entry entry, String user) throws TargetException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        URI login = entry.baseUri().resolve("/login");
        HttpRequest request = HttpRequest.newBuilder(login)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", entry.baseUri().resolve("/productpage").toString())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            List<String> cookies = response.headers().allValues("set-cookie");
            if (cookies.isEmpty()) {
                throw new TargetException("logging in as '" + user + "' at " + login + " gave status " + response.statusCode()
                        + " and no session cookie; productpage must answer POST /login with Set-Cookie");
            }
            return cookies.stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
        } catch (IOException e) {
            throw new TargetException("cannot log in as '" + user + "' at " + login + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while logging in at " + login, e);
        }
    }
}
