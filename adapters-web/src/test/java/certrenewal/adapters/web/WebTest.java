package certrenewal.adapters.web;

import org.junit.jupiter.api.BeforeEach;

/** A test of the web adapter on the shared server: every test starts with fakes that have seen nothing and answer nothing. */
public abstract class WebTest {
    protected static final TestServer server = TestServer.shared();
    protected final Fakes fakes = server.fakes;

    @BeforeEach
    void forgetEveryCall() {
        fakes.reset();
    }
}
