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
 */
package certrenewal.adapters.persistence;
