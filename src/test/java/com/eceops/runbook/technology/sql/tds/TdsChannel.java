package com.eceops.runbook.technology.sql.tds;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** TDS packets on one socket (MS-TDS 2.2.3): an 8-byte header, messages spread over packets up to EOM. */
final class TdsChannel {

    static final int SQL_BATCH = 0x01;
    static final int RPC = 0x03;
    static final int TABULAR_RESULT = 0x04;
    static final int ATTENTION = 0x06;
    static final int LOGIN7 = 0x10;
    static final int PRELOGIN = 0x12;
    /** The client's next security token in a Windows login (MS-TDS 2.2.6.8). */
    static final int SSPI = 0x11;

    // Smaller than any size the driver negotiates, so one size fits every client.
    private static final int PACKET_SIZE = 4096;

    record Message(int type, byte[] payload) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    TdsChannel(Socket socket) throws IOException {
        this.socket = socket;
        InputStream input = socket.getInputStream();
        this.in = new DataInputStream(input);
        this.out = socket.getOutputStream();
    }

    /** The next whole message, or null at end of stream. */
    Message read() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int type;
        while (true) {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            type = first;
            int status = in.readUnsignedByte();
            int length = in.readUnsignedShort();
            in.skipNBytes(4);
            payload.writeBytes(in.readNBytes(length - 8));
            if ((status & 0x01) != 0) {
                return new Message(type, payload.toByteArray());
            }
        }
    }

    /** The next message if one arrives within {@code millis}, else null: how a slow statement notices ATTENTION. */
    Message readWithin(long millis) throws IOException {
        socket.setSoTimeout((int) Math.max(1, millis));
        try {
            return read();
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(0);
        }
    }

    synchronized void write(int type, byte[] payload) throws IOException {
        int offset = 0;
        int packetId = 1;
        do {
            int chunk = Math.min(PACKET_SIZE - 8, payload.length - offset);
            boolean last = offset + chunk == payload.length;
            int length = chunk + 8;
            out.write(new byte[] {(byte) type, (byte) (last ? 1 : 0), (byte) (length >>> 8), (byte) length, 0, 0,
                    (byte) packetId++, 0});
            out.write(payload, offset, chunk);
            offset += chunk;
        } while (offset < payload.length);
        out.flush();
    }
}
