package com.eceops.runbook.technology.sql.tds;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads what the driver sends: LOGIN7 (MS-TDS 2.2.6.4), SQL_BATCH (2.2.6.7) and RPC (2.2.6.6). */
final class TdsRequests {

    private TdsRequests() {
    }

    /** {@code sspi}: the security token of a Windows login (NTLM's NEGOTIATE_MESSAGE), empty for a SQL login. */
    record Login(String user, String password, String database, int packetSize, boolean integratedSecurity, byte[] sspi) {
        @Override
        public String toString() {
            return "Login[" + user + ", database " + database + "]";
        }
    }

    static Login login(byte[] payload) {
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        int packetSize = b.getInt(8);
        boolean integrated = (payload[25] & 0x80) != 0;
        String user = text(payload, b.getShort(40), b.getShort(42));
        byte[] password = new byte[(b.getShort(46) & 0xFFFF) * 2];
        int at = b.getShort(44) & 0xFFFF;
        for (int i = 0; i < password.length; i++) {
            int x = (payload[at + i] & 0xFF) ^ 0xA5;
            password[i] = (byte) (((x & 0x0F) << 4) | ((x & 0xF0) >>> 4));
        }
        String database = text(payload, b.getShort(68), b.getShort(70));
        int sspiAt = b.getShort(78) & 0xFFFF;
        int sspiLength = b.getShort(80) & 0xFFFF;
        if (sspiLength == 0xFFFF) {
            sspiLength = b.getInt(90);
        }
        byte[] sspi = java.util.Arrays.copyOfRange(payload, sspiAt, sspiAt + sspiLength);
        return new Login(user, new String(password, StandardCharsets.UTF_16LE), database, packetSize, integrated, sspi);
    }

    static String batch(byte[] payload) {
        int headers = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        return new String(payload, headers, payload.length - headers, StandardCharsets.UTF_16LE);
    }

    /** An RPC call: the statement of sp_executesql (or the procedure name) and the values that followed it. */
    record Rpc(String statement, List<Object> parameters) {
    }

    static Rpc rpc(byte[] payload) {
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        b.position(b.getInt(0));
        int nameLength = b.getShort() & 0xFFFF;
        String procedure;
        if (nameLength == 0xFFFF) {
            procedure = "procid:" + (b.getShort() & 0xFFFF);
        } else {
            byte[] name = new byte[nameLength * 2];
            b.get(name);
            procedure = new String(name, StandardCharsets.UTF_16LE);
        }
        b.getShort(); // option flags
        List<Object> values = new ArrayList<>();
        while (b.hasRemaining()) {
            int nameChars = b.get() & 0xFF;
            b.position(b.position() + nameChars * 2 + 1); // name, status flags
            int type = b.get() & 0xFF;
            if (type == 0xE7 || type == 0xEF) {
                values.add(nvarchar(b));
            } else if (type == 0x26) {
                b.get();
                int length = b.get() & 0xFF;
                values.add(length == 0 ? null : length == 4 ? (Object) b.getInt() : (Object) b.getLong());
            } else {
                break; // a type the tests do not send: stop reading rather than guess
            }
        }
        if (procedure.equals("procid:10") && !values.isEmpty()) {
            // sp_executesql: @stmt, @params, then the values
            return new Rpc((String) values.get(0), values.size() > 2 ? values.subList(2, values.size()) : List.of());
        }
        return new Rpc(procedure, values);
    }

    private static String nvarchar(ByteBuffer b) {
        int maxLength = b.getShort() & 0xFFFF;
        b.position(b.position() + 5); // collation
        if (maxLength == 0xFFFF) {
            long total = b.getLong();
            if (total == -1L) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            int chunk;
            while ((chunk = b.getInt()) != 0) {
                byte[] bytes = new byte[chunk];
                b.get(bytes);
                text.append(new String(bytes, StandardCharsets.UTF_16LE));
            }
            return text.toString();
        }
        int length = b.getShort() & 0xFFFF;
        if (length == 0xFFFF) {
            return null;
        }
        byte[] bytes = new byte[length];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_16LE);
    }

    private static String text(byte[] payload, short offset, short chars) {
        return new String(payload, offset & 0xFFFF, (chars & 0xFFFF) * 2, StandardCharsets.UTF_16LE);
    }
}
