#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <editline/readline.h>

/* Ctrl-C support. A C handler, because only a sig_atomic_t store is async-signal-safe.
   These are static: include-site copies differ per object file, so exactly one Swift file
   (ClaimShell/SignalHandling.swift) may call them. */
static volatile sig_atomic_t claimsh_interrupt_flag = 0;

static void claimsh_on_interrupt(int signo) {
    (void)signo;
    claimsh_interrupt_flag = 1;
}

/* No SA_RESTART: a blocked read returns EINTR, so readline gives control back. */
static inline int claimsh_install_interrupt_handler(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = claimsh_on_interrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(SIGINT, &sa, NULL);
}

static inline int claimsh_interrupt_pending(void) { return claimsh_interrupt_flag != 0; }

static inline int claimsh_take_interrupt(void) {
    int was = claimsh_interrupt_flag != 0;
    claimsh_interrupt_flag = 0;
    return was;
}

/* ioctl is variadic, which Swift cannot call portably. 0 when fd is not a terminal. */
static inline int claimsh_terminal_columns(int fd) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_col;
}

/* Pseudo-terminals, for the tests that drive the shell as a user at a terminal does; the C
   library hides these declarations from Swift behind feature macros. */
extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern int ptsname_r(int fd, char *buf, size_t buflen);

#endif
