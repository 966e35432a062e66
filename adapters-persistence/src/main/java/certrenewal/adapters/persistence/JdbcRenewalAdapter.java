package certrenewal.adapters.persistence;

import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.RenewalState;
import certrenewal.domain.renewal.UnfinishedRenewals;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renewals; the database refuses a second open renewal of a login ID (see the migration). */
@Singleton
public class JdbcRenewalAdapter implements RenewalPort {
    private final RenewalRepository renewals;

    JdbcRenewalAdapter(RenewalRepository renewals) {
        this.renewals = renewals;
    }

    @Override
    public Optional<Renewal> loadRenewal(RenewalId id) {
        return renewals.findById(id.value()).map(PersistenceMapper::toRenewal);
    }

    @Override
    public Optional<Renewal> findOpenRenewal(LoginId loginId) {
        return renewals.findByOpenLoginId(loginId.value()).map(PersistenceMapper::toRenewal);
    }

    @Override
    public List<Renewal.Issued> findUnconfirmedRenewals(LoginId loginId) {
        return renewals.findByLoginIdAndStateOrderByStartedAt(loginId.value(), RenewalState.ISSUED.name()).stream()
                .map(PersistenceMapper::toIssuedRenewal)
                .toList();
    }

    /** One query for both: a renewal's start reads them in its transaction. */
    @Override
    public UnfinishedRenewals findUnfinishedRenewals(LoginId loginId) {
        Optional<Renewal.Open> open = Optional.empty();
        List<Renewal.Issued> unconfirmed = new ArrayList<>();
        for (RenewalRow row : renewals.findUnfinished(loginId.value())) {
            if (RenewalState.ISSUED.name().equals(row.state())) {
                unconfirmed.add(PersistenceMapper.toIssuedRenewal(row));
            } else {
                open = Optional.of((Renewal.Open) PersistenceMapper.toRenewal(row));
            }
        }
        return new UnfinishedRenewals(open, unconfirmed);
    }

    @Override
    public Optional<Renewal.Issued> findUnconfirmedRenewalIssuing(SerialNumber newSerial) {
        return renewals.findByNewSerialAndState(newSerial.hex(), RenewalState.ISSUED.name())
                .map(PersistenceMapper::toIssuedRenewal);
    }

    @Override
    public List<Renewal> findOpenRenewalsStartedBefore(Instant startedBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return renewals.findOpenStartedBefore(startedBefore, limit).stream()
                .map(PersistenceMapper::toRenewal)
                .toList();
    }

    @Override
    public void insertRenewal(Renewal renewal) {
        try {
            renewals.insert(PersistenceMapper.toRow(renewal));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException("login ID " + renewal.loginId()
                        + " already has an open renewal, or renewal " + renewal.id() + " exists", e);
            }
            throw SqlErrors.translateConflict(e, "renewal " + renewal.id());
        }
    }

    @Override
    public void updateRenewal(Renewal renewal) {
        RenewalRow row = PersistenceMapper.toRow(renewal);
        long changed;
        try {
            changed = renewals.updateIfUnchanged(row.id(), row.version(), row.state(), row.openLoginId(),
                    row.newSerial(), row.issuedAt(), row.confirmedAt(), row.endedAt(),
                    row.reasonCode(), row.reasonMessage());
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException("renewal " + renewal.id() + " conflicts with another renewal", e);
            }
            throw SqlErrors.translateConflict(e, "renewal " + renewal.id());
        }
        if (changed == 0) {
            throw new ConcurrentUpdateException("renewal " + renewal.id() + " was changed or removed since version "
                    + renewal.version() + " was loaded", null);
        }
    }
}
