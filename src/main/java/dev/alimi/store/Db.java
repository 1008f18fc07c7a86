package dev.alimi.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** Where the JDBI implementations run their SQL: a fresh handle per call, or the one handle of a transaction. */
final class Db {

    private final Jdbi jdbi;
    private final Handle handle;

    private Db(Jdbi jdbi, Handle handle) {
        this.jdbi = jdbi;
        this.handle = handle;
    }

    static Db pooled(Jdbi jdbi) {
        return new Db(jdbi, null);
    }

    static Db bound(Handle handle) {
        return new Db(null, handle);
    }

    /** Runs {@code work} on a handle. */
    <R> R with(HandleCallback<R, RuntimeException> work) {
        return handle != null ? work.withHandle(handle) : jdbi.withHandle(work);
    }

    /** Runs {@code work} in a transaction: its own, or the one this Db is bound to. */
    <R> R tx(HandleCallback<R, RuntimeException> work) {
        return handle != null ? handle.inTransaction(work) : jdbi.inTransaction(work);
    }
}
