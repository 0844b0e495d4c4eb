/* S-mode payload for the firmware built with -DPAGODA_FW_SELFTEST
 * (pagoda-fw-selftest.elf). QEMU never traps misaligned loads and stores,
 * so this asks the firmware's test hook (EID 0x0A000000) to emulate each
 * instruction as if it had trapped, then checks registers and memory.
 * On Pagoda with --misaligned=trap the ordinary sbi-test.elf covers the
 * real trap path. Prints "MISALIGNED TEST PASS" or "... FAIL <what>". */
#include <stdint.h>

static void sbi_putc(char c)
{
	register unsigned long a0 __asm__("a0") = (unsigned char)c;
	register unsigned long a6 __asm__("a6") = 2;
	register unsigned long a7 __asm__("a7") = 0x4442434E;
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a6), "r"(a7) : "a1", "memory");
}

static void puts_(const char *s)
{
	while (*s)
		sbi_putc(*s++);
}

static void __attribute__((noreturn)) shutdown(unsigned long reason)
{
	register unsigned long a0 __asm__("a0") = 0;
	register unsigned long a1 __asm__("a1") = reason;
	register unsigned long a6 __asm__("a6") = 0;
	register unsigned long a7 __asm__("a7") = 0x53525354;
	__asm__ volatile("ecall" ::"r"(a0), "r"(a1), "r"(a6), "r"(a7));
	for (;;)
		;
}

static void check(int ok, const char *what)
{
	if (ok)
		return;
	puts_("MISALIGNED TEST FAIL ");
	puts_(what);
	puts_("\n");
	shutdown(1);
}

/* Emulate the instruction at `label` (operands: a3 = data, a4 = address). */
#define EMU(label, insn, cause, addr, in, out)                                                   \
	do {                                                                                     \
		extern char label[];                                                             \
		register unsigned long a0 __asm__("a0") = (unsigned long)label;                  \
		register unsigned long a1 __asm__("a1") = (unsigned long)(addr);                 \
		register unsigned long a2 __asm__("a2") = (cause);                               \
		register unsigned long a3 __asm__("a3") = (in);                                  \
		register unsigned long a4 __asm__("a4") = (unsigned long)(addr);                 \
		register unsigned long a7 __asm__("a7") = 0x0A000000;                            \
		__asm__ volatile("ecall"                                                         \
				 : "+r"(a0), "+r"(a1), "+r"(a3)                                  \
				 : "r"(a2), "r"(a4), "r"(a7)                                     \
				 : "memory");                                                    \
		out = a3;                                                                        \
		__asm__(".pushsection .text.insns,\"ax\"\n" #label ":\n" insn "\n.popsection"); \
	} while (0)
#define RV32(i) ".option push\n.option norvc\n" i "\n.option pop"
#define RVC(i) ".option push\n.option rvc\n" i "\n.option pop"

static uint8_t buf[64] __attribute__((aligned(16)));
static volatile int expect_fault;

void s_trap(void)
{
	unsigned long cause, tval;
	__asm__ volatile("csrr %0, scause; csrr %1, stval" : "=r"(cause), "=r"(tval));
	check(expect_fault && cause == 5 && tval == 0x80070001UL, "unexpected trap");
	puts_("MISALIGNED TEST PASS\n");
	shutdown(0);
}

static unsigned long le(int off, int n)
{
	unsigned long v = 0;
	for (int i = n - 1; i >= 0; i--)
		v = (v << 8) | buf[off + i];
	return v;
}

void test_main(void)
{
	unsigned long v;
	for (int i = 0; i < 64; i++)
		buf[i] = (uint8_t)(0x80 + i);
	EMU(t_ld, RV32("ld a3, 0(a4)"), 4, buf + 1, 0, v);
	check(v == 0x8887868584838281UL, "ld");
	EMU(t_lw, RV32("lw a3, 0(a4)"), 4, buf + 3, 0, v);
	check(v == 0xffffffff86858483UL, "lw");
	EMU(t_lwu, RV32("lwu a3, 0(a4)"), 4, buf + 3, 0, v);
	check(v == 0x86858483UL, "lwu");
	EMU(t_lh, RV32("lh a3, 0(a4)"), 4, buf + 5, 0, v);
	check(v == 0xffffffffffff8685UL, "lh");
	EMU(t_lhu, RV32("lhu a3, 0(a4)"), 4, buf + 5, 0, v);
	check(v == 0x8685UL, "lhu");
	EMU(t_cld, RVC("c.ld a3, 0(a4)"), 4, buf + 9, 0, v);
	check(v == le(9, 8), "c.ld");
	EMU(t_clw, RVC("c.lw a3, 0(a4)"), 4, buf + 9, 0, v);
	check(v == (unsigned long)(long)(int)le(9, 4), "c.lw");
	EMU(t_sd, RV32("sd a3, 0(a4)"), 6, buf + 17, 0x1122334455667788UL, v);
	check(le(17, 8) == 0x1122334455667788UL && buf[16] == 0x90 && buf[25] == 0x99, "sd");
	EMU(t_sw, RV32("sw a3, 0(a4)"), 6, buf + 27, 0xdeadbeefUL, v);
	check(le(27, 4) == 0xdeadbeefUL && buf[31] == 0x9f, "sw");
	EMU(t_sh, RV32("sh a3, 0(a4)"), 6, buf + 35, 0x1234UL, v);
	check(le(35, 2) == 0x1234UL && buf[37] == 0xa5, "sh");
	EMU(t_csw, RVC("c.sw a3, 0(a4)"), 6, buf + 39, 0xaabbccddUL, v);
	check(le(39, 4) == 0xaabbccddUL, "c.sw");
	double d = 2.5;
	__asm__ volatile("fmv.d fa5, %0" ::"f"(d) : "fa5");
	EMU(t_fsd, RV32("fsd fa5, 0(a4)"), 6, buf + 45, 0, v);
	check(le(45, 8) == 0x4004000000000000UL, "fsd");
	__asm__ volatile("fmv.d.x fa4, zero" ::: "fa4");
	EMU(t_fld, RV32("fld fa4, 0(a4)"), 4, buf + 45, 0, v);
	__asm__ volatile("fmv.x.d %0, fa4" : "=r"(v));
	check(v == 0x4004000000000000UL, "fld");
	EMU(t_flw, RV32("flw fa3, 0(a4)"), 4, buf + 49, 0, v);
	__asm__ volatile("fmv.x.d %0, fa3" : "=r"(v));
	check(v == (0xffffffff00000000UL | le(49, 4)), "flw (NaN-boxed)");
	/* A fault while emulating (S-mode may not read the firmware) must reach
	 * S-mode as a load access fault on the faulting byte. */
	expect_fault = 1;
	EMU(t_fault, RV32("ld a3, 0(a4)"), 4, 0x80070001UL, 0, v);
	check(0, "no access fault from emulated load of firmware memory");
}
