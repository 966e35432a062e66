package certrenewal.application.readmodel;

import certrenewal.domain.administration.StaffRole;

/** A staff account as the security administrator's list shows it. */
public record StaffMember(String username, StaffRole role, boolean disabled, boolean locked, boolean mustChangePassword) {
}
