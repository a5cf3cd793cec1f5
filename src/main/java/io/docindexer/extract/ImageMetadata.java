package io.docindexer.extract;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

/** An image's EXIF: when it was taken, with which camera, and which way up. */
final class ImageMetadata {

    private ImageMetadata() {}

    /** @return {@link DocumentMetadata#NONE} for an image without EXIF or one the reader cannot parse */
    static DocumentMetadata read(Path file) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException | IOException unreadable) {
            return DocumentMetadata.NONE;
        }
        ExifIFD0Directory camera = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exposure = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (camera == null && exposure == null) {
            return DocumentMetadata.NONE;
        }
        return DocumentMetadata.ofImage(
                exposure == null ? null : taken(exposure),
                camera == null ? null : trimmed(camera.getString(ExifIFD0Directory.TAG_MAKE)),
                camera == null ? null : trimmed(camera.getString(ExifIFD0Directory.TAG_MODEL)),
                camera == null ? null : camera.getInteger(ExifIFD0Directory.TAG_ORIENTATION));
    }

    /**
     * EXIF dates carry no zone unless the camera wrote an offset tag; without one they are read
     * as UTC, so the stored instant is the camera clock's reading, not shifted by where the
     * function runs.
     */
    private static Instant taken(ExifSubIFDDirectory exposure) {
        Date date = exposure.getDateOriginal(TimeZone.getTimeZone("UTC"));
        return date == null ? null : date.toInstant();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
