package io.allice.platform.shared.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where client addresses come from.
 *
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For}
 *     header is believed, from {@code TRUSTED_PROXIES}; empty means the TCP peer is the client
 */
@ConfigurationProperties("allice.client-address")
record ClientAddressProperties(List<String> trustedProxies) {

    ClientAddressProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(proxy -> !proxy.isEmpty()).toList();
    }
}
