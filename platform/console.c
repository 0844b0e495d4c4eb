/* The host side of the guest's console (see console.h).  Signal handlers
 * only record the signal; the run loop sees it through console_poll /
 * console_stop_requested, ends the run and restores the terminal.  A second
 * signal while the first is still pending restores the terminal from the
 * handler (tcsetattr is async-signal-safe) and dies of the signal, so a
 * stuck run can still be ended the usual way. */
#include "console.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "uart.h"

/* the terminal modes found at console_init: static, so they outlive the
 * board and stay valid for the atexit handler */
static struct termios saved_tio;
static volatile sig_atomic_t tio_saved;
static volatile sig_atomic_t pending_signal;
static bool atexit_done, input_open, ctrl_a, quit_typed;

/* host input read but not yet taken by the UART (a ring) */
static unsigned char in_buf[4096];
static size_t in_head, in_len;

static const int caught_signals[] = {SIGTERM, SIGINT, SIGHUP};

/* Record a signal for the run loop; on a second one restore the terminal and die of it. */
static void on_signal(int sig)
{
    if (pending_signal) {
        if (tio_saved) tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
        signal(sig, SIG_DFL);
        raise(sig); /* blocked until this handler returns, then fatal */
        return;
    }
    pending_signal = sig;
}

/* Install on_signal for SIGTERM, SIGINT and SIGHUP, leaving ignored ones (nohup) ignored. */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART; /* stdio writes are not cut short; poll still returns early */
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof caught_signals / sizeof caught_signals[0]; i++)
        sigaddset(&sa.sa_mask, caught_signals[i]);
    for (size_t i = 0; i < sizeof caught_signals / sizeof caught_signals[0]; i++) {
        struct sigaction old;
        if (sigaction(caught_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        sigaction(caught_signals[i], &sa, NULL);
    }
}

/* Raw mode for a terminal on stdin (modes saved once, restored at exit) and the signal handlers. */
void console_init(void)
{
    input_open = true;
    ctrl_a = false;
    quit_typed = false;
    in_head = in_len = 0;
    catch_signals();
    if (!isatty(STDIN_FILENO)) return;
    if (!tio_saved) {
        if (tcgetattr(STDIN_FILENO, &saved_tio) != 0) return;
        tio_saved = 1;
    }
    if (!atexit_done) {
        atexit(console_restore);
        atexit_done = true;
    }
    struct termios t = saved_tio;
    cfmakeraw(&t);
    t.c_oflag |= OPOST | ONLCR; /* keep "\n" -> "\r\n" on output */
    tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

/* Put the terminal back as console_init found it. */
void console_restore(void)
{
    if (tio_saved) tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
}

/* True while stdin may still deliver bytes. */
bool console_input_open(void)
{
    return input_open;
}

/* A pending stop: *status = 128 + signal, or 0 after Ctrl-A X. */
bool console_stop_requested(int *status)
{
    if (pending_signal) {
        *status = 128 + pending_signal;
        return true;
    }
    if (quit_typed) {
        *status = 0;
        return true;
    }
    return false;
}

/* Hand buffered input bytes to the UART while it has room; true if any went. */
static bool feed_uart(struct uart *u)
{
    bool fed = false;
    while (in_len > 0 && uart_rx_space(u) > 0) {
        uart_rx_push(u, in_buf[in_head]);
        in_head = (in_head + 1) % sizeof in_buf;
        in_len--;
        fed = true;
    }
    return fed;
}

/* Read what stdin has into in_buf, handling Ctrl-A escapes as each byte
 * arrives: Ctrl-A X must work whether or not the guest reads its UART. */
static void read_input(int wait_ms)
{
    for (;;) {
        struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
        if (poll(&p, 1, wait_ms) <= 0) return; /* nothing waiting, or a signal (EINTR) */
        if (p.revents & (POLLNVAL | POLLERR)) { input_open = false; return; } /* no usable stdin */
        if (!(p.revents & (POLLIN | POLLHUP))) return;
        wait_ms = 0;
        unsigned char c;
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
        if (n <= 0) { input_open = false; return; } /* end of input, or a hung-up terminal */
        if (ctrl_a) {
            ctrl_a = false;
            if (c == 'x' || c == 'X') {
                fprintf(stderr, "\r\npagoda: terminated by Ctrl-A X\r\n");
                quit_typed = true;
                return;
            }
            if (c != 1) continue;
        } else if (c == 1) {
            ctrl_a = true;
            continue;
        }
        /* a guest that never reads loses what overflows, as a UART overruns */
        if (in_len < sizeof in_buf) {
            in_buf[(in_head + in_len) % sizeof in_buf] = c;
            in_len++;
        }
    }
}

/* Move waiting host input into the UART; Ctrl-A X quits, Ctrl-A Ctrl-A
 * sends one Ctrl-A, as in QEMU.  Ctrl-C is a byte for the guest. */
bool console_poll(struct uart *u, int wait_ms)
{
    int status;
    if (console_stop_requested(&status)) return true;
    if (!u) return false;
    bool fed = feed_uart(u);
    if (input_open) read_input(fed ? 0 : wait_ms); /* no waiting when the guest has a byte to take */
    feed_uart(u);
    return console_stop_requested(&status);
}
