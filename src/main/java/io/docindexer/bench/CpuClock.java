package io.docindexer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, which other people's work on a shared machine disturbs far less than elapsed time:
 * this JVM's own, and that of its finished child processes (Linux {@code /proc/self/stat}
 * cutime + cstime, counted once the JVM has reaped them, which it does as each one exits).
 */
final class CpuClock {

    /** Linux reports times in USER_HZ ticks, 100 a second on every architecture it runs Lambda on. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** cutime and cstime: fields 16 and 17 of proc(5)'s numbering, which starts at 1 with the pid. */
    private static final int CHILDREN_USER_FIELD = 16;
    private static final int CHILDREN_SYSTEM_FIELD = 17;
    /** The first field after the command name is field 3 (state). */
    private static final int FIRST_FIELD_AFTER_NAME = 3;

    private CpuClock() {
    }

    static long ownNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long childrenNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name in parentheses may contain spaces: count fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[CHILDREN_USER_FIELD - FIRST_FIELD_AFTER_NAME])
                    + Long.parseLong(fields[CHILDREN_SYSTEM_FIELD - FIRST_FIELD_AFTER_NAME]);
            return ticks * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/stat: the benchmarks need Linux", e);
        }
    }
}
