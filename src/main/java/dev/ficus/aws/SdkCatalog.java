package dev.ficus.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SDK-to-IAM knowledge as data ({@code sdk-catalog.tsv}): which Java types are AWS clients,
 * which of their methods are API operations, and which IAM actions each operation needs on which
 * resource. Growing coverage means adding rows, not code; docs/catalog.md describes the format.
 */
public final class SdkCatalog {

  /** The resource name of the catalog inside the jar. */
  public static final String RESOURCE = "/dev/ficus/aws/sdk-catalog.tsv";

  /** Methods of generated clients that are no API operation. */
  private static final Set<String> NOT_OPERATIONS =
      Set.of(
          "close", "serviceName", "utilities", "waiter", "serviceClientConfiguration", "builder",
          "create", "shutdown", "getCachedResponseMetadata", "setRegion", "setEndpoint",
          "getRegion", "getRegionName", "getUrl", "getResourceUrl", "equals", "hashCode",
          "toString", "getClass", "setS3ClientOptions", "setSignerRegionOverride",
          "getExecutorService");

  /** A Java type the catalog knows as an AWS client, and how its methods map to operations. */
  public record Client(String type, String module, Style style) {}

  /** How method names of a client become operation names. */
  public enum Style {
    /** SDK 2.x generated client: {@code putItem} is PutItem, {@code queryPaginator} is Query. */
    V2,
    /** SDK 1.x client: {@code putItem} is PutItem, {@code putItemAsync} too. */
    V1,
    /** A higher-level client: only the methods with a {@code call} row are AWS calls. */
    CUSTOM
  }

  /**
   * One request member naming (part of) the resource.
   *
   * @param name the member ({@code tableName}) or a special source starting with {@code @}
   * @param position the argument position in v1 convenience methods, or -1
   * @param defaultValue the value when the request does not set the member, or null
   */
  public record Member(String name, int position, String defaultValue) {
    public boolean special() {
      return name.startsWith("@");
    }
  }

  /**
   * One catalog {@code op} row: IAM actions an operation needs on one kind of resource.
   *
   * @param operation the operation key, possibly with a {@code @variant}
   * @param actions IAM actions, empty when IAM does not authorize the call
   * @param resourceType {@code prefix:type}, or null when the actions take no resource
   * @param when a condition ({@code item:put}, {@code verb:SELECT}) or null
   * @param line the catalog line, for messages
   */
  public record Grant(
      String module,
      String operation,
      List<String> actions,
      String resourceType,
      List<Member> members,
      String when,
      int line) {
    public Grant {
      actions = List.copyOf(actions);
      members = List.copyOf(members);
    }

    /** The API operation's name without the catalog variant. */
    public String apiOperation() {
      int at = operation.indexOf('@');
      return at < 0 ? operation : operation.substring(0, at);
    }
  }

  private final Map<String, String> prefixes = new TreeMap<>();
  private final Map<String, String> arnTemplates = new TreeMap<>();
  private final Map<String, Client> clients = new TreeMap<>();
  private final Map<String, String> calls = new TreeMap<>();
  private final Map<String, List<Grant>> grants = new TreeMap<>();

  private SdkCatalog() {}

  /** The catalog shipped with ficus. */
  public static SdkCatalog load() {
    try (InputStream in = SdkCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the SDK catalog " + RESOURCE + " is missing from the build");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses catalog text; a malformed row is a bug in the catalog and throws with its line. */
  public static SdkCatalog parse(String text) {
    SdkCatalog catalog = new SdkCatalog();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] c = lines[i].strip().split("\t");
      int lineNo = i + 1;
      switch (c[0]) {
        case "service" -> {
          need(c, 3, lineNo);
          catalog.prefixes.put(c[1], c[2]);
        }
        case "resource" -> {
          need(c, 3, lineNo);
          catalog.arnTemplates.put(c[1], c[2]);
        }
        case "client" -> {
          need(c, 4, lineNo);
          catalog.clients.put(
              c[1], new Client(c[1], c[2], Style.valueOf(c[3].toUpperCase(Locale.ROOT))));
        }
        case "call" -> {
          need(c, 5, lineNo);
          catalog.calls.put(c[1] + "#" + c[2], c[4]);
        }
        case "op" -> {
          need(c, 7, lineNo);
          catalog.addOp(c, lineNo);
        }
        default -> throw new IllegalArgumentException(
            "catalog line " + lineNo + ": unknown row kind '" + c[0] + "'");
      }
    }
    for (Client client : catalog.clients.values()) {
      if (!catalog.prefixes.containsKey(client.module())) {
        throw new IllegalArgumentException("client " + client.type() + " names unknown service " + client.module());
      }
    }
    return catalog;
  }

  private void addOp(String[] c, int line) {
    String module = c[1];
    String prefix = prefixes.get(module);
    if (prefix == null) {
      throw new IllegalArgumentException("catalog line " + line + ": unknown service " + module);
    }
    String operation = c[2];
    List<String> actions = new ArrayList<>();
    if (c[3].equals("-")) {
      actions.add(prefix + ":" + operation.replaceAll("@.*", ""));
    } else if (!c[3].equals("none")) {
      for (String a : c[3].split(",")) {
        actions.add(a.strip());
      }
    }
    String resourceType = c[4].equals("*") || c[4].equals("-") ? null : c[4];
    if (resourceType != null && !arnTemplates.containsKey(resourceType)) {
      throw new IllegalArgumentException("catalog line " + line + ": no resource row for " + resourceType);
    }
    List<Member> members = new ArrayList<>();
    if (!c[5].equals("-")) {
      for (String spec : c[5].split("\\+")) {
        String name = spec;
        String def = null;
        int position = -1;
        int eq = name.indexOf('=');
        if (eq > 0) {
          def = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        int at = name.indexOf('@', 1);
        if (at > 0) {
          position = Integer.parseInt(name.substring(at + 1));
          name = name.substring(0, at);
        }
        members.add(new Member(name, position, def));
      }
    }
    String when = c[6].equals("-") ? null : c[6];
    grants
        .computeIfAbsent(module + "#" + operation, k -> new ArrayList<>())
        .add(new Grant(module, operation, actions, resourceType, members, when, line));
  }

  private static void need(String[] c, int n, int line) {
    if (c.length < n) {
      throw new IllegalArgumentException(
          "catalog line " + line + ": a " + c[0] + " row needs " + n + " tab-separated columns");
    }
  }

  /** The client the catalog knows under this fully qualified type, if any. */
  public Optional<Client> client(String qualifiedType) {
    if (qualifiedType == null) {
      return Optional.empty();
    }
    Client direct = clients.get(qualifiedType);
    if (direct != null) {
      return Optional.of(direct);
    }
    // SDK 1.x concrete classes: AmazonDynamoDBClient implements AmazonDynamoDB.
    if (qualifiedType.startsWith("com.amazonaws.") && qualifiedType.endsWith("Client")) {
      return Optional.ofNullable(clients.get(qualifiedType.substring(0, qualifiedType.length() - 6)));
    }
    return Optional.empty();
  }

  /**
   * The operation key a method of a client stands for, or empty when the method is no AWS call
   * (a builder, {@code close()}, a method of a higher-level client without a row).
   */
  public Optional<String> operationOf(Client client, String method) {
    String row = calls.get(client.type() + "#" + method);
    if (row != null) {
      return Optional.of(row);
    }
    if (client.style() == Style.CUSTOM || NOT_OPERATIONS.contains(method) || method.isEmpty()) {
      return Optional.empty();
    }
    String name = method;
    if (client.style() == Style.V2 && name.endsWith("Paginator")) {
      name = name.substring(0, name.length() - "Paginator".length());
    }
    if (client.style() == Style.V1 && name.endsWith("Async") && name.length() > 5) {
      name = name.substring(0, name.length() - "Async".length());
      String asyncRow = calls.get(client.type().replaceAll("Async$", "") + "#" + name);
      if (asyncRow != null) {
        return Optional.of(asyncRow);
      }
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Character.toUpperCase(name.charAt(0)) + name.substring(1));
  }

  /** The rows of an operation; empty when the catalog does not list it. */
  public List<Grant> grants(String module, String operation) {
    return grants.getOrDefault(module + "#" + operation, List.of());
  }

  /** The IAM prefix of a service module ({@code sfn} is {@code states}). */
  public String prefix(String module) {
    return prefixes.getOrDefault(module, module);
  }

  /** The ARN template of a resource type, with {@code ${name}} for the resolved name. */
  public Optional<String> arnTemplate(String resourceType) {
    return Optional.ofNullable(arnTemplates.get(resourceType));
  }

  /** Every op row, in catalog order of keys; for the catalog's own tests. */
  public List<Grant> allGrants() {
    List<Grant> all = new ArrayList<>();
    grants.values().forEach(all::addAll);
    return Collections.unmodifiableList(all);
  }

  /** Every resource type with an ARN template. */
  public Set<String> resourceTypes() {
    return Collections.unmodifiableSet(arnTemplates.keySet());
  }

  /** Every client the catalog knows. */
  public List<Client> clients() {
    return List.copyOf(clients.values());
  }

  /** Every {@code call} row as {@code type#method -> operation}. */
  public Map<String, String> callRows() {
    return Collections.unmodifiableMap(calls);
  }
}
