package io.docindexer.extract;

/**
 * A small picture of a document's first page or of an image, for a result list.
 *
 * @param bytes the encoded picture (a JPEG or PNG file)
 * @param mediaType {@code image/jpeg} or {@code image/png}
 * @param width its width in pixels
 * @param height its height in pixels
 */
public record Thumbnail(byte[] bytes, String mediaType, int width, int height) {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    /** The file name extension for its media type, without the dot. */
    public String extension() {
        return PNG.equals(mediaType) ? "png" : "jpg";
    }
}
