package org.pmpledger.command.dispatch;

/**
 * What a request's thread holds that deciding its commands relies on (the local profile's demo instant). A request's
 * commands may be decided on another request's thread, with a group ({@link CommandGroups}): what each request's
 * thread held is put in place there while its commands are decided.
 */
@FunctionalInterface
public interface RequestThreadContext {

    /** On the request's thread: what it holds now. */
    Captured capture();

    /** A request thread's context, to be put in place on the deciding thread. */
    @FunctionalInterface
    interface Captured {

        /** Puts the context in place on the current thread until the answer is closed, which restores what was there. */
        Scope open();

        /** Nothing to carry. */
        Captured NOTHING = () -> () -> {};
    }

    /** The time a captured context is in place on a thread. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
