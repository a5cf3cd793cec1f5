package io.docindexer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time, which other people's work on a shared machine disturbs far less than elapsed time:
 * this JVM's own, that of its finished child processes (Linux {@code /proc/self/stat} cutime +
 * cstime, counted once the JVM has reaped them, which it does as each one exits), and that of
 * another running process.
 */
final class CpuClock {

    /** Linux reports times in USER_HZ ticks, 100 a second on every architecture it runs Lambda on. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** Fields of proc(5)'s numbering, which starts at 1 with the pid: utime, stime, cutime, cstime. */
    private static final int USER_FIELD = 14;

    private static final int SYSTEM_FIELD = 15;
    private static final int CHILDREN_USER_FIELD = 16;
    private static final int CHILDREN_SYSTEM_FIELD = 17;
    /** The first field after the command name is field 3 (state). */
    private static final int FIRST_FIELD_AFTER_NAME = 3;

    private CpuClock() {}

    static long ownNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long childrenNanos() {
        try {
            return nanos(Path.of("/proc/self/stat"), CHILDREN_USER_FIELD, CHILDREN_SYSTEM_FIELD);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/stat: the benchmarks need Linux", e);
        }
    }

    /** The CPU time of a running process; 0 once it has exited. */
    static long processNanos(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            return nanos(stat, USER_FIELD, SYSTEM_FIELD);
        } catch (NoSuchFileException exited) {
            return 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + stat + ": the benchmarks need Linux", e);
        }
    }

    private static long nanos(Path stat, int userField, int systemField) throws IOException {
        String line = Files.readString(stat);
        // The command name in parentheses may contain spaces: count fields after its closing one.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[userField - FIRST_FIELD_AFTER_NAME])
                + Long.parseLong(fields[systemField - FIRST_FIELD_AFTER_NAME]);
        return ticks * NANOS_PER_TICK;
    }
}
