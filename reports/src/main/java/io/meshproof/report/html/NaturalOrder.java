package io.meshproof.report.html;

import java.util.Comparator;

/** Keys as a person sorts them: {@code v2} before {@code v10}, {@code p99} before {@code p99.9}. */
final class NaturalOrder implements Comparator<Object> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    @Override
    public int compare(Object x, Object y) {
        String a = String.valueOf(x);
        String b = String.valueOf(y);
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = new java.math.BigInteger(a.substring(si, i)).compareTo(new java.math.BigInteger(b.substring(sj, j)));
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
