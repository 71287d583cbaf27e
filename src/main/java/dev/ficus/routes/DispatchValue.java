package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A value the dispatch interpreter computes for an expression, and which request attribute it
 * comes from. The interpreter runs the dispatch code once per candidate request with concrete
 * values, and once in "explore" mode with unknown values, where the origins tell which constants
 * the code compares the request against.
 *
 * @param value a {@link String}, {@link Boolean}, {@link Integer}, {@code String[]}, one of the
 *     records below, {@link Special#NULL} or {@link Special#UNKNOWN}
 * @param origin the request attribute the value is derived from
 */
record DispatchValue(Object value, Origin origin) {

  /** Values that are not Java objects of the analyzed program. */
  enum Special {
    UNKNOWN,
    NULL
  }

  /** Which request attribute a value is derived from. */
  enum Origin {
    NONE,
    METHOD,
    PATH,
    RESOURCE,
    ROUTE_KEY,
    /** A concatenation of the method and the path or resource. */
    KEY,
    /** {@code path.split("/")}. */
    SEGMENTS,
    /** {@code path.split("/")[i]}; the index is kept in {@link Segment}. */
    SEGMENT,
    SEGMENT_COUNT,
    /** The path parameters map, tested for presence. */
    PARAMS,
    /** One path parameter's value: not a dispatch attribute. */
    PARAM;

    boolean dispatches() {
      return this != NONE && this != PARAM;
    }

    boolean isPathLike() {
      return this == PATH || this == RESOURCE || this == ROUTE_KEY || this == KEY
          || this == SEGMENTS || this == SEGMENT || this == SEGMENT_COUNT;
    }
  }

  /** Objects of the event model: the event, its request context, its {@code http} part. */
  enum Role {
    EVENT,
    REQUEST_CONTEXT,
    HTTP,
    PATH_PARAMETERS,
    /** The raw input stream of a {@code RequestStreamHandler}. */
    INPUT
  }

  /** A segment of a split path, remembering its index for route synthesis. */
  record Segment(int index, String text) {}

  /** {@code Pattern.compile(regex)}. */
  record PatternValue(String regex) {}

  /** {@code pattern.matcher(input)}. */
  record MatcherValue(String regex, DispatchValue input) {}

  /** A constant of an enum, by type (simple or qualified) and name. */
  record EnumConstant(String type, String name, TypeDeclaration<?> declaration) {}

  /** A type named in an expression, for static members: {@code Routes.ORDERS}. */
  record TypeRef(TypeDeclaration<?> declaration, String name) {}

  /** A lambda or method reference, possibly stored in a dispatch table. */
  record Callable(Expression expression, TypeDeclaration<?> owner) {}

  /** One entry of a dispatch table: a constant key and the code it maps to. */
  record TableEntry(Object key, Expression value, Node source, TypeDeclaration<?> owner) {}

  /** A map used as a dispatch table, with its entries in declaration order. */
  static final class Table {
    final List<TableEntry> entries = new ArrayList<>();
    Expression defaultValue;

    TableEntry find(Object key) {
      for (TableEntry entry : entries) {
        if (DispatchInterpreter.sameConstant(entry.key(), key)) {
          return entry;
        }
      }
      return null;
    }
  }

  static final DispatchValue UNKNOWN = new DispatchValue(Special.UNKNOWN, Origin.NONE);
  static final DispatchValue NULL = new DispatchValue(Special.NULL, Origin.NONE);

  static final Set<String> HTTP_METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  static DispatchValue of(Object value) {
    return new DispatchValue(value, Origin.NONE);
  }

  static DispatchValue of(Object value, Origin origin) {
    return new DispatchValue(value, origin);
  }

  boolean isUnknown() {
    return value == Special.UNKNOWN;
  }

  boolean isNull() {
    return value == Special.NULL;
  }

  boolean isKnown() {
    return !isUnknown();
  }

  /** True, false, or null when unknown. */
  Boolean asBoolean() {
    return value instanceof Boolean b ? b : null;
  }

  String asString() {
    return value instanceof String s ? s : null;
  }

  DispatchValue withOrigin(Origin newOrigin) {
    return new DispatchValue(value, newOrigin);
  }

  DispatchValue withValue(Object newValue) {
    return new DispatchValue(newValue, origin);
  }
}
