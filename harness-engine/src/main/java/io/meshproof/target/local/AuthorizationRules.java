package io.meshproof.target.local;

import io.meshproof.bookinfo.BookinfoCatalog;
import io.meshproof.scenario.Authorization;

import java.util.ArrayList;
import java.util.List;

/**
 * A service's authorization policies as HTTP rules of its inbound listener, with Istio's semantics:
 * DENY policies first, then ALLOW; once a service has an ALLOW policy, whatever none of its rules
 * matches is denied (an ALLOW policy without rules allows nothing). A rule matches a caller by its
 * SPIFFE id ({@link InboundTls#PEER}, so never a plaintext caller), the method and the path (exact,
 * or a prefix when it ends in {@code *}). A refused request gets Istio's 403 {@value #BODY}.
 */
final class AuthorizationRules {

    static final String BODY = "RBAC: access denied";
    private static final String ALLOWED = "txn.allowed";

    private final SidecarContext context;

    AuthorizationRules(SidecarContext context) {
        this.context = context;
    }

    /** The policies in force on this sidecar's workload; none under the authz-allow-all mutant. */
    List<Authorization> policies() {
        if (context.mutant(Mutant.AUTHZ_ALLOW_ALL)) {
            return List.of();
        }
        return context.mesh().authorization().stream().filter(a -> a.service().equals(context.sidecar().workload())).toList();
    }

    /** Renders the rules into the backend in front of the app (shared by the mutual-TLS and plaintext frontends). */
    void render(StringBuilder out) {
        List<Authorization> policies = policies();
        if (policies.isEmpty()) {
            return;
        }
        out.append("    # authorization (Istio semantics): DENY policies first, then ALLOW\n");
        List<String> allows = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            Authorization policy = policies.get(p);
            for (int r = 0; r < policy.rules().size(); r++) {
                String condition = condition(out, "authz" + p + "_rule" + r, policy.rules().get(r));
                if (policy.action() == Authorization.Action.DENY) {
                    out.append("    ").append(refusal()).append(" if ").append(condition).append('\n');
                } else {
                    allows.add(condition);
                }
            }
        }
        if (policies.stream().anyMatch(a -> a.action() == Authorization.Action.ALLOW)) {
            for (String condition : allows) {
                out.append("    http-request set-var(").append(ALLOWED).append(") bool(true) if ").append(condition).append('\n');
            }
            out.append("    ").append(refusal()).append(" unless { var(").append(ALLOWED).append(") -m bool }\n");
        }
    }

    /** Declares the ACLs of one rule and returns their conjunction; an empty rule matches everything. */
    private static String condition(StringBuilder out, String name, Authorization.Rule rule) {
        List<String> parts = new ArrayList<>();
        if (!rule.from().isEmpty()) {
            out.append("    acl ").append(name).append("_from var(").append(InboundTls.PEER).append(") -m str");
            rule.from().forEach(w -> out.append(' ').append(HaproxyText.quoted(BookinfoCatalog.spiffeId(w))));
            out.append('\n');
            parts.add(name + "_from");
        }
        if (!rule.methods().isEmpty()) {
            out.append("    acl ").append(name).append("_method method");
            rule.methods().forEach(m -> out.append(' ').append(HaproxyText.quoted(m)));
            out.append('\n');
            parts.add(name + "_method");
        }
        if (!rule.paths().isEmpty()) {
            // ACL lines of one name are ORed: exact paths and prefixes side by side
            for (String path : rule.paths()) {
                out.append("    acl ").append(name).append("_path path ")
                        .append(Authorization.isPrefix(path) ? "-m beg " + HaproxyText.quoted(Authorization.prefix(path))
                                : "-m str " + HaproxyText.quoted(path)).append('\n');
            }
            parts.add(name + "_path");
        }
        return parts.isEmpty() ? "TRUE" : String.join(" ", parts);
    }

    private static String refusal() {
        return "http-request return status 403 content-type text/plain string " + HaproxyText.quoted(BODY);
    }
}
