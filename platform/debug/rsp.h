/* The GDB remote serial protocol's framing (GDB manual, "Remote Protocol",
 * "Overview" and "Binary Data"): $payload#cs packets with a modulo-256
 * checksum, '}' escapes, '+'/'-' acknowledgements and the 0x03 interrupt
 * byte; and the hex encodings the packets use.  No sockets here, so the
 * unit tests drive it byte by byte. */
#ifndef PAGODA_RSP_H
#define PAGODA_RSP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RSP_MAX_PACKET 16384 /* PacketSize in qSupported: the largest payload we accept */

enum rsp_event {
    RSP_NONE,      /* nothing complete yet */
    RSP_PACKET,    /* a packet with a good checksum: rx->buf (NUL-terminated, unescaped), rx->len */
    RSP_BAD,       /* a packet with a wrong checksum, a bad checksum digit or too long: answer '-' */
    RSP_INTERRUPT, /* 0x03 outside a packet (Ctrl-C) */
    RSP_ACK,       /* '+' */
    RSP_NAK,       /* '-': send the last packet again */
};

struct rsp_rx {
    int state;                     /* 0 between packets, 1 payload, 2 after '}', 3 and 4 checksum digits */
    bool overflow;
    uint8_t sum;                   /* of the bytes as sent */
    uint8_t cs;                    /* the checksum received */
    size_t len;
    char buf[RSP_MAX_PACKET + 1];
};

void rsp_rx_init(struct rsp_rx *rx);
/* Feed one received byte. */
enum rsp_event rsp_rx_byte(struct rsp_rx *rx, uint8_t c);

/* The modulo-256 sum of n bytes. */
uint8_t rsp_checksum(const void *p, size_t n);
/* Frame payload[0..n) as $...#cs into out (escaping '$', '#', '}' and '*');
 * returns the frame's length, or 0 when it does not fit in outsz. */
size_t rsp_frame(const void *payload, size_t n, char *out, size_t outsz);

/* Hex helpers.  rsp_hex_encode writes 2n digits and a NUL into out.
 * rsp_hex_decode reads exactly 2n digits; false on a non-hex digit. */
void rsp_hex_encode(const uint8_t *in, size_t n, char *out);
bool rsp_hex_decode(const char *in, size_t n, uint8_t *out);
/* A hex number at *p (at least one digit, at most 16); advances *p past it. */
bool rsp_hex_number(const char **p, uint64_t *val);
int rsp_hex_digit(int c);

#endif
