package io.hybridmatch.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Keeps ONNX Runtime's native environment alive until the process ends. The Java binding releases it in a JVM
 * shutdown hook of its own, and shutdown hooks run concurrently with each other and with daemon threads
 * (microsoft/onnxruntime#31352): a session created, run or closed while the JVM exits — the worker's model loading
 * in the background, a batch in flight, Spring closing its context — then finds no environment and the process
 * aborts (SIGABRT, exit code 134) instead of exiting. The native environment is reference-counted; one more
 * reference, taken here once and never given back, leaves it to the operating system at exit. The binding offers no
 * public way to do that (its {@code close()} is a no-op), hence the reflection: if a later binding renames what is
 * reached here, the hold is skipped with a warning and only the old race remains.
 */
final class OrtEnvironmentHold {

    private static final System.Logger LOG = System.getLogger(OrtEnvironmentHold.class.getName());

    private OrtEnvironmentHold() {
    }

    /** The environment, held once per class loader whatever the number of callers. */
    static OrtEnvironment environment() {
        return Held.ENVIRONMENT;
    }

    private static final class Held {
        static final OrtEnvironment ENVIRONMENT = hold(OrtEnvironment.getEnvironment());
    }

    private static OrtEnvironment hold(OrtEnvironment environment) {
        try {
            Field api = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("ortApiHandle");
            api.setAccessible(true);
            Method create = OrtEnvironment.class.getDeclaredMethod("createHandle", long.class, int.class, String.class);
            create.setAccessible(true);
            create.invoke(null, api.getLong(null), OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING.getValue(), "hybridmatch-hold");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ONNX Runtime's environment could not be held until exit: a model "
                    + "in use while the JVM shuts down may abort the process (" + e + ")");
        }
        return environment;
    }
}
