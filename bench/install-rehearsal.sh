#!/usr/bin/env bash
# Full "Install ECE HA" rehearsal, every section from system checks to the last one: see bench/rehearsal.sh.
exec "$(dirname "$0")/rehearsal.sh" InstallEceHa
