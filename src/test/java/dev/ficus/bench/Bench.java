package dev.ficus.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.ficus.cli.AnalysisPipeline;
import dev.ficus.cli.StageTimes;
import dev.ficus.model.Analysis;
import dev.ficus.workspace.JavaTrees;
import java.io.IOException;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The performance benchmark of docs/performance.md: for each size, writes a synthetic lambdalith,
 * then on the same files times a parse-only pass (JavaParser alone, in parallel, one parser per
 * thread, as the workspace does, with JavaParser's own configuration for Java 21, which validates
 * the language level), the same pass as ficus parses (without the validator) and the full {@code
 * analyze}, and prints files/s, lines/s, peak heap (the pools' peaks, and the most left live after
 * a collection) and the ratio analyze / parse-only, in wall time against both passes and in
 * process CPU time (which a busy machine disturbs less), and the wall time of each stage of {@code
 * analyze}. Run with {@code mvn -B -q -Pbench verify
 * -Dbench.lines=10000,100000}; {@code -Dbench.repeat=3} measures each size three times on the
 * same files (the first run of a size also pays for compiling the code the smaller sizes did not
 * reach).
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws IOException {
    String sizes = args.length > 0 ? args[0] : System.getProperty("bench.lines", "10000,100000");
    // Warm-up on a small repository, so the first measured size does not pay for JIT compilation.
    measure(5_000, false);
    System.out.println(String.format(Locale.ROOT, "%d cores, load average %.1f, max heap %d MB",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    System.out.println(
        String.format(Locale.ROOT, "%9s %7s %9s %10s %10s %10s %12s %11s %10s %10s %7s %8s %10s %10s %7s",
            "lines", "files", "routes", "parse s", "syntax s", "analyze s", "lines/s", "files/s", "peak MB",
            "live MB", "ratio", "x syntax", "parse cpu", "anlz cpu", "cpu x"));
    for (String size : sizes.split(",")) {
      measure(Integer.parseInt(size.trim()), true);
    }
  }

  private static void measure(int targetLines, boolean print) throws IOException {
    Path dir = Files.createTempDirectory("ficus-bench-");
    try {
      new SyntheticLambdalith(targetLines).writeTo(dir);
      List<Path> javaFiles;
      try (Stream<Path> walk = Files.walk(dir)) {
        javaFiles = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      long lines = 0;
      for (Path f : javaFiles) {
        try (Stream<String> l = Files.lines(f)) {
          lines += l.count();
        }
      }
      int repeat = print ? Integer.getInteger("bench.repeat", 1) : 1;
      for (int i = 0; i < repeat; i++) {
        measureOnce(dir, javaFiles, lines, print);
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void measureOnce(Path dir, List<Path> javaFiles, long lines, boolean print) {
    System.gc();
    long c0 = cpuNanos();
    long t0 = System.nanoTime();
    parseAll(javaFiles, () -> new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
    double parseSeconds = (System.nanoTime() - t0) / 1e9;
    double parseCpu = (cpuNanos() - c0) / 1e9;

    // The same files as ficus reads them: no language-level validator (workspace.JavaTrees).
    System.gc();
    long ts = System.nanoTime();
    parseAll(javaFiles, JavaTrees::configuration);
    double syntaxSeconds = (System.nanoTime() - ts) / 1e9;

    System.gc();
    resetPeaks();
    LiveHeap live = LiveHeap.start();
    long c1 = cpuNanos();
    long t1 = System.nanoTime();
    StageTimes stages = new StageTimes();
    Analysis analysis = stages.analyze(new AnalysisPipeline.Options(false, false), dir);
    double analyzeSeconds = (System.nanoTime() - t1) / 1e9;
    double analyzeCpu = (cpuNanos() - c1) / 1e9;
    long peakBytes = heapPeak();
    long liveBytes = live.stop();
    if (print) {
      System.out.println(String.format(Locale.ROOT,
          "%9d %7d %9d %10.2f %10.2f %10.2f %12.0f %11.0f %10d %10d %7.2f %8.2f %10.1f %10.1f %7.2f",
          lines, javaFiles.size(), analysis.routes().size(), parseSeconds, syntaxSeconds, analyzeSeconds,
          lines / analyzeSeconds, javaFiles.size() / analyzeSeconds, peakBytes / (1024 * 1024),
          liveBytes / (1024 * 1024), analyzeSeconds / parseSeconds, analyzeSeconds / syntaxSeconds,
          parseCpu, analyzeCpu, analyzeCpu / parseCpu));
      StringBuilder line = new StringBuilder("          stages (s):");
      for (StageTimes.Stage s : stages.stages()) {
        line.append(String.format(Locale.ROOT, " %s %.2f;", s.name(), s.seconds()));
      }
      System.out.println(line);
    }
  }

  /** Parses every file in parallel, one parser per thread, and drops the trees. */
  private static void parseAll(List<Path> javaFiles, Supplier<ParserConfiguration> configuration) {
    ThreadLocal<JavaParser> parsers = ThreadLocal.withInitial(() -> new JavaParser(configuration.get()));
    long parsed = javaFiles.parallelStream().filter(f -> {
      try {
        return parsers.get().parse(Files.readString(f)).isSuccessful();
      } catch (IOException e) {
        return false;
      }
    }).count();
    if (parsed != javaFiles.size()) {
      throw new IllegalStateException("the synthetic repository must parse: " + parsed + "/" + javaFiles.size());
    }
  }

  /**
   * The largest heap left after a garbage collection while it listens: what the run really keeps
   * alive, as opposed to the pools' peaks, which also count garbage not yet collected.
   */
  private static final class LiveHeap implements NotificationListener {
    private final AtomicLong max = new AtomicLong();

    static LiveHeap start() {
      LiveHeap listener = new LiveHeap();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(listener, null, null);
        }
      }
      return listener;
    }

    long stop() {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          try {
            emitter.removeNotificationListener(this);
          } catch (ListenerNotFoundException e) {
            // not added to this collector
          }
        }
      }
      return max.get();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        return;
      }
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
        if (pool.getType() == MemoryType.HEAP && after != null) {
          used += after.getUsed();
        }
      }
      max.accumulateAndGet(used, Math::max);
    }
  }

  /** CPU time of the whole process (all threads, the collector's too): stable on a busy machine. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
