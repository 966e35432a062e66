package certrenewal.application.readmodel.archfixture;

/** Breaks the read models' neutrality on purpose, for ArchitectureRulesBiteTest. */
public record ReadModelUsingAnIncomingPort(certrenewal.application.port.in.AuthenticatedId who) {
}
