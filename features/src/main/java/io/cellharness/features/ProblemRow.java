package io.cellharness.features;

/**
 * An expected problem in a scenario table: {@code | id | path | value | limit |}; empty cells are not compared.
 */
public record ProblemRow(String id, String path, String value, String limit) {
}
