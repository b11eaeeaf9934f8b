package dev.rehearsal.store.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Schema;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.index.SearchSyntaxException;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.util.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A query in the local syntax is sent to the team store clause by clause as the local parser reads
 * it: the same fields, terms and structure, so that both match and score alike (the node's own
 * checks are {@code OpenSearchIncidentIndexIT} and {@code TeamStoreFiguresIT}).
 */
class StoreQueryTest {
  private static final ServiceNames NAMES =
      new ServiceNames(
          Map.of("Notifications Fan-out", "notif-fanout"),
          Map.of("storefront", "web"),
          ServiceNames.defaultSuffixes());

  private static JsonNode q(String query) {
    return Json.mapper().valueToTree(StoreQuery.of(query, NAMES));
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** Whether the tree holds the part anywhere (objects compared without regard to key order). */
  private static boolean holds(JsonNode tree, String part) {
    JsonNode wanted = json(part);
    if (tree.equals(wanted)) {
      return true;
    }
    for (JsonNode child : tree) {
      if (holds(child, part)) {
        return true;
      }
    }
    return false;
  }

  /** A word in every default field, each a scored term, one of them at least. */
  private static String word(String text, String stem) {
    StringBuilder b = new StringBuilder("{\"bool\":{\"should\":[");
    for (int i = 0; i < Schema.DEFAULT_SEARCH_FIELDS.length; i++) {
      String f = Schema.DEFAULT_SEARCH_FIELDS[i];
      String value = Schema.KEYWORD_FIELDS.contains(f) ? text : stem;
      b.append(i == 0 ? "" : ",")
          .append("{\"term\":{\"")
          .append(f)
          .append("\":{\"value\":\"")
          .append(value)
          .append("\"}}}");
    }
    return b.append("],\"minimum_should_match\":1}}").toString();
  }

  @Test
  void aWordIsATermOfEachDefaultFieldSummedAsLocally() {
    assertEquals(json(word("timeout", "timeout")), q("timeout"));
    assertEquals(json(word("latency", "latenc")), q("latency"), "analysed as locally: stemmed");
    assertEquals(json("{\"term\":{\"title\":{\"value\":\"pool\"}}}"), q("title:pool"));
  }

  @Test
  void everyWordIsRequiredAndAnExcludedWordExcludes() {
    assertEquals(
        json(
            "{\"bool\":{\"must\":["
                + word("checkout", "checkout")
                + "],\"must_not\":["
                + word("latency", "latenc")
                + "]}}"),
        q("checkout AND -latency"));
    assertEquals(
        json(
            "{\"bool\":{\"must\":["
                + word("checkout", "checkout")
                + ","
                + word("pool", "pool")
                + "]}}"),
        q("checkout pool"),
        "words without an operator are all required");
  }

  @Test
  void onlyExclusionsMatchNothingAsInLucene() {
    assertEquals(json("{\"match_none\":{}}"), q("NOT timeout"));
    assertEquals(json("{\"match_none\":{}}"), q("-checkout -payments"));
  }

  @Test
  void aPhraseIsTheFieldsPhraseOfTheSameTextWithItsSlop() {
    JsonNode phrase = q("\"connection pool\"~2");
    assertTrue(
        holds(phrase, "{\"match_phrase\":{\"body\":{\"query\":\"connection pool\",\"slop\":2}}}"),
        phrase.toString());
    assertTrue(
        holds(phrase, "{\"term\":{\"service\":{\"value\":\"connection pool\"}}}"),
        "a keyword field keeps the whole text as one term: " + phrase);
    assertEquals(
        json("{\"term\":{\"title\":{\"value\":\"b\"}}}"),
        q("title:\"a b\""),
        "a phrase the analyzer leaves one word of is that word");
  }

  @Test
  void aPrefixAWildcardAndARangeMatchAsLocally() {
    assertTrue(
        holds(q("pool*"), "{\"prefix\":{\"body\":{\"value\":\"pool\",\"boost\":1.0}}}"),
        "" + q("pool*"));
    assertEquals(
        json("{\"wildcard\":{\"title\":{\"value\":\"*out\",\"boost\":1.0}}}"), q("title:*out"));
    assertEquals(
        json("{\"range\":{\"version\":{\"gte\":\"v1\",\"lt\":\"v2\",\"boost\":1.0}}}"),
        q("version:[v1 TO v2}"));
    assertTrue(
        holds(q("abc1234"), "{\"prefix\":{\"commit\":{\"value\":\"abc1234\",\"boost\":1.0}}}"),
        "a word that looks like a commit also matches commits it starts: " + q("abc1234"));
  }

  @Test
  void aServiceIsReadByTheWorkspacesNames() {
    assertEquals(
        json(
            "{\"bool\":{\"should\":[{\"term\":{\"service\":{\"value\":\"payments\"}}},"
                + "{\"term\":{\"service\":{\"value\":\"payments-api\"}}}],"
                + "\"minimum_should_match\":1}}"),
        q("service:payments-api"));
    assertTrue(holds(q("service:storefront"), "{\"term\":{\"service\":{\"value\":\"web\"}}}"));
    assertTrue(
        holds(
            q("service:\"Notifications Fan-out\""),
            "{\"term\":{\"service\":{\"value\":\"notif-fanout\"}}}"));
  }

  private static String scoringOne(String filter) {
    return "{\"constant_score\":{\"filter\":" + filter + ",\"boost\":1.0}}";
  }

  @Test
  void whatAFindingSaysIsAFilterOnTheStoresFieldsScoringOne() {
    assertEquals(json(scoringOne("{\"term\":{\"verdict\":\"escape\"}}")), q("verdict:passed"));
    assertEquals(
        json(scoringOne("{\"term\":{\"verdict\":\"not_change_related\"}}")),
        q("verdict:\"not change related\""));
    assertEquals(json(scoringOne("{\"term\":{\"gap\":\"mocks\"}}")), q("gap:mock"));
    assertEquals(json(scoringOne("{\"term\":{\"reviewed\":\"no\"}}")), q("reviewed:false"));
    assertEquals(
        json(scoringOne("{\"term\":{\"reviewer\":\"dana o'neil\"}}")),
        q("reviewer:\"Dana O'Neil\""));
    JsonNode group = q("gap:(mock OR data)");
    assertTrue(holds(group, scoringOne("{\"term\":{\"gap\":\"mocks\"}}")), group.toString());
    assertTrue(holds(group, scoringOne("{\"term\":{\"gap\":\"data\"}}")), group.toString());
  }

  @Test
  void aConfidenceAloneMeansAtLeastIt() {
    assertEquals(
        json(scoringOne("{\"range\":{\"confidence\":{\"gte\":0.9}}}")), q("confidence:0.9"));
    assertEquals(
        json(scoringOne("{\"range\":{\"confidence\":{\"gt\":0.5,\"lte\":0.8}}}")),
        q("confidence:{0.5 TO 0.8]"));
    assertEquals(
        json(scoringOne("{\"exists\":{\"field\":\"confidence\"}}")),
        q("confidence:[* TO *]"),
        "any confidence: every incident with a finding");
  }

  @Test
  void optionalClausesBesideARequiredOneOrAFilterStayOptional() {
    Map<String, Object> all = Map.of("match_all", Map.of());
    JsonNode besideFilter =
        Json.mapper()
            .valueToTree(
                new StoreQuery(1).bool(List.of(), List.of(all), List.of(), List.of(all), 0));
    assertEquals(0, besideFilter.path("bool").path("minimum_should_match").asInt(-1));
    JsonNode alone =
        Json.mapper()
            .valueToTree(new StoreQuery(1).bool(List.of(), List.of(all), List.of(), List.of(), 0));
    assertEquals(1, alone.path("bool").path("minimum_should_match").asInt(-1));
  }

  @Test
  void aBoostMultipliesAndAnInvalidQueryIsRefusedWithTheLocalMessage() {
    assertEquals(
        json("{\"bool\":{\"must\":[" + word("pool", "pool") + "],\"boost\":2.0}}"), q("pool^2"));
    SearchSyntaxException e = assertThrows(SearchSyntaxException.class, () -> q("(checkout"));
    assertTrue(e.getMessage().contains("is not valid search syntax"), e.getMessage());
    assertEquals(json("{\"match_all\":{\"boost\":1.0}}"), q(""));
  }

  @Test
  void aRequestsFiltersAreFiltersOnTheSameFields() {
    SearchRequest r =
        SearchRequest.of("latency")
            .withKinds(java.util.Set.of(DocKind.INCIDENT))
            .withService("payments-api")
            .withEnvironment("Production")
            .withRange(java.time.Instant.ofEpochMilli(1000), java.time.Instant.ofEpochMilli(5000));
    JsonNode q = Json.mapper().valueToTree(StoreQuery.of(r, NAMES, 1));
    assertEquals(json(word("latency", "latenc")), q.path("bool").path("must").get(0));
    JsonNode filter = q.path("bool").path("filter");
    assertEquals(4, filter.size(), filter.toString());
    assertTrue(holds(filter, "{\"term\":{\"kind\":{\"value\":\"incident\"}}}"), "" + filter);
    assertTrue(holds(filter, "{\"term\":{\"service\":{\"value\":\"payments\"}}}"), "" + filter);
    assertTrue(holds(filter, "{\"term\":{\"env\":{\"value\":\"production\"}}}"), "" + filter);
    JsonNode time = filter.get(3).path("range").path("time");
    assertEquals(1000L, time.path("gte").asLong(), "from its start: " + filter);
    assertEquals(4999L, time.path("lte").asLong(), "to just before its end: " + filter);
  }

  @Test
  void constantScoresCarryTheFactorTheNodesBm25Carries() {
    assertEquals(2.2, StoreQuery.scoreFactor("2.19.6"), 1e-12, "legacy BM25: times k1 + 1");
    assertEquals(1.0, StoreQuery.scoreFactor("3.1.0"), 1e-12, "Lucene's own BM25");
    JsonNode q =
        Json.mapper()
            .valueToTree(
                StoreQuery.of(
                    SearchRequest.of("verdict:escape OR que* OR orders")
                        .withKinds(java.util.Set.of(DocKind.INCIDENT)),
                    NAMES,
                    StoreQuery.LEGACY_BM25));
    assertTrue(
        holds(q, scoringOne("{\"term\":{\"verdict\":\"escape\"}}").replace("1.0", "2.2")),
        "a finding scores what a term's factor makes of 1: " + q);
    assertTrue(holds(q, "{\"prefix\":{\"title\":{\"value\":\"que\",\"boost\":2.2}}}"), "" + q);
    assertTrue(holds(q, "{\"term\":{\"title\":{\"value\":\"order\"}}}"), "terms as they are: " + q);
  }
}
