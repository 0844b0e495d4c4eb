#!/bin/bash
# Runs on a pseudo-terminal (tests/e2e_pty.py): every way out of a run
# (Ctrl-A X, the guest's exit, --timeout, --max-insns, SIGTERM, SIGINT,
# SIGHUP) restores the terminal modes and exits with the expected status,
# never by a crash.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
exec python3 "$(dirname "$0")/e2e_pty.py" "$PAGODA" "$BUILD"
