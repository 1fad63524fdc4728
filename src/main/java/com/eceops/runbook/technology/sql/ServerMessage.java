package com.eceops.runbook.technology.sql;

/** One INFO or ERROR from SQL Server: number, severity (class), state, line and text, as the server sent them. */
public record ServerMessage(int number, int severity, int state, int line, String text) {

    public boolean isError() {
        return severity > 10;
    }

    @Override
    public String toString() {
        return "Msg " + number + ", Level " + severity + ", State " + state + ", Line " + line + ": " + text;
    }
}
