#!/usr/bin/env python3
"""Drive an emulator's console through pipes: wait for strings, send lines.

usage: e2e_console.py [--deadline S] [--log FILE] [--exit-code N]
                      STEP... -- COMMAND [ARGS...]

Steps run in order:
  expect:TEXT   wait until TEXT appears in the output after the previous match
  send:TEXT     write TEXT followed by a newline (\\r) to the guest's stdin
  raw:TEXT      write TEXT as is (Python escapes such as \\x01 are decoded)
  mark:NAME     print "mark NAME <seconds since start>" (for timing)

The whole run must finish within --deadline seconds (default 60). When all
steps matched, the emulator is asked to quit (Ctrl-A x), then killed if it is
still running.  With --exit-code N the emulator must instead exit by itself
with status N once the steps are done.  Exit status: 0 when everything
matched, 1 otherwise (the reason and the tail of the output are printed).
"""
import os
import subprocess
import sys
import threading
import time


def main(argv):
    deadline_s = 60.0
    log_path = None
    want_exit = None
    steps = []
    i = 0
    while i < len(argv) and argv[i] != "--":
        a = argv[i]
        if a == "--deadline":
            deadline_s = float(argv[i + 1]); i += 2; continue
        if a == "--log":
            log_path = argv[i + 1]; i += 2; continue
        if a == "--exit-code":
            want_exit = int(argv[i + 1]); i += 2; continue
        kind, _, text = a.partition(":")
        if kind not in ("expect", "send", "raw", "mark"):
            print(f"e2e_console: bad step {a!r}", file=sys.stderr)
            return 2
        steps.append((kind, text))
        i += 1
    cmd = argv[i + 1:]
    if not cmd:
        print("e2e_console: no command after --", file=sys.stderr)
        return 2

    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, bufsize=0)
    buf = bytearray()
    cond = threading.Condition()
    eof = [False]

    def reader():
        while True:
            chunk = os.read(proc.stdout.fileno(), 65536)
            with cond:
                if not chunk:
                    eof[0] = True
                    cond.notify_all()
                    return
                buf.extend(chunk)
                cond.notify_all()

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    deadline = start + deadline_s
    pos = 0
    failure = None

    def write(data):
        try:
            proc.stdin.write(data)
            proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    for kind, text in steps:
        if kind == "mark":
            print(f"mark {text} {time.monotonic() - start:.2f}")
            continue
        if kind in ("send", "raw"):
            data = text.encode().decode("unicode_escape").encode("latin-1")
            write(data + (b"\r" if kind == "send" else b""))
            continue
        needle = text.encode()
        with cond:
            while True:
                idx = buf.find(needle, pos)
                if idx >= 0:
                    pos = idx + len(needle)
                    break
                left = deadline - time.monotonic()
                if eof[0] or left <= 0:
                    why = "output ended" if eof[0] else f"deadline {deadline_s:g}s passed"
                    failure = f"did not see {text!r} ({why})"
                    break
                cond.wait(min(left, 0.5))
        if failure:
            break

    status = None
    if failure is None and want_exit is not None:
        try:
            status = proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            failure = f"emulator did not exit by itself (wanted status {want_exit})"
        else:
            if status != want_exit:
                failure = f"exit status {status}, wanted {want_exit}"
    if proc.poll() is None:
        write(b"\x01x")
        try:
            status = proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            proc.kill()
            status = proc.wait()
    status = proc.returncode
    t.join(timeout=2)
    if failure is None and want_exit is None and (status < 0 or status >= 128):
        failure = f"emulator ended with status {status} (crash?)"
    elapsed = time.monotonic() - start
    if log_path:
        with open(log_path, "wb") as f:
            f.write(bytes(buf))
    if failure:
        tail = bytes(buf[-3000:]).decode("utf-8", "replace")
        print(f"FAIL: {failure} after {elapsed:.1f}s: {' '.join(cmd)}")
        print("---- last output ----")
        print(tail)
        print("---------------------")
        return 1
    print(f"ok ({elapsed:.1f}s): {' '.join(cmd)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
