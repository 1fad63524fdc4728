package com.eceops.runbook.estate;

import java.util.ArrayList;
import java.util.List;

/** A server with the inventory path it was written at, such as {@code sides.a.web}. */
record PlacedServer(String path, Server server) {

    String path(String key) {
        return path + "." + key;
    }

    /** The servers of a possibly partial estate, side A first, collocated before web. */
    static List<PlacedServer> of(Estate estate) {
        List<PlacedServer> placed = new ArrayList<>();
        for (Side side : new Side[] {estate.sideA(), estate.sideB()}) {
            if (side != null) {
                String at = "sides." + side.id();
                if (side.collocated() != null) {
                    placed.add(new PlacedServer(at + ".collocated", side.collocated()));
                }
                if (side.web() != null) {
                    placed.add(new PlacedServer(at + ".web", side.web()));
                }
            }
        }
        return placed;
    }
}
