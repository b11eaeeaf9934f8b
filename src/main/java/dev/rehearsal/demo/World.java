package dev.rehearsal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The organisation the demo scenario describes: its services, what each is called in each tool,
 * which services call which, which third parties each calls (and staging mocks), its tables, its
 * configuration keys and the tools it deploys and tests with.
 */
final class World {

  /** How a service ships. */
  enum DeployTool {
    GITLAB,
    GITHUB,
    HEROKU
  }

  /** How a service's configuration snapshots are exported. */
  enum ConfigStyle {
    PROPERTIES,
    DOTENV,
    YAML,
    CONFIGMAP
  }

  /** One service of the organisation. */
  record Service(
      int index,
      String name,
      String pagerDutyName,
      String repoName,
      String configName,
      DeployTool tool,
      ConfigStyle configStyle,
      List<String> dependsOn,
      List<String> vendors,
      List<String> tables,
      double prodPeakRps,
      long prodRows,
      boolean loadTested,
      String teamZone) {}

  /** A third party a service calls. */
  record Vendor(
      String id,
      String display,
      String prodHost,
      String sandboxHost,
      String envKey,
      List<String> endpoints) {}

  static final Map<String, Vendor> VENDORS =
      Map.of(
          "stripe",
              new Vendor(
                  "stripe",
                  "Stripe",
                  "api.stripe.com",
                  "wiremock.staging.internal",
                  "STRIPE_API_BASE",
                  List.of("POST /v1/payment_intents", "POST /v1/refunds", "GET /v1/charges/{id}")),
          "paypal",
              new Vendor(
                  "paypal",
                  "PayPal",
                  "api-m.paypal.com",
                  "api-m.sandbox.paypal.com",
                  "PAYPAL_BASE_URL",
                  List.of("POST /v2/checkout/orders", "POST /v1/oauth2/token")),
          "shippo",
              new Vendor(
                  "shippo",
                  "Shippo",
                  "api.goshippo.com",
                  "wiremock.staging.internal",
                  "SHIPPO_API_URL",
                  List.of("POST /shipments/", "POST /transactions/", "GET /tracks/{carrier}/{id}")),
          "fedex",
              new Vendor(
                  "fedex",
                  "FedEx",
                  "apis.fedex.com",
                  "apis-sandbox.fedex.com",
                  "FEDEX_API_URL",
                  List.of("POST /rate/v1/rates/quotes", "POST /ship/v1/shipments")),
          "sendgrid",
              new Vendor(
                  "sendgrid",
                  "SendGrid",
                  "api.sendgrid.com",
                  "wiremock.staging.internal",
                  "SENDGRID_API_URL",
                  List.of("POST /v3/mail/send")),
          "twilio",
              new Vendor(
                  "twilio",
                  "Twilio",
                  "api.twilio.com",
                  "wiremock.staging.internal",
                  "TWILIO_API_URL",
                  List.of("POST /2010-04-01/Accounts/{sid}/Messages.json")),
          "okta",
              new Vendor(
                  "okta",
                  "Okta",
                  "acme.okta.com",
                  "acme.oktapreview.com",
                  "OKTA_ISSUER_URL",
                  List.of("POST /oauth2/v1/token", "GET /oauth2/v1/keys")),
          "avalara",
              new Vendor(
                  "avalara",
                  "Avalara",
                  "rest.avatax.com",
                  "sandbox-rest.avatax.com",
                  "AVATAX_URL",
                  List.of("POST /api/v2/transactions/create")),
          "algolia",
              new Vendor(
                  "algolia",
                  "Algolia",
                  "acme-dsn.algolia.net",
                  "wiremock.staging.internal",
                  "ALGOLIA_HOST",
                  List.of("POST /1/indexes/*/queries")));

  private static Service svc(
      int i,
      String name,
      String pd,
      String repo,
      String cfg,
      DeployTool tool,
      ConfigStyle style,
      List<String> deps,
      List<String> vendors,
      List<String> tables,
      double rps,
      long rows,
      boolean load,
      String zone) {
    return new Service(
        i, name, pd, repo, cfg, tool, style, deps, vendors, tables, rps, rows, load, zone);
  }

  /** The twelve named services; larger scenarios add numbered ones. */
  static List<Service> services(int count) {
    List<Service> s = new ArrayList<>();
    s.add(
        svc(
            0,
            "checkout",
            "Checkout API",
            "checkout-service",
            "checkout",
            DeployTool.GITLAB,
            ConfigStyle.PROPERTIES,
            List.of("payments", "inventory", "pricing"),
            List.of("avalara"),
            List.of("carts", "cart_items", "checkout_sessions"),
            2400,
            180_000_000L,
            true,
            "Europe/Berlin"));
    s.add(
        svc(
            1,
            "payments",
            "Payments",
            "payments-api",
            "payments",
            DeployTool.GITLAB,
            ConfigStyle.PROPERTIES,
            List.of("accounts"),
            List.of("stripe", "paypal"),
            List.of("payments", "refunds", "ledger_entries"),
            1300,
            420_000_000L,
            true,
            "Europe/Berlin"));
    s.add(
        svc(
            2,
            "catalog",
            "Product Catalog",
            "catalog",
            "catalog",
            DeployTool.GITHUB,
            ConfigStyle.YAML,
            List.of(),
            List.of(),
            List.of("products", "product_variants", "categories"),
            5200,
            35_000_000L,
            false,
            "America/New_York"));
    s.add(
        svc(
            3,
            "search",
            "Search",
            "search-svc",
            "search",
            DeployTool.GITHUB,
            ConfigStyle.CONFIGMAP,
            List.of("catalog"),
            List.of("algolia"),
            List.of("search_documents", "synonyms"),
            6100,
            60_000_000L,
            true,
            "America/New_York"));
    s.add(
        svc(
            4,
            "inventory",
            "Inventory Service",
            "inventory",
            "inventory",
            DeployTool.GITLAB,
            ConfigStyle.YAML,
            List.of("catalog"),
            List.of(),
            List.of("stock_levels", "reservations", "warehouses"),
            3100,
            95_000_000L,
            true,
            "Europe/Berlin"));
    s.add(
        svc(
            5,
            "shipping",
            "Shipping & Fulfilment",
            "shipping",
            "shipping",
            DeployTool.GITHUB,
            ConfigStyle.DOTENV,
            List.of("orders"),
            List.of("shippo", "fedex"),
            List.of("shipments", "labels", "tracking_events"),
            700,
            150_000_000L,
            false,
            "America/Chicago"));
    s.add(
        svc(
            6,
            "notifications",
            "Notifications",
            "notifier",
            "notifications",
            DeployTool.HEROKU,
            ConfigStyle.DOTENV,
            List.of("accounts"),
            List.of("sendgrid", "twilio"),
            List.of("notifications", "delivery_attempts"),
            900,
            610_000_000L,
            false,
            "UTC"));
    s.add(
        svc(
            7,
            "accounts",
            "Accounts / Identity",
            "accounts-api",
            "accounts",
            DeployTool.GITHUB,
            ConfigStyle.CONFIGMAP,
            List.of(),
            List.of("okta"),
            List.of("users", "sessions", "addresses"),
            4300,
            48_000_000L,
            true,
            "Asia/Tokyo"));
    s.add(
        svc(
            8,
            "web",
            "Storefront",
            "web-frontend",
            "storefront",
            DeployTool.GITHUB,
            ConfigStyle.DOTENV,
            List.of("catalog", "search", "checkout", "accounts"),
            List.of(),
            List.of(),
            9800,
            0L,
            true,
            "America/New_York"));
    s.add(
        svc(
            9,
            "recommendations",
            "Recommendations",
            "recs",
            "recommendations",
            DeployTool.GITLAB,
            ConfigStyle.YAML,
            List.of("catalog"),
            List.of(),
            List.of("user_events", "model_features"),
            2600,
            900_000_000L,
            false,
            "Asia/Kolkata"));
    s.add(
        svc(
            10,
            "orders",
            "Orders",
            "order-service",
            "orders",
            DeployTool.GITLAB,
            ConfigStyle.PROPERTIES,
            List.of("payments", "shipping", "notifications"),
            List.of(),
            List.of("orders", "order_items", "order_status_history"),
            1800,
            260_000_000L,
            true,
            "Europe/Berlin"));
    s.add(
        svc(
            11,
            "pricing",
            "Pricing Engine",
            "pricing",
            "pricing",
            DeployTool.GITHUB,
            ConfigStyle.CONFIGMAP,
            List.of("catalog"),
            List.of("avalara"),
            List.of("price_rules", "promotions", "coupons"),
            3500,
            22_000_000L,
            true,
            "America/New_York"));
    String[] domains = {
      "ledger",
      "billing",
      "loyalty",
      "reviews",
      "media",
      "geo",
      "fraud",
      "returns",
      "wishlist",
      "ads",
      "analytics",
      "support",
      "partners",
      "tax",
      "quotes",
      "warehouse",
      "routing",
      "content",
      "banners",
      "auth-gateway"
    };
    String[] zones = {
      "UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "America/Los_Angeles"
    };
    for (int i = 12; i < count; i++) {
      String base = domains[(i - 12) % domains.length];
      int gen = (i - 12) / domains.length;
      String name = gen == 0 ? base : base + "-" + (gen + 1);
      DeployTool tool = i % 2 == 0 ? DeployTool.GITLAB : DeployTool.GITHUB;
      ConfigStyle style = ConfigStyle.values()[i % 4];
      List<String> deps = List.of(s.get(i % 12).name());
      List<String> vendors =
          i % 5 == 0 ? List.of("stripe") : i % 7 == 0 ? List.of("sendgrid") : List.of();
      s.add(
          svc(
              i,
              name,
              titleCase(name) + (i % 3 == 0 ? " Service" : ""),
              name + (i % 2 == 0 ? "-service" : ""),
              name,
              tool,
              style,
              deps,
              vendors,
              List.of(name.replace('-', '_') + "_records", name.replace('-', '_') + "_events"),
              300 + (i * 137) % 4000,
              5_000_000L + (i * 7_919_993L) % 400_000_000L,
              i % 3 != 0,
              zones[i % zones.length]));
    }
    return s.subList(0, Math.max(1, count));
  }

  static String titleCase(String s) {
    StringBuilder sb = new StringBuilder();
    for (String w : s.split("-")) {
      if (!w.isEmpty()) {
        sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)).append(' ');
      }
    }
    return sb.toString().strip();
  }

  /** Aliases a user would write down: names in tools that normalisation alone cannot map. */
  static Map<String, String> aliases(List<Service> services) {
    Map<String, String> a = new java.util.TreeMap<>();
    for (Service s : services) {
      for (String n : List.of(s.pagerDutyName(), s.repoName(), s.configName())) {
        String slug = dev.rehearsal.util.Texts.slug(n);
        String stripped = slug.replaceAll("-(api|service|svc|server|app)$", "");
        if (!slug.equals(s.name()) && !stripped.equals(s.name())) {
          a.put(n, s.name());
        }
      }
    }
    return a;
  }

  /** Configuration keys every service has, with production defaults. */
  record ConfigKey(String key, String prod, String staging, boolean expectedToDiffer) {}

  static List<ConfigKey> configKeys(Service s) {
    String db = s.name().replace('-', '_');
    List<ConfigKey> k = new ArrayList<>();
    k.add(new ConfigKey("db.host", db + "-db.prod.internal", db + "-db.staging.internal", true));
    k.add(new ConfigKey("db.user", db + "_app", db + "_app", false));
    k.add(new ConfigKey("db.password", "prod-" + db + "-pw-7f3a", "staging-" + db + "-pw", true));
    k.add(new ConfigKey("db.pool.max_size", "80", "80", false));
    k.add(new ConfigKey("db.pool.min_idle", "10", "10", false));
    k.add(new ConfigKey("db.statement_timeout_ms", "5000", "5000", false));
    k.add(new ConfigKey("http.client.timeout_ms", "2500", "2500", false));
    k.add(new ConfigKey("http.client.max_retries", "2", "2", false));
    k.add(new ConfigKey("http.server.max_threads", "200", "200", false));
    k.add(new ConfigKey("cache.ttl_seconds", "300", "300", false));
    k.add(new ConfigKey("cache.max_entries", "50000", "50000", false));
    k.add(new ConfigKey("queue.consumer.concurrency", "16", "16", false));
    k.add(new ConfigKey("ratelimit.requests_per_minute", "6000", "6000", false));
    k.add(new ConfigKey("log.level", "INFO", "DEBUG", true));
    k.add(new ConfigKey("jvm.heap.max", "4g", "4g", false));
    k.add(new ConfigKey("container.memory.limit", "6Gi", "6Gi", false));
    k.add(
        new ConfigKey(
            "sentry.dsn",
            "https://k1@sentry.acme.io/" + (10 + s.index()),
            "https://k2@sentry.acme.io/" + (10 + s.index()),
            true));
    k.add(new ConfigKey("api.token", "tok_live_" + db, "tok_test_" + db, true));
    for (String v : s.vendors()) {
      Vendor vendor = VENDORS.get(v);
      boolean wiremock = vendor.sandboxHost().startsWith("wiremock");
      k.add(
          new ConfigKey(
              vendor.envKey(),
              "https://" + vendor.prodHost(),
              wiremock
                  ? "http://" + vendor.sandboxHost() + ":8080/" + v
                  : "https://" + vendor.sandboxHost(),
              true));
      k.add(new ConfigKey(v + ".timeout_ms", "3000", "3000", false));
    }
    return k;
  }

  /** Feature flags each service has. */
  static List<String> flags(Service s) {
    String n = s.name();
    return List.of(
        n + "-new-query-path",
        n + "-async-writes",
        n + "-v2-api",
        n + "-aggressive-caching",
        n + "-batch-size-increase");
  }
}
