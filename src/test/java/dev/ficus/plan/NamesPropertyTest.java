package dev.ficus.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cluster.DataAccess;
import dev.ficus.cluster.HandBuilt;
import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a route's method and path hold (any Unicode, punctuation, braces, very long
 * segments), the names derived from it are valid where they go (CloudFormation logical ids,
 * kebab-case service names of at most 64 characters), unique within a plan, and the same on every
 * run.
 */
class NamesPropertyTest {

  /** Path text as it is found in real code and templates, and worse. */
  static Arbitrary<String> segments() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().numeric().withChars("-_.~").ofMinLength(0).ofMaxLength(12),
            Arbitraries.strings().all().ofMinLength(0).ofMaxLength(8),
            Arbitraries.strings().withChars("{}+*:$#`'\" |\\?%&\u00e9\u00fc\u4e2d\ud83d\ude00").ofMaxLength(6),
            Arbitraries.strings().alpha().ofLength(150),
            Arbitraries.of("orders", "Orders", "a-b", "a_b", "a.b", "{id}", "{proxy+}", ":id", "*", ".."));
    return word;
  }

  @Provide
  static Arbitrary<String> paths() {
    return segments().list().ofMaxSize(6).map(list -> "/" + String.join("/", list));
  }

  @Provide
  static Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "ANY", "HEAD", "OPTIONS", "*", "x-custom"),
        Arbitraries.strings().all().ofMaxLength(5));
  }

  @Provide
  static Arbitrary<Route> routes() {
    return Combinators.combine(methods(), paths()).as((m, p) -> HandBuilt.route(m + " " + p));
  }

  @Provide
  static Arbitrary<List<Route>> routeLists() {
    return routes().list().ofMinSize(1).ofMaxSize(12);
  }

  @Example
  void examplesOfNamesFromOddPaths() {
    assertThat(Names.function(HandBuilt.route("GET /caf\u00e9/{id}"))).isEqualTo("GetCafeById");
    assertThat(Names.function(HandBuilt.route("* /\u4e2d\u6587"))).isEqualTo("Route");
    assertThat(Names.functions(List.of(HandBuilt.route("GET /a-b"), HandBuilt.route("GET /a_b"))))
        .containsExactly("GetAB", "GetAB2");
    List<String> services =
        Names.services(
            List.of(List.of(HandBuilt.route("GET /" + "x".repeat(100))), List.of(HandBuilt.route("GET /" + "x".repeat(90)))),
            false,
            DataAccess.defaults());
    assertThat(services).containsExactly("x".repeat(56), "x".repeat(56) + "-2");
  }

  @Property
  void aFunctionNameIsAlwaysALogicalId(@ForAll("routes") Route route) {
    assertThat(Names.function(route)).matches("[A-Za-z0-9]{1,255}");
    assertThat(Names.isLogicalId(Names.function(route))).isTrue();
  }

  @Property(tries = 300)
  void functionNamesAreUniqueValidAndStable(@ForAll("routeLists") List<Route> routes) {
    List<String> names = Names.functions(routes);
    assertThat(names).hasSameSizeAs(routes).doesNotHaveDuplicates().allMatch(Names::isLogicalId);
    assertThat(Names.functions(List.copyOf(routes))).isEqualTo(names);
  }

  @Property(tries = 500)
  void kebabGivesKebabCaseOrNothing(@ForAll("paths") String text) {
    String kebab = Names.kebab(text);
    assertThat(kebab.isEmpty() || kebab.matches("[a-z0-9]+(-[a-z0-9]+)*")).as(kebab).isTrue();
  }

  @Property(tries = 200)
  void serviceNamesAreUniqueValidAndStable(@ForAll("routeLists") List<Route> routes) {
    // One service per route, then the same routes in groups of two: both ways of naming.
    List<List<Route>> single = new ArrayList<>();
    routes.forEach(r -> single.add(List.of(r)));
    List<List<Route>> pairs = new ArrayList<>();
    for (int i = 0; i < routes.size(); i += 2) {
      pairs.add(routes.subList(i, Math.min(i + 2, routes.size())));
    }
    for (List<List<Route>> groups : List.of(single, pairs)) {
      for (boolean byResource : new boolean[] {false, true}) {
        List<String> names = Names.services(groups, byResource, DataAccess.defaults());
        assertThat(names).hasSameSizeAs(groups).doesNotHaveDuplicates();
        assertThat(names).allSatisfy(n -> assertThat(Names.isServiceName(n)).as(n).isTrue());
        assertThat(Names.services(groups, byResource, DataAccess.defaults())).isEqualTo(names);
      }
    }
  }

  @Property(tries = 300)
  void serviceNamedAfterAWrittenResourceIsValidToo(@ForAll("paths") String table) {
    Route route = HandBuilt.route("POST /x", HandBuilt.writes(table.isEmpty() ? "t" : table));
    Route other = HandBuilt.route("GET /y", HandBuilt.writes(table + "x"));
    List<String> names = Names.services(List.of(List.of(route), List.of(other)), true, DataAccess.defaults());
    assertThat(names).doesNotHaveDuplicates()
        .allSatisfy(n -> assertThat(Names.isServiceName(n)).as(n).isTrue());
  }
}
