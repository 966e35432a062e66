/**
 * The persistence adapter: Micronaut Data JDBC repositories over the Flyway schema in
 * {@code db/migration}, for PostgreSQL in production and H2 embedded. Rows, repositories and
 * the mapper are package-private; only the port implementations are public.
 *
 * <p>Dialect: Micronaut Data builds each repository's SQL at compile time for the dialect in
 * {@code @JdbcRepository}; {@code datasources.*.dialect} does not rebuild it at runtime (it
 * only steers type and error mapping). So every repository says {@code Dialect.POSTGRES}, and
 * H2 must run in PostgreSQL mode with lower-case identifiers
 * ({@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}); the contract
 * tests run the same code against both databases. Hand-written queries use SQL both accept.
 *
 * <p>The console's queries, whose filters and sort order vary per request, are plain JDBC in
 * {@link certrenewal.adapters.persistence.SqlReads}: SQL assembled from fixed fragments only,
 * every value a parameter. Dates and weeks are cut in Java (the start of each day in the zone,
 * passed as a parameter), because the two databases' date functions differ.
 */
package certrenewal.adapters.persistence;
