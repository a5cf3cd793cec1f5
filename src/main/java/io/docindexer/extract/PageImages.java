package io.docindexer.extract;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The images a PDF page draws, found in its resources (and those of the forms it draws) without
 * decoding them: whether there are any, and the largest one's pixel count, which rendering
 * would decode in full.
 */
record PageImages(boolean any, long largestPixels) {

    /** Forms can draw forms; a malicious file can make that a cycle. */
    private static final int MAX_FORM_DEPTH = 8;

    static PageImages of(PDResources resources) throws IOException {
        return scan(resources, 0);
    }

    private static PageImages scan(PDResources resources, int depth) throws IOException {
        boolean any = false;
        long largest = 0;
        if (resources == null || depth > MAX_FORM_DEPTH) {
            return new PageImages(false, 0);
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xObject = resources.getXObject(name);
            if (xObject instanceof PDImageXObject image) {
                any = true;
                largest = Math.max(largest, (long) image.getWidth() * image.getHeight());
            } else if (xObject instanceof PDFormXObject form) {
                PageImages inner = scan(form.getResources(), depth + 1);
                any |= inner.any();
                largest = Math.max(largest, inner.largestPixels());
            }
        }
        return new PageImages(any, largest);
    }
}
