package io.docindexer.extract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * How many entries a zip's end-of-central-directory record declares (the Zip64 record's count when
 * the classic one is full), read from the file's last bytes before the directory itself is loaded:
 * Commons Compress keeps every entry of the directory in memory, so an archive of millions of empty
 * entries is refused by its count instead.
 */
final class ZipDirectorySize {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int END_LENGTH = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_COUNT_OFFSET = 32;

    private ZipDirectorySize() {}

    /** @return the declared number of entries, or empty when no end record is found (not a zip, or broken) */
    static OptionalLong declaredEntries(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, END_LENGTH + MAX_COMMENT);
            ByteBuffer end = read(channel, size - tail, tail);
            for (int at = tail - END_LENGTH; at >= 0; at--) {
                if (end.getInt(at) == END_SIGNATURE) {
                    int count = Short.toUnsignedInt(end.getShort(at + 10));
                    return count == 0xFFFF ? zip64Count(channel, size - tail + at) : OptionalLong.of(count);
                }
            }
            return OptionalLong.empty();
        }
    }

    private static OptionalLong zip64Count(FileChannel channel, long endOffset) throws IOException {
        if (endOffset < ZIP64_LOCATOR_LENGTH) {
            return OptionalLong.empty();
        }
        ByteBuffer locator = read(channel, endOffset - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return OptionalLong.empty();
        }
        long zip64End = locator.getLong(8);
        if (zip64End < 0 || zip64End + ZIP64_COUNT_OFFSET + 8 > channel.size()) {
            return OptionalLong.empty();
        }
        ByteBuffer record = read(channel, zip64End, ZIP64_COUNT_OFFSET + 8);
        return record.getInt(0) == ZIP64_END_SIGNATURE
                ? OptionalLong.of(record.getLong(ZIP64_COUNT_OFFSET))
                : OptionalLong.empty();
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // FileChannel may read less than asked; go on until full or at the end.
        }
        return buffer.flip();
    }
}
