package io.docindexer.ocr;

import java.nio.IntBuffer;
import java.util.Arrays;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * How large the characters of the page just read are: the median of the longer sides of the
 * boxes Tesseract's layout analysis gave them, in pixels, whatever the page's orientation and
 * whether or not they were read right. Tesseract reads best when characters are about 20 to 40
 * pixels high; much smaller ones read as noise.
 */
final class CharacterSize {

    private CharacterSize() {}

    /** The median character size of the last recognition, or 0 when it found no characters. */
    static int median(TessAPI api, TessBaseAPI reader) {
        TessResultIterator results = api.TessBaseAPIGetIterator(reader);
        if (results == null) {
            return 0;
        }
        try {
            TessPageIterator symbols = api.TessResultIteratorGetPageIterator(results);
            IntBuffer left = IntBuffer.allocate(1);
            IntBuffer top = IntBuffer.allocate(1);
            IntBuffer right = IntBuffer.allocate(1);
            IntBuffer bottom = IntBuffer.allocate(1);
            int[] sizes = new int[64];
            int count = 0;
            do {
                if (api.TessPageIteratorBoundingBox(symbols, TessPageIteratorLevel.RIL_SYMBOL, left, top, right, bottom)
                        != 0) {
                    if (count == sizes.length) {
                        sizes = Arrays.copyOf(sizes, count * 2);
                    }
                    sizes[count++] = Math.max(right.get(0) - left.get(0), bottom.get(0) - top.get(0));
                }
            } while (api.TessPageIteratorNext(symbols, TessPageIteratorLevel.RIL_SYMBOL) != 0);
            if (count == 0) {
                return 0;
            }
            Arrays.sort(sizes, 0, count);
            return sizes[count / 2];
        } finally {
            api.TessResultIteratorDelete(results);
        }
    }
}
