package dev.optagent.app.server;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP/1.1 requests written byte for byte, so a target such as {@code /x/../api} reaches the server unnormalised. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends exactly this request line (a {@code {}} JSON body for POST/PUT); returns the status code. */
    static int status(URI base, String method, String target, String key) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String body = method.equals("GET") || method.equals("DELETE") ? "" : "{}";
            String request = method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n"
                    + (key == null ? "" : "X-API-Key: " + key + "\r\n")
                    + (body.isEmpty() ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n")
                    + "\r\n" + body;
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1 && b != '\n'; ) head.write(b);
            String status = head.toString(StandardCharsets.US_ASCII);
            assertTrue(status.startsWith("HTTP/1.1 "), target + " answered " + status);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
