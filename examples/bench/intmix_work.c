/* Integer mix: per round, quicksort of an array, binary searches in it,
 * merge sort of a linked list, a small matrix multiply, a DFA tokenizer over
 * generated text and CRC32 over a buffer. Everything is deterministic. */
#include "intmix_work.h"

#define ARR_N 2048
#define LIST_N 1024
#define SEARCH_N 2048
#define MAT_N 16
#define TEXT_N 4096
#define CRC_N 4096

static u32 arr[ARR_N];
struct lnode { struct lnode *next; u32 key; u32 id; };
static struct lnode lpool[LIST_N];
static int32_t ma[MAT_N][MAT_N], mb[MAT_N][MAT_N], mc[MAT_N][MAT_N];
static char text[TEXT_N];
static u8 crcbuf[CRC_N];
static u32 crc_table[256];

static void quicksort(u32 *a, long lo, long hi)
{
    while (lo < hi) {
        u32 p = a[lo + (hi - lo) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) { u32 t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
        else { quicksort(a, i, hi); hi = j; }
    }
}

static long bsearch_u32(const u32 *a, long n, u32 key)
{
    long lo = 0, hi = n - 1;
    while (lo <= hi) {
        long mid = lo + (hi - lo) / 2;
        if (a[mid] == key) return mid;
        if (a[mid] < key) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
}

static struct lnode *list_merge(struct lnode *a, struct lnode *b)
{
    struct lnode head, *t = &head;
    while (a && b) {
        if (a->key <= b->key) { t->next = a; a = a->next; }
        else { t->next = b; b = b->next; }
        t = t->next;
    }
    t->next = a ? a : b;
    return head.next;
}

static struct lnode *list_sort(struct lnode *h)
{
    if (!h || !h->next) return h;
    struct lnode *slow = h, *fast = h->next;
    while (fast && fast->next) { slow = slow->next; fast = fast->next->next; }
    struct lnode *b = slow->next;
    slow->next = 0;
    return list_merge(list_sort(h), list_sort(b));
}

static void crc_init(void)
{
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static u32 crc32(const u8 *p, long n)
{
    u32 c = 0xFFFFFFFFu;
    for (long i = 0; i < n; i++) c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* Tokenizer DFA: identifiers, numbers (decimal/hex), strings, operators,
 * comments, whitespace. Returns a hash of (class, length) of every token. */
enum { T_IDENT, T_NUM, T_HEX, T_STR, T_OP, T_COMMENT, T_NCLASS };
static u64 tokenize(const char *s, long n, u64 counts[T_NCLASS])
{
    u64 h = 0;
    long i = 0;
    while (i < n) {
        char c = s[i];
        long start = i;
        int cls;
        if (c == ' ' || c == '\n' || c == '\t') { i++; continue; }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
            cls = T_IDENT;
            while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                             (s[i] >= '0' && s[i] <= '9') || s[i] == '_')) i++;
        } else if (c >= '0' && c <= '9') {
            if (c == '0' && i + 1 < n && s[i + 1] == 'x') {
                cls = T_HEX; i += 2;
                while (i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) i++;
            } else {
                cls = T_NUM;
                while (i < n && s[i] >= '0' && s[i] <= '9') i++;
            }
        } else if (c == '"') {
            cls = T_STR; i++;
            while (i < n && s[i] != '"') { if (s[i] == '\\') i++; i++; }
            i++;
        } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
            cls = T_COMMENT;
            while (i < n && s[i] != '\n') i++;
        } else {
            cls = T_OP;
            switch (c) {
            case '<': case '>': case '=': case '!':
                i++; if (i < n && s[i] == '=') i++; break;
            case '&': case '|': case '+': case '-':
                i++; if (i < n && s[i] == c) i++; break;
            default: i++; break;
            }
        }
        if (i > n) i = n;
        counts[cls]++;
        h = mix64(h, (u64)cls << 32 | (u64)(i - start));
    }
    return h;
}

static const char *const words[] = {
    "int", "return", "while", "for", "x", "count", "_tmp", "ptr", "if", "else",
    "0x1f", "42", "7", "\"str\\\"ing\"", "==", "+=", "&&", "<=", "(", ")", "{", "}",
    ";", "// note\n", "->", "*", "foo_bar9", "1000000", "|", "-", "\"\"", "!="
};

static void gen_text(u64 *seed)
{
    long i = 0;
    while (i < TEXT_N - 32) {
        const char *w = words[xs64(seed) % (sizeof words / sizeof words[0])];
        while (*w) text[i++] = *w++;
        u64 r = xs64(seed) & 7;
        text[i++] = r == 0 ? '\n' : r == 1 ? '\t' : ' ';
    }
    while (i < TEXT_N) text[i++] = ' ';
}

u64 intmix_run(const char *name, int *ok)
{
    puts_("benchmark: ");
    puts_(name);
    puts_("\n");
    put_kv_dec("rounds", INTMIX_ROUNDS);
    *ok = 1;
    crc_init();
    u64 seed = 0x9E3779B97F4A7C15ULL;
    u64 sum = 0xcbf29ce484222325ULL;
    u64 found_total = 0, tokens_total = 0;
    for (int round = 0; round < INTMIX_ROUNDS; round++) {
        /* quicksort + binary search */
        for (int i = 0; i < ARR_N; i++) arr[i] = (u32)xs64(&seed) % 100000u;
        quicksort(arr, 0, ARR_N - 1);
        for (int i = 1; i < ARR_N; i++) if (arr[i - 1] > arr[i]) *ok = 0;
        u64 found = 0, idxsum = 0;
        for (int i = 0; i < SEARCH_N; i++) {
            long k = bsearch_u32(arr, ARR_N, (u32)xs64(&seed) % 100000u);
            if (k >= 0) { found++; idxsum += (u64)arr[k]; }
        }
        found_total += found;
        sum = mix64(sum, found);
        sum = mix64(sum, idxsum);
        sum = mix64(sum, arr[ARR_N / 3]);

        /* linked-list merge sort */
        struct lnode *h = 0;
        for (int i = 0; i < LIST_N; i++) {
            lpool[i].key = (u32)xs64(&seed) & 0xffff;
            lpool[i].id = (u32)i;
            lpool[i].next = h;
            h = &lpool[i];
        }
        h = list_sort(h);
        u64 lh = 0;
        u32 prev = 0;
        for (struct lnode *p = h; p; p = p->next) {
            if (p->key < prev) *ok = 0;
            prev = p->key;
            lh = mix64(lh, p->id);
        }
        sum = mix64(sum, lh);

        /* matrix multiply */
        for (int i = 0; i < MAT_N; i++)
            for (int j = 0; j < MAT_N; j++) {
                ma[i][j] = (int32_t)(xs64(&seed) % 201) - 100;
                mb[i][j] = (int32_t)(xs64(&seed) % 201) - 100;
            }
        for (int i = 0; i < MAT_N; i++)
            for (int j = 0; j < MAT_N; j++) {
                int32_t acc = 0;
                for (int k = 0; k < MAT_N; k++) acc += ma[i][k] * mb[k][j];
                mc[i][j] = acc;
            }
        u64 mh = 0;
        for (int i = 0; i < MAT_N; i++)
            for (int j = 0; j < MAT_N; j++) mh = mix64(mh, (u64)(int64_t)mc[i][j]);
        sum = mix64(sum, mh);

        /* tokenizer */
        if ((round & 7) == 0) gen_text(&seed);
        u64 counts[T_NCLASS] = {0};
        sum = mix64(sum, tokenize(text, TEXT_N, counts));
        for (int c = 0; c < T_NCLASS; c++) tokens_total += counts[c];

        /* CRC32 */
        for (int i = 0; i < CRC_N; i += 8) {
            u64 r = xs64(&seed);
            for (int b = 0; b < 8; b++) crcbuf[i + b] = (u8)(r >> (8 * b));
        }
        sum = mix64(sum, crc32(crcbuf, CRC_N));
    }
    u8 check[9] = "123456789";
    u32 c = crc32(check, 9);
    if (c != 0xCBF43926u) *ok = 0;
    put_kv_dec("searches found", found_total);
    put_kv_dec("tokens", tokens_total);
    puts_("result: ");
    puts_(*ok ? "ok" : "SELF-CHECK FAILED");
    puts_("\n");
    print_checksum(sum);
    return sum;
}
