/**
 * The monitoring adapter: readiness checks ({@code /health}) and Prometheus metrics ({@code /prometheus}), served on
 * the management port. It reaches the system through the application's ports only: the counters from committed audit
 * events ({@link certrenewal.adapters.monitoring.CountingAuditTrail}, which the composition root wraps around the
 * audit trail), the gauges and two checks from {@code OperationsQueryPort}, the others from the CA's and the CRL's
 * ports. Micrometer and Micronaut management stay in this package (and the composition root's configuration).
 */
package certrenewal.adapters.monitoring;
