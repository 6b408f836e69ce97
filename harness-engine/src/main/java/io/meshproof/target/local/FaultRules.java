package io.meshproof.target.local;

import io.meshproof.scenario.Route;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule's fault injection, in the outbound frontend once the rule is chosen, as Envoy's fault
 * filter runs before the router: first the delay, then, drawn independently, the abort. So an abort
 * is answered by the client's own sidecar and never retried, and a delay does not count toward the
 * route's timeout (HAProxy's {@code timeout server} starts at the backend).
 */
final class FaultRules {

    /** {@code rand(1000000)}: a percentage resolved to a ten-thousandth of a point. */
    private static final int DRAWS = 1_000_000;

    private FaultRules() {
    }

    static void render(SidecarContext context, StringBuilder out, int rule, Route.Fault fault) {
        if (fault == null || context.mutant(Mutant.FAULT_IGNORED)) {
            return;
        }
        if (fault.delay() != null && fault.delay().percent() > 0) {
            out.append("    http-request ").append(DelayScript.ACTION).append(' ').append(Math.max(1, fault.delay().fixed().toMillis()))
                    .append(condition(context, rule, fault.delay().percent())).append('\n');
        }
        if (fault.abort() != null && fault.abort().percent() > 0) {
            out.append("    http-request return status ").append(fault.abort().status()).append(body(fault.abort().status()))
                    .append(condition(context, rule, fault.abort().percent())).append('\n');
        }
    }

    /** Envoy's abort body; HAProxy (rightly) refuses a body on 204 and 304. */
    private static String body(int status) {
        return status == 204 || status == 304 ? "" : " content-type text/plain string \"fault filter abort\"";
    }

    /** The request matched this rule, and a fresh draw falls within the percentage. */
    private static String condition(SidecarContext context, int rule, double percent) {
        List<String> terms = new ArrayList<>();
        if (!context.mutant(Mutant.FAULT_UNMATCHED)) {
            terms.add("{ var(txn.rule) -m int " + rule + " }");
        }
        if (percent < 100) {
            long below = Math.round(percent * DRAWS / 100);
            terms.add(String.format(Locale.ROOT, "{ rand(%d) -m int lt %d }", DRAWS, below));
        }
        return terms.isEmpty() ? "" : " if " + String.join(" ", terms);
    }
}
