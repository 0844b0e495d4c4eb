/* ELF and raw image loading. */
#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

bool file_is_elf(const char *path)
{
    unsigned char m[4];
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    bool ok = fread(m, 1, 4, f) == 4 && memcmp(m, "\177ELF", 4) == 0;
    fclose(f);
    return ok;
}

static void note_range(struct loaded_image *img, uint64_t lo, uint64_t hi)
{
    if (img->low == img->high) { img->low = lo; img->high = hi; return; }
    if (lo < img->low) img->low = lo;
    if (hi > img->high) img->high = hi;
}

/* Look up the symbols the host acts on: HTIF's tohost/fromhost and the
 * signature region begin_signature/end_signature of architecture tests. */
static void find_host_symbols(Elf *e, struct loaded_image *img)
{
    Elf_Scn *scn = NULL;
    bool to = false, from = false, sb = false, se = false;
    while ((scn = elf_nextscn(e, scn)) != NULL) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0) continue;
        Elf_Data *data = elf_getdata(scn, NULL);
        if (!data) continue;
        size_t n = sh.sh_size / sh.sh_entsize;
        for (size_t i = 0; i < n; i++) {
            GElf_Sym sym;
            if (!gelf_getsym(data, (int)i, &sym)) continue;
            const char *name = elf_strptr(e, sh.sh_link, sym.st_name);
            if (!name) continue;
            if (strcmp(name, "tohost") == 0) { img->tohost = sym.st_value; to = true; }
            else if (strcmp(name, "fromhost") == 0) { img->fromhost = sym.st_value; from = true; }
            else if (strcmp(name, "begin_signature") == 0) { img->sig_begin = sym.st_value; sb = true; }
            else if (strcmp(name, "end_signature") == 0) { img->sig_end = sym.st_value; se = true; }
        }
    }
    img->has_signature = sb && se;
    img->has_tohost = to;
    if (to && !from) img->fromhost = img->tohost + 0x40;
}

int load_elf(const struct phys_mem *pm, const char *path, struct loaded_image *img, char *err, size_t errlen)
{
    memset(img, 0, sizeof *img);
    int fd = open(path, O_RDONLY);
    if (fd < 0) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
    if (elf_version(EV_CURRENT) == EV_NONE) {
        snprintf(err, errlen, "%s: libelf initialisation failed", path);
        close(fd);
        return -1;
    }
    int rc = -1;
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    GElf_Ehdr eh;
    size_t phnum = 0;
    if (!e || elf_kind(e) != ELF_K_ELF || !gelf_getehdr(e, &eh)) {
        snprintf(err, errlen, "%s: not an ELF file", path);
        goto out;
    }
    if (gelf_getclass(e) != ELFCLASS64) {
        snprintf(err, errlen, "%s: not a 64-bit ELF (ELFCLASS32); Pagoda runs RV64 programs", path);
        goto out;
    }
    if (eh.e_machine != EM_RISCV) {
        snprintf(err, errlen, "%s: ELF for another machine (e_machine %u), not RISC-V", path, eh.e_machine);
        goto out;
    }
    if (eh.e_type != ET_EXEC) {
        snprintf(err, errlen, "%s: not an executable ELF (e_type %u)", path, eh.e_type);
        goto out;
    }
    if (elf_getphdrnum(e, &phnum) != 0) {
        snprintf(err, errlen, "%s: malformed ELF program headers", path);
        goto out;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); goto out; }
    /* check every segment before writing any, so a bad image writes nothing */
    int loads = 0;
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph)) { snprintf(err, errlen, "%s: malformed program header %zu", path, i); goto out; }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
        if (ph.p_filesz > ph.p_memsz || ph.p_offset > (uint64_t)st.st_size ||
            ph.p_filesz > (uint64_t)st.st_size - ph.p_offset) {
            snprintf(err, errlen, "%s: segment %zu extends past the end of the file", path, i);
            goto out;
        }
        if (!phys_ram_ptr(pm, ph.p_paddr, ph.p_memsz)) {
            snprintf(err, errlen, "%s: segment %zu at 0x%" PRIx64 "-0x%" PRIx64 " is outside RAM (0x%" PRIx64
                     "-0x%" PRIx64 ")", path, i, (uint64_t)ph.p_paddr, (uint64_t)(ph.p_paddr + ph.p_memsz),
                     pm->ram_base, pm->ram_base + pm->ram_size);
            goto out;
        }
        loads++;
    }
    if (!loads) { snprintf(err, errlen, "%s: no loadable segments", path); goto out; }
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        gelf_getphdr(e, (int)i, &ph);
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
        uint8_t *dst = phys_ram_ptr(pm, ph.p_paddr, ph.p_memsz);
        if (ph.p_filesz && pread(fd, dst, ph.p_filesz, (off_t)ph.p_offset) != (ssize_t)ph.p_filesz) {
            snprintf(err, errlen, "%s: read error", path);
            goto out;
        }
        memset(dst + ph.p_filesz, 0, ph.p_memsz - ph.p_filesz);
        note_range(img, ph.p_paddr, ph.p_paddr + ph.p_memsz);
    }
    img->entry = eh.e_entry;
    find_host_symbols(e, img);
    rc = 0;
out:
    if (e) elf_end(e);
    close(fd);
    return rc;
}

int load_raw(const struct phys_mem *pm, const char *path, uint64_t addr, struct loaded_image *img,
             char *err, size_t errlen)
{
    memset(img, 0, sizeof *img);
    int fd = open(path, O_RDONLY);
    if (fd < 0) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        close(fd);
        return -1;
    }
    uint8_t *dst = phys_ram_ptr(pm, addr, (uint64_t)st.st_size ? (uint64_t)st.st_size : 1);
    if (!dst) {
        snprintf(err, errlen, "%s: %lld bytes at 0x%" PRIx64 " do not fit in RAM", path, (long long)st.st_size, addr);
        close(fd);
        return -1;
    }
    if (pread(fd, dst, (size_t)st.st_size, 0) != st.st_size) {
        snprintf(err, errlen, "%s: read error", path);
        close(fd);
        return -1;
    }
    close(fd);
    img->entry = addr;
    img->low = addr;
    img->high = addr + (uint64_t)st.st_size;
    return 0;
}
