package org.pmpledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The local profile's conveniences answer only requests of this machine that name this machine. */
class LoopbackTest {

    private static MockHttpServletRequest request(String remoteAddress, String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/dev/tokens");
        request.setRemoteAddr(remoteAddress);
        request.setServerName(host);
        return request;
    }

    @Test
    void aRequestOfThisMachineNamingItIsLoopback() {
        assertThat(Loopback.sent(request("127.0.0.1", "localhost"))).isTrue();
        assertThat(Loopback.sent(request("127.0.0.1", "127.0.0.1"))).isTrue();
    }

    @Test
    void aPageWhoseNameWasReboundToThisMachineIsNot() {
        assertThat(Loopback.sent(request("127.0.0.1", "evil.example"))).isFalse();
    }

    @Test
    void anotherMachineIsNot() {
        assertThat(Loopback.sent(request("192.0.2.7", "localhost"))).isFalse();
    }

    @Test
    void aForwardedRequestIsNot() {
        MockHttpServletRequest forwarded = request("127.0.0.1", "localhost");
        forwarded.addHeader("X-Forwarded-For", "192.0.2.7");

        assertThat(Loopback.sent(forwarded)).isFalse();
    }
}
