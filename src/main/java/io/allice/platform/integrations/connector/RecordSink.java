package io.allice.platform.integrations.connector;

/** Receives the records of one sync as the connector reads them, page by page. */
@FunctionalInterface
public interface RecordSink {

    void accept(ImportedRecord record);
}
