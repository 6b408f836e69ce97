package io.meshproof.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a certificate's subject alternative names of one kind, through the JDK's own parser. */
final class Sans {
    static final int DNS = 2;
    static final int URI = 6;
    static final int IP = 7;

    private Sans() {
    }

    static List<String> of(X509Certificate cert, int kind) throws CertificateParsingException {
        Collection<List<?>> names = cert.getSubjectAlternativeNames();
        if (names == null) {
            return List.of();
        }
        return names.stream()
                .filter(name -> ((Integer) name.get(0)) == kind)
                .map(name -> (String) name.get(1))
                .collect(Collectors.toList());
    }
}
