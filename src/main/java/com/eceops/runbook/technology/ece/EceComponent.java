package com.eceops.runbook.technology.ece;

/** The components ECE setup offers. */
public enum EceComponent { FILE_SERVER, DATABASE_SERVER, MESSAGING_SERVER, APPLICATION_SERVER, SERVICES_SERVER, WEB_SERVER }
