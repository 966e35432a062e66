package certrenewal.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** POSTGRES dialect also for H2: see package-info. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContractRepository extends GenericRepository<ContractRow, String> {

    Optional<ContractRow> findById(String number);

    void insert(ContractRow row);
}
