package dev.jinju.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Readings of this machine and of a process, from /proc: cores, memory, CPU time, resident memory. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        long memKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException | RuntimeException ignored) {
            // not Linux: leave the defaults
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Math.round(memKb / 1024.0 / 1024.0) + " GiB memory, JDK " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** User + system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // clock ticks, 100 per second on Linux
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds per thread kind of a process: threads grouped by name without their numbering
     * ({@code executor-thread-3} counts as {@code executor-thread}); names as Linux keeps them (15 characters).
     */
    static java.util.Map<String, Double> cpuSecondsByThread(long pid) {
        java.util.Map<String, Double> byKind = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    byKind.merge(name.replaceAll("[-#\\s]*\\d+$", ""), seconds, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return byKind;
        }
        return byKind;
    }

    /** Resident memory of the process, in MB. */
    static double rssMb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static long sizeBytes(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
