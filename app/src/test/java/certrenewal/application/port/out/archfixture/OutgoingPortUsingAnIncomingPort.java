package certrenewal.application.port.out.archfixture;

/** Breaks the ports' independence on purpose, for ArchitectureRulesBiteTest. */
public interface OutgoingPortUsingAnIncomingPort {
    certrenewal.application.port.in.AuthenticatedId who();
}
