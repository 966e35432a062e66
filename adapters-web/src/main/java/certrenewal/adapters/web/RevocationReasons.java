package certrenewal.adapters.web;

import certrenewal.domain.certificate.RevocationReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The reason select of the revocation forms (利用者管理 and the console): the domain's list, offered and read back. */
public final class RevocationReasons {
    private RevocationReasons() {
    }

    /** The reason posted as {@code name}, if it is one a person may choose. */
    public static Optional<RevocationReason> chosen(String name) {
        return RevocationReason.selectable().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The select's options in the domain's order, {@code chosen} (a posted name, or null) selected. */
    public static List<Map<String, Object>> options(String chosen, Function<RevocationReason, String> label) {
        return RevocationReason.selectable().stream().map(reason -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", reason.name());
            option.put("label", label.apply(reason));
            option.put("selected", reason.name().equals(chosen));
            return option;
        }).toList();
    }
}
