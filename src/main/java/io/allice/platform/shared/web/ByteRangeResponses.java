package io.allice.platform.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Documents in the API description what {@link BlobResponses} does for a download or stream
 * endpoint: the conditional and range request headers it reads and the 206, 304 and 416
 * responses it sends besides the whole body.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Parameter(in = ParameterIn.HEADER, name = "Range", description = "One byte range, such as bytes=0-1023, "
        + "bytes=1024- or bytes=-500. A header with several ranges gets the whole content.",
        schema = @Schema(type = "string"))
@Parameter(in = ParameterIn.HEADER, name = "If-Range", description = "The ETag or Last-Modified date of the "
        + "version the range belongs to. Another version gets the whole content.", schema = @Schema(type = "string"))
@Parameter(in = ParameterIn.HEADER, name = "If-None-Match", description = "ETags the client already has. A match "
        + "gets 304 without a body.", schema = @Schema(type = "string"))
@ApiResponse(responseCode = "200", description = "The whole content",
        content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
@ApiResponse(responseCode = "206", description = "The requested byte range",
        headers = @Header(name = "Content-Range", description = "bytes first-last/size"),
        content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
@ApiResponse(responseCode = "304", description = "Not modified: the ETag matched If-None-Match")
@ApiResponse(responseCode = "416", description = "The range starts past the end of the content",
        headers = @Header(name = "Content-Range", description = "bytes */size"))
public @interface ByteRangeResponses {
}
