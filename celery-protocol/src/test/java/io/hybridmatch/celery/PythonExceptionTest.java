package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class PythonExceptionTest {

    @Test
    void mapsValidationAndCommonFailuresToBuiltins() {
        assertThat(PythonException.of(new IllegalArgumentException("bad seniority")))
                .isEqualTo(new PythonException("ValueError", "builtins", List.of("bad seniority")));
        assertThat(PythonException.of(new NumberFormatException("x")).type()).isEqualTo("ValueError");
        assertThat(PythonException.of(new UnsupportedOperationException("later")).type())
                .isEqualTo("NotImplementedError");
        assertThat(PythonException.of(new TimeoutException("es")).type()).isEqualTo("TimeoutError");
    }

    @Test
    void keepsOtherJavaNamesAndAnEmptyMessageListWhenThereIsNoMessage() {
        PythonException e = PythonException.of(new UncheckedIOException(null, new java.io.IOException()));

        assertThat(e).isEqualTo(new PythonException("UncheckedIOException", "java.io", List.of()));
        assertThat(e.toJson()).containsExactly(java.util.Map.entry("exc_type", "UncheckedIOException"),
                java.util.Map.entry("exc_message", List.of()), java.util.Map.entry("exc_module", "java.io"));
    }

    @Test
    void revocationIsCeleryTaskRevokedError() {
        assertThat(PythonException.taskRevoked("terminated"))
                .isEqualTo(new PythonException("TaskRevokedError", "celery.exceptions", List.of("terminated")));
    }

    @Test
    void aPythonErrorNamesItsPythonType() {
        PythonException e = PythonException.of(new PythonError("KeyError", "candidate_id"));

        assertThat(e).isEqualTo(new PythonException("KeyError", "builtins", List.of("candidate_id")));
        assertThat(e.repr()).isEqualTo("KeyError('candidate_id')");
    }

    @Test
    void exceptionOnlyIsPythonsLastTracebackLine() {
        // traceback.format_exception_only(type(e), e) in Python 3.11
        assertThat(new PythonException("TypeError", PythonException.BUILTINS,
                List.of("add() missing 1 required positional argument: 'y'")).exceptionOnly())
                .isEqualTo("TypeError: add() missing 1 required positional argument: 'y'\n");
        assertThat(new PythonException("NotRegistered", "celery.exceptions", List.of()).exceptionOnly())
                .isEqualTo("celery.exceptions.NotRegistered\n");
        assertThat(new PythonException("ValueError", PythonException.BUILTINS, List.of("a", 2)).exceptionOnly())
                .isEqualTo("ValueError: ('a', 2)\n");
    }
}
