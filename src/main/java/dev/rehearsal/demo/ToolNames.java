package dev.rehearsal.demo;

import dev.rehearsal.demo.World.Service;
import dev.rehearsal.util.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What each tool calls a service under a style's naming, and how people write its name in incident
 * text. Under {@link Style.Naming} all plain, the names are the world's own (the demo's). The other
 * namings use what real organisations do: environment and priority decorations in PagerDuty, owner
 * prefixes and abbreviations in repositories, product areas or team names in Jira, organisation
 * prefixes and short environments in Heroku app names.
 */
final class ToolNames {

  /** The names an organisation has for one of the twelve named services. */
  private record Known(
      String product, // what people call it: "Notifications Fan-out"
      String area, // the product area: "Notifications"
      String abbreviation, // repository abbreviation: "notif-fanout"
      String team, // the owning team: "Team Messaging"
      String group, // GitLab group / GitHub owner of grouped repositories
      String grouped, // grouped repository name: "notifications-fanout"
      String schema, // database schema of its tables
      int tier) {}

  private static final List<Known> KNOWN =
      List.of(
          new Known(
              "Checkout",
              "Checkout",
              "chk-api",
              "Team Checkout",
              "shop",
              "checkout-api",
              "checkout",
              1),
          new Known(
              "Payments",
              "Payments",
              "pay-svc",
              "Team Payments",
              "shop",
              "payments-gateway",
              "payments",
              1),
          new Known(
              "Product Catalog",
              "Catalog",
              "catalog-api",
              "Team Catalog",
              "discovery",
              "catalog-api",
              "catalog",
              2),
          new Known(
              "Site Search",
              "Search",
              "srch",
              "Team Discovery",
              "discovery",
              "search-indexer",
              "search",
              2),
          new Known(
              "Stock Levels",
              "Stock",
              "inv-svc",
              "Team Stock",
              "shop",
              "inventory-svc",
              "stock",
              1),
          new Known(
              "Fulfilment",
              "Fulfilment",
              "ship-svc",
              "Team Fulfilment",
              "logistics",
              "shipping-worker",
              "fulfilment",
              2),
          new Known(
              "Notifications Fan-out",
              "Notifications",
              "notif-fanout",
              "Team Messaging",
              "platform",
              "notifications-fanout",
              "messaging",
              3),
          new Known(
              "Identity",
              "Identity",
              "idp",
              "Team Identity",
              "platform",
              "identity-provider",
              "identity",
              1),
          new Known(
              "Storefront",
              "Storefront",
              "storefront-web",
              "Team Web",
              "shop",
              "storefront",
              "web",
              1),
          new Known(
              "Recommendations",
              "Personalisation",
              "recs-ml",
              "Team Personalisation",
              "discovery",
              "recs-engine",
              "recs",
              3),
          new Known(
              "Order Management",
              "Orders",
              "oms",
              "Team Orders",
              "shop",
              "order-service",
              "orders",
              1),
          new Known(
              "Pricing Engine",
              "Pricing",
              "price-engine",
              "Team Pricing",
              "shop",
              "pricing-rules",
              "pricing",
              2));

  private final Style.Naming naming;
  private final List<Service> services;

  ToolNames(Style.Naming naming, List<Service> services) {
    this.naming = naming;
    this.services = services;
  }

  boolean plain() {
    return naming.pagerDuty() == Style.PagerDutyName.PLAIN
        && naming.repos() == Style.RepoName.PLAIN
        && naming.jira() == Style.JiraName.PLAIN
        && naming.heroku() == Style.AppName.PLAIN;
  }

  private static Known known(Service s) {
    if (s.index() < KNOWN.size()) {
      return KNOWN.get(s.index());
    }
    String n = s.name();
    String title = World.titleCase(n);
    StringBuilder abbr = new StringBuilder();
    for (String part : n.split("-")) {
      abbr.append(abbr.length() > 0 ? "-" : "").append(part, 0, Math.min(4, part.length()));
    }
    return new Known(
        title,
        title,
        abbr + "-svc",
        "Team " + title,
        "platform",
        n + "-core",
        n.replace('-', '_'),
        1 + s.index() % 3);
  }

  /** The service as PagerDuty names it. */
  String pagerDuty(Service s) {
    Known k = known(s);
    return switch (naming.pagerDuty()) {
      case PLAIN -> s.pagerDutyName();
      case ENV_SUFFIX -> k.product() + " (prod)";
      case PRIORITY -> "[P" + k.tier() + "] " + s.pagerDutyName() + " \u2013 production";
      case SERVICE_SUFFIX ->
          k.product().endsWith("Service") ? k.product() : k.product() + " Service";
    };
  }

  /** The service as Jira components name it. */
  String jira(Service s) {
    return switch (naming.jira()) {
      case PLAIN -> s.pagerDutyName();
      case AREA -> known(s).area();
      case TEAM -> known(s).team();
    };
  }

  /** The repository (GitHub) or project (GitLab) name, without owner or group. */
  String repo(Service s) {
    return switch (naming.repos()) {
      case PLAIN -> s.repoName();
      case ABBREVIATED -> known(s).abbreviation();
      case GROUPED -> known(s).grouped();
    };
  }

  /** The owner (GitHub) or group (GitLab) of the repository. */
  String owner(Service s) {
    return naming.repos() == Style.RepoName.GROUPED ? known(s).group() : "acme";
  }

  /** The Heroku app of the service in an environment. */
  String herokuApp(Service s, String env) {
    if (naming.heroku() == Style.AppName.PLAIN) {
      return repo(s) + "-" + env;
    }
    String shortEnv =
        switch (env) {
          case "production" -> "prod";
          case "staging" -> "stg";
          default -> env;
        };
    return "acme-" + herokuShort(s) + "-" + shortEnv;
  }

  private static String herokuShort(Service s) {
    String a = known(s).abbreviation();
    int dash = a.indexOf('-');
    return dash > 0 ? a.substring(0, dash) : a;
  }

  /** The database schema of the service's tables. */
  static String schema(Service s) {
    return known(s).schema();
  }

  /**
   * How someone writing an incident names a service: under the plain naming the PagerDuty name or
   * the service's own name (half and half, as the demo always did); otherwise what people call it,
   * its area, its repository, or its own name.
   */
  String spoken(Service s, SplittableRandom r) {
    if (plain()) {
      return r.nextDouble() < 0.5 ? s.pagerDutyName() : s.name();
    }
    Known k = known(s);
    return switch (r.nextInt(4)) {
      case 0 -> k.product();
      case 1 -> k.area();
      case 2 -> repo(s);
      default -> s.name();
    };
  }

  /**
   * The alias table an organisation would write: under the plain naming the names normalisation
   * cannot map (as the demo always did); otherwise every name a tool or a person uses that is not
   * the canonical name itself, Heroku apps both whole and without their environment (which the
   * importer splits off).
   */
  Map<String, String> aliases() {
    if (plain()) {
      return World.aliases(services);
    }
    Map<String, String> a = new TreeMap<>();
    for (Service s : services) {
      Known k = known(s);
      List<String> names =
          new ArrayList<>(
              List.of(
                  pagerDuty(s),
                  jira(s),
                  repo(s),
                  owner(s) + "/" + repo(s),
                  s.configName(),
                  k.product(),
                  k.area()));
      if (s.tool() == World.DeployTool.HEROKU) {
        String app = herokuApp(s, "production");
        names.addAll(List.of(app, app.substring(0, app.lastIndexOf('-')), herokuApp(s, "staging")));
      }
      for (String n : names) {
        if (!Texts.slug(n).equals(s.name())) {
          a.put(n, s.name());
        }
      }
    }
    return a;
  }
}
