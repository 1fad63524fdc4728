package com.eceops.runbook.technology.sql.tds;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the token stream of a TDS 7.4 tabular response (MS-TDS 2.2.7). Only what the tests need: LOGINACK,
 * ENVCHANGE, INFO, ERROR, COLMETADATA and ROW for NVARCHAR and INT columns, RETURNSTATUS and the DONE family.
 */
final class TdsTokens {

    static final int DONE_FINAL = 0x0000;
    static final int DONE_MORE = 0x0001;
    static final int DONE_ERROR = 0x0002;
    static final int DONE_COUNT = 0x0010;
    static final int DONE_ATTN = 0x0020;

    // SQL_Latin1_General_CP1_CI_AS; the driver insists on exactly five bytes.
    static final byte[] COLLATION = {0x09, 0x04, (byte) 0xD0, 0x00, 0x34};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    byte[] bytes() {
        return out.toByteArray();
    }

    TdsTokens loginAck(String programName) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(1); // SQL interface
        body.writeBytes(new byte[] {0x74, 0x00, 0x00, 0x04}); // TDS 7.4
        bVarChar(body, programName);
        body.writeBytes(new byte[] {13, 0, 0x13, (byte) 0x88}); // 13.0.5000: SQL Server 2016 SP2
        token(0xAD, body.toByteArray());
        return this;
    }

    TdsTokens databaseChange(String database) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(1);
        bVarChar(body, database);
        bVarChar(body, "master");
        token(0xE3, body.toByteArray());
        return this;
    }

    TdsTokens collationChange() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(7);
        body.write(COLLATION.length);
        body.writeBytes(COLLATION);
        body.write(0);
        token(0xE3, body.toByteArray());
        return this;
    }

    TdsTokens packetSizeChange(int size) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(4);
        bVarChar(body, Integer.toString(size));
        bVarChar(body, Integer.toString(size));
        token(0xE3, body.toByteArray());
        return this;
    }

    TdsTokens info(FakeTdsServer.Message message) {
        return message(0xAB, message);
    }

    TdsTokens error(FakeTdsServer.Message message) {
        return message(0xAA, message);
    }

    private TdsTokens message(int type, FakeTdsServer.Message message) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int32(body, message.number());
        body.write(message.state());
        body.write(message.severity());
        usVarChar(body, message.text());
        bVarChar(body, FakeTdsServer.SERVER_NAME);
        bVarChar(body, "");
        int32(body, message.line());
        token(type, body.toByteArray());
        return this;
    }

    /** COLMETADATA then one ROW per row; a column is INT when its first non-null value is an Integer. */
    TdsTokens resultSet(FakeTdsServer.Result result) {
        List<String> columns = result.columns();
        out.write(0x81);
        int16(out, columns.size());
        for (int i = 0; i < columns.size(); i++) {
            int32(out, 0);          // user type
            int16(out, 0x0009);     // nullable, updatable unknown
            if (result.isInt(i)) {
                out.write(0x26);    // INTN
                out.write(4);
            } else {
                out.write(0xE7);    // NVARCHAR(4000)
                int16(out, 8000);
                out.writeBytes(COLLATION);
            }
            bVarChar(out, columns.get(i));
        }
        for (List<Object> row : result.rows()) {
            out.write(0xD1);
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.get(i);
                if (result.isInt(i)) {
                    if (value == null) {
                        out.write(0);
                    } else {
                        out.write(4);
                        int32(out, ((Number) value).intValue());
                    }
                } else if (value == null) {
                    int16(out, 0xFFFF);
                } else {
                    byte[] text = value.toString().getBytes(StandardCharsets.UTF_16LE);
                    int16(out, text.length);
                    out.writeBytes(text);
                }
            }
        }
        return this;
    }

    /** SSPI (0xED): the server's security token in a Windows login, here NTLM's CHALLENGE_MESSAGE. */
    TdsTokens sspi(byte[] token) {
        token(0xED, token);
        return this;
    }

    TdsTokens returnStatus(int status) {
        out.write(0x79);
        int32(out, status);
        return this;
    }

    TdsTokens done(int status, long rowCount) {
        return done(0xFD, status, rowCount);
    }

    TdsTokens doneInProc(int status, long rowCount) {
        return done(0xFF, status, rowCount);
    }

    TdsTokens doneProc(int status) {
        return done(0xFE, status, 0);
    }

    private TdsTokens done(int token, int status, long rowCount) {
        out.write(token);
        int16(out, status);
        int16(out, 0xC1); // current command: SELECT; the driver does not look at it
        for (int i = 0; i < 8; i++) {
            out.write((int) (rowCount >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    private void token(int type, byte[] body) {
        out.write(type);
        int16(out, body.length);
        out.writeBytes(body);
    }

    static void bVarChar(ByteArrayOutputStream to, String text) {
        to.write(text.length());
        to.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
    }

    static void usVarChar(ByteArrayOutputStream to, String text) {
        int16(to, text.length());
        to.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
    }

    static void int16(ByteArrayOutputStream to, int value) {
        to.write(value & 0xFF);
        to.write((value >>> 8) & 0xFF);
    }

    static void int32(ByteArrayOutputStream to, int value) {
        for (int i = 0; i < 4; i++) {
            to.write((value >>> (8 * i)) & 0xFF);
        }
    }
}
