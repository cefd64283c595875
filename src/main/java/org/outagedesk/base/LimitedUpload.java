package org.outagedesk.base;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.util.unit.DataSize;

/**
 * An uploaded file's bytes, counted as they are read ({@link #bytesRead()}, for a progress indicator) and refused once
 * they pass a limit ({@link TooLarge}): a CSV parser holds a whole field in memory while it reads it, so a request
 * body without a limit could fill the heap with one field.
 */
public final class LimitedUpload extends FilterInputStream {

    /** The upload passed its limit; the message names it for people ("The sales file is larger than 10 MB"). */
    public static final class TooLarge extends RuntimeException {
        TooLarge(String what, DataSize max) {
            super(what + " is larger than " + max.toMegabytes() + " MB");
        }
    }

    private final DataSize max;
    private final String what;
    /** Written by the reading thread, read by whoever shows the progress. */
    private volatile long count;

    private LimitedUpload(InputStream in, DataSize max, String what) {
        super(in);
        this.max = max;
        this.what = what;
    }

    public static LimitedUpload of(InputStream in, DataSize max, String what) {
        return new LimitedUpload(in, max, what);
    }

    /** Counted only: a file whose size was bounded before it got here (a multipart upload's own limit). */
    public static LimitedUpload counted(InputStream in) {
        return new LimitedUpload(in, DataSize.ofBytes(Long.MAX_VALUE), "The file");
    }

    /** The bytes read so far. */
    public long bytesRead() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > max.toBytes()) {
            throw new TooLarge(what, max);
        }
    }
}
