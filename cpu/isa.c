/* The extension set of a hart (-cpu) and what is derived from it: misa and
 * the ISA string (isa.h; docs/CPU.md). */
#include "isa.h"

#include <stdarg.h>
#include <string.h>
#include <strings.h>

const uint64_t isa_max = ISA_RV64 | EXT_ZICBOM | EXT_ZICBOP | EXT_ZICBOZ | EXT_ZBKB | EXT_ZBKC | EXT_ZBKX |
                         EXT_ZKND | EXT_ZKNE | EXT_ZKNH | EXT_ZKSED | EXT_ZKSH | EXT_ZKT | EXT_ZCB | EXT_ZFH |
                         EXT_ZFHMIN | EXT_H;

/* How a -cpu name may be used. */
enum name_kind {
    NAME_EXT,    /* an extension that can be switched on and off */
    NAME_FIXED,  /* always on in Pagoda: =on is accepted, =off is an error */
    NAME_GROUP,  /* a shorthand (zkn): =on/off switches every member */
    NAME_ABSENT, /* QEMU has it, Pagoda does not: =off is accepted, =on is an error */
};

struct cpu_name {
    const char *name;
    enum name_kind kind;
    uint64_t bits;
    const char *note; /* for -cpu help and the errors */
};

/* Every name -cpu takes (QEMU's property names, compared ignoring case). */
static const struct cpu_name names[] = {
    {"i", NAME_FIXED, EXT_I, "base integer ISA"},
    {"m", NAME_EXT, EXT_M, "multiply and divide"},
    {"a", NAME_EXT, EXT_A, "atomics"},
    {"f", NAME_EXT, EXT_F, "single-precision floating point"},
    {"d", NAME_EXT, EXT_D, "double-precision floating point (needs f)"},
    {"c", NAME_FIXED, EXT_C, "compressed instructions (Pagoda's harts are IALIGN=16)"},
    {"s", NAME_FIXED, 0, "supervisor mode"},
    {"u", NAME_FIXED, 0, "user mode"},
    {"e", NAME_ABSENT, 0, "RV64E"},
    {"h", NAME_EXT, EXT_H, "hypervisor: HS, VS and VU modes, two-stage translation (Sv39x4, Sv48x4)"},
    {"v", NAME_ABSENT, 0, "vectors"},
    {"zicbom", NAME_EXT, EXT_ZICBOM, "cbo.clean, cbo.flush, cbo.inval (64-byte blocks)"},
    {"zicbop", NAME_EXT, EXT_ZICBOP, "prefetch.i, prefetch.r, prefetch.w"},
    {"zicboz", NAME_EXT, EXT_ZICBOZ, "cbo.zero (64-byte blocks)"},
    {"zicond", NAME_EXT, EXT_ZICOND, "czero.eqz, czero.nez"},
    {"zicsr", NAME_FIXED, EXT_ZICSR, "CSR instructions"},
    {"zifencei", NAME_FIXED, EXT_ZIFENCEI, "fence.i"},
    {"zihintpause", NAME_EXT, EXT_ZIHINTPAUSE, "pause"},
    {"zmmul", NAME_EXT, EXT_ZMMUL, "the multiplications of m alone"},
    {"zfh", NAME_EXT, EXT_ZFH, "half-precision floating point (needs f)"},
    {"zfhmin", NAME_EXT, EXT_ZFHMIN, "half-precision loads, stores and conversions (needs f)"},
    {"zcb", NAME_EXT, EXT_ZCB, "more compressed instructions (c.lbu, c.mul, c.not...)"},
    {"zba", NAME_EXT, EXT_ZBA, "address generation"},
    {"zbb", NAME_EXT, EXT_ZBB, "basic bit manipulation"},
    {"zbc", NAME_EXT, EXT_ZBC, "carry-less multiplication"},
    {"zbkb", NAME_EXT, EXT_ZBKB, "bit manipulation for cryptography"},
    {"zbkc", NAME_EXT, EXT_ZBKC, "carry-less multiplication for cryptography"},
    {"zbkx", NAME_EXT, EXT_ZBKX, "crossbar permutations"},
    {"zbs", NAME_EXT, EXT_ZBS, "single-bit instructions"},
    {"zknd", NAME_EXT, EXT_ZKND, "AES decryption"},
    {"zkne", NAME_EXT, EXT_ZKNE, "AES encryption"},
    {"zknh", NAME_EXT, EXT_ZKNH, "SHA-256 and SHA-512"},
    {"zksed", NAME_EXT, EXT_ZKSED, "SM4"},
    {"zksh", NAME_EXT, EXT_ZKSH, "SM3"},
    {"zkt", NAME_EXT, EXT_ZKT, "data-independent execution latency (a property)"},
    {"zkn", NAME_GROUP, EXT_ZBKB | EXT_ZBKC | EXT_ZBKX | EXT_ZKND | EXT_ZKNE | EXT_ZKNH,
     "zbkb zbkc zbkx zknd zkne zknh"},
    {"zks", NAME_GROUP, EXT_ZBKB | EXT_ZBKC | EXT_ZBKX | EXT_ZKSED | EXT_ZKSH, "zbkb zbkc zbkx zksed zksh"},
    {"zkr", NAME_ABSENT, 0, "entropy source (the seed CSR)"},
    {"zk", NAME_ABSENT, 0, "zkn zkr zkt (zkr is missing)"},
    {"sdtrig", NAME_EXT, EXT_SDTRIG, "debug triggers: tselect, tdata1-3, tinfo (4 triggers)"},
    {"debug", NAME_EXT, EXT_SDTRIG, "QEMU's name of sdtrig"},
    {"sstc", NAME_EXT, EXT_SSTC, "stimecmp"},
    {"svadu", NAME_EXT, EXT_SVADU, "hardware A/D updates chosen by menvcfg.ADUE (as --ad=svadu)"},
    {"svinval", NAME_EXT, EXT_SVINVAL, "sinval.vma, sfence.w.inval, sfence.inval.ir"},
    {"svnapot", NAME_FIXED, EXT_SVNAPOT, "NAPOT pages"},
    {"svpbmt", NAME_EXT, EXT_SVPBMT, "page-based memory types"},
};

/* The name of bit e: the one entry of names[] that is that bit alone. */
const char *isa_name(enum isa_ext e)
{
    if ((unsigned)e >= ISA_NAMED) return NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].bits == ISA_BIT(e) && names[i].kind != NAME_GROUP) return names[i].name;
    return NULL;
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* A property value as QEMU's parser takes it. */
static bool parse_onoff(const char *v, bool *on)
{
    if (!strcmp(v, "on") || !strcmp(v, "true") || !strcmp(v, "yes")) *on = true;
    else if (!strcmp(v, "off") || !strcmp(v, "false") || !strcmp(v, "no")) *on = false;
    else return false;
    return true;
}

static const struct cpu_name *find_name(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].name) == len && !strncasecmp(names[i].name, s, len)) return &names[i];
    return NULL;
}

int isa_parse_cpu(const char *spec, uint64_t *ext, char *err, size_t errlen)
{
    size_t mlen = strcspn(spec, ",");
    uint64_t set;
    if (mlen == 4 && !strncmp(spec, "rv64", 4)) set = ISA_RV64;
    else if (mlen == 3 && !strncmp(spec, "max", 3)) set = isa_max;
    else return fail(err, errlen, "%.*s: unknown CPU model (rv64 or max)", (int)mlen, spec);
    for (const char *p = spec + mlen; *p == ',';) {
        const char *prop = p + 1;
        size_t len = strcspn(prop, ",");
        const char *eq = memchr(prop, '=', len);
        if (!eq) return fail(err, errlen, "%.*s: a property needs a value (name=on|off)", (int)len, prop);
        size_t nlen = (size_t)(eq - prop), vlen = len - nlen - 1;
        char val[8];
        bool on = false;
        if (vlen >= sizeof val) vlen = sizeof val - 1; /* too long to be a value: fails below */
        memcpy(val, eq + 1, vlen);
        val[vlen] = 0;
        const struct cpu_name *n = find_name(prop, nlen);
        if (!n) return fail(err, errlen, "unknown extension %.*s (pagoda -cpu help lists them)", (int)nlen, prop);
        if (!parse_onoff(val, &on) || len - nlen - 1 >= sizeof val)
            return fail(err, errlen, "%.*s: the value is on/off, true/false or yes/no", (int)len, prop);
        switch (n->kind) {
        case NAME_FIXED:
            if (!on) return fail(err, errlen, "%s cannot be switched off in Pagoda (%s)", n->name, n->note);
            break;
        case NAME_ABSENT:
            if (on) return fail(err, errlen, "%s is not implemented in Pagoda (%s)", n->name, n->note);
            break;
        case NAME_EXT: case NAME_GROUP:
            set = on ? set | n->bits : set & ~n->bits;
            break;
        }
        p = prop + len;
    }
    /* dependencies (unprivileged spec: D depends on F, Zfh and Zfhmin on F,
     * Zcb on Zca, which C provides) */
    if ((set & EXT_D) && !(set & EXT_F)) return fail(err, errlen, "d needs f");
    if ((set & (EXT_ZFH | EXT_ZFHMIN)) && !(set & EXT_F))
        return fail(err, errlen, "%s needs f", (set & EXT_ZFH) ? "zfh" : "zfhmin");
    if ((set & EXT_ZCB) && !(set & EXT_C)) return fail(err, errlen, "zcb needs c");
    *ext = set;
    return 0;
}

uint64_t isa_resolve(uint64_t ext, bool svadu)
{
    if (ext == 0) ext = ISA_RV64;
    return svadu ? ext | EXT_SVADU : ext;
}

uint64_t isa_effective(uint64_t ext)
{
    ext &= ISA_BIT(ISA_NAMED) - 1;
    if (ext & (EXT_M | EXT_ZMMUL)) ext |= EXT_X_MUL;
    if (ext & (EXT_ZBB | EXT_ZBKB)) ext |= EXT_X_ZBB_ZBKB;
    if (ext & (EXT_ZBC | EXT_ZBKC)) ext |= EXT_X_ZBC_ZBKC;
    if (ext & (EXT_ZKND | EXT_ZKNE)) ext |= EXT_X_ZKND_ZKNE;
    if (ext & (EXT_ZFH | EXT_ZFHMIN)) ext |= EXT_X_ZFHMIN;
    return ext;
}

uint64_t isa_misa(uint64_t ext)
{
    /* privileged spec, "Machine ISA Register misa": bit n is letter 'A' + n */
    static const struct { uint64_t ext; char letter; } letters[] = {
        {EXT_A, 'A'}, {EXT_C, 'C'}, {EXT_D, 'D'}, {EXT_F, 'F'}, {EXT_H, 'H'}, {EXT_I, 'I'}, {EXT_M, 'M'},
    };
    uint64_t misa = (2ull << 62) | (1ull << ('S' - 'A')) | (1ull << ('U' - 'A'));
    for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++)
        if (ext & letters[i].ext) misa |= 1ull << (letters[i].letter - 'A');
    return misa;
}

size_t isa_string(uint64_t ext, char *buf, size_t n)
{
    /* single letters first, then the multi-letter names joined by '_', both
     * in the order of enum isa_ext (the canonical one) */
    size_t len = 0;
#define PUT(s) do { size_t l_ = strlen(s); for (size_t k_ = 0; k_ < l_; k_++, len++) \
                        if (len + 1 < n) buf[len] = (s)[k_]; } while (0)
    PUT("rv64");
    for (unsigned e = 0; e < ISA_NAMED; e++) {
        if (!((ext >> e) & 1) || e == ISA_SDTRIG) continue; /* as QEMU 7.2: not in the string */
        const char *name = isa_name((enum isa_ext)e);
        if (name[1] != 0) PUT("_");
        PUT(name);
    }
#undef PUT
    if (n) buf[len < n ? len : n - 1] = 0;
    return len;
}

void isa_print_help(FILE *f)
{
    fprintf(f, "-cpu MODEL[,NAME=on|off]...   MODEL: rv64 (the default) or max (everything Pagoda implements)\n"
               "NAME         rv64  max  what\n");
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const struct cpu_name *n = &names[i];
        const char *in_rv64, *in_max;
        switch (n->kind) {
        case NAME_FIXED: in_rv64 = in_max = "on"; break;
        case NAME_ABSENT: in_rv64 = in_max = "-"; break;
        default:
            in_rv64 = (ISA_RV64 & n->bits) == n->bits ? "on" : "off";
            in_max = (isa_max & n->bits) == n->bits ? "on" : "off";
            break;
        }
        fprintf(f, "%-12s %-5s %-4s %s%s\n", n->name, in_rv64, in_max, n->note,
                n->kind == NAME_FIXED ? " (always on)" : n->kind == NAME_ABSENT ? " (not implemented)" : "");
    }
}
