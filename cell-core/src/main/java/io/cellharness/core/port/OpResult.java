package io.cellharness.core.port;

import java.util.function.Function;

/**
 * The outcome of an operation that can time out: it succeeded, it failed, or nobody knows (Jepsen's ok / fail /
 * info). An unknown outcome must be treated as "may have happened".
 */
public sealed interface OpResult<T> {

    record Ok<T>(T value) implements OpResult<T> {
    }

    /** The operation certainly did not take effect. */
    record Failed<T>(String reason) implements OpResult<T> {
    }

    /** The operation may or may not have taken effect (timeout, lost reply, broken connection). */
    record Unknown<T>(String reason) implements OpResult<T> {
    }

    static <T> OpResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static OpResult<Void> ok() {
        return new Ok<>(null);
    }

    static <T> OpResult<T> failed(String reason) {
        return new Failed<>(reason);
    }

    static <T> OpResult<T> unknown(String reason) {
        return new Unknown<>(reason);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value of an ok result; otherwise throws. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("not ok: " + this);
    }

    /** The reason of a failed or unknown result; empty for ok. */
    default String reason() {
        if (this instanceof Failed<T> f) {
            return f.reason();
        }
        if (this instanceof Unknown<T> u) {
            return u.reason();
        }
        return "";
    }

    /** Maps an ok value; failed and unknown keep their reason. */
    default <U> OpResult<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        if (this instanceof Failed<T> failed) {
            return new Failed<>(failed.reason());
        }
        return new Unknown<>(reason());
    }
}
