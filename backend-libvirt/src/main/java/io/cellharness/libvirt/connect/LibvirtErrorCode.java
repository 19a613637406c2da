package io.cellharness.libvirt.connect;

/**
 * libvirt's {@code virErrorNumber}, by number, exactly as {@code include/libvirt/virterror.h} of libvirt 9.0 declares
 * it (Debian 12's libvirt-dev 9.0.0-4+deb12u2; 0 to 110). Errors are mapped from the raw number libvirt reports, never
 * through libvirt-java's {@code Error.ErrorNumber}, whose table has lagged behind libvirt in some releases (codes read
 * with a wrong name). A number this table does not know reads as {@link #UNKNOWN}.
 */
public enum LibvirtErrorCode {
    OK(0),
    INTERNAL_ERROR(1),
    NO_MEMORY(2),
    NO_SUPPORT(3),
    UNKNOWN_HOST(4),
    NO_CONNECT(5),
    INVALID_CONN(6),
    INVALID_DOMAIN(7),
    INVALID_ARG(8),
    OPERATION_FAILED(9),
    GET_FAILED(10),
    POST_FAILED(11),
    HTTP_ERROR(12),
    SEXPR_SERIAL(13),
    NO_XEN(14),
    XEN_CALL(15),
    OS_TYPE(16),
    NO_KERNEL(17),
    NO_ROOT(18),
    NO_SOURCE(19),
    NO_TARGET(20),
    NO_NAME(21),
    NO_OS(22),
    NO_DEVICE(23),
    NO_XENSTORE(24),
    DRIVER_FULL(25),
    CALL_FAILED(26),
    XML_ERROR(27),
    DOM_EXIST(28),
    OPERATION_DENIED(29),
    OPEN_FAILED(30),
    READ_FAILED(31),
    PARSE_FAILED(32),
    CONF_SYNTAX(33),
    WRITE_FAILED(34),
    XML_DETAIL(35),
    INVALID_NETWORK(36),
    NETWORK_EXIST(37),
    SYSTEM_ERROR(38),
    RPC(39),
    GNUTLS_ERROR(40),
    WAR_NO_NETWORK(41),
    NO_DOMAIN(42),
    NO_NETWORK(43),
    INVALID_MAC(44),
    AUTH_FAILED(45),
    INVALID_STORAGE_POOL(46),
    INVALID_STORAGE_VOL(47),
    WAR_NO_STORAGE(48),
    NO_STORAGE_POOL(49),
    NO_STORAGE_VOL(50),
    WAR_NO_NODE(51),
    INVALID_NODE_DEVICE(52),
    NO_NODE_DEVICE(53),
    NO_SECURITY_MODEL(54),
    OPERATION_INVALID(55),
    WAR_NO_INTERFACE(56),
    NO_INTERFACE(57),
    INVALID_INTERFACE(58),
    MULTIPLE_INTERFACES(59),
    WAR_NO_NWFILTER(60),
    INVALID_NWFILTER(61),
    NO_NWFILTER(62),
    BUILD_FIREWALL(63),
    WAR_NO_SECRET(64),
    INVALID_SECRET(65),
    NO_SECRET(66),
    CONFIG_UNSUPPORTED(67),
    OPERATION_TIMEOUT(68),
    MIGRATE_PERSIST_FAILED(69),
    HOOK_SCRIPT_FAILED(70),
    INVALID_DOMAIN_SNAPSHOT(71),
    NO_DOMAIN_SNAPSHOT(72),
    INVALID_STREAM(73),
    ARGUMENT_UNSUPPORTED(74),
    STORAGE_PROBE_FAILED(75),
    STORAGE_POOL_BUILT(76),
    SNAPSHOT_REVERT_RISKY(77),
    OPERATION_ABORTED(78),
    AUTH_CANCELLED(79),
    NO_DOMAIN_METADATA(80),
    MIGRATE_UNSAFE(81),
    OVERFLOW(82),
    BLOCK_COPY_ACTIVE(83),
    OPERATION_UNSUPPORTED(84),
    SSH(85),
    AGENT_UNRESPONSIVE(86),
    RESOURCE_BUSY(87),
    ACCESS_DENIED(88),
    DBUS_SERVICE(89),
    STORAGE_VOL_EXIST(90),
    CPU_INCOMPATIBLE(91),
    XML_INVALID_SCHEMA(92),
    MIGRATE_FINISH_OK(93),
    AUTH_UNAVAILABLE(94),
    NO_SERVER(95),
    NO_CLIENT(96),
    AGENT_UNSYNCED(97),
    LIBSSH(98),
    DEVICE_MISSING(99),
    INVALID_NWFILTER_BINDING(100),
    NO_NWFILTER_BINDING(101),
    INVALID_DOMAIN_CHECKPOINT(102),
    NO_DOMAIN_CHECKPOINT(103),
    NO_DOMAIN_BACKUP(104),
    INVALID_NETWORK_PORT(105),
    NETWORK_PORT_EXIST(106),
    NO_NETWORK_PORT(107),
    NO_HOSTNAME(108),
    CHECKPOINT_INCONSISTENT(109),
    MULTIPLE_DOMAINS(110),
    /** Not a libvirt number: a code newer than libvirt 9.0, or none. */
    UNKNOWN(-1);

    private static final LibvirtErrorCode[] BY_NUMBER = new LibvirtErrorCode[MULTIPLE_DOMAINS.number + 1];

    static {
        for (LibvirtErrorCode c : values()) {
            if (c.number >= 0) {
                BY_NUMBER[c.number] = c;
            }
        }
    }

    private final int number;

    LibvirtErrorCode(int number) {
        this.number = number;
    }

    /** The number libvirt reports in {@code virError.code}. */
    public int number() {
        return number;
    }

    /** The C name, e.g. {@code VIR_ERR_NO_DOMAIN} or {@code VIR_WAR_NO_NETWORK}. */
    public String libvirtName() {
        return name().startsWith("WAR_") ? "VIR_" + name() : "VIR_ERR_" + name();
    }

    public static LibvirtErrorCode of(int number) {
        if (number < 0 || number >= BY_NUMBER.length || BY_NUMBER[number] == null) {
            return UNKNOWN;
        }
        return BY_NUMBER[number];
    }
}
