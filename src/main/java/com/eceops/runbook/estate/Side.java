package com.eceops.runbook.estate;

/** One side (data centre) of the deployment: its subnet, its collocated server and its web server. */
public record Side(String id, Subnet subnet, Server collocated, Server web) {
}
