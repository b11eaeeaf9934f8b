package dev.rehearsal.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
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
 * Heap use over a stretch of work, two ways. The live peak is the largest heap left after any
 * garbage collection in the stretch: what the work needs at least, the figure to hold against
 * -Xmx. The used peak samples the heap every 20 ms, garbage included: how close the heap came to
 * its limit. Summing each memory pool's own peak (what {@code MemoryPoolMXBean} offers) would
 * add peaks reached at different moments, and overstate both.
 */
final class HeapWatch implements AutoCloseable {
  private final AtomicLong liveAfterGc = new AtomicLong();
  private final AtomicLong sampled = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;
  private final Thread sampler;
  private volatile boolean running = true;

  HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        emitters.add(e);
      }
    }
    sampler = new Thread(() -> {
      Runtime rt = Runtime.getRuntime();
      while (running) {
        sampled.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc()
        .entrySet()) {
      used += e.getValue().getUsed();
    }
    // non-heap pools (metaspace, code cache) are in the map too; take them out
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != java.lang.management.MemoryType.HEAP) {
        MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
        if (u != null) {
          used -= u.getUsed();
        }
      }
    }
    liveAfterGc.accumulateAndGet(used, Math::max);
  }

  /** Largest heap in use right after a collection, in MB. */
  long livePeakMb() {
    return liveAfterGc.get() / (1024 * 1024);
  }

  /** Largest heap in use at any sample, garbage included, in MB. */
  long usedPeakMb() {
    return sampled.get() / (1024 * 1024);
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
