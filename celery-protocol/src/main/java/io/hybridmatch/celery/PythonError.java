package io.hybridmatch.celery;

import java.util.List;

/**
 * An exception a Java task throws to fail with a Python exception of its choosing, e.g.
 * {@code throw new PythonError("KeyError", "candidate_id")}: the client's {@code AsyncResult.get()} raises
 * {@code KeyError('candidate_id')}, as a Python task raising it would make it. The module defaults to builtins.
 */
public final class PythonError extends RuntimeException {

    private final transient PythonException python;

    public PythonError(String type, Object... args) {
        this(new PythonException(type, PythonException.BUILTINS, List.of(args)));
    }

    public PythonError(PythonException python) {
        super(python.repr());
        this.python = python;
    }

    public PythonException python() {
        return python;
    }
}
