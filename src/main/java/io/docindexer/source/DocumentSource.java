package io.docindexer.source;

import io.docindexer.event.ObjectEvent;
import java.io.IOException;

/** Where object bytes come from: S3 on AWS, S3Proxy locally. */
public interface DocumentSource {

    /**
     * Downloads the object an event names into a private temporary file.
     *
     * @throws ObjectGoneException when the object (or that version) no longer exists
     * @throws ObjectTooLargeException when the object is bigger than the configured limit; nothing
     *     beyond the limit is downloaded
     * @throws IOException for transient trouble worth a retry
     */
    FetchedObject fetch(ObjectEvent event) throws IOException;
}
