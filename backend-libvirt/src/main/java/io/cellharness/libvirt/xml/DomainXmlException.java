package io.cellharness.libvirt.xml;

/** A VM that cannot be written as, or read from, a libvirt domain definition; the message is one line. */
public final class DomainXmlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DomainXmlException(String message) {
        super(message);
    }

    public DomainXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
