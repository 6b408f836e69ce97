package io.meshproof.target.kube;

import java.time.Duration;

/**
 * A stand-in backend run by HAProxy, for what the official images cannot do: answer every request
 * with a fixed status (an instance that is unavailable, Linkerd's error injector), or hold every
 * request for a fixed time and then answer with a status or pass it on to a real backend (Linkerd's
 * emulated delay). It does its one thing to every request; the share of requests it gets is the
 * weight a route gives it. The delay is a Lua {@code core.msleep}, per request, not per connection.
 */
public record HaproxyBackend(Duration delay, Integer status, String upstream) {

    /** Where the official image reads its configuration; the ConfigMap is mounted there. */
    public static final String CONFIG_DIR = "/usr/local/etc/haproxy";
    public static final String CONFIG_FILE = "haproxy.cfg";
    public static final String LUA_FILE = "delay.lua";

    public HaproxyBackend {
        if ((status == null) == (upstream == null)) {
            throw new IllegalArgumentException("a stand-in backend either answers with a status or passes requests on, not both");
        }
    }

    public static HaproxyBackend respond(int status) {
        return new HaproxyBackend(null, status, null);
    }

    public static HaproxyBackend delayThenRespond(Duration delay, int status) {
        return new HaproxyBackend(delay, status, null);
    }

    /** {@code upstream} is {@code host:port}. */
    public static HaproxyBackend delayThenProxy(Duration delay, String upstream) {
        return new HaproxyBackend(delay, null, upstream);
    }

    /** The configuration as the pod reads it: listening on 9080, files under {@link #CONFIG_DIR}. */
    public String config() {
        return config(CONFIG_DIR, ":" + BookinfoObjects.PORT);
    }

    /** The configuration with another directory and bind address (tests run it on loopback). */
    public String config(String dir, String bind) {
        StringBuilder cfg = new StringBuilder();
        cfg.append("# meshproof stand-in backend: ").append(describe()).append('\n');
        cfg.append("global\n");
        if (delay != null) {
            cfg.append("    lua-load ").append(dir).append('/').append(LUA_FILE).append('\n');
        }
        long timeoutMs = 60_000 + (delay == null ? 0 : delay.toMillis());
        cfg.append("defaults\n")
                .append("    mode http\n")
                .append("    timeout connect 5s\n")
                .append("    timeout client ").append(timeoutMs).append("ms\n")
                .append("    timeout server ").append(timeoutMs).append("ms\n")
                .append("frontend standin\n")
                .append("    bind ").append(bind).append('\n');
        if (delay != null) {
            cfg.append("    http-request lua.delay ").append(delay.toMillis()).append('\n');
        }
        if (status != null) {
            cfg.append("    http-request return status ").append(status)
                    .append(" content-type application/json string \"{\\\"error\\\":\\\"")
                    .append(status == 503 ? "Service unavailable" : "fault injected").append("\\\"}\"\n");
        } else {
            cfg.append("    default_backend upstream\n")
                    .append("backend upstream\n")
                    .append("    server upstream ").append(upstream).append('\n');
        }
        return cfg.toString();
    }

    /** The Lua action the delay needs, or null without a delay. */
    public String lua() {
        if (delay == null) {
            return null;
        }
        return "-- holds one request for the milliseconds given as the action's argument\n"
                + "core.register_action(\"delay\", { \"http-req\" }, function(txn, ms)\n"
                + "    core.msleep(tonumber(ms))\n"
                + "end, 1)\n";
    }

    public String describe() {
        String then = status != null ? "answer " + status : "pass on to " + upstream;
        return delay == null ? then : "wait " + io.meshproof.scenario.DurationText.format(delay) + ", then " + then;
    }
}
