package dev.rehearsal.bench;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.SearchRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A fixed mix of 200 searches of the kinds people type: words, phrases, fielded terms, wildcards,
 * boolean combinations, time ranges and filters by kind, service and environment. Deterministic for
 * the workspace's services and time span.
 */
final class SearchMix {
  private static final String[] WORDS = {
    "timeout",
    "latency",
    "errors",
    "checkout",
    "payment",
    "database",
    "rollback",
    "config",
    "traffic",
    "stripe",
    "migration",
    "pool",
    "cache",
    "queue",
    "certificate",
    "deploy",
    "release",
    "spike",
    "orders",
    "flag"
  };
  private static final String[] PHRASES = {
    "\"connection pool\"",
    "\"full table scan\"",
    "\"feature flag\"",
    "\"rate limit\"",
    "\"error rate\"",
    "\"traffic spike\"",
    "\"query plan\"",
    "\"rolled back\""
  };

  private SearchMix() {}

  static List<SearchRequest> build(List<String> services, Instant from, Instant to) {
    SplittableRandom r = new SplittableRandom(42);
    List<SearchRequest> out = new ArrayList<>();
    long span = Math.max(1, Duration.between(from, to).toMillis());
    for (int i = 0; i < 200; i++) {
      String service = services.isEmpty() ? null : services.get(r.nextInt(services.size()));
      String word = WORDS[r.nextInt(WORDS.length)];
      SearchRequest q;
      switch (i % 10) {
        case 0:
          q = SearchRequest.of(word);
          break;
        case 1:
          q = SearchRequest.of(PHRASES[r.nextInt(PHRASES.length)]);
          break;
        case 2:
          q = SearchRequest.of(word + " AND " + WORDS[r.nextInt(WORDS.length)]);
          break;
        case 3:
          q = SearchRequest.of("title:" + word).withKinds(Set.of(DocKind.INCIDENT));
          break;
        case 4:
          q = SearchRequest.of(word + "*");
          break;
        case 5:
          {
            Instant a = from.plusMillis((long) (r.nextDouble() * span * 0.9));
            q = SearchRequest.of(word).withRange(a, a.plus(Duration.ofDays(30)));
            break;
          }
        case 6:
          q =
              SearchRequest.of("")
                  .withKinds(Set.of(DocKind.DEPLOY))
                  .withService(service)
                  .withEnvironment("production");
          break;
        case 7:
          q = SearchRequest.of(word + " OR " + WORDS[r.nextInt(WORDS.length)]).withService(service);
          break;
        case 8:
          q = SearchRequest.of("version:v1.*").withKinds(Set.of(DocKind.DEPLOY, DocKind.RUN));
          break;
        default:
          {
            Instant a = from.plusMillis((long) (r.nextDouble() * span * 0.9));
            q =
                SearchRequest.of("")
                    .withKinds(Set.of(DocKind.INCIDENT))
                    .withRange(a, a.plus(Duration.ofDays(7)))
                    .withSort(SearchRequest.Sort.OLDEST);
            break;
          }
      }
      out.add(q);
    }
    return out;
  }
}
