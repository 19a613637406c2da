package io.cellharness.features.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One libvirt host the scenarios run on, named as the scenarios name hosts, and the URI of its daemon.
 *
 * @param host the host name ({@code cube1}, ...)
 * @param uri  its libvirt URI
 */
public record LibvirtTarget(String host, String uri) {

    /** The system property holding the targets: {@code cube1=URI,cube2=URI}, or one URI for {@code cube1}. */
    public static final String PROPERTY = "cell.libvirt.uri";

    /** The host a lone URI is given to. */
    public static final String FIRST_HOST = "cube1";

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /**
     * Reads {@code host=uri[,host=uri...]} or a single URI (which names {@link #FIRST_HOST}). A URI may itself
     * contain {@code =} ({@code ?socket=...}): an entry is {@code host=uri} only when what precedes its first
     * {@code =} is a plain host name.
     *
     * @throws BackendUnavailableException with one line naming what is wrong
     */
    public static List<LibvirtTarget> parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            throw new BackendUnavailableException(PROPERTY + " is empty; give a libvirt URI, or host=URI pairs "
                    + "separated by commas");
        }
        String[] entries = value.split(",");
        Map<String, LibvirtTarget> targets = new LinkedHashMap<>();
        for (String raw : entries) {
            String entry = raw.trim();
            int eq = entry.indexOf('=');
            String host = eq > 0 ? entry.substring(0, eq) : "";
            if (!HOST_NAME.matcher(host).matches()) {
                if (entries.length > 1) {
                    throw new BackendUnavailableException(PROPERTY + ": '" + entry + "' is not host=URI; with several "
                            + "hosts each needs its name, e.g. cube1=qemu+tcp://10.0.0.1/system");
                }
                return List.of(new LibvirtTarget(FIRST_HOST, entry));
            }
            String uri = entry.substring(eq + 1).trim();
            if (uri.isEmpty()) {
                throw new BackendUnavailableException(PROPERTY + ": host " + host + " has no URI");
            }
            if (targets.put(host, new LibvirtTarget(host, uri)) != null) {
                throw new BackendUnavailableException(PROPERTY + ": host " + host + " is named twice");
            }
        }
        return new ArrayList<>(targets.values());
    }
}
