package certrenewal.application.port.out;

import certrenewal.application.readmodel.NoticeRecord;
import certrenewal.domain.account.LoginId;
import java.util.List;

/** Reads the notice queue for the console. */
public interface NoticeQueryPort {

    /** The notices and digests addressed to {@code id}, newest first. */
    List<NoticeRecord> noticesOf(LoginId id);
}
