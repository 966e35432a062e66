package certrenewal.adapters.persistence;

import certrenewal.application.port.out.ContactPort;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** Contact details as rows of {@code contact_details}, one per login ID. */
@Singleton
public class JdbcContactAdapter implements ContactPort {
    private final SqlReads sql;

    JdbcContactAdapter(TransactionOperations<Connection> transactions) {
        this.sql = new SqlReads(transactions);
    }

    @Override
    public Optional<ContactDetails> loadContact(LoginId id) {
        return sql.read(connection -> SqlReads.first(connection,
                "SELECT email, language FROM contact_details WHERE login_id = ?", List.of(id.value()),
                row -> new ContactDetails(id, new EmailAddress(row.getString(1)),
                        NoticeLanguage.parse(row.getString(2)).orElseThrow())));
    }

    /** An update, else an insert (the same on H2 and PostgreSQL); two first inserts at once: one fails on the key. */
    @Override
    public void saveContact(ContactDetails contact) {
        List<String> values = List.of(contact.address().value(), contact.language().tag(), contact.loginId().value());
        sql.write(connection -> {
            if (SqlReads.update(connection, "UPDATE contact_details SET email = ?, language = ? WHERE login_id = ?",
                    values) == 0) {
                SqlReads.update(connection, "INSERT INTO contact_details (email, language, login_id) VALUES (?, ?, ?)",
                        values);
            }
            return null;
        });
    }
}
