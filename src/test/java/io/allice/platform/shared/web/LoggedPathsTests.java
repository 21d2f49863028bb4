package io.allice.platform.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoggedPathsTests {

    @ParameterizedTest
    @CsvSource(textBlock = """
            /api/integrations/tradingview/webhook/s3cr3t,    /api/integrations/tradingview/webhook/[redacted]
            /shared/3f2a-token,                             /shared/[redacted]
            /shared/3f2a-token/download,                    /shared/[redacted]/download
            /api/integrations/tradingview/webhook/,         /api/integrations/tradingview/webhook/
            /api/items/12,                                  /api/items/12
            """)
    void redactsSecretSegment(String path, String expected) {
        assertThat(LoggedPaths.redact(path)).isEqualTo(expected);
    }
}
