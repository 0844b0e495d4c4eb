/* Unit tests of the extension set (cpu/isa.c): the -cpu parser (models,
 * QEMU's property names in either case and its boolean values, groups,
 * errors), the ISA string of the device tree, misa, and the derived bits
 * the decoder checks rows against. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "isa.h"

static uint64_t parse_ok(const char *spec)
{
    uint64_t ext = 0;
    char err[160] = "";
    if (isa_parse_cpu(spec, &ext, err, sizeof err) != 0) fail_msg("-cpu %s: %s", spec, err);
    return ext;
}

/* -cpu spec is refused, with a message containing want */
static void parse_bad(const char *spec, const char *want)
{
    uint64_t ext = 0x1234;
    char err[160] = "";
    if (isa_parse_cpu(spec, &ext, err, sizeof err) == 0) fail_msg("-cpu %s accepted", spec);
    if (!strstr(err, want)) fail_msg("-cpu %s: \"%s\" does not say \"%s\"", spec, err, want);
    if (strchr(err, '\n')) fail_msg("-cpu %s: the message is more than one line", spec);
    assert_int_equal(ext, 0x1234); /* untouched */
}

static const char *isa_of(uint64_t ext)
{
    static char buf[512];
    isa_string(ext, buf, sizeof buf);
    return buf;
}

static void test_models(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("rv64"), ISA_RV64);
    assert_int_equal(parse_ok("max"), isa_max);
    /* max has everything rv64 has */
    assert_int_equal(isa_max & ISA_RV64, ISA_RV64);
    /* a zeroed hart_config is the default; svadu (--ad=svadu) adds Svadu */
    assert_int_equal(isa_resolve(0, false), ISA_RV64);
    assert_int_equal(isa_resolve(0, true), ISA_RV64 | EXT_SVADU);
    assert_int_equal(isa_resolve(EXT_I, false), EXT_I);
    parse_bad("rv32", "unknown CPU model");
    parse_bad("", "unknown CPU model");
    parse_bad("rv64x", "unknown CPU model");
    parse_bad("sifive-u54", "unknown CPU model");
}

static void test_properties(void **state)
{
    (void)state;
    /* every boolean spelling QEMU takes */
    assert_int_equal(parse_ok("rv64,zba=off"), ISA_RV64 & ~EXT_ZBA);
    assert_int_equal(parse_ok("rv64,zba=false"), ISA_RV64 & ~EXT_ZBA);
    assert_int_equal(parse_ok("rv64,zba=no"), ISA_RV64 & ~EXT_ZBA);
    assert_int_equal(parse_ok("rv64,zba=no,zba=yes"), ISA_RV64);
    assert_int_equal(parse_ok("rv64,zba=off,zba=true"), ISA_RV64);
    assert_int_equal(parse_ok("rv64,zba=off,zba=on"), ISA_RV64);
    /* QEMU 7.2 spells some with a capital (Zihintpause, Zfh), QEMU 8 not */
    assert_int_equal(parse_ok("rv64,Zihintpause=false"), ISA_RV64 & ~EXT_ZIHINTPAUSE);
    assert_int_equal(parse_ok("rv64,ZBB=off,zbc=off"), ISA_RV64 & ~(EXT_ZBB | EXT_ZBC));
    /* the single letters */
    assert_int_equal(parse_ok("rv64,m=off"), ISA_RV64 & ~EXT_M);
    assert_int_equal(parse_ok("rv64,m=off,zmmul=on"), (ISA_RV64 & ~EXT_M) | EXT_ZMMUL);
    assert_int_equal(parse_ok("rv64,a=off,d=off,f=off"), ISA_RV64 & ~(EXT_A | EXT_D | EXT_F));
    assert_int_equal(parse_ok("rv64,sstc=off,svpbmt=off,svinval=off,zicond=off"),
                     ISA_RV64 & ~(EXT_SSTC | EXT_SVPBMT | EXT_SVINVAL | EXT_ZICOND));
    assert_int_equal(parse_ok("rv64,svadu=on"), ISA_RV64 | EXT_SVADU);
    /* always-on names may be said on; absent ones off */
    assert_int_equal(parse_ok("rv64,i=on,c=true,s=on,u=on,zicsr=on,zifencei=on,svnapot=on"), ISA_RV64);
    assert_int_equal(parse_ok("rv64,h=off,v=false,e=off,zkr=off"), ISA_RV64);
    /* QEMU's shorthands switch their members */
    assert_int_equal(parse_ok("rv64,zkn=on"),
                     ISA_RV64 | EXT_ZBKB | EXT_ZBKC | EXT_ZBKX | EXT_ZKND | EXT_ZKNE | EXT_ZKNH);
    assert_int_equal(parse_ok("max,zks=off"), isa_max & ~(EXT_ZBKB | EXT_ZBKC | EXT_ZBKX | EXT_ZKSED | EXT_ZKSH));
    assert_int_equal(parse_ok("rv64,Zks=true,zbkx=false"), ISA_RV64 | EXT_ZBKB | EXT_ZBKC | EXT_ZKSED | EXT_ZKSH);
    /* later properties win over earlier and over the model */
    assert_int_equal(parse_ok("max,zba=off"), isa_max & ~EXT_ZBA);
}

static void test_errors(void **state)
{
    (void)state;
    parse_bad("rv64,foo=on", "unknown extension foo");
    parse_bad("rv64,zba", "needs a value");
    parse_bad("rv64,zba=", "on/off");
    parse_bad("rv64,zba=1", "on/off");
    parse_bad("rv64,zba=maybe", "on/off");
    parse_bad("rv64,zba=offoffoffoff", "on/off");
    parse_bad("rv64,=on", "unknown extension");
    parse_bad("rv64,i=off", "cannot be switched off");
    parse_bad("rv64,c=off", "cannot be switched off");
    parse_bad("rv64,zicsr=off", "cannot be switched off");
    parse_bad("rv64,svnapot=off", "cannot be switched off");
    parse_bad("rv64,e=on", "e is not implemented");
    parse_bad("rv64,v=true", "v is not implemented");
    parse_bad("rv64,zk=on", "zk is not implemented");
    parse_bad("rv64,f=off", "d needs f");
    parse_bad("rv64,zba=on,", "needs a value");
}

static void test_isa_string(void **state)
{
    (void)state;
    /* the default: today's set, in canonical order */
    assert_string_equal(isa_of(ISA_RV64),
                        "rv64imafdc_zicond_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc_svinval_svnapot_svpbmt");
    assert_string_equal(isa_of(isa_resolve(0, true)),
                        "rv64imafdc_zicond_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc_svadu_svinval_svnapot_svpbmt");
    assert_string_equal(isa_of(parse_ok("rv64,m=off,zmmul=on,zba=off,zbb=off,sstc=off")),
                        "rv64iafdc_zicond_zicsr_zifencei_zihintpause_zmmul_zbc_zbs_svinval_svnapot_svpbmt");
    assert_string_equal(isa_of(EXT_I), "rv64i");
    assert_string_equal(isa_of(EXT_I | EXT_ZBA), "rv64i_zba");
    /* a short buffer: truncated, terminated, the full length returned */
    char small[8];
    size_t len = isa_string(ISA_RV64, small, sizeof small);
    assert_int_equal(len, strlen(isa_of(ISA_RV64)));
    assert_string_equal(small, "rv64ima");
    /* every named bit has a name, the derived ones none */
    for (unsigned e = 0; e < ISA_NAMED; e++) assert_non_null(isa_name((enum isa_ext)e));
    assert_null(isa_name(ISA_X_MUL));
}

static void test_misa(void **state)
{
    (void)state;
    /* MXL = 2, A C D F I M S U */
    assert_int_equal(isa_misa(ISA_RV64), 0x800000000014112dull);
    assert_int_equal(isa_misa(parse_ok("rv64,m=off,a=off,d=off,f=off")), 0x8000000000140104ull);
}

static void test_effective(void **state)
{
    (void)state;
    uint64_t e = isa_effective(ISA_RV64);
    assert_true(e & EXT_X_MUL);
    assert_true(e & EXT_X_ZBB_ZBKB);
    assert_true(e & EXT_X_ZBC_ZBKC);
    assert_false(e & EXT_X_ZKND_ZKNE);
    assert_false(e & EXT_X_ZFHMIN);
    assert_int_equal(e & (ISA_BIT(ISA_NAMED) - 1), ISA_RV64);
    assert_false(isa_effective(parse_ok("rv64,m=off")) & EXT_X_MUL);
    assert_true(isa_effective(parse_ok("rv64,m=off,zmmul=on")) & EXT_X_MUL);
    assert_false(isa_effective(parse_ok("rv64,zbb=off")) & EXT_X_ZBB_ZBKB);
    assert_false(isa_effective(parse_ok("rv64,zbc=off")) & EXT_X_ZBC_ZBKC);
    assert_true(isa_effective(parse_ok("rv64,zknd=on")) & EXT_X_ZKND_ZKNE);
    assert_true(isa_effective(parse_ok("rv64,zkne=on")) & EXT_X_ZKND_ZKNE);
    assert_true(isa_effective(parse_ok("rv64,zbb=off,zbkb=on")) & EXT_X_ZBB_ZBKB);
    assert_true(isa_effective(parse_ok("rv64,zbc=off,zbkc=on")) & EXT_X_ZBC_ZBKC);
    /* derived bits given as input are recomputed, not kept */
    assert_false(isa_effective(EXT_I | EXT_X_MUL) & EXT_X_MUL);
}

static void test_help_lists_every_name(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    isa_print_help(f);
    fclose(f);
    for (unsigned e = 0; e < ISA_NAMED; e++) {
        char line[32];
        snprintf(line, sizeof line, "\n%s ", isa_name((enum isa_ext)e));
        if (!strstr(buf, line)) fail_msg("-cpu help does not list %s", isa_name((enum isa_ext)e));
    }
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_models),
        cmocka_unit_test(test_properties),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_isa_string),
        cmocka_unit_test(test_misa),
        cmocka_unit_test(test_effective),
        cmocka_unit_test(test_help_lists_every_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
