/**
 * Media handling: uploaded video, audio and images probed with ffprobe, streamed with byte
 * ranges, and transcoded by FFmpeg in durable background jobs.
 */
@ApplicationModule(displayName = "Media")
package io.allice.platform.media;

import org.springframework.modulith.ApplicationModule;
