package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostPortTest {
    @Test
    void parsesHostAndPort() {
        assertThat(HostPort.parse("10.0.0.1:5701")).isEqualTo(new HostPort("10.0.0.1", 5701));
        assertThat(HostPort.parse(" node-1.example:80 ")).hasToString("node-1.example:80");
        assertThat(HostPort.parse("10.0.0.1", 5701)).hasToString("10.0.0.1:5701");
    }

    @Test
    void rejectsBadEntriesWithOneLine() {
        assertThatThrownBy(() -> HostPort.parse("127.0.0.1:99999")).hasMessage("port 99999 is out of range (1-65535)");
        assertThatThrownBy(() -> HostPort.parse("127.0.0.1:0")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> HostPort.parse("127.0.0.1")).hasMessageContaining("not HOST:PORT");
        assertThatThrownBy(() -> HostPort.parse(":5701")).hasMessageContaining("not HOST:PORT");
        assertThatThrownBy(() -> HostPort.parse("host:x")).hasMessageContaining("bad port");
        assertThatThrownBy(() -> HostPort.parse("999.1.1.1:5701")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> HostPort.parse("a b:5701")).hasMessageContaining("bad host name");
        assertThatThrownBy(() -> HostPort.parseList(List.of(","), "--cluster")).hasMessageContaining("empty entry");
        assertThatThrownBy(() -> HostPort.parseList(List.of("10.0.0.1:5701,"), "--cluster")).hasMessageContaining("empty entry");
        assertThat(HostPort.parseList(List.of("10.0.0.1:5701,10.0.0.2:5701", "h:1"), "--cluster")).hasSize(3);
        assertThat(HostPort.parseList(List.of(), "--cluster")).isEmpty();
    }

    @Test
    void bindAddressesMustBeOwnIpv4Addresses() {
        HostPort.checkLocalAddress("127.0.0.1");
        assertThatThrownBy(() -> HostPort.checkLocalAddress("999.1.1.1")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> HostPort.checkLocalAddress("localhost")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> HostPort.checkLocalAddress("192.0.2.77")) // TEST-NET-1: never configured here
                .hasMessageContaining("not an address of this machine");
    }

    @Test
    void theDefaultBindFollowsTheMembers() {
        assertThat(HostPort.defaultBind(List.of(HostPort.parse("127.0.0.1:5701"), HostPort.parse("127.0.0.2:5702"))))
                .isEqualTo("127.0.0.1");
    }
}
