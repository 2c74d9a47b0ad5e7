package io.hybridmatch.celery.worker;

/** One remote-control command: its arguments in, the reply payload out (null is Python's None). */
@FunctionalInterface
public interface RemoteCommand {

    /** Returned by a command that, like Celery's {@code shutdown}, sends no reply at all. */
    Object NO_REPLY = new Object();

    Object run(CommandArguments arguments);
}
