package io.allice.platform.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTests {

    @Test
    void ignoresForwardedForWithoutTrustedProxies() {
        ClientAddresses addresses = new ClientAddresses(new ClientAddressProperties(List.of()));

        String address = addresses.resolve(request("10.0.0.5", "203.0.113.9"));

        assertThat(address).isEqualTo("10.0.0.5");
    }

    @Test
    void ignoresForwardedForFromUntrustedPeer() {
        ClientAddresses addresses = new ClientAddresses(new ClientAddressProperties(List.of("10.0.0.0/8")));

        String address = addresses.resolve(request("192.0.2.1", "203.0.113.9"));

        assertThat(address).isEqualTo("192.0.2.1");
    }

    @Test
    void readsForwardedForFromTrustedProxy() {
        ClientAddresses addresses = new ClientAddresses(new ClientAddressProperties(List.of("10.0.0.0/8")));

        String address = addresses.resolve(request("10.0.0.5", "203.0.113.9"));

        assertThat(address).isEqualTo("203.0.113.9");
    }

    @Test
    void skipsTrustedHopsFromTheRight() {
        ClientAddresses addresses = new ClientAddresses(new ClientAddressProperties(List.of("10.0.0.0/8", "192.0.2.7")));

        String address = addresses.resolve(request("10.0.0.5", "198.51.100.1, 203.0.113.9, 192.0.2.7, 10.1.1.1"));

        assertThat(address).as("the left-most entry is whatever the client sent").isEqualTo("203.0.113.9");
    }

    @Test
    void usesPeerWhenTrustedProxySendsNoHeader() {
        ClientAddresses addresses = new ClientAddresses(new ClientAddressProperties(List.of("127.0.0.1")));

        String address = addresses.resolve(request("127.0.0.1", null));

        assertThat(address).isEqualTo("127.0.0.1");
    }

    @Test
    void neverTrustsHostNames() {
        ClientAddresses addresses = new ClientAddresses(new ClientAddressProperties(List.of("10.0.0.0/8")));

        String address = addresses.resolve(request("10.0.0.5", "203.0.113.9, proxy.example.test"));

        assertThat(address).isEqualTo("proxy.example.test");
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/items");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
