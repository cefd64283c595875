package org.outagedesk.outbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a text goes over SMPP: GSM 7-bit (data_coding 0, one septet per byte as SMSCs take it) when every character is
 * in the GSM 03.38 alphabet or its extension table (those take two septets), UCS-2 (data_coding 8) otherwise. One SMS
 * holds 160 septets or 70 UCS-2 characters; a longer text is split into parts of 153 septets or 67 characters, each
 * with a concatenation header (UDH, 8-bit reference), and an escape pair or a surrogate pair is never split.
 */
public final class SmsText {

    static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    static final String GSM_EXTENDED = "^{}\\[~]|€";
    private static final char[] EXTENDED_CODES = {0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    public enum Encoding { GSM7, UCS2 }

    private final String text;
    private final Encoding encoding;
    private final List<String> parts;

    private SmsText(String text) {
        this.text = text;
        this.encoding = fitsGsm(text) ? Encoding.GSM7 : Encoding.UCS2;
        this.parts = split(text, encoding);
    }

    public static SmsText of(String text) {
        return new SmsText(text);
    }

    public Encoding encoding() {
        return encoding;
    }

    public int parts() {
        return parts.size();
    }

    public String text() {
        return text;
    }

    static boolean fitsGsm(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == 0x1b || GSM_BASIC.indexOf(c) < 0 && GSM_EXTENDED.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int septets(char c) {
        return GSM_EXTENDED.indexOf(c) >= 0 ? 2 : 1;
    }

    private static List<String> split(String text, Encoding encoding) {
        int single = encoding == Encoding.GSM7 ? 160 : 70;
        int multi = encoding == Encoding.GSM7 ? 153 : 67;
        if (size(text, encoding) <= single) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            int w = encoding == Encoding.GSM7 ? septets(c) : 1;
            boolean pair = encoding == Encoding.UCS2 && Character.isHighSurrogate(c) && k + 1 < text.length();
            int need = pair ? 2 : w;
            if (used + need > multi) {
                parts.add(text.substring(start, k));
                start = k;
                used = 0;
            }
            used += need;
            if (pair) {
                k++;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int size(String text, Encoding encoding) {
        if (encoding == Encoding.UCS2) {
            return text.length();
        }
        int n = 0;
        for (int k = 0; k < text.length(); k++) {
            n += septets(text.charAt(k));
        }
        return n;
    }

    /**
     * The short_message payload of each part; with several parts each starts with the 6-byte UDH (IEI 0x00,
     * reference, count, number), and the esm_class must carry the UDHI flag.
     */
    public List<byte[]> payloads(int reference) {
        List<byte[]> out = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            byte[] body = encode(parts.get(k));
            if (parts.size() == 1) {
                out.add(body);
                continue;
            }
            byte[] p = new byte[6 + body.length];
            p[0] = 0x05;
            p[1] = 0x00;
            p[2] = 0x03;
            p[3] = (byte) reference;
            p[4] = (byte) parts.size();
            p[5] = (byte) (k + 1);
            System.arraycopy(body, 0, p, 6, body.length);
            out.add(p);
        }
        return out;
    }

    private byte[] encode(String part) {
        if (encoding == Encoding.UCS2) {
            return part.getBytes(StandardCharsets.UTF_16BE);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(part.length() + 8);
        for (int k = 0; k < part.length(); k++) {
            char c = part.charAt(k);
            int ext = GSM_EXTENDED.indexOf(c);
            if (ext >= 0) {
                b.write(0x1b);
                b.write(EXTENDED_CODES[ext]);
            } else {
                b.write(GSM_BASIC.indexOf(c));
            }
        }
        return b.toByteArray();
    }

    /** Decodes a payload (without UDH) as the simulator and the STOP listener read it. */
    public static String decode(byte[] payload, boolean ucs2) {
        if (ucs2) {
            return new String(payload, StandardCharsets.UTF_16BE);
        }
        StringBuilder s = new StringBuilder(payload.length);
        for (int k = 0; k < payload.length; k++) {
            int v = payload[k] & 0x7f;
            if (v == 0x1b && k + 1 < payload.length) {
                int next = payload[++k] & 0x7f;
                for (int e = 0; e < EXTENDED_CODES.length; e++) {
                    if (EXTENDED_CODES[e] == next) {
                        s.append(GSM_EXTENDED.charAt(e));
                    }
                }
            } else if (v < GSM_BASIC.length()) {
                s.append(GSM_BASIC.charAt(v));
            }
        }
        return s.toString();
    }
}
