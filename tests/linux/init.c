/*
 * The init of the Linux boot test (tests/e2e_linux.sh): a static program the
 * kernel runs as PID 1 from the initramfs.  It mounts what the stress
 * program needs, prints the banner the test looks for, runs /bin/stress,
 * reports how it ended and powers the machine off (reboot(2) ->
 * the kernel's SBI SRST call -> the firmware -> the emulator exits 0).
 * Whatever happens it powers off: PID 1 must never return (the kernel would
 * panic and the run would only end at the test's limit).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

/* say: one line on the console, written at once (no stdio buffering, so
 * lines of processes and threads never interleave). */
static void __attribute__((format(printf, 1, 2))) say(const char *fmt, ...)
{
	char line[512];
	int n = snprintf(line, sizeof line, "PAGODA-LINUX-INIT: ");
	va_list ap;
	va_start(ap, fmt);
	n += vsnprintf(line + n, sizeof line - n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof line - 2)
		n = sizeof line - 2;
	line[n++] = '\n';
	if (write(1, line, n) < 0) {
		/* nowhere to report it */
	}
}

static void mount_or_say(const char *what, const char *where, const char *type)
{
	if (mount(what, where, type, 0, NULL) != 0)
		say("warning: mount %s on %s: %s", type, where, strerror(errno));
}

/* meminfo_kb: the value of a /proc/meminfo field in kB, -1 if absent. */
static long meminfo_kb(const char *field)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[256];
	long v = -1;
	size_t len = strlen(field);
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, field, len) && line[len] == ':') {
			v = strtol(line + len + 1, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

static void power_off(void)
{
	sync();
	say("powering off");
	reboot(RB_POWER_OFF);
	say("FAIL: reboot(RB_POWER_OFF) returned: %s", strerror(errno));
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	(void)argc;
	mount_or_say("proc", "/proc", "proc");
	mount_or_say("sysfs", "/sys", "sysfs");
	mount_or_say("devtmpfs", "/dev", "devtmpfs");
	mount_or_say("tmpfs", "/tmp", "tmpfs");

	struct utsname u;
	uname(&u);
	cpu_set_t cpus;
	CPU_ZERO(&cpus);
	sched_getaffinity(0, sizeof cpus, &cpus);
	say("init started: Linux %s %s, %d CPUs online, MemTotal %ld kB", u.release, u.machine,
	    CPU_COUNT(&cpus), meminfo_kb("MemTotal"));

	pid_t pid = fork();
	if (pid < 0) {
		say("FAIL: fork: %s", strerror(errno));
		power_off();
	}
	if (pid == 0) {
		/* the kernel's environment (unknown name=value boot arguments) passes on */
		char *args[] = { "/bin/stress", NULL };
		execv(args[0], args);
		say("FAIL: exec %s: %s", args[0], strerror(errno));
		_exit(127);
	}
	int status;
	pid_t w;
	/* PID 1 also reaps orphans: wait until the stress program itself ends */
	while ((w = wait(&status)) != pid)
		if (w < 0 && errno != EINTR) {
			say("FAIL: wait: %s", strerror(errno));
			power_off();
		}
	if (WIFEXITED(status))
		say("stress exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		say("FAIL: stress killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
	/* then the TLB misses counted with perf (tests/linux/perftlb.c) */
	pid = fork();
	if (pid == 0) {
		char *args[] = { "/bin/perftlb", NULL };
		execv(args[0], args);
		say("PAGODA-LINUX-PERF: FAIL (exec %s: %s)", args[0], strerror(errno));
		_exit(127);
	}
	while (pid > 0 && (w = wait(&status)) != pid)
		if (w < 0 && errno != EINTR)
			break;
	(void)argv;
	power_off();
}
