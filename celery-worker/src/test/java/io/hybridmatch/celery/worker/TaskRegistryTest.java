package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridmatch.celery.PythonError;
import io.hybridmatch.celery.TaskMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRegistryTest {

    private final CeleryTaskHandler add = CeleryTaskHandler.of("tests.add", TaskParameters.required("x", "y"), null,
            call -> ((Number) call.argument("x")).longValue() + ((Number) call.argument("y")).longValue());
    private final CeleryTaskHandler echo = CeleryTaskHandler.of("tests.echo", TaskParameters.required("value"), null,
            call -> call.argument("value"));
    private final TaskRegistry registry = new TaskRegistry(List.of(add, echo));

    @Test
    void mapCallsTheTaskOncePerItemAndIgnoresTheSignaturesOwnArguments() throws Exception {
        Object results = run("celery.map", Map.of("task", "tests.echo", "args", List.of("ignored")),
                List.of("a", List.of(1, 2)));

        assertThat(results).isEqualTo(List.of("a", List.of(1, 2)));
    }

    @Test
    void starmapSpreadsEachItemOverTheTasksParameters() throws Exception {
        assertThat(run("celery.starmap", Map.of("task", "tests.add"), List.of(List.of(1, 2), List.of(3, 4))))
                .isEqualTo(List.of(3L, 7L));
    }

    @Test
    void aTaskThisWorkerLacksIsNotRegistered() {
        assertThatThrownBy(() -> run("celery.map", Map.of("task", "python.only"), List.of(1)))
                .isInstanceOfSatisfying(PythonError.class, e -> {
                    assertThat(e.python().type()).isEqualTo("NotRegistered");
                    assertThat(e.python().message()).containsExactly("python.only");
                });
    }

    @Test
    void anItemThatDoesNotBindIsCeleryTypeError() {
        assertThatThrownBy(() -> run("celery.starmap", Map.of("task", "tests.add"), List.of(List.of(1))))
                .isInstanceOfSatisfying(PythonError.class, e -> {
                    assertThat(e.python().type()).isEqualTo("TypeError");
                    assertThat(e.python().message()).containsExactly(
                            "add() missing 1 required positional argument: 'y'");
                });
        assertThatThrownBy(() -> run("celery.starmap", Map.of("task", "tests.add"), List.of(5)))
                .isInstanceOfSatisfying(PythonError.class,
                        e -> assertThat(e.python().type()).isEqualTo("TypeError"));
    }

    @Test
    void aHandlerMayTakeABuiltinsName() {
        CeleryTaskHandler own = CeleryTaskHandler.of("celery.map", TaskParameters.required("task", "it"), null,
                call -> "own");

        assertThat(new TaskRegistry(List.of(own)).byName()).containsEntry("celery.map", own);
    }

    private Object run(String builtin, Map<String, Object> task, List<Object> items) throws Exception {
        TaskMessage message = TaskMessage.builder("id-1", builtin).build();
        return registry.byName().get(builtin).run(new TaskCall(message, Map.of("task", task, "it", items),
                (state, meta) -> { }));
    }
}
