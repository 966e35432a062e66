package certrenewal.domain.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * The two kinds of login ID. They differ only in what they may do and in who may unlock or
 * re-issue them (the customer's administrator for users, the bank for administrators).
 */
public enum IdKind {
    /** 管理者ID: the customer's own administrator. */
    ADMINISTRATOR(EnumSet.allOf(Permission.class)),
    /** 利用者ID: an ordinary user, only its own certificate. */
    USER(EnumSet.of(Permission.RENEW_OWN_CERTIFICATE));

    private final Set<Permission> permissions;

    IdKind(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** Administrator IDs are unlocked and re-issued by bank staff, user IDs by their administrator. */
    public boolean isManagedByBankStaff() {
        return this == ADMINISTRATOR;
    }
}
