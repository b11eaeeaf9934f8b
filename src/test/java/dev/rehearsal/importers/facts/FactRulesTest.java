package dev.rehearsal.importers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules under the importers: secrets, mocks, numbers, file-name conventions. */
class FactRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "spring.datasource.password",
        "DB_PASSWORD",
        "dbPassword",
        "PASSWORD",
        "STRIPE_API_KEY",
        "x-api-key",
        "stripe.secret-key",
        "AWS_SECRET_ACCESS_KEY",
        "JWT_SECRET",
        "oauth.client-secret",
        "GITHUB_TOKEN",
        "accessToken",
        "SIGNING_KEY",
        "tls.private-key",
        "app.credentials",
        "SENTRY_DSN",
        "DB_PASS",
        "gpg.passphrase"
      })
  void secretKeys(String key) {
    assertTrue(Secrets.isSecretKey(key), key);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "server.port",
        "spring.datasource.url",
        "jwt.token.ttl",
        "oauth.token-uri",
        "password.min-length",
        "DB_PASSWORD_FILE",
        "openai.max-tokens",
        "STRIPE_PUBLIC_ID",
        "bypass.cache",
        "tokenizer.model",
        "PRIVATE_KEY_PATH"
      })
  void ordinaryKeys(String key) {
    assertFalse(Secrets.isSecretKey(key), key);
  }

  @Test
  void secretValues() {
    assertTrue(Secrets.secretValue("postgres://u:p4ss@h:5432/db").contains("password"));
    assertTrue(Secrets.secretValue("jdbc:mysql://h/db?user=a&password=b") != null);
    assertTrue(Secrets.secretValue("sk_live_abcdefghijklmnop") != null);
    assertTrue(Secrets.secretValue("-----BEGIN RSA PRIVATE KEY-----\nMIIE") != null);
    assertNull(Secrets.secretValue("https://api.example.com/v1"));
    assertNull(Secrets.secretValue("postgres://user@host/db"));
    assertEquals("line 2: db.password", Secrets.secretInside("a=1\ndb.password=x\n"));
    assertNull(Secrets.secretInside("a=1\ndb.password=\n"), "an empty secret is no secret");
  }

  @Test
  void digestIsStableAndShort() {
    assertEquals("sha256:2cf24dba5fb0a30e", Secrets.digest("hello"));
    assertEquals(Secrets.digest("x"), Secrets.digest("x"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PAYPAL_BASE_URL|https://api-m.sandbox.paypal.com|paypal|sandbox host api-m.sandbox.paypal.com in PAYPAL_BASE_URL",
        "braintree.url|https://sandbox.braintreegateway.com/merchants|braintree|sandbox host sandbox.braintreegateway.com in braintree.url",
        "ADYEN_ENDPOINT|https://checkout-test.adyen.com/v71|adyen|sandbox host checkout-test.adyen.com in ADYEN_ENDPOINT",
        "STRIPE_KEY|sk_test_abcdefghijklmnop|stripe|Stripe test-mode key (sk_test_...) in STRIPE_KEY",
        "PAYMENT_GATEWAY_URL|http://localhost:8089|payment-gateway|local address localhost:8089 in PAYMENT_GATEWAY_URL",
        "shipping.base-url|http://127.0.0.1:9000/api|shipping|local address 127.0.0.1:9000 in shipping.base-url",
        "INVENTORY_URL|http://wiremock:8080/inventory|inventory|mock host wiremock:8080 in INVENTORY_URL",
        "SMTP_HOST|mailhog|smtp|mock host mailhog in SMTP_HOST",
        "TWILIO_API|https://api.fake-twilio.test|twilio|mock host api.fake-twilio.test in TWILIO_API",
        "PAYPAL_MODE|sandbox|paypal|PAYPAL_MODE=sandbox",
        "klarna.test-mode|true|klarna|klarna.test-mode=true",
        "AWS_SES_ENDPOINT|http://localstack:4566|aws-ses|mock host localstack:4566 in AWS_SES_ENDPOINT",
      })
  void mocks(String key, String value, String dependency, String how) {
    List<MockDetector.Mock> m = MockDetector.detect(key, value);
    assertEquals(List.of(new MockDetector.Mock(dependency, how)), m);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "spring.datasource.url|jdbc:postgresql://localhost:5432/db",
        "REDIS_URL|redis://localhost:6379",
        "PAYPAL_BASE_URL|https://api-m.paypal.com",
        "STRIPE_KEY|sk_live_abcdefghijklmnop",
        "PAYPAL_MODE|live",
        "analytics.url|http://localhost:9000",
        "SERVICE_URL|http://wiremock:8080",
      })
  void notMocks(String key, String value) {
    assertTrue(MockDetector.detect(key, value).isEmpty(), key + "=" + value);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1234567|1234567|",
        "1,234,567|1234567|",
        "1 234 567|1234567|",
        "1\u00a0234\u00a0567|1234567|",
        "1\u202f234|1234|",
        "1'234'567|1234567|",
        "1.234.567|1234567|",
        "1250.5|1250.5|",
        "1 250,5|1250.5|",
        "12,5|12.5|decimal comma",
        "1,234|1234|thousands separator",
      })
  void numbers(String raw, double expected, String note) {
    Numbers.Read r = Numbers.parse(raw, "rows", false);
    assertEquals(expected, r.value());
    if (note == null) {
      assertNull(r.note());
    } else {
      assertTrue(r.note().contains(note), r.note());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lots", "-3", "1e6", "12,34,567", "", "1.5"})
  void notWholeNumbers(String raw) {
    assertThrows(IllegalArgumentException.class, () -> Numbers.parse(raw, "rows", true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "checkout.staging.properties|checkout|staging|-",
        "checkout-staging.properties|checkout|staging|-",
        "checkout_prod.env|checkout|prod|-",
        "checkout-api.prod.2024-03-01.env|checkout-api|prod|2024-03-01T00:00:00Z",
        "application-staging.yml|-|staging|-",
        "application.yml|-|-|-",
        "values-prod.yaml|-|prod|-",
        ".env|-|-|-",
        ".env.staging|-|staging|-",
        ".env.production.local|-|production|-",
        "staging.env|-|staging|-",
        "prod-eu-west-1.json|-|prod-eu-west-1|-",
        "checkout.pre-prod.properties|checkout|pre-prod|-",
        "messages_fr.properties|-|-|-",
        "checkout.staging.20240301T120000Z.properties|checkout|staging|2024-03-01T12:00:00Z",
        "orders-2024-03-01.properties|-|-|2024-03-01T00:00:00Z",
        "appsettings.Production.json|-|Production|-",
      })
  void fileNames(String name, String service, String env, String at) {
    Target t = Target.fromName(FactTests.text(name, ""), ImportContext.defaults(), true);
    assertEquals(service == null ? "" : service, t.service(), "service of " + name);
    assertEquals(env == null ? "" : env, t.rawEnvironment(), "environment of " + name);
    assertEquals(at == null ? null : Instant.parse(at), t.asOf(), "as-of of " + name);
  }
}
