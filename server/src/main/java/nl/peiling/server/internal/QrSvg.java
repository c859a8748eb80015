package nl.peiling.server.internal;

import io.nayuki.qrcodegen.QrCode;

/**
 * A link as a QR code in SVG, for posters and slides: Nayuki's QR Code generator makes the code (error
 * correction level M, so a poster still scans with a smudge), this draws its dark modules as one path
 * with the quiet zone of four modules around them that scanners need.
 */
final class QrSvg {

    private static final int QUIET = 4;

    private QrSvg() {}

    /** The SVG document of the text's QR code. */
    static String of(String text) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = code.size + 2 * QUIET;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M')
                            .append(x + QUIET)
                            .append(',')
                            .append(y + QUIET)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"" + size * 8 + "\" height=\"" + size * 8 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>\n";
    }
}
