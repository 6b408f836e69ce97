package io.meshproof.pki;

import io.meshproof.bookinfo.BookinfoCatalog;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a workload certificate is for: its SPIFFE identity (the URI SAN, and the subject CN because
 * HAProxy 2.6 can read a client certificate's subject but not its SANs), and the DNS names and IP
 * addresses a peer may verify it against.
 */
public record LeafRequest(String spiffeId, List<String> dnsNames, List<InetAddress> ipAddresses) {

    /** X.520 upper bound of a common name (RFC 5280 ub-common-name). */
    static final int MAX_COMMON_NAME = 64;

    // SPIFFE ID: lowercase trust domain, then one or more path segments (spiffe.io SPIFFE-ID spec, section 2).
    private static final Pattern SPIFFE_ID = Pattern.compile("spiffe://[a-z0-9._-]+(/[A-Za-z0-9._-]+)+");
    private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern WORKLOAD = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    public LeafRequest {
        if (spiffeId == null || !SPIFFE_ID.matcher(spiffeId).matches() || spiffeId.matches(".*/\\.\\.?(/.*)?$")) {
            throw new IllegalArgumentException("'" + spiffeId + "' is not a SPIFFE id: expected"
                    + " spiffe://<trust domain>/<path>, e.g. " + BookinfoCatalog.spiffeId("reviews"));
        }
        if (spiffeId.length() > MAX_COMMON_NAME) {
            throw new IllegalArgumentException("SPIFFE id '" + spiffeId + "' has " + spiffeId.length()
                    + " characters; it also goes into the subject CN, which allows at most " + MAX_COMMON_NAME
                    + ": use a shorter service account name");
        }
        dnsNames = List.copyOf(dnsNames == null ? List.of() : dnsNames);
        for (String name : dnsNames) {
            if (name.length() > 253 || !DNS_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a DNS name for a certificate: use ASCII labels"
                        + " of letters, digits and '-' separated by '.', e.g. reviews.bookinfo.svc.cluster.local");
            }
        }
        ipAddresses = List.copyOf(ipAddresses == null ? List.of() : ipAddresses);
    }

    /**
     * The certificate of a workload as the local target runs it: SPIFFE id from the bookinfo catalog,
     * its in-cluster service names, {@code localhost} and 127.0.0.1 (sidecars listen on loopback).
     */
    public static LeafRequest forWorkload(String workload) {
        if (workload == null || !WORKLOAD.matcher(workload).matches()) {
            throw new IllegalArgumentException("'" + workload + "' is not a workload name: use a lowercase DNS label"
                    + " such as reviews or tester");
        }
        String namespace = BookinfoCatalog.NAMESPACE;
        List<String> dnsNames = List.of(
                workload + "." + namespace + ".svc.cluster.local",
                workload + "." + namespace + ".svc",
                workload + "." + namespace,
                workload,
                "localhost");
        return new LeafRequest(BookinfoCatalog.spiffeId(workload), dnsNames, List.of(loopback()));
    }

    private static InetAddress loopback() {
        try {
            return Inet4Address.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
