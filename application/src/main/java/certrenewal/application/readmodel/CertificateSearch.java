package certrenewal.application.readmodel;

import certrenewal.domain.certificate.CertificateStatus;
import java.time.LocalDate;

/**
 * A console search; every criterion may be null (not filtered). Text criteria match exactly,
 * except {@code loginIdPrefix}, which matches IDs starting with it.
 */
public record CertificateSearch(String contractNumber, String loginIdPrefix, String serialHex, CertificateStatus status,
                                LocalDate expiryFrom, LocalDate expiryTo, SortField sort, boolean descending,
                                int page, int pageSize) {
    public CertificateSearch {
        if (page < 0 || pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("page must be >= 0 and page size 1..200");
        }
        sort = sort == null ? SortField.NOT_AFTER : sort;
    }

    public enum SortField { NOT_AFTER, NOT_BEFORE, LOGIN_ID, CONTRACT_NUMBER, SERIAL, STATUS }
}
