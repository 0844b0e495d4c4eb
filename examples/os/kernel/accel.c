// Pagoda's accelerator ("pagoda,accel", docs/DEVICES.md "Accelerator"): a device that
// copies, fills, adds vectors and computes CRC-32s on a process's own virtual
// addresses. Each descriptor names the process by its PASID; every access goes through
// the IOMMU (iommu.c), which translates it with that process's page tables and user
// permissions. An absent page makes the device send a page request, which the kernel
// serves like a page fault; an access the process may not make completes the
// descriptor with FAULT.
//
// One ring of 64 descriptors per queue, each with its own lock; a process's work goes
// to queue PASID mod queues, so one process waiting for a page request does not hold
// up another's. A system call submits a descriptor (accel_submit returns a ticket)
// and another sleeps until the completion interrupt (accel_wait).
#include "types.h"
#include "riscv.h"
#include "defs.h"

// Registers (4-byte, except a queue's 8-byte BASE).
#define REG_ID 0x000
#define REG_VERSION 0x004
#define REG_CAPS 0x008
#define REG_CTRL 0x010
#define REG_IRQ_STATUS 0x014
#define REG_IRQ_ENABLE 0x018
#define REG_DEVICE_ID 0x01c
#define QREG(q, off) (0x100 + 0x20 * (q) + (off))
#define Q_BASE 0x00
#define Q_LOG2SZ 0x08
#define Q_CTRL 0x0c
#define Q_HEAD 0x10
#define Q_TAIL 0x14
#define Q_STATUS 0x18
#define ACCEL_ID 0x43415047
#define CTRL_PRI (1U << 0)
#define CTRL_RESET (1U << 31)
#define IRQ_DONE(q) (1U << (q))
#define IRQ_ERROR(q) (1U << (8 + (q)))
#define F_IRQ (1U << 0)

#define NQUEUE 4
#define LOG2SZ 6
#define NDESC (1 << LOG2SZ) // 64 descriptors of 64 bytes: one page per ring

// A descriptor, as the device reads it (little-endian, 64 bytes).
struct desc {
  uint8 op, flags;
  uint16 rsvd0;
  uint32 pasid;
  uint64 dst, src, src2, len, value;
  volatile uint16 status; // written last by the device
  uint16 cause;
  uint32 rsvd1;
  uint64 result;
};

// What the kernel remembers of each ring slot.
enum jobstate { FREE, SUBMITTED, DONE };
struct job {
  enum jobstate state;
  struct vmspace *owner;  // 0 once the owner has gone (the slot frees at completion)
  uint32 pasid;
  uint32 seq;             // tells tickets for the same slot apart
  struct accel_done done;
};

struct queue {
  struct spinlock lock;
  struct desc *ring;
  uint32 tail;            // the next slot to fill (= the TAIL register)
  uint32 head;            // the next slot whose completion the kernel has not yet seen
  int inflight;           // submitted, completion not yet seen
  uint32 seq;
  struct job jobs[NDESC];
};

static struct {
  volatile uint8 *regs;
  int nq;
  struct queue q[NQUEUE];
  struct devstat st;      // the accelerator's part
} acc;

// Reads a 32-bit register.
static uint32 rd32(int off) { return *(volatile uint32 *)(acc.regs + off); }
// Writes a 32-bit register.
static void wr32(int off, uint32 v) { *(volatile uint32 *)(acc.regs + off) = v; }

static void accel_intr(int irq);

// Finds the accelerator in the device tree and brings it up behind the IOMMU (which
// must be up, with the device context's EN_ATS and EN_PRI set): every queue gets a
// ring and is enabled, CTRL.PRI makes the device page on demand through page
// requests, and each queue's completion and error raise the interrupt. Returns 0, or
// -1 if there is no accelerator or no IOMMU.
int accel_init(void)
{
  if (!boardinfo.accel_pa) return -1;
  if (!iommu_ready()) {
    kprintf("accel: found, but the IOMMU is not working: not used\n");
    return -1;
  }
  acc.regs = P2V(boardinfo.accel_pa);
  if (rd32(REG_ID) != ACCEL_ID || rd32(REG_VERSION) != 1) {
    kprintf("accel: unknown device at %p\n", boardinfo.accel_pa);
    return -1;
  }
  if (rd32(REG_DEVICE_ID) != boardinfo.accel_devid)
    kprintf("accel: device id %d, the device tree says %d\n", rd32(REG_DEVICE_ID), boardinfo.accel_devid);
  wr32(REG_CTRL, CTRL_RESET);
  acc.nq = rd32(REG_CAPS) & 0xff;
  if (acc.nq > NQUEUE) acc.nq = NQUEUE;
  if (((rd32(REG_CAPS) >> 8) & 0xff) < LOG2SZ || acc.nq == 0) return -1;
  uint32 irqs = 0;
  for (int i = 0; i < acc.nq; i++) {
    struct queue *q = &acc.q[i];
    if ((q->ring = kalloc()) == 0) return -1;
    *(volatile uint64 *)(acc.regs + QREG(i, Q_BASE)) = V2P(q->ring); // through no PASID: physical
    wr32(QREG(i, Q_LOG2SZ), LOG2SZ);
    wr32(QREG(i, Q_CTRL), 1); // on: HEAD = TAIL = 0
    irqs |= IRQ_DONE(i) | IRQ_ERROR(i);
  }
  if (plic_register(boardinfo.accel_irq, accel_intr) < 0) return -1;
  wr32(REG_IRQ_ENABLE, irqs);
  wr32(REG_CTRL, CTRL_PRI);
  acc.st.accel = 1;
  return 0;
}

// Returns the ticket of slot i of queue qi for sequence number seq.
static long ticket_of(int qi, int i, uint32 seq)
{
  return ((long)seq << 16) | (qi << LOG2SZ) | i;
}

// Gives the accelerator job on vs's memory: vs gets a PASID if it has none
// (iommu_attach), the descriptor goes into the next slot of its queue (sleeping while
// the ring is full) with an interrupt at completion. Returns a ticket for accel_wait,
// or -1 (no device, no PASID, or the ring is full of the caller's own uncollected
// tickets). The op and its operands go to the device as they are: it checks them
// (BAD_DESC) and the IOMMU checks every address (FAULT).
long accel_submit(struct vmspace *vs, const struct accel_job *job)
{
  if (!acc.st.accel) return -1;
  int pasid = iommu_attach(vs);
  if (pasid < 0) return -1;
  int qi = pasid % acc.nq;
  struct queue *q = &acc.q[qi];
  acquire(&q->lock);
  for (;;) {
    struct job *j = &q->jobs[q->tail];
    // The ring holds at most NDESC - 1 (HEAD = TAIL means empty).
    if (j->state == FREE && q->inflight < NDESC - 1) break;
    if (j->state == DONE && j->owner == vs) { release(&q->lock); return -1; }
    if (myproc()->killed) { release(&q->lock); return -1; }
    sleep(q, &q->lock);
  }
  uint32 i = q->tail;
  struct desc *d = &q->ring[i];
  d->op = (uint8)job->op;
  d->flags = F_IRQ; // never F_PRIV: a process gets user access only
  d->rsvd0 = 0;
  d->pasid = pasid;
  d->dst = job->dst;
  d->src = job->src;
  d->src2 = job->src2;
  d->len = job->len;
  d->value = job->value;
  d->status = 0;
  d->cause = 0;
  d->result = 0;
  if (job->op > 0xff) d->op = 0xff; // unknown: the device says BAD_DESC
  struct job *j = &q->jobs[i];
  j->state = SUBMITTED;
  j->owner = vs;
  j->pasid = pasid;
  j->seq = ++q->seq & 0xffff;
  q->inflight++;
  iommu_pasid_hold(pasid, 1);
  q->tail = (i + 1) % NDESC;
  __sync_synchronize(); // the descriptor is in memory before the doorbell
  wr32(QREG(qi, Q_TAIL), q->tail);
  long t = ticket_of(qi, i, j->seq);
  release(&q->lock);
  COUNT_SYNC(vs, accel_descs);
  return t;
}

// Sleeps until the job of ticket (submitted by vs) completes, copies how it ended to
// *done and frees its slot. Returns its status, or -1 if the ticket is not vs's (or
// already collected) or the caller was killed while it waited.
int accel_wait(struct vmspace *vs, long ticket, struct accel_done *done)
{
  if (!acc.st.accel || ticket < 0) return -1;
  int qi = (ticket >> LOG2SZ) & 3, i = ticket & (NDESC - 1);
  uint32 seq = (ticket >> 16) & 0xffff;
  if (qi >= acc.nq) return -1;
  struct queue *q = &acc.q[qi];
  struct job *j = &q->jobs[i];
  acquire(&q->lock);
  // (Another thread of vs may collect the same ticket first, and the slot be reused.)
  while (j->owner == vs && j->seq == seq && j->state == SUBMITTED && !myproc()->killed)
    sleep(q, &q->lock);
  if (j->owner != vs || j->seq != seq || j->state != DONE) { release(&q->lock); return -1; }
  *done = j->done;
  j->state = FREE;
  j->owner = 0;
  release(&q->lock);
  wakeup(q); // a submitter may wait for this slot
  return (int)done->status;
}

// Forgets vs's jobs as it is freed: finished ones free their slots, the rest complete
// without an owner (their PASID stays taken until then, so the device never works on
// another process under it).
void accel_forget(struct vmspace *vs)
{
  for (int qi = 0; qi < acc.nq; qi++) {
    struct queue *q = &acc.q[qi];
    acquire(&q->lock);
    for (int i = 0; i < NDESC; i++) {
      struct job *j = &q->jobs[i];
      if (j->owner != vs) continue;
      j->owner = 0;
      if (j->state == DONE) j->state = FREE;
    }
    release(&q->lock);
    wakeup(q);
  }
}

// Ends the job in queue q's slot q->head with status (from its descriptor, unless the
// queue stopped: ACCEL_QERROR) and moves q->head on; q->lock held.
static void complete(struct queue *q, int qerror)
{
  struct job *j = &q->jobs[q->head];
  struct desc *d = &q->ring[q->head];
  j->done.status = qerror ? ACCEL_QERROR : d->status;
  j->done.cause = qerror ? 0 : d->cause;
  j->done.result = qerror ? 0 : d->result;
  acc.st.descriptors++;
  acc.st.status[j->done.status < 4 ? j->done.status : 0]++;
  j->state = j->owner ? DONE : FREE;
  iommu_pasid_hold(j->pasid, -1);
  q->inflight--;
  q->head = (q->head + 1) % NDESC;
}

// Takes the completions of queue qi up to the device's HEAD. A queue stopped by an
// error (STATUS not 0: a ring it could not read or write) is turned off and on again,
// its other pending jobs ending with ACCEL_QERROR. Returns 1 if anything completed.
static int reap(int qi)
{
  struct queue *q = &acc.q[qi];
  acquire(&q->lock);
  uint32 head = rd32(QREG(qi, Q_HEAD)) % NDESC, qstatus = rd32(QREG(qi, Q_STATUS));
  __sync_synchronize(); // HEAD read before the descriptors it covers
  int any = q->head != head;
  while (q->head != head) complete(q, 0);
  if (qstatus) {
    kprintf("accel: queue %d stopped with status %d: restarted\n", qi, qstatus);
    any |= q->head != q->tail;
    while (q->head != q->tail) complete(q, 1);
    wr32(QREG(qi, Q_CTRL), 0);
    wr32(QREG(qi, Q_CTRL), 1);
    q->head = q->tail = 0;
  }
  release(&q->lock);
  return any;
}

// The accelerator's interrupt: acknowledge (IRQ_STATUS is write-1-to-clear; a later
// completion raises it again), read the IOMMU's fault records first (so a fault is
// counted before the job it ended wakes its owner), then take every queue's
// completions and wake the waiters.
static void accel_intr(int irq)
{
  (void)irq;
  uint32 st = rd32(REG_IRQ_STATUS);
  wr32(REG_IRQ_STATUS, st);
  acc.st.irq_accel++;
  iommu_drain_faults();
  for (int qi = 0; qi < acc.nq; qi++)
    if (reap(qi)) wakeup(&acc.q[qi]);
}

// Fills the accelerator's part of st.
void accel_stat(struct devstat *st)
{
  st->accel = acc.st.accel;
  st->descriptors = acc.st.descriptors;
  for (int i = 0; i < 4; i++) st->status[i] = acc.st.status[i];
  st->irq_accel = acc.st.irq_accel;
}
