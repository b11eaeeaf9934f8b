package dev.rehearsal.importers.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds configuration entries that point an external dependency at a sandbox, a mock or a local
 * stand-in: a known vendor sandbox host ({@code api-m.sandbox.paypal.com}), a host whose name says
 * sandbox, test mode, mock, stub, fake or WireMock, a local address for a key that names an
 * external dependency, a Stripe test-mode key, or a "sandbox"/"test" mode switch.
 */
public final class MockDetector {
  private MockDetector() {}

  /** A mocked dependency: its name (lowercase) and how the entry mocks it. */
  public record Mock(String dependency, String how) {}

  /** Words in keys that name a vendor, with the dependency name they stand for. */
  private static final Map<String, String> VENDOR_WORDS = new LinkedHashMap<>();

  /** Registrable domains of vendors, with the dependency name. */
  private static final Map<String, String> VENDOR_DOMAINS = new LinkedHashMap<>();

  static {
    for (String v :
        new String[] {
          "stripe",
          "paypal",
          "braintree",
          "adyen",
          "square",
          "klarna",
          "affirm",
          "afterpay",
          "mollie",
          "razorpay",
          "worldpay",
          "authorizenet",
          "cybersource",
          "plaid",
          "twilio",
          "sendgrid",
          "mailgun",
          "mailchimp",
          "mandrill",
          "postmark",
          "sparkpost",
          "shippo",
          "easypost",
          "fedex",
          "ups",
          "dhl",
          "usps",
          "avalara",
          "taxjar",
          "auth0",
          "okta",
          "onfido",
          "jumio",
          "sift",
          "riskified",
          "signifyd",
          "segment",
          "algolia",
          "contentful",
          "salesforce",
          "hubspot",
          "zendesk",
          "intercom",
          "slack",
          "mapbox",
          "openai",
          "anthropic",
          "firebase",
          "onesignal",
          "pusher",
          "vonage",
          "nexmo",
          "messagebird",
          "recurly",
          "chargebee",
          "paddle",
          "zuora",
          "shopify",
          "netsuite",
          "quickbooks",
          "xero",
          "docusign",
          "marqeta",
          "checkoutcom",
          "gocardless",
          "wise",
          "currencycloud",
          "mangopay",
          "payoneer",
          "bolt",
          "sezzle",
          "pagseguro",
          "mercadopago"
        }) {
      VENDOR_WORDS.put(v, v);
    }
    VENDOR_WORDS.put("authorize", "authorizenet");
    VENDOR_WORDS.put("shipengine", "shipengine");
    VENDOR_WORDS.put("ses", "aws-ses");
    VENDOR_WORDS.put("sns", "aws-sns");
    VENDOR_WORDS.put("sqs", "aws-sqs");
    VENDOR_WORDS.put("s3", "aws-s3");
    VENDOR_WORDS.put("dynamodb", "aws-dynamodb");
    VENDOR_WORDS.put("kinesis", "aws-kinesis");

    String[][] domains = {
      {"paypal.com", "paypal"},
      {"braintreegateway.com", "braintree"},
      {"braintree-api.com", "braintree"},
      {"adyen.com", "adyen"},
      {"stripe.com", "stripe"},
      {"squareupsandbox.com", "square"},
      {"squareup.com", "square"},
      {"klarna.com", "klarna"},
      {"plaid.com", "plaid"},
      {"authorize.net", "authorizenet"},
      {"checkout.com", "checkout-com"},
      {"twilio.com", "twilio"},
      {"sendgrid.com", "sendgrid"},
      {"sendgrid.net", "sendgrid"},
      {"mailgun.net", "mailgun"},
      {"mailgun.org", "mailgun"},
      {"goshippo.com", "shippo"},
      {"easypost.com", "easypost"},
      {"fedex.com", "fedex"},
      {"ups.com", "ups"},
      {"dhl.com", "dhl"},
      {"usps.com", "usps"},
      {"avalara.com", "avalara"},
      {"avalara.net", "avalara"},
      {"auth0.com", "auth0"},
      {"okta.com", "okta"},
      {"oktapreview.com", "okta"},
      {"mollie.com", "mollie"},
      {"razorpay.com", "razorpay"},
      {"worldpay.com", "worldpay"},
      {"cybersource.com", "cybersource"},
      {"affirm.com", "affirm"},
      {"afterpay.com", "afterpay"},
      {"gocardless.com", "gocardless"},
      {"amazonaws.com", "aws"},
    };
    for (String[] d : domains) {
      VENDOR_DOMAINS.put(d[0], d[1]);
    }
  }

  /** Hosts that are a vendor's sandbox by the vendor's own naming, and the vendor. */
  private static final Object[][] SANDBOX_HOSTS = {
    {Pattern.compile("(?:.+\\.)?sandbox\\.paypal\\.com"), "paypal"},
    {Pattern.compile("(?:.+\\.)?sandbox\\.braintreegateway\\.com"), "braintree"},
    {Pattern.compile("(?:.+-)?test\\.adyen\\.com|.+\\.test\\.adyen\\.com"), "adyen"},
    {Pattern.compile("(?:.+\\.)?squareupsandbox\\.com"), "square"},
    {Pattern.compile("sandbox\\.plaid\\.com"), "plaid"},
    {Pattern.compile("(?:apitest|test|sandbox)\\.authorize\\.net"), "authorizenet"},
    {Pattern.compile("(?:.+\\.)?playground\\.klarna\\.com"), "klarna"},
    {Pattern.compile("(?:.+\\.)?sandbox\\.checkout\\.com"), "checkout-com"},
  };

  /** Words in keys that say the key points at an external dependency. */
  private static final Set<String> DEPENDENCY_WORDS =
      Set.of(
          "payment",
          "payments",
          "pay",
          "gateway",
          "psp",
          "acquirer",
          "billing",
          "shipping",
          "shipment",
          "shipments",
          "carrier",
          "carriers",
          "delivery",
          "fulfillment",
          "fulfilment",
          "email",
          "mail",
          "mailer",
          "smtp",
          "sms",
          "push",
          "tax",
          "fraud",
          "kyc",
          "geocoding",
          "geocoder",
          "maps",
          "crm",
          "erp",
          "partner",
          "partners",
          "thirdparty",
          "external",
          "vendor",
          "provider",
          "captcha",
          "bank",
          "banking",
          "oauth",
          "sso",
          "idp");

  /** Words dropped when a dependency name is made from a key. */
  private static final Set<String> NOISE_WORDS =
      Set.of(
          "url",
          "uri",
          "urls",
          "host",
          "hostname",
          "base",
          "endpoint",
          "endpoints",
          "api",
          "address",
          "addr",
          "port",
          "server",
          "service",
          "services",
          "svc",
          "mode",
          "sandbox",
          "test",
          "testmode",
          "mock",
          "mocked",
          "fake",
          "stub",
          "enabled",
          "enable",
          "use",
          "key",
          "keys",
          "secret",
          "token",
          "client",
          "clients",
          "http",
          "https",
          "root",
          "path",
          "prefix",
          "spring",
          "app",
          "application",
          "config",
          "integration",
          "integrations",
          "external",
          "upstream",
          "provider",
          "providers",
          "vendor",
          "remote",
          "v1",
          "v2",
          "v3",
          "live",
          "publishable",
          "public",
          "private",
          "id",
          "is",
          "on",
          "target",
          "location",
          "link",
          "connection",
          "conn",
          "dsn",
          "env",
          "rest",
          "grpc",
          "web",
          "default");

  private static final Pattern URL =
      Pattern.compile(
          "[A-Za-z][A-Za-z0-9+.\\-]{0,31}://(?:[^/\\s@]*@)?(\\[[0-9A-Fa-f:.]+\\]|[^/\\s:?#,;\"']+)(?::(\\d+))?");
  private static final Pattern HOST_PORT =
      Pattern.compile(
          "^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9](?:[A-Za-z0-9\\-.]*[A-Za-z0-9])?)(?::(\\d{1,5}))?/?$");
  private static final Set<String> HOST_KEY_WORDS =
      Set.of("host", "hostname", "address", "addr", "endpoint", "server", "domain", "url", "uri");
  private static final Set<String> LOCAL_HOSTS =
      Set.of(
          "localhost",
          "127.0.0.1",
          "0.0.0.0",
          "[::1]",
          "::1",
          "host.docker.internal",
          "host.testcontainers.internal");

  /** Hosts that are stand-ins by name: local mail catchers, LocalStack, mock servers. */
  private static final Set<String> STAND_IN_HOSTS =
      Set.of(
          "mailhog",
          "mailpit",
          "mailcatcher",
          "maildev",
          "smtp4dev",
          "greenmail",
          "localstack",
          "mockserver",
          "wiremock",
          "prism",
          "stripe-mock",
          "moto",
          "fake-smtp",
          "smtp-sink");

  private static final Pattern MOCKISH_LABEL =
      Pattern.compile("(?i).*(sandbox|test-?mode|mock|stub|fake|wiremock).*");
  private static final Pattern STRIPE_TEST_KEY = Pattern.compile("\\b([spr]k)_test_");
  private static final Set<String> MODE_VALUES =
      Set.of(
          "sandbox",
          "test",
          "testing",
          "mock",
          "fake",
          "stub",
          "simulator",
          "simulation",
          "dummy",
          "playground");
  private static final Set<String> SWITCH_WORDS =
      Set.of("sandbox", "testmode", "mock", "fake", "stub", "simulator", "dummy", "playground");

  /** Mocks an entry reveals (usually none, sometimes one; never the clear value of a secret). */
  public static List<Mock> detect(String key, String value) {
    List<Mock> out = new ArrayList<>();
    if (key == null || value == null || value.isBlank()) {
      return out;
    }
    List<String> words = Secrets.words(key);
    String keyVendor = vendorIn(words);
    boolean namesDependency =
        keyVendor != null || words.stream().anyMatch(DEPENDENCY_WORDS::contains);
    String v = value.strip();

    Matcher sk = STRIPE_TEST_KEY.matcher(v);
    if (sk.find()) {
      out.add(new Mock("stripe", "Stripe test-mode key (" + sk.group(1) + "_test_...) in " + key));
      return out;
    }

    for (String[] hp : hosts(words, v)) {
      String host = hp[0].toLowerCase(Locale.ROOT);
      String shown = hp[1] == null ? host : host + ":" + hp[1];
      String sandboxVendor = sandboxVendor(host);
      if (sandboxVendor != null) {
        out.add(new Mock(sandboxVendor, "sandbox host " + shown + " in " + key));
        return out;
      }
      boolean standIn = STAND_IN_HOSTS.contains(host) || STAND_IN_HOSTS.contains(firstLabel(host));
      boolean mockish =
          standIn || labels(host).stream().anyMatch(l -> MOCKISH_LABEL.matcher(l).matches());
      boolean local = LOCAL_HOSTS.contains(host);
      if (!mockish && !local) {
        continue;
      }
      String dep = keyVendor != null ? keyVendor : domainVendor(host);
      if (dep == null && (namesDependency || mockish)) {
        dep = fromKey(words);
      }
      if (dep == null || dep.isEmpty() || (local && !namesDependency && keyVendor == null)) {
        continue;
      }
      String kind =
          local
              ? "local address"
              : mockish && labels(host).stream().anyMatch(l -> l.contains("sandbox"))
                  ? "sandbox host"
                  : "mock host";
      out.add(new Mock(dep, kind + " " + shown + " in " + key));
      return out;
    }

    String lv = v.toLowerCase(Locale.ROOT);
    if (namesDependency) {
      String dep = keyVendor != null ? keyVendor : fromKey(words);
      if (dep != null && !dep.isEmpty()) {
        if (words.contains("mode") || words.contains("environment") || words.contains("env")) {
          if (MODE_VALUES.contains(lv)) {
            out.add(new Mock(dep, key + "=" + v));
            return out;
          }
        }
        boolean switchKey =
            words.stream().anyMatch(SWITCH_WORDS::contains)
                || (words.contains("test") && words.contains("mode"));
        if (switchKey
            && (lv.equals("true") || lv.equals("yes") || lv.equals("on") || lv.equals("1"))) {
          out.add(new Mock(dep, key + "=" + v));
        }
      }
    }
    return out;
  }

  private static String vendorIn(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (i + 1 < words.size() && (w + words.get(i + 1)).equals("authorizenet")) {
        return "authorizenet";
      }
      String v = VENDOR_WORDS.get(w);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Host and port pairs the value names. */
  private static List<String[]> hosts(List<String> keyWords, String value) {
    List<String[]> out = new ArrayList<>();
    Matcher m = URL.matcher(value);
    while (m.find() && out.size() < 8) {
      out.add(new String[] {m.group(1), m.group(2)});
    }
    if (out.isEmpty() && keyWords.stream().anyMatch(HOST_KEY_WORDS::contains)) {
      for (String part : value.split("[,;\\s]+")) {
        Matcher hp = HOST_PORT.matcher(part);
        if (hp.matches()
            && (hp.group(1).contains(".")
                || hp.group(2) != null
                || LOCAL_HOSTS.contains(hp.group(1).toLowerCase(Locale.ROOT))
                || STAND_IN_HOSTS.contains(hp.group(1).toLowerCase(Locale.ROOT))
                || MOCKISH_LABEL.matcher(hp.group(1)).matches())) {
          out.add(new String[] {hp.group(1), hp.group(2)});
        }
      }
    }
    return out;
  }

  static String sandboxVendor(String host) {
    for (Object[] s : SANDBOX_HOSTS) {
      if (((Pattern) s[0]).matcher(host).matches()) {
        return (String) s[1];
      }
    }
    return null;
  }

  /** The vendor a host belongs to by its domain, or null. */
  static String domainVendor(String host) {
    for (var e : VENDOR_DOMAINS.entrySet()) {
      if (host.equals(e.getKey()) || host.endsWith("." + e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private static List<String> labels(String host) {
    return List.of(host.split("\\."));
  }

  private static String firstLabel(String host) {
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  /** A dependency name from a key's words: "PAYMENT_GATEWAY_URL" gives "payment-gateway". */
  static String fromKey(List<String> words) {
    List<String> kept = new ArrayList<>();
    for (String w : words) {
      if (!NOISE_WORDS.contains(w) && !w.chars().allMatch(Character::isDigit)) {
        kept.add(w);
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    // the last two meaningful words name the dependency best ("clients.shipping" -> shipping)
    List<String> tail = kept.size() > 2 ? kept.subList(kept.size() - 2, kept.size()) : kept;
    return String.join("-", tail);
  }
}
