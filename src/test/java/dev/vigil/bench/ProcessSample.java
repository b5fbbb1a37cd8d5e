package dev.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time and peak resident memory as Linux reports them (proc(5): /proc/PID/stat fields 14 and 15,
 * utime and stime in clock ticks; VmHWM in /proc/PID/status).
 */
record ProcessSample(long nanos, long cpuTicks, long peakRssBytes) {
    // USER_HZ is 100 on every Linux build we run on; sysconf(_SC_CLK_TCK) is not reachable from Java.
    private static final double TICKS_PER_SECOND = 100;

    static ProcessSample of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long hwmKiB = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0L);
            return new ProcessSample(System.nanoTime(), ticks, hwmKiB * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The average number of cores the process kept busy since the earlier sample. */
    double cpuCoresSince(ProcessSample earlier) {
        double seconds = (nanos - earlier.nanos) / 1e9;
        return (cpuTicks - earlier.cpuTicks) / TICKS_PER_SECOND / seconds;
    }
}
