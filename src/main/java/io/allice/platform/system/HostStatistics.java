package io.allice.platform.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import io.allice.platform.shared.config.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads CPU, memory and disk use of the host, and the JVM's own figures. */
@Component
class HostStatistics {

    private static final Logger log = LoggerFactory.getLogger(HostStatistics.class);
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private final PlatformProperties platform;
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    HostStatistics(PlatformProperties platform) {
        this.platform = platform;
    }

    record Stats(
            double cpuPercent,
            double memoryPercent,
            double diskPercent,
            String javaVersion,
            int availableProcessors,
            double processCpuPercent,
            long heapUsedBytes,
            long heapMaxBytes,
            int threadCount) {
    }

    Stats read() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Stats(
                percent(os.getCpuLoad()),
                round(memoryPercent()),
                round(diskPercent()),
                Runtime.version().toString(),
                Runtime.getRuntime().availableProcessors(),
                percent(os.getProcessCpuLoad()),
                heap.getUsed(),
                heap.getMax(),
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /**
     * Memory in use as the kernel counts it: total minus MemAvailable, which treats reclaimable
     * page cache as free. Other systems fall back to the JVM's view of free memory.
     */
    private double memoryPercent() {
        if (Files.isReadable(MEMINFO)) {
            try {
                List<String> lines = Files.readAllLines(MEMINFO);
                long total = meminfoKilobytes(lines, "MemTotal:");
                long available = meminfoKilobytes(lines, "MemAvailable:");
                if (total > 0 && available >= 0) {
                    return 100.0 * (total - available) / total;
                }
            } catch (IOException | NumberFormatException e) {
                log.debug("Could not read {}: {}", MEMINFO, e.getMessage());
            }
        }
        long total = os.getTotalMemorySize();
        return total <= 0 ? 0 : 100.0 * (total - os.getFreeMemorySize()) / total;
    }

    private static long meminfoKilobytes(List<String> lines, String key) {
        return lines.stream().filter(line -> line.startsWith(key)).findFirst()
                .map(line -> Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]))
                .orElse(-1L);
    }

    /** Use of the file system that contains the data directory. */
    private double diskPercent() {
        try {
            Path dataDir = platform.dataDir();
            FileStore store = Files.getFileStore(Files.exists(dataDir) ? dataDir : dataDir.getRoot());
            long total = store.getTotalSpace();
            return total <= 0 ? 0 : 100.0 * (total - store.getUsableSpace()) / total;
        } catch (IOException e) {
            log.warn("Could not read disk use of {}: {}", platform.dataDir(), e.getMessage());
            return 0;
        }
    }

    /** The MXBean returns a negative load until it has two samples; report 0 then. */
    private static double percent(double load) {
        return load < 0 ? 0 : round(load * 100);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
