package dev.corescope.cluster;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code host:port} of the cluster, and the checks of the addresses a user types: every check throws
 * {@link IllegalArgumentException} with a one-line reason, before any network is touched.
 */
public record HostPort(String host, int port) {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

    public HostPort {
        checkHost(host);
        checkPort(port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }

    /** {@code host:port}; the port is 1..65535. */
    public static HostPort parse(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("'" + t + "' is not HOST:PORT");
        }
        return new HostPort(t.substring(0, colon), parsePort(t.substring(colon + 1), t));
    }

    /** {@code host} or {@code host:port}; {@code defaultPort} when the port is left out. */
    public static HostPort parse(String text, int defaultPort) {
        String t = text == null ? "" : text.trim();
        if (t.contains(":")) {
            return parse(t);
        }
        return new HostPort(t, defaultPort);
    }

    /**
     * Comma-separated {@code host:port} lists (the values of a repeatable option, split here rather than
     * by picocli, which would drop a trailing empty entry): no entry may be empty.
     */
    public static List<HostPort> parseList(List<String> values, String option) {
        List<HostPort> out = new ArrayList<>();
        if (values != null) {
            for (String e : values.stream().flatMap(v -> java.util.Arrays.stream(v.split(",", -1))).toList()) {
                if (e == null || e.isBlank()) {
                    throw new IllegalArgumentException(option + " has an empty entry (expected HOST:PORT,HOST:PORT,...)");
                }
                try {
                    out.add(parse(e));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(option + ": " + bad.getMessage());
                }
            }
        }
        return List.copyOf(out);
    }

    static int parsePort(String digits, String context) {
        int port;
        try {
            port = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + digits + "' in '" + context + "'");
        }
        checkPort(port);
        return port;
    }

    static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (1-65535)");
        }
    }

    static void checkHost(String host) {
        if (host == null || host.isEmpty() || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("bad host name '" + host + "'");
        }
        if (host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            checkIpv4(host);
        }
    }

    /** A dotted IPv4 address, each part 0..255. */
    public static void checkIpv4(String address) {
        Matcher m = IPV4.matcher(address == null ? "" : address);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + address + "' is not an IPv4 address");
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                throw new IllegalArgumentException("'" + address + "' is not an IPv4 address (" + m.group(i) + " > 255)");
            }
        }
    }

    /** An IPv4 address of one of this machine's interfaces (what Hazelcast can bind to). */
    public static void checkLocalAddress(String address) {
        checkIpv4(address);
        try {
            if (NetworkInterface.getByInetAddress(InetAddress.getByName(address)) == null) {
                throw new IllegalArgumentException(address + " is not an address of this machine ("
                        + String.join(", ", localAddresses()) + ")");
            }
        } catch (SocketException | UnknownHostException e) {
            throw new IllegalArgumentException("cannot check " + address + ": " + e.getMessage());
        }
    }

    /** The IPv4 addresses of this machine's interfaces that are up. */
    static List<String> localAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface i : NetworkInterface.networkInterfaces().toList()) {
                if (i.isUp()) {
                    i.inetAddresses().filter(a -> a instanceof java.net.Inet4Address)
                            .forEach(a -> out.add(a.getHostAddress()));
                }
            }
        } catch (SocketException e) {
            // none known
        }
        return out;
    }

    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The address a coordinator binds when none is given: {@code 127.0.0.1} when every member is on
     * loopback, else the one this machine routes to the first member from.
     */
    public static String defaultBind(List<HostPort> members) {
        if (members.isEmpty() || members.stream().allMatch(HostPort::loopback)) {
            return "127.0.0.1";
        }
        return sourceAddressFor(members.stream().filter(m -> !m.loopback()).findFirst().orElseThrow());
    }

    /**
     * The local IPv4 address this machine sends from to reach {@code target} (asks the routing table, sends
     * nothing): the address a coordinator binds when {@code --bind} is left out.
     */
    public static String sourceAddressFor(HostPort target) {
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName(target.host()), target.port()));
            InetAddress local = s.getLocalAddress();
            if (local == null || local.isAnyLocalAddress() || !(local instanceof java.net.Inet4Address)) {
                throw new IllegalArgumentException("no local IPv4 address routes to " + target + "; pass --bind");
            }
            return local.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + target.host());
        } catch (IOException e) {
            throw new IllegalArgumentException("no route to " + target + " (" + e.getMessage() + "); pass --bind");
        }
    }
}
