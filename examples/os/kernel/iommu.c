// The RISC-V IOMMU (RISC-V IOMMU Architecture Specification 1.0; the chapter and
// section names below are that document's). It stands between the accelerator
// (accel.c) and memory: the device names a process by a PASID in each request, and
// the IOMMU translates the device's addresses through that process's own page tables,
// with user permissions, caching the translations in its IOTLB tagged by the process
// context's PSCID. The kernel keeps the IOTLB coherent as it does the harts' TLBs:
// every PTE change that vs_fence (vm.c) fences on the harts is also sent here as
// IOTINVAL.VMA + IOFENCE.C (iommu_fence) before a frame can be reused.
//
// The structures, all in kernel frames: a one-level device directory (DDT) whose
// device context for the accelerator's device id points to a PD8 process directory
// (256 process contexts); the command queue (software writes, the IOMMU reads), the
// fault queue and the page-request queue (the IOMMU writes, software reads). The
// fault queue is read by its interrupt handler; page requests, which may need the
// disk, are served by a kernel process (prq_server).
#include "types.h"
#include "riscv.h"
#include "defs.h"
#include "vm.h"

// Registers (chapter "Memory-mapped register interface").
#define REG_CAP 0x00
#define REG_FCTL 0x08
#define REG_DDTP 0x10
#define REG_CQB 0x18
#define REG_CQH 0x20
#define REG_CQT 0x24
#define REG_FQB 0x28
#define REG_FQH 0x30
#define REG_FQT 0x34
#define REG_PQB 0x38
#define REG_PQH 0x40
#define REG_PQT 0x44
#define REG_CQCSR 0x48
#define REG_FQCSR 0x4c
#define REG_PQCSR 0x50
#define REG_IPSR 0x54
#define REG_ICVEC 0x2f8

#define CAP_SV39 (1UL << 9)
#define CAP_SV48 (1UL << 10)
#define CAP_AMO_HWAD (1UL << 24)
#define CAP_ATS (1UL << 25)
#define CAP_PD8 (1UL << 38)
#define FCTL_WSI (1U << 1)
#define DDTP_1LVL 2
// cqcsr, fqcsr, pqcsr
#define QEN (1U << 0)
#define QIE (1U << 1)
#define QMF (1U << 8)        // memory fault
#define CQ_CMD_TO (1U << 9)
#define CQ_CMD_ILL (1U << 10)
#define XQ_OF (1U << 9)      // fault / page-request queue overflow
#define QON (1U << 16)
// ipsr bits, and the vector each cause gets in icvec (PLIC source = first + vector)
#define IPSR_CIP (1U << 0)
#define IPSR_FIP (1U << 1)
#define IPSR_PIP (1U << 3)

// Device context, base format (section "Device-context fields"): tc bits.
#define TC_V (1UL << 0)
#define TC_EN_ATS (1UL << 1)
#define TC_EN_PRI (1UL << 2)
#define TC_PDTV (1UL << 5)
#define TC_PRPR (1UL << 6)
#define TC_SADE (1UL << 8)
#define PDTP_PD8 (1UL << 60)
// Process context (section "Process-context fields"): ta bits.
#define TA_V (1UL << 0)
#define TA_PSCID_SHIFT 12

// Commands (section "Command-Queue (CQ)"): opcode in bits 6:0, func3 in 9:7.
#define CMD_IOTINVAL 1
#define CMD_IOFENCE 2
#define CMD_IODIR 3
#define CMD_ATS 4
#define FUNC(f) ((uint64)(f) << 7)
#define IOTINVAL_AV (1UL << 10)
#define IOTINVAL_PSCV (1UL << 32)
#define IOFENCE_AV (1UL << 10)
#define IOFENCE_PR (1UL << 12)
#define IOFENCE_PW (1UL << 13)
#define IODIR_DV (1UL << 33)
#define ATS_PV (1UL << 32)

#define NCMD 256           // command queue: 256 x 16 bytes, one page
#define NFAULT 128         // fault queue: 128 x 32 bytes
#define NPREQ 256          // page-request queue: 256 x 16 bytes
#define NPASID 256         // PD8: process ids 0..255 (0 is never handed out)
#define PRG_SUCCESS 0x0    // PCIe Page Request Group Response codes
#define PRG_INVALID 0x1  // (0xf, Response Failure, would make the device stop asking)

static struct {
  volatile uint8 *regs;
  int on;
  uint32 devid;             // the accelerator's device id
  uint64 *ddt, *pdt;        // device contexts (4 dwords each), process contexts (2 each)
  uint64 *cq, *fq, *pq;
  uint32 cqt, fqh, pqh;     // the indices software owns
  volatile uint32 fence_seq;  // IOFENCE.C writes its sequence number here
  uint32 fence_next;
  struct spinlock cmdlock;  // the command queue
  struct spinlock fqlock;   // the fault queue
  struct spinlock pasidlock; // PASIDs, process contexts, page-request handling
  struct vmspace *owner[NPASID]; // the address space each PASID names
  int busy[NPASID];         // descriptors still in the device for it (accel.c)
  uint32 next_pscid;
  struct spinlock prqlock;  // the page-request server's sleep
  int prq_pending;
  uint8 group_denied[512];  // a page request of this group (PRGI) was refused
  struct devstat st;
} io;

// Reads a 32-bit register.
static uint32 rd32(int off) { return *(volatile uint32 *)(io.regs + off); }
// Writes a 32-bit register.
static void wr32(int off, uint32 v) { *(volatile uint32 *)(io.regs + off) = v; }
// Reads a 64-bit register.
static uint64 rd64(int off) { return *(volatile uint64 *)(io.regs + off); }
// Writes a 64-bit register.
static void wr64(int off, uint64 v) { *(volatile uint64 *)(io.regs + off) = v; }

// Returns the value of a queue base register (cqb, fqb, pqb) for a queue of n entries
// at kernel address q: PPN in bits 53:10, LOG2SZ-1 in bits 4:0.
static uint64 qbase(void *q, int n)
{
  int log2 = 0;
  while ((1 << log2) < n) log2++;
  return (V2P(q) >> 12) << 10 | (uint64)(log2 - 1);
}

// Turns a queue on with its csr (enable and interrupt enable) and waits until the
// IOMMU says it is on; returns 0 or -1.
static int queue_on(int csr)
{
  wr32(csr, QEN | QIE);
  for (int i = 0; i < 1000000; i++)
    if (rd32(csr) & QON) return 0;
  return -1;
}

// ---- commands ----

// Puts one command in the command queue (the IOMMU sees it at the next cqt write);
// cmdlock held. A full queue is handed over as it is, and waited for (the IOMMU
// consumes from cqh).
static void cmd_put(uint64 d0, uint64 d1)
{
  uint32 next = (io.cqt + 1) % NCMD;
  if (next == rd32(REG_CQH)) {
    __sync_synchronize();
    wr32(REG_CQT, io.cqt);
    while (next == rd32(REG_CQH))
      ;
  }
  io.cq[2 * io.cqt] = d0;
  io.cq[2 * io.cqt + 1] = d1;
  io.cqt = next;
}

// Hands the commands put so far to the IOMMU and waits for them all to complete: an
// IOFENCE.C goes last, with PR and PW (earlier device reads and writes done) and AV
// (write a sequence number to memory when complete), and the hart polls that word
// (section "IOMMU Command-queue Fence commands"). cmdlock held.
static void cmd_sync(void)
{
  uint32 seq = ++io.fence_next;
  cmd_put(CMD_IOFENCE | FUNC(0) | IOFENCE_AV | IOFENCE_PR | IOFENCE_PW | (uint64)seq << 32,
          V2P((void *)&io.fence_seq) >> 2);
  io.st.iofence++;
  __sync_synchronize(); // the commands are in memory before the doorbell
  wr32(REG_CQT, io.cqt);
  for (uint64 i = 0; io.fence_seq != seq; i++) {
    uint32 csr = rd32(REG_CQCSR);
    if (csr & (QMF | CQ_CMD_ILL | CQ_CMD_TO)) {
      kprintf("iommu: command queue stopped: cqcsr %x at cqh %d\n", csr, rd32(REG_CQH));
      panic("iommu command");
    }
    if (i > 100000000) panic("iommu: IOFENCE.C never completed");
  }
  __sync_synchronize();
}

// Queues IOTINVAL.VMA for PSCID pscid: one page at va, or (all set) every address.
static void cmd_iotinval(uint32 pscid, uint64 va, int all)
{
  uint64 d0 = CMD_IOTINVAL | FUNC(0) | IOTINVAL_PSCV | (uint64)pscid << 12;
  if (!all) d0 |= IOTINVAL_AV;
  cmd_put(d0, all ? 0 : (va >> 12) << 10); // ADDR[63:12] in dword 1 bits 61:10
  io.st.iotinval++;
}

// Queues IODIR.INVAL_PDT for process pasid of the accelerator: the IOMMU drops the
// process context it may have cached (section "IOMMU Directory cache invalidation").
static void cmd_inval_pdt(uint32 pasid)
{
  cmd_put(CMD_IODIR | FUNC(1) | IODIR_DV | (uint64)io.devid << 40 | (uint64)pasid << 12, 0);
  io.st.iodir++;
}

// ---- the directories ----

// Sets up the device context of device id devid: translate through a PD8 process
// directory (PDTV), requests without a PASID untranslated (DPE = 0: the accelerator's
// rings are at physical addresses), ATS and page requests (EN_ATS, EN_PRI, PRPR: the
// response names the PASID), and the IOMMU sets A and D itself (SADE: a device write
// to a clean page sets D, as a hart does). DTF = 0: every fault is recorded.
static void dc_init(uint32 devid)
{
  uint64 *dc = io.ddt + 4 * devid;
  dc[1] = 0; // iohgatp: no second stage
  dc[2] = 0; // ta: the PSCIDs are in the process contexts
  dc[3] = PDTP_PD8 | (V2P(io.pdt) >> 12);
  __sync_synchronize(); // the rest of the context before tc.V (section "Device-Directory-Table")
  dc[0] = TC_V | TC_EN_ATS | TC_EN_PRI | TC_PRPR | TC_PDTV | TC_SADE;
}

// Finds the IOMMU and the accelerator's device id in the device tree and brings the
// IOMMU up: queues with interrupts on PLIC sources first..first+3 (icvec: command 0,
// fault 1, performance 2, page request 3), the directory, then mode 1LVL. Returns 0,
// or -1 if there is none or it lacks what the kernel needs (it then stays Off).
int iommu_init(void)
{
  if (!boardinfo.iommu_pa) return -1;
  io.regs = P2V(boardinfo.iommu_pa);
  uint64 cap = rd64(REG_CAP);
  uint64 need = CAP_PD8 | CAP_ATS | CAP_AMO_HWAD | (satp_mode == SATP_SV48 ? CAP_SV48 : CAP_SV39);
  if ((cap & 0xff) != 0x10 || (cap & need) != need) {
    kprintf("iommu: capabilities %p lack what this kernel needs\n", cap);
    return -1;
  }
  uint32 devid = boardinfo.accel_pa ? boardinfo.accel_devid : 0;
  if (devid >= 128) { // a one-level DDT of base-format contexts holds ids 0..127
    kprintf("iommu: device id %d needs more than one directory level\n", devid);
    return -1;
  }
  io.devid = devid;
  io.ddt = kalloc();
  io.pdt = kalloc();
  io.cq = kalloc();
  io.fq = kalloc();
  io.pq = kalloc();
  if (!io.ddt || !io.pdt || !io.cq || !io.fq || !io.pq) return -1;
  wr32(REG_FCTL, FCTL_WSI); // wired interrupts (the only kind this IOMMU offers)
  wr64(REG_ICVEC, 0x3210);
  wr64(REG_CQB, qbase(io.cq, NCMD));
  wr32(REG_CQT, 0);
  wr64(REG_FQB, qbase(io.fq, NFAULT));
  wr32(REG_FQH, 0);
  wr64(REG_PQB, qbase(io.pq, NPREQ));
  wr32(REG_PQH, 0);
  if (queue_on(REG_CQCSR) < 0 || queue_on(REG_FQCSR) < 0 || queue_on(REG_PQCSR) < 0) {
    kprintf("iommu: a queue did not turn on\n");
    return -1;
  }
  if (boardinfo.accel_pa) dc_init(devid);
  __sync_synchronize();
  wr64(REG_DDTP, (V2P(io.ddt) >> 12) << 10 | DDTP_1LVL);
  acquire(&io.cmdlock);
  cmd_put(CMD_IODIR | FUNC(0), 0); // IODIR.INVAL_DDT, all devices
  io.st.iodir++;
  cmd_sync();
  release(&io.cmdlock);
  io.next_pscid = 1;
  io.on = 1;
  io.st.iommu = 1;
  return 0;
}

// Returns 1 if the IOMMU is up.
int iommu_ready(void)
{
  return io.on;
}

// ---- PASIDs and process contexts ----

// Gives vs a PASID and a valid process context if it has none: first stage = vs's own
// page tables (satp's mode and root), a PSCID of its own that never changes (not the
// ASID: ASIDs are recycled at rollovers), ENS = 0 so the device gets user access only,
// SUM = 0. Returns the PASID, or -1 if there is no IOMMU or no free PASID.
int iommu_attach(struct vmspace *vs)
{
  if (!io.on || !boardinfo.accel_pa) return -1;
  acquire(&io.pasidlock);
  acquire(&vs->lock); // no vs_fence of vs runs while its PASID appears
  if (vs->pasid) {
    release(&vs->lock);
    release(&io.pasidlock);
    return vs->pasid;
  }
  int p = 1;
  while (p < NPASID && (io.owner[p] || io.busy[p])) p++;
  if (p == NPASID) {
    release(&vs->lock);
    release(&io.pasidlock);
    return -1;
  }
  uint32 pscid = io.next_pscid;
  io.next_pscid = io.next_pscid == 0xfffff ? 1 : io.next_pscid + 1; // 20 bits
  uint64 *pc = io.pdt + 2 * p;
  pc[1] = satp_mode | (V2P(vs->root) >> PGSHIFT); // fsc: MODE and PPN as in satp
  __sync_synchronize();                            // fsc before ta.V
  pc[0] = TA_V | (uint64)pscid << TA_PSCID_SHIFT;
  acquire(&io.cmdlock);
  cmd_inval_pdt(p); // caching an invalid context is not allowed, but say it changed
  cmd_sync();
  release(&io.cmdlock);
  io.owner[p] = vs;
  io.st.pasids++;
  vs->pscid = pscid;
  vs->pasid = p;
  release(&vs->lock);
  release(&io.pasidlock);
  return p;
}

// Takes vs's process context away before its frames are freed (exit, exec): ta.V = 0,
// then IODIR.INVAL_PDT (the IOMMU forgets the cached context), IOTINVAL.VMA for the
// PSCID (and every translation it holds), IOFENCE.C (all done). The PASID is handed
// out again once the device has no descriptor of it left (iommu_pasid_put).
void iommu_detach(struct vmspace *vs)
{
  if (!vs->pasid) return;
  acquire(&io.pasidlock);
  uint64 *pc = io.pdt + 2 * vs->pasid;
  pc[0] = 0;
  __sync_synchronize();
  acquire(&io.cmdlock);
  cmd_inval_pdt(vs->pasid);
  cmd_iotinval(vs->pscid, 0, 1);
  cmd_sync();
  release(&io.cmdlock);
  pc[1] = 0;
  io.owner[vs->pasid] = 0;
  io.st.pasids--;
  vs->pasid = 0;
  release(&io.pasidlock);
}

// Counts a descriptor of pasid in the device (hold 1) or done (hold -1): a PASID is
// not handed out again while the device may still use it.
void iommu_pasid_hold(uint32 pasid, int hold)
{
  acquire(&io.pasidlock);
  io.busy[pasid] += hold;
  release(&io.pasidlock);
}

// Makes the IOMMU forget vs's translations of [va, va+size) (size 0: all of them),
// after the PTEs changed and the harts were fenced (vs_fence): IOTINVAL.VMA with vs's
// PSCID for each page (or for the whole PSCID when the range is large or 0), then
// IOFENCE.C, so no device access uses the old translation once this returns (section
// "IOMMU Page-Table cache invalidation commands"). Nothing if vs has no PASID. Called
// with vs->lock held.
void iommu_fence(struct vmspace *vs, uint64 va, uint64 size)
{
  if (!vs->pasid) return;
  acquire(&io.cmdlock);
  if (size == 0 || size > 64 * PGSIZE) {
    cmd_iotinval(vs->pscid, 0, 1);
    COUNT_SYNC(vs, iommu_invals);
  } else {
    for (uint64 a = PGROUNDDOWN(va); a < va + size; a += PGSIZE) {
      cmd_iotinval(vs->pscid, a, 0);
      COUNT_SYNC(vs, iommu_invals);
    }
  }
  cmd_sync();
  release(&io.cmdlock);
}

// ---- the fault queue ----

// Returns a name for an IOMMU fault cause (table "Fault record CAUSE field encodings").
static const char *cause_name(uint32 c)
{
  switch (c) {
  case 1: return "instruction access fault";
  case 5: return "read access fault";
  case 7: return "write access fault";
  case 12: return "instruction page fault";
  case 13: return "read page fault";
  case 15: return "write page fault";
  case 256: return "all inbound transactions disallowed";
  case 258: return "DDT entry not valid";
  case 259: return "DDT entry misconfigured";
  case 260: return "transaction type disallowed";
  case 266: return "PDT entry not valid";
  case 267: return "PDT entry misconfigured";
  default: return "other";
  }
}

// Reads every record in the fault queue: counts it by cause (and for the address space
// its PASID names), prints one line if that address space asked for it (devstat's
// DEVSTAT_PRINT_FAULTS), and gives the slot back (fqh). Safe to call from
// any hart at any time (the accelerator's interrupt calls it first, so that a
// descriptor's fault is counted before its owner wakes up).
void iommu_drain_faults(void)
{
  if (!io.on) return;
  acquire(&io.fqlock);
  uint32 tail = rd32(REG_FQT);
  while (io.fqh != tail) {
    uint64 *r = io.fq + 4 * io.fqh;
    uint64 hdr = r[0], iotval = r[2];
    uint32 cause = hdr & 0xfff, pid = (hdr >> 12) & 0xfffff, pv = (hdr >> 32) & 1;
    uint32 ttyp = (hdr >> 34) & 0x3f, did = hdr >> 40;
    io.st.fault_records++;
    if (cause < 32) io.st.fault_cause[cause]++;
    else if (cause >= 256 && cause < 288) io.st.fault_cause[32 + cause - 256]++;
    acquire(&io.pasidlock); // the address space stays while counted
    struct vmspace *vs = pv && pid < NPASID ? io.owner[pid] : 0;
    if (vs) COUNT_SYNC(vs, iommu_faults);
    if (vs && vs->print_faults)
      kprintf("iommu: fault record: cause %d (%s), device %d, pasid %d, ttyp %d, address %p\n", cause,
              cause_name(cause), did, pid, ttyp, iotval);
    release(&io.pasidlock);
    io.fqh = (io.fqh + 1) % NFAULT;
    wr32(REG_FQH, io.fqh);
  }
  uint32 csr = rd32(REG_FQCSR);
  if (csr & (XQ_OF | QMF)) {
    kprintf("iommu: fault queue %s\n", csr & QMF ? "memory fault" : "overflowed: records were lost");
    wr32(REG_FQCSR, QEN | QIE | (csr & (XQ_OF | QMF))); // RW1C
  }
  release(&io.fqlock);
}

// The fault queue's interrupt: clear ipsr.fip first (a record arriving later raises
// it again), then read the queue.
static void fault_intr(int irq)
{
  (void)irq;
  wr32(REG_IPSR, IPSR_FIP);
  io.st.irq_fault++;
  iommu_drain_faults();
}

// The command queue's interrupt: only errors (cqmf, cmd_ill, cmd_to) raise it here.
static void command_intr(int irq)
{
  (void)irq;
  wr32(REG_IPSR, IPSR_CIP);
  kprintf("iommu: command queue error, cqcsr %x\n", rd32(REG_CQCSR));
}

// ---- the page-request queue ----

// The page-request queue's interrupt: wake the server (it may sleep on the disk, which
// an interrupt handler must not).
static void pagereq_intr(int irq)
{
  (void)irq;
  wr32(REG_IPSR, IPSR_PIP);
  io.st.irq_pagereq++;
  acquire(&io.prqlock);
  io.prq_pending = 1;
  wakeup(&io.prq_pending);
  release(&io.prqlock);
}

// Makes page va of the address space that PASID pasid names present for a device
// access (write: for writing; exec: for execution), as the kernel's own page-fault
// handling does for a hart (fault_locked: demand-zero fill, file page, swap-in, stack
// growth, copy-on-write break, each with its fences, now to the IOMMU too). Returns 0,
// or -1 if no process has the PASID or the address is not mapped for that access.
// pasidlock held, so the address space cannot be freed meanwhile.
static int serve_page(uint32 pasid, uint64 va, int write, int exec)
{
  struct vmspace *vs = pasid < NPASID ? io.owner[pasid] : 0;
  if (!vs) return -1;
  int cause = write ? EXC_STORE_PAGE_FAULT : exec ? EXC_INSN_PAGE_FAULT : EXC_LOAD_PAGE_FAULT;
  acquire(&vs->lock);
  int r = va < MAXUVA ? fault_locked(vs, va, cause) : -1;
  if (r == 0) COUNT(vs, accel_page_reqs);
  else COUNT(vs, accel_page_denied);
  release(&vs->lock);
  return r == 0 ? 0 : -1;
}

// Answers the page-request group prgi of device did (for pasid when pv) with code,
// by ATS.PRGR (section "IOMMU PCIe ATS commands": dword 1 is the PCIe message's
// payload, PRG index in bits 40:32, response code in 47:44, destination id in 63:48).
static void respond(uint32 did, int pv, uint32 pasid, uint32 prgi, uint32 code)
{
  uint64 d0 = CMD_ATS | FUNC(1) | (uint64)(did & 0xffff) << 40 | (pv ? ATS_PV | (uint64)pasid << 12 : 0);
  uint64 d1 = (uint64)(prgi & 0x1ff) << 32 | (uint64)(code & 0xf) << 44 | (uint64)(did & 0xffff) << 48;
  acquire(&io.cmdlock);
  cmd_put(d0, d1);
  io.st.prgr++;
  cmd_sync();
  release(&io.cmdlock);
}

// Serves one page-request record (section "Page-Request-Queue": PID, PV, PRIV, EXEC,
// DID in the header; R, W, L, PRGI and the page address in the payload). Requests
// for supervisor access, without a PASID or from another device are refused. A group
// is answered once, at its last request (L): Success if every request was served,
// Invalid Request if one was not (the device then fails the access, and the IOMMU
// records the fault).
static void serve_record(uint64 hdr, uint64 payload)
{
  uint32 pid = (hdr >> 12) & 0xfffff, pv = (hdr >> 32) & 1, priv = (hdr >> 33) & 1;
  uint32 exec = (hdr >> 34) & 1, did = hdr >> 40;
  uint32 r = payload & 1, w = (payload >> 1) & 1, last = (payload >> 2) & 1, prgi = (payload >> 3) & 0x1ff;
  uint64 va = payload & ~0xfffUL;
  int ok;
  if (!pv || priv || did != io.devid) {
    ok = -1;
  } else {
    acquire(&io.pasidlock);
    ok = (r || w) ? serve_page(pid, va, w, exec) : 0;
    release(&io.pasidlock);
  }
  if (ok == 0) io.st.page_reqs++;
  else io.st.page_denied++;
  if (ok < 0) io.group_denied[prgi] = 1;
  if (!last) return;
  uint32 code = io.group_denied[prgi] ? PRG_INVALID : PRG_SUCCESS;
  io.group_denied[prgi] = 0;
  respond(did, pv, pid, prgi, code);
}

// The page-request server, a kernel process: sleeps until the queue's interrupt, then
// serves every record from pqh to pqt and gives the slots back.
static void prq_server(void)
{
  for (;;) {
    acquire(&io.prqlock);
    while (!io.prq_pending && io.pqh == rd32(REG_PQT))
      sleep(&io.prq_pending, &io.prqlock);
    io.prq_pending = 0;
    release(&io.prqlock);
    uint32 tail = rd32(REG_PQT);
    while (io.pqh != tail) {
      uint64 hdr = io.pq[2 * io.pqh], payload = io.pq[2 * io.pqh + 1];
      io.pqh = (io.pqh + 1) % NPREQ;
      wr32(REG_PQH, io.pqh);
      serve_record(hdr, payload);
    }
    uint32 csr = rd32(REG_PQCSR);
    if (csr & (XQ_OF | QMF)) { // an overflow was answered Success by the IOMMU: the device asks again
      kprintf("iommu: page-request queue %s\n", csr & QMF ? "memory fault" : "overflowed");
      wr32(REG_PQCSR, QEN | QIE | (csr & (XQ_OF | QMF)));
    }
  }
}

// Takes the IOMMU's interrupts (PLIC sources from the device tree) and starts the
// page-request server. Called once, after iommu_init succeeded.
void iommu_start(void)
{
  if (!io.on) return;
  if (boardinfo.iommu_irq[0]) plic_register(boardinfo.iommu_irq[0], command_intr);
  if (boardinfo.iommu_irq[1]) plic_register(boardinfo.iommu_irq[1], fault_intr);
  if (boardinfo.iommu_irq[3]) plic_register(boardinfo.iommu_irq[3], pagereq_intr);
  kproc_start(prq_server, "iommu-prq");
}

// Fills the IOMMU's part of st (zeroed by the caller), and the PASID and PSCID of vs.
void iommu_stat(struct vmspace *vs, struct devstat *st)
{
  acquire(&io.pasidlock);
  *st = io.st;
  st->pasid = vs ? vs->pasid : 0;
  st->pscid = vs && vs->pasid ? vs->pscid : 0;
  release(&io.pasidlock);
}
