package io.meshproof.target.kube.traffic;

import io.meshproof.target.TargetException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Logs a user in on productpage ({@code POST /login}, form field {@code username}, no password) and
 * returns the session cookie: productpage sets the {@code end-user} header it sends to reviews from
 * this session, not from an incoming header.
 */
public final class ProductpageLogin {

    private ProductpageLogin() {
    }

    /** The {@code Cookie} header value ({@code session=...}) for the user's session. */
    public static String sessionCookie(URI productpage, String user) throws TargetException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest login = HttpRequest.newBuilder(productpage.resolve("/login"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", productpage.resolve("/productpage").toString())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<Void> response = http.send(login, HttpResponse.BodyHandlers.discarding());
            Optional<String> cookie = response.headers().allValues("Set-Cookie").stream()
                    .map(c -> c.split(";", 2)[0].trim())
                    .filter(c -> c.startsWith("session="))
                    .findFirst();
            return cookie.orElseThrow(() -> new TargetException("productpage at " + productpage + " answered the login of '" + user
                    + "' with " + response.statusCode() + " and no session cookie"));
        } catch (IOException e) {
            throw new TargetException("cannot log '" + user + "' in on productpage at " + productpage + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while logging in on productpage", e);
        }
    }
}
