/* GDB remote serial protocol framing: see rsp.h. */
#include "rsp.h"

#include <string.h>

void rsp_rx_init(struct rsp_rx *rx) { memset(rx, 0, sizeof *rx); }

int rsp_hex_digit(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void rx_store(struct rsp_rx *rx, char c)
{
    if (rx->len < RSP_MAX_PACKET) rx->buf[rx->len++] = c;
    else rx->overflow = true;
}

enum rsp_event rsp_rx_byte(struct rsp_rx *rx, uint8_t c)
{
    switch (rx->state) {
    case 0:
        if (c == '$') {
            rx->state = 1;
            rx->len = 0;
            rx->sum = 0;
            rx->overflow = false;
        } else if (c == 0x03) {
            return RSP_INTERRUPT;
        } else if (c == '+') {
            return RSP_ACK;
        } else if (c == '-') {
            return RSP_NAK;
        }
        return RSP_NONE; /* noise between packets is ignored */
    case 1:
        if (c == '#') { rx->state = 3; return RSP_NONE; }
        if (c == '$') { /* a new packet starts: the old one was cut short */
            rx->len = 0;
            rx->sum = 0;
            rx->overflow = false;
            return RSP_NONE;
        }
        rx->sum += c;
        if (c == '}') rx->state = 2;
        else rx_store(rx, (char)c);
        return RSP_NONE;
    case 2: /* the byte after '}' is sent XOR 0x20 */
        rx->sum += c;
        rx_store(rx, (char)(c ^ 0x20));
        rx->state = 1;
        return RSP_NONE;
    case 3:
    case 4: {
        int d = rsp_hex_digit(c);
        if (d < 0) { rx->state = 0; return RSP_BAD; }
        if (rx->state == 3) { rx->cs = (uint8_t)(d << 4); rx->state = 4; return RSP_NONE; }
        rx->cs |= (uint8_t)d;
        rx->state = 0;
        if (rx->overflow || rx->cs != rx->sum) return RSP_BAD;
        rx->buf[rx->len] = 0;
        return RSP_PACKET;
    }
    }
    rx->state = 0;
    return RSP_NONE;
}

uint8_t rsp_checksum(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint8_t s = 0;
    for (size_t i = 0; i < n; i++) s += b[i];
    return s;
}

size_t rsp_frame(const void *payload, size_t n, char *out, size_t outsz)
{
    static const char hex[] = "0123456789abcdef";
    const uint8_t *in = payload;
    size_t o = 0;
    uint8_t sum = 0;
    if (outsz < 4) return 0;
    out[o++] = '$';
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        bool esc = c == '$' || c == '#' || c == '}' || c == '*';
        if (o + (esc ? 2 : 1) + 3 > outsz) return 0;
        if (esc) {
            out[o++] = '}';
            sum += '}';
            c ^= 0x20;
        }
        out[o++] = (char)c;
        sum += c;
    }
    out[o++] = '#';
    out[o++] = hex[sum >> 4];
    out[o++] = hex[sum & 15];
    return o;
}

void rsp_hex_encode(const uint8_t *in, size_t n, char *out)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hex[in[i] >> 4];
        out[2 * i + 1] = hex[in[i] & 15];
    }
    out[2 * n] = 0;
}

bool rsp_hex_decode(const char *in, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++) {
        int hi = rsp_hex_digit((unsigned char)in[2 * i]);
        int lo = hi < 0 ? -1 : rsp_hex_digit((unsigned char)in[2 * i + 1]);
        if (lo < 0) return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

bool rsp_hex_number(const char **p, uint64_t *val)
{
    const char *s = *p;
    uint64_t v = 0;
    int n = 0;
    for (int d; (d = rsp_hex_digit((unsigned char)*s)) >= 0; s++, n++) {
        if (n == 16) return false;
        v = v << 4 | (uint64_t)d;
    }
    if (!n) return false;
    *val = v;
    *p = s;
    return true;
}
