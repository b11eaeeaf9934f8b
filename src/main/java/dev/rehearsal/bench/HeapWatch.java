package dev.rehearsal.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use over a stretch of work. The used peak samples the heap every 20 ms, garbage included:
 * how close the heap came to its limit. The live peak, taken only by a watch made with {@link
 * #sampleLive()}, is the largest heap left by a full collection that the watch forces every tenth
 * of a second, or, when collections take longer, at a pace that gives them a third of the time: the
 * memory the work holds, sampled. It costs time, so it is taken in a pass of its own and never in a
 * timed one (decision 0010).
 *
 * <p>The heap left after the collector's own young collections is not a live figure: they do not
 * clear the old generation, so what they leave includes garbage that waits there for the next
 * marking cycle, and how much depends on the collector's policy and the heap's size at the time,
 * not on the work (an import that holds 132 MB left up to 770 MB).
 */
final class HeapWatch implements AutoCloseable {
  private static final String FORCED = "System.gc()";
  private static final long LIVE_PERIOD_MS = 100;

  private final AtomicLong liveAfterFullGc = new AtomicLong();
  private final AtomicLong sampled = new AtomicLong();
  private final AtomicLong forcedCollections = new AtomicLong();
  private final AtomicLong requested = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;
  private final Thread sampler;
  private final Thread collector;
  private volatile boolean running = true;

  private HeapWatch(boolean live) {
    sampler =
        new Thread(
            () -> {
              Runtime rt = Runtime.getRuntime();
              while (running) {
                sampled.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
    if (!live) {
      collector = null;
      return;
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        emitters.add(e);
      }
    }
    collector =
        new Thread(
            () -> {
              while (running) {
                long t0 = System.nanoTime();
                System.gc();
                requested.incrementAndGet();
                long took = (System.nanoTime() - t0) / 1_000_000;
                try {
                  Thread.sleep(Math.max(LIVE_PERIOD_MS, 2 * took));
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-watch-live");
    collector.setDaemon(true);
    collector.start();
  }

  /** Samples the used heap only; costs nothing the work would notice. */
  static HeapWatch used() {
    return new HeapWatch(false);
  }

  /** Also samples the live heap by forcing full collections: not for timed work. */
  static HeapWatch sampleLive() {
    return new HeapWatch(true);
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    if (!FORCED.equals(info.getGcCause())) {
      return;
    }
    forcedCollections.incrementAndGet();
    liveAfterFullGc.accumulateAndGet(
        heapAfter(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
  }

  private static long heapAfter(Map<String, MemoryUsage> afterGc) {
    long used = 0;
    // the map has the non-heap pools (metaspace, code cache) too; count the heap's only
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage u = afterGc.get(pool.getName());
      if (u != null && pool.getType() == MemoryType.HEAP) {
        used += u.getUsed();
      }
    }
    return used;
  }

  /** Samples the live heap now, as well: for the points where the work is known to hold most. */
  void sampleNow() {
    if (collector != null && running) {
      System.gc();
      requested.incrementAndGet();
      // the JVM skips a requested full collection when another one completed meanwhile, which
      // the watch's own thread may have begun before the work reached this point: the heap right
      // after the call is read here too, so that what the work holds now is counted either way
      Runtime rt = Runtime.getRuntime();
      liveAfterFullGc.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
    }
  }

  /** Largest heap left by a forced full collection, in MB (0 unless {@link #sampleLive()}). */
  long livePeakMb() {
    return liveAfterFullGc.get() / (1024 * 1024);
  }

  /** How many full collections the live figure was sampled at. */
  long liveSamples() {
    return forcedCollections.get();
  }

  /** Largest heap in use at any sample, garbage included, in MB. */
  long usedPeakMb() {
    return sampled.get() / (1024 * 1024);
  }

  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    sampler.interrupt();
    if (collector != null) {
      collector.interrupt();
      try {
        collector.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // notifications arrive on a thread of their own, shortly after the collection
      long deadline = System.nanoTime() + 2_000_000_000L;
      try {
        while (forcedCollections.get() < requested.get() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
