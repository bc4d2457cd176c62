package dev.kpp.importer.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP proxy on loopback for tests: CONNECT tunnels (https:// servers) and absolute-form
 * requests (http:// servers, forwarded one request per connection). Records each request line.
 */
final class TestProxy implements AutoCloseable {
    private final ServerSocket socket;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    TestProxy() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket c = socket.accept();
                Thread t = new Thread(() -> serve(c), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            lines.add(requestLine);
            String[] parts = requestLine.split(" ");
            if (parts[0].equals("CONNECT")) {
                String[] hp = parts[1].split(":");
                try (Socket up = new Socket(hp[0], Integer.parseInt(hp[1]))) {
                    client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    client.getOutputStream().flush();
                    pipe(in, up.getOutputStream());
                    up.getInputStream().transferTo(client.getOutputStream());
                }
                return;
            }
            URI target = URI.create(parts[1]);
            try (Socket up = new Socket(target.getHost(), target.getPort())) {
                String rest = head.substring(head.indexOf("\r\n") + 2).replaceAll("(?im)^(connection|proxy-connection):.*\r\n",
                        "");
                String origin = parts[0] + " " + target.getRawPath() + (target.getRawQuery() == null ? ""
                        : "?" + target.getRawQuery()) + " " + parts[2] + "\r\nConnection: close\r\n" + rest;
                up.getOutputStream().write(origin.getBytes(StandardCharsets.ISO_8859_1));
                up.getOutputStream().flush();
                up.getInputStream().transferTo(client.getOutputStream());
            }
        } catch (IOException | RuntimeException e) {
            // a test proxy: the client sees the connection close
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // closed
            }
        }, "test-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
            if (state == 4) {
                break;
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
