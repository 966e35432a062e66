package certrenewal.application.port.in.archfixture;

/** Breaks the ports' independence on purpose, for ArchitectureRulesBiteTest. */
public interface IncomingPortUsingAnOutgoingPort {
    certrenewal.application.port.out.LoadAccountPort accounts();
}
