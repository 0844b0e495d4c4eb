#!/usr/bin/env python3
"""Pagoda on a terminal: every way out of a run restores the terminal and
exits with the status a user expects.

usage: e2e_pty.py PAGODA BUILD_DIR

Each case starts pagoda with stdin, stdout and stderr on the slave side of a
fresh pseudo-terminal (its controlling terminal, in its own session, as a
shell would), waits until pagoda has put the terminal in raw mode, then ends
the run one way: Ctrl-A X, the guest's own exit, --timeout, --max-insns,
SIGTERM, SIGINT, SIGHUP.  It checks that
  1. pagoda was not killed by a signal (no SIGSEGV; signals it is sent end
     the run in order),
  2. the exit status is the expected one (guest's code, 0, 124, 128+N),
  3. the terminal modes afterwards (tcgetattr) equal those before the run,
  4. stderr says why the run stopped.
Ctrl-C typed on the terminal is a byte for the guest (raw mode, as QEMU
-nographic), so it must not stop the run.  Every case is bounded by a
generous deadline; a pagoda that does not finish is killed and the case fails.
"""
import fcntl
import os
import select
import signal
import subprocess
import sys
import termios
import time

DEADLINE = 60.0      # seconds for one case, start to exit (busy machine, ASan)
RAW_DEADLINE = 30.0  # seconds until pagoda has the terminal in raw mode


def flag_names(flags, names):
    """The names of the termios flags set in flags, from the given list."""
    return [n for n in names if flags & getattr(termios, n, 0)]


def describe_diff(before, after):
    """One line per termios field that differs between two tcgetattr lists."""
    fields = ["iflag", "oflag", "cflag", "lflag", "ispeed", "ospeed", "cc"]
    names = {
        "iflag": ["BRKINT", "ICRNL", "IGNBRK", "IGNCR", "INLCR", "INPCK", "ISTRIP", "IXON", "PARMRK"],
        "oflag": ["OPOST", "ONLCR"],
        "cflag": ["CSIZE", "PARENB", "CS8"],
        "lflag": ["ECHO", "ECHONL", "ICANON", "IEXTEN", "ISIG"],
    }
    out = []
    for i, f in enumerate(fields):
        if before[i] != after[i]:
            if f in names:
                out.append(f"{f}: before {flag_names(before[i], names[f])}, after {flag_names(after[i], names[f])}")
            else:
                out.append(f"{f} differs")
    return out


class Run:
    """pagoda on a new pseudo-terminal, with its output collected."""

    def __init__(self, argv):
        self.master, self.slave = os.openpty()
        self.before = termios.tcgetattr(self.slave)
        self.output = b""
        slave = self.slave

        def make_controlling_terminal():
            """In the child: a new session whose controlling terminal is the pty."""
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                                     preexec_fn=make_controlling_terminal, close_fds=True)
        self.start = time.monotonic()

    def drain(self, wait):
        """Read what pagoda wrote, waiting up to wait seconds for the first bytes."""
        r, _, _ = select.select([self.master], [], [], wait)
        if r:
            try:
                self.output += os.read(self.master, 65536)
            except OSError:
                pass

    def wait_raw(self):
        """Wait until pagoda has switched the terminal to raw mode; False if it never did."""
        end = time.monotonic() + RAW_DEADLINE
        while time.monotonic() < end:
            if not termios.tcgetattr(self.slave)[3] & termios.ICANON:
                return True
            if self.proc.poll() is not None:
                return False
            self.drain(0.05)
        return False

    def alive_for(self, seconds):
        """Keep reading output for a while; True if pagoda is still running afterwards."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.drain(0.05)
            if self.proc.poll() is not None:
                return False
        return True

    def finish(self):
        """Wait for pagoda to exit (killed after the deadline); its returncode, or None if it hung."""
        hung = False
        while self.proc.poll() is None:
            if time.monotonic() - self.start > DEADLINE:
                self.proc.kill()
                self.proc.wait()
                hung = True
                break
            self.drain(0.05)
        self.drain(0.1)
        self.after = termios.tcgetattr(self.slave)
        os.close(self.master)
        os.close(self.slave)
        return None if hung else self.proc.returncode


def main(argv):
    if len(argv) != 3:
        print("usage: e2e_pty.py PAGODA BUILD_DIR", file=sys.stderr)
        return 2
    pagoda, build = argv[1], argv[2]
    guests = os.path.join(build, "tests", "guest")
    loop = os.path.join(guests, "loop.elf")        # j . forever
    wfiloop = os.path.join(guests, "wfiloop.elf")  # wfi forever, interrupts off
    exit42 = os.path.join(guests, "exit42.elf")    # spins, then exits 42
    for g in (loop, wfiloop, exit42):
        if not os.access(g, os.R_OK):
            print(f"FAIL: {g} not built")
            return 1

    def keys(data, ctrl_c_first=True):
        """An action that types data on the terminal (after a Ctrl-C that must not stop the run)."""
        def act(run):
            if ctrl_c_first:
                os.write(run.master, b"\x03")
                if not run.alive_for(1.0):
                    return "pagoda stopped on a Ctrl-C byte (must go to the guest in raw mode)"
            os.write(run.master, data)
            return None
        return act

    def send(sig):
        """An action that sends pagoda a signal once it runs."""
        def act(run):
            run.alive_for(0.3)
            run.proc.send_signal(sig)
            return None
        return act

    # name, arguments, action once raw (None: nothing), status, stderr text
    cases = [
        ("Ctrl-A X, spinning guest", [loop], keys(b"\x01x"), 0, "terminated by Ctrl-A X"),
        ("Ctrl-A X, guest in wfi", [wfiloop], keys(b"\x01X"), 0, "terminated by Ctrl-A X"),
        ("guest exits 42 (sifive_test)", [exit42], None, 42, None),
        ("--timeout 2, spinning guest", ["--timeout", "2", loop], None, 124, "stopped after"),
        ("--timeout 2, guest in wfi", ["--timeout", "2", wfiloop], None, 124, "stopped after"),
        ("--max-insns, spinning guest", ["--max-insns", "3000000", loop], None, 124, "stopped after"),
        ("SIGTERM, spinning guest", [loop], send(signal.SIGTERM), 128 + signal.SIGTERM, "stopped by signal 15"),
        ("SIGTERM, guest in wfi", [wfiloop], send(signal.SIGTERM), 128 + signal.SIGTERM, "stopped by signal 15"),
        ("SIGINT (kill), spinning guest", [loop], send(signal.SIGINT), 128 + signal.SIGINT, "stopped by signal 2"),
        ("SIGHUP, spinning guest", [loop], send(signal.SIGHUP), 128 + signal.SIGHUP, "stopped by signal 1"),
        # DESIGN.md "Errors": host-side limits hold whatever the guest does
        ("--max-insns, guest in wfi with interrupts off", ["--max-insns", "3000000", wfiloop], None, 124,
         "stopped after"),
    ]
    only = os.environ.get("E2E_PTY_ONLY")
    failed = 0
    for name, args, action, want, text in cases:
        if only and only not in name:
            continue
        run = Run([pagoda] + args)
        problem = None
        if action:
            if not run.wait_raw():
                problem = "the terminal never went to raw mode (pagoda exited or hung first)"
            else:
                problem = action(run)
        st = run.finish()
        err = run.output.decode("utf-8", "replace")
        if problem:
            pass
        elif st is None:
            problem = f"still running after {DEADLINE:.0f} s: killed"
        elif st < 0:
            problem = f"killed by signal {-st} ({signal.Signals(-st).name})"
        elif st != want:
            problem = f"exit status {st}, wanted {want}"
        elif text and text not in err:
            problem = f"output does not say {text!r}"
        diff = describe_diff(run.before, run.after)
        if diff:
            problem = (problem + "; " if problem else "") + "terminal not restored: " + "; ".join(diff)
        if problem:
            failed += 1
            print(f"FAIL {name}: {problem}")
            print("  output: " + repr(err[-400:]))
        else:
            print(f"ok   {name}: status {st}, terminal restored")
    print("PASS" if not failed else f"FAIL: pty ({failed} case(s))")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
