package io.cellharness.core.validation;

/**
 * One finding about a specification.
 *
 * @param severity error or warning
 * @param id       the catalogue ID of the rule (e.g. {@code L-02})
 * @param path     where in the document, e.g. {@code vms[2].nics}
 * @param value    the offending value as written or counted, e.g. {@code 9}
 * @param limit    the documented limit, e.g. {@code 8}; empty when the rule has no number
 * @param message  one sentence a person can act on
 */
public record Problem(Severity severity, String id, String path, String value, String limit, String message) {

    public static Problem error(String id, String path, Object value, Object limit, String message) {
        return new Problem(Severity.ERROR, id, path, String.valueOf(value), limit == null ? "" : String.valueOf(limit),
                message);
    }

    public static Problem warning(String id, String path, Object value, Object limit, String message) {
        return new Problem(Severity.WARNING, id, path, String.valueOf(value), limit == null ? "" : String.valueOf(limit),
                message);
    }

    /** {@code L-02 vms[0].vcpus = 711 (limit 710): ...} */
    public String oneLine() {
        StringBuilder sb = new StringBuilder(id).append(' ').append(path).append(" = ").append(value);
        if (!limit.isEmpty()) {
            sb.append(" (limit ").append(limit).append(')');
        }
        return sb.append(": ").append(message).toString();
    }
}
