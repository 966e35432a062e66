package certrenewal.adapters.web;

import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.domain.Rejection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One method of a fake use case: the calls it received, in order (arguments copied as the call
 * saw them: the adapter wipes passwords afterwards), and what it answers. Until a test says what
 * to answer, a call fails the request, so that an unexpected call cannot pass unnoticed.
 */
public final class Answer<C, R> {
    private final String name;
    private final List<C> calls = new CopyOnWriteArrayList<>();
    private volatile Function<C, R> answer;

    Answer(String name) {
        this.name = name;
        reset();
    }

    R call(C call) {
        calls.add(call);
        return answer.apply(call);
    }

    public void answers(Function<C, R> answer) {
        this.answer = answer;
    }

    public void returns(R value) {
        answers(call -> value);
    }

    /** For a method that returns nothing: it completes. */
    public void succeeds() {
        answers(call -> null);
    }

    public void refuses(Rejection.Code code) {
        answers(call -> {
            throw new RequestRefusedException(Rejection.of(code));
        });
    }

    public List<C> calls() {
        return List.copyOf(calls);
    }

    public boolean called() {
        return !calls.isEmpty();
    }

    /** The one call there was; fails the test unless there was exactly one. */
    public C onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError(name + " was called " + calls.size() + " times, expected once: " + calls);
        }
        return calls.getFirst();
    }

    void forgetCalls() {
        calls.clear();
    }

    void reset() {
        calls.clear();
        answer = call -> {
            throw new AssertionError(name + " was called, and the test did not say what it answers: " + call);
        };
    }
}
