/* The GDB stub's packet layer (platform/debug/rsp.c): checksums, escaping,
 * acknowledgements, Ctrl-C and malformed packets; the -gdb value parser
 * and the target description. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "debug/gdb_regs.h"
#include "debug/gdbstub.h"
#include "debug/rsp.h"

static struct rsp_rx rx;

/* Feed a string; the last event. */
static enum rsp_event feed(const char *s, size_t n)
{
    enum rsp_event e = RSP_NONE;
    for (size_t i = 0; i < n; i++) e = rsp_rx_byte(&rx, (uint8_t)s[i]);
    return e;
}
#define FEED(s) feed(s, sizeof(s) - 1)

static void test_checksum(void **state)
{
    (void)state;
    assert_int_equal(rsp_checksum("", 0), 0);
    assert_int_equal(rsp_checksum("OK", 2), 0x9a);
    assert_int_equal(rsp_checksum("qSupported", 10), 0x37);
}

static void test_frame_and_parse(void **state)
{
    (void)state;
    char out[64];
    size_t n = rsp_frame("OK", 2, out, sizeof out);
    assert_int_equal(n, 6);
    assert_memory_equal(out, "$OK#9a", 6);
    rsp_rx_init(&rx);
    assert_int_equal(feed(out, n), RSP_PACKET);
    assert_string_equal(rx.buf, "OK");
    assert_int_equal(rx.len, 2);
    /* upper-case checksum digits are accepted too */
    assert_int_equal(FEED("$OK#9A"), RSP_PACKET);
}

static void test_escaping(void **state)
{
    (void)state;
    const char payload[] = "a$b#c}d*e";
    char out[64];
    size_t n = rsp_frame(payload, sizeof payload - 1, out, sizeof out);
    out[n] = 0;
    /* every special byte is sent as '}' and the byte XOR 0x20 */
    assert_non_null(strstr(out, "}\x04"));
    assert_non_null(strstr(out, "}\x03"));
    assert_non_null(strstr(out, "}]"));
    assert_non_null(strstr(out, "}\x0a"));
    assert_null(strchr(out + 1, '$'));
    rsp_rx_init(&rx);
    assert_int_equal(feed(out, n), RSP_PACKET);
    assert_int_equal(rx.len, sizeof payload - 1);
    assert_memory_equal(rx.buf, payload, sizeof payload - 1);
    /* too small an output buffer: 0, nothing overrun */
    assert_int_equal(rsp_frame(payload, sizeof payload - 1, out, 8), 0);
}

static void test_acks_and_interrupt(void **state)
{
    (void)state;
    rsp_rx_init(&rx);
    assert_int_equal(FEED("+"), RSP_ACK);
    assert_int_equal(FEED("-"), RSP_NAK);
    assert_int_equal(FEED("\x03"), RSP_INTERRUPT);
    assert_int_equal(FEED("garbage"), RSP_NONE);
    /* 0x03 inside a packet is data, not an interrupt */
    char out[16];
    size_t n = rsp_frame("\x03", 1, out, sizeof out);
    assert_int_equal(feed(out, n), RSP_PACKET);
    assert_int_equal(rx.buf[0], 3);
}

static void test_malformed(void **state)
{
    (void)state;
    rsp_rx_init(&rx);
    assert_int_equal(FEED("$OK#00"), RSP_BAD);       /* wrong checksum */
    assert_int_equal(FEED("$OK#9z"), RSP_BAD);       /* not a hex digit */
    assert_int_equal(FEED("$g#67"), RSP_PACKET);     /* and the next packet is fine */
    assert_string_equal(rx.buf, "g");
    assert_int_equal(FEED("$abc$g#67"), RSP_PACKET); /* a packet cut short by a new '$' */
    assert_string_equal(rx.buf, "g");
    /* longer than RSP_MAX_PACKET: refused, never overrun */
    rsp_rx_init(&rx);
    rsp_rx_byte(&rx, '$');
    uint8_t sum = 0;
    for (int i = 0; i < RSP_MAX_PACKET + 100; i++) {
        rsp_rx_byte(&rx, 'a');
        sum += 'a';
    }
    char tail[4] = {'#', "0123456789abcdef"[sum >> 4], "0123456789abcdef"[sum & 15], 0};
    assert_int_equal(feed(tail, 3), RSP_BAD);
}

static void test_hex(void **state)
{
    (void)state;
    const char *s = "80000000,4";
    uint64_t v;
    assert_true(rsp_hex_number(&s, &v));
    assert_int_equal(v, 0x80000000u);
    assert_int_equal(*s, ',');
    s = "xyz";
    assert_false(rsp_hex_number(&s, &v));
    s = "12345678901234567"; /* 17 digits: more than 64 bits */
    assert_false(rsp_hex_number(&s, &v));
    uint8_t b[3];
    assert_true(rsp_hex_decode("00ff7A", 3, b));
    assert_int_equal(b[1], 0xff);
    assert_int_equal(b[2], 0x7a);
    assert_false(rsp_hex_decode("0g", 1, b));
    assert_false(rsp_hex_decode("0", 1, b)); /* odd length: the NUL is no digit */
    char out[8];
    rsp_hex_encode((const uint8_t *)"\x01\xab", 2, out);
    assert_string_equal(out, "01ab");
}

static void test_gdb_spec(void **state)
{
    (void)state;
    assert_int_equal(gdbstub_parse_spec("tcp::1234"), 1234);
    assert_int_equal(gdbstub_parse_spec("tcp:127.0.0.1:5555"), 5555);
    assert_int_equal(gdbstub_parse_spec("tcp:localhost:80"), 80);
    assert_int_equal(gdbstub_parse_spec("tcp::"), -1);
    assert_int_equal(gdbstub_parse_spec("tcp::0"), -1);
    assert_int_equal(gdbstub_parse_spec("tcp::65536"), -1);
    assert_int_equal(gdbstub_parse_spec("tcp::12ab"), -1);
    assert_int_equal(gdbstub_parse_spec("tcp:0.0.0.0:1234"), -1); /* loopback only */
    assert_int_equal(gdbstub_parse_spec("udp::1234"), -1);
    assert_int_equal(gdbstub_parse_spec("1234"), -1);
}

static void test_target_xml(void **state)
{
    (void)state;
    const char *x = gdb_target_xml();
    assert_non_null(strstr(x, "<architecture>riscv:rv64</architecture>"));
    static const char *const want[] = {"org.gnu.gdb.riscv.cpu", "org.gnu.gdb.riscv.fpu", "org.gnu.gdb.riscv.csr",
                                       "org.gnu.gdb.riscv.virtual", "name=\"pc\" bitsize=\"64\" regnum=\"32\"",
                                       "name=\"f31\"", "name=\"fcsr\"", "name=\"satp\" bitsize=\"64\" regnum=\"449\"",
                                       "name=\"mstatus\" bitsize=\"64\" regnum=\"833\"", "name=\"priv\""};
    for (unsigned i = 0; i < sizeof want / sizeof want[0]; i++) assert_non_null(strstr(x, want[i]));
    assert_non_null(strstr(x, "</target>"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checksum),  cmocka_unit_test(test_frame_and_parse), cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_acks_and_interrupt), cmocka_unit_test(test_malformed), cmocka_unit_test(test_hex),
        cmocka_unit_test(test_gdb_spec),  cmocka_unit_test(test_target_xml),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
