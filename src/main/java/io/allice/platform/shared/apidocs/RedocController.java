package io.allice.platform.shared.apidocs;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** ReDoc at /redoc, with its script served from the bundled webjar rather than a CDN. */
@Hidden
@RestController
class RedocController {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Allice Platform API - ReDoc</title>
            </head>
            <body>
              <redoc spec-url="/openapi.json"></redoc>
              <script src="/webjars/redoc/2.1.5/redoc.standalone.js"></script>
            </body>
            </html>
            """;

    @GetMapping(path = "/redoc", produces = MediaType.TEXT_HTML_VALUE)
    String redoc() {
        return PAGE;
    }
}
