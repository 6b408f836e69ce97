package io.meshproof.target.local;

import io.meshproof.scenario.Route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Lua action that holds a request for a fault delay. HAProxy has no native delay action;
 * {@code core.msleep} in a Lua action yields to the event loop, so a delayed request costs no thread.
 * The local target writes the script into its runtime directory and sidecars that inject a delay
 * load it.
 */
final class DelayScript {

    static final String FILE = "meshproof-delay.lua";
    static final String ACTION = "lua.meshproof_delay";

    static final String SOURCE = """
            -- meshproof: fault delay of the local target's sidecars (written by the harness; do not edit)
            -- http-request lua.meshproof_delay <milliseconds>
            core.register_action("meshproof_delay", { "http-req" }, function(txn, ms)
                core.msleep(tonumber(ms))
            end, 1)
            """;

    private DelayScript() {
    }

    static Path writeInto(Path dir) throws IOException {
        Path script = dir.resolve(FILE);
        Files.writeString(script, SOURCE, StandardCharsets.UTF_8);
        return script;
    }

    /** Whether this sidecar injects a delay on any service it calls, so that it must load the script. */
    static boolean neededBy(SidecarContext context) {
        if (context.mutant(Mutant.FAULT_IGNORED)) {
            return false;
        }
        return context.mesh().routes().stream()
                .filter(route -> context.sidecar().outboundPorts().containsKey(route.service()))
                .flatMap(route -> route.rules().stream())
                .map(Route.Rule::fault)
                .anyMatch(fault -> fault != null && fault.delay() != null && fault.delay().percent() > 0);
    }

    /** The {@code global} line that loads the script from the runtime directory. */
    static String loadLine(Path runtimeDir) {
        return "    lua-load " + HaproxyText.quoted(runtimeDir.resolve(FILE).toString()) + "\n";
    }
}
