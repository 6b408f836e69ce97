package io.meshproof.load.gatling.fork;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The fork's memory for the load log: peak resident set (Linux) and heap, so a run's footprint is on record. */
final class PeakMemory {

    private PeakMemory() {
    }

    static String describe() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return residentSet() + "heap used " + heap.getUsed() / (1024 * 1024) + " MiB of "
                + heap.getCommitted() / (1024 * 1024) + " MiB committed";
    }

    private static String residentSet() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "";
        }
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmHWM:") || line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("\\s+", " "))
                    .collect(Collectors.joining(", ", "", ", "));
        } catch (IOException e) {
            return "";
        }
    }
}
