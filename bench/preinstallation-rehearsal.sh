#!/usr/bin/env bash
# Whole preinstallation rehearsal (sys-* and pre-*): see bench/rehearsal.sh.
exec "$(dirname "$0")/rehearsal.sh" Preinstallation
