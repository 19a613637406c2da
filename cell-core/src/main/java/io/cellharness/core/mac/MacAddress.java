package io.cellharness.core.mac;

import java.util.Locale;

/**
 * A 48-bit MAC address.
 */
public record MacAddress(long value) implements Comparable<MacAddress> {

    private static final long MASK = 0xFFFF_FFFF_FFFFL;

    public MacAddress {
        if ((value & ~MASK) != 0) {
            throw new IllegalArgumentException("a MAC address has 48 bits");
        }
    }

    /**
     * Parses {@code 02:ce:11:0a:0b:0c} (colons or dashes, any case).
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static MacAddress parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("[:-]", -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address; expected six hex octets like 02:ce:11:0a:0b:0c");
        }
        long v = 0;
        for (String part : parts) {
            if (part.length() != 2 || Character.digit(part.charAt(0), 16) < 0 || Character.digit(part.charAt(1), 16) < 0) {
                throw new IllegalArgumentException("'" + text + "' is not a MAC address; expected six hex octets like 02:ce:11:0a:0b:0c");
            }
            v = (v << 8) | Integer.parseInt(part, 16);
        }
        return new MacAddress(v);
    }

    public int firstOctet() {
        return (int) (value >>> 40) & 0xff;
    }

    /** The group bit: a multicast address cannot be a NIC's own. */
    public boolean isMulticast() {
        return (firstOctet() & 0x01) != 0;
    }

    /** The U/L bit: set on addresses a manager assigns itself rather than a vendor burns in. */
    public boolean isLocallyAdministered() {
        return (firstOctet() & 0x02) != 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", (value >>> shift) & 0xff));
        }
        return sb.toString();
    }

    @Override
    public int compareTo(MacAddress o) {
        return Long.compare(value, o.value);
    }
}
