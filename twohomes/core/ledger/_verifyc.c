/*
 * Optional compiled fast path for verify.py (TwoHomes record bundles).
 *
 * verify.py is the verifier and stays one readable file needing only the Python standard
 * library and `cryptography`. This module repeats exactly one of its steps, the
 * full-export fast path (`_fast_full`), in C with threads: for a bundle whose leaves are
 * all canonical and in order it returns the same tree root and the same "every opening
 * matches" answer, and for anything else it returns None, which sends the bundle through
 * verify.py's line-by-line checks. It never decides a failure, so a bundle's verdict is the
 * same with or without it (tests/test_ledger_accelerator.py compares them).
 *
 *   verify_full(entries, contents, log_id, size, threads) -> (root, openings_ok) | None
 *
 * entries  entries.jsonl: one leaf per line, each line ending in '\n'. Accepted only
 *          when line i is exactly a canonical leaf of `log_id` with "seq":i (i = 0, 1, ...),
 *          there are `size` lines and their times never go backwards; the accepted layout
 *          is verify.py's _exported_leaf_lines(), byte for byte.
 * contents contents.jsonl. openings_ok is true when line i is {"seq":i,"salt":"<64 hex>",
 *          "content":...} for every i and SHA-256(salt || content) is leaf i's commitment.
 * root     the RFC 9162 root over the leaf hashes SHA-256(0x00 || leaf).
 *
 * Hashing is OpenSSL's SHA-256 (libcrypto, the library Python's hashlib uses). Work is
 * split by bytes into `threads` parts at line boundaries; the parts' results are joined
 * only when they continue one another exactly. The tree is reduced in blocks of 2^k leaves
 * aligned to the tree, so the blocks' roots are nodes of the whole tree.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <openssl/evp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HASH_SIZE 32
#define TIME_LEN 27 /* 2025-01-31T21:04:00.000000Z */
#define MAX_THREADS 64
#define MAX_SEQ_DIGITS 19
/* No canonical leaf line is shorter than this (the commitment alone is 64 bytes). */
#define MIN_LEAF_LINE 128

typedef const unsigned char *cursor;

/* --- strict parsing of one line, mirroring verify.py's regular expressions ------------- */

static int literal(cursor *p, cursor end, const char *text, size_t len)
{
    if ((size_t)(end - *p) < len || memcmp(*p, text, len) != 0)
        return 0;
    *p += len;
    return 1;
}
#define LITERAL(p, end, text) literal((p), (end), (text), sizeof(text) - 1)

/* "[^"\\\x00-\x1f]*" after its opening quote: consumes the string and its closing quote. */
static int free_string(cursor *p, cursor end)
{
    for (cursor q = *p; q < end; q++) {
        if (*q == '"') {
            *p = q + 1;
            return 1;
        }
        if (*q == '\\' || *q < 0x20)
            return 0;
    }
    return 0;
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1; /* upper case is not canonical */
}

/* [0-9a-f]{64}, decoded into 32 bytes. */
static int hex_hash(cursor *p, cursor end, unsigned char *out)
{
    if (end - *p < 2 * HASH_SIZE)
        return 0;
    for (int i = 0; i < HASH_SIZE; i++) {
        int hi = hex_value((*p)[2 * i]), lo = hex_value((*p)[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return 0;
        out[i] = (unsigned char)(hi << 4 | lo);
    }
    *p += 2 * HASH_SIZE;
    return 1;
}

/* 0|[1-9][0-9]{0,18}: a sequence number without leading zeros (fits in 64 bits). */
static int sequence_number(cursor *p, cursor end, uint64_t *out)
{
    cursor q = *p;
    if (q >= end || *q < '0' || *q > '9')
        return 0;
    uint64_t value = 0;
    int digits = 0;
    if (*q == '0') {
        q++;
        digits = 1;
    } else {
        while (q < end && *q >= '0' && *q <= '9' && digits < MAX_SEQ_DIGITS) {
            value = value * 10 + (uint64_t)(*q - '0');
            q++;
            digits++;
        }
    }
    *p = q;
    *out = value;
    return 1; /* a further digit fails the literal that must follow */
}

/* [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z */
static int utc_time(cursor *p, cursor end)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:dd.ddddddZ";
    if (end - *p < TIME_LEN)
        return 0;
    for (int i = 0; i < TIME_LEN; i++) {
        unsigned char c = (*p)[i];
        if (shape[i] == 'd' ? (c < '0' || c > '9') : c != (unsigned char)shape[i])
            return 0;
    }
    *p += TIME_LEN;
    return 1;
}

typedef struct {
    uint64_t seq;
    cursor time;
    unsigned char commitment[HASH_SIZE];
} Leaf;

/* {"actor":"…","commitment":"<64 hex>","kind":"…","log":"<log id>","seq":N,
 *  "time":"<time>","v":1} — the whole line [p, end), nothing more. */
static int parse_leaf(cursor p, cursor end, const unsigned char *log_id, size_t log_len,
                      Leaf *leaf)
{
    if (!LITERAL(&p, end, "{\"actor\":\"") || !free_string(&p, end)
        || !LITERAL(&p, end, ",\"commitment\":\"") || !hex_hash(&p, end, leaf->commitment)
        || !LITERAL(&p, end, "\",\"kind\":\"") || !free_string(&p, end)
        || !LITERAL(&p, end, ",\"log\":\"") || !literal(&p, end, (const char *)log_id, log_len)
        || !LITERAL(&p, end, "\",\"seq\":") || !sequence_number(&p, end, &leaf->seq)
        || !LITERAL(&p, end, ",\"time\":\""))
        return 0;
    leaf->time = p;
    return utc_time(&p, end) && LITERAL(&p, end, "\",\"v\":1}") && p == end;
}

typedef struct {
    uint64_t seq;
    unsigned char salt[HASH_SIZE];
    cursor content, content_end;
} Opening;

/* {"seq":N,"salt":"<64 hex>","content":<anything>} — the whole line [p, end). */
static int parse_opening(cursor p, cursor end, Opening *opening)
{
    if (!LITERAL(&p, end, "{\"seq\":") || !sequence_number(&p, end, &opening->seq)
        || !LITERAL(&p, end, ",\"salt\":\"") || !hex_hash(&p, end, opening->salt)
        || !LITERAL(&p, end, "\",\"content\":") || end <= p || end[-1] != '}')
        return 0;
    opening->content = p;
    opening->content_end = end - 1;
    return 1;
}

/* --- hashing ----------------------------------------------------------------------------- */

static int sha256_two(EVP_MD_CTX *ctx, const EVP_MD *md, const void *a, size_t a_len,
                      const void *b, size_t b_len, unsigned char *out)
{
    return EVP_DigestInit_ex2(ctx, md, NULL) && EVP_DigestUpdate(ctx, a, a_len)
           && EVP_DigestUpdate(ctx, b, b_len) && EVP_DigestFinal_ex(ctx, out, NULL);
}

static int node_hash(EVP_MD_CTX *ctx, const EVP_MD *md, const unsigned char *pair,
                     unsigned char *out)
{
    /* pair: left and right, adjacent (64 bytes) */
    static const unsigned char prefix = 0x01;
    return sha256_two(ctx, md, &prefix, 1, pair, 2 * HASH_SIZE, out);
}

/* Reduce n adjacent hashes in place to their RFC 9162 root, left in hashes[0]. Neighbours
 * are paired and an odd last node is carried up unchanged, level by level. */
static int reduce_in_place(EVP_MD_CTX *ctx, const EVP_MD *md, unsigned char *hashes,
                           uint64_t n)
{
    unsigned char node[HASH_SIZE];
    while (n > 1) {
        uint64_t pairs = n / 2;
        for (uint64_t i = 0; i < pairs; i++) {
            if (!node_hash(ctx, md, hashes + 2 * i * HASH_SIZE, node))
                return 0;
            memcpy(hashes + i * HASH_SIZE, node, HASH_SIZE); /* i <= 2i: already read */
        }
        if (n % 2)
            memmove(hashes + pairs * HASH_SIZE, hashes + (n - 1) * HASH_SIZE, HASH_SIZE);
        n = pairs + n % 2;
    }
    return 1;
}

/* --- the parts, run on threads ------------------------------------------------------------ */

typedef struct {
    /* input */
    cursor begin, end; /* whole lines */
    const unsigned char *log_id;
    size_t log_len;
    uint64_t size;
    const EVP_MD *md;
    unsigned char *leaf_hashes; /* size * 32, indexed by seq */
    unsigned char *commitments; /* size * 32, indexed by seq */
    uint64_t block, first_block, last_block; /* tree part: blocks of `block` leaves */
    /* output */
    int ok;
    uint64_t first, count; /* sequence numbers first .. first + count - 1 */
    cursor first_time, last_time;
} Part;

/* Leaves: each line a canonical leaf, numbers consecutive, times never going back.
 * Writes each leaf's hash and commitment at its number. Two parts of a tampered file may
 * claim the same numbers; their results are then discarded by the join. */
static void *check_leaves(void *arg)
{
    Part *part = arg;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    static const unsigned char prefix = 0x00;
    part->ok = 0;
    part->count = 0;
    part->first_time = part->last_time = NULL;
    if (ctx == NULL)
        return NULL;
    for (cursor p = part->begin; p < part->end;) {
        cursor newline = memchr(p, '\n', (size_t)(part->end - p));
        Leaf leaf;
        if (newline == NULL || !parse_leaf(p, newline, part->log_id, part->log_len, &leaf)
            || leaf.seq >= part->size || (part->count && leaf.seq != part->first + part->count)
            || (part->count && memcmp(part->last_time, leaf.time, TIME_LEN) > 0))
            goto done;
        if (part->count++ == 0) {
            part->first = leaf.seq;
            part->first_time = leaf.time;
        }
        part->last_time = leaf.time;
        memcpy(part->commitments + leaf.seq * HASH_SIZE, leaf.commitment, HASH_SIZE);
        if (!sha256_two(ctx, part->md, &prefix, 1, p, (size_t)(newline - p),
                        part->leaf_hashes + leaf.seq * HASH_SIZE))
            goto done;
        p = newline + 1;
    }
    part->ok = 1;
done:
    EVP_MD_CTX_free(ctx);
    return NULL;
}

/* Openings: consecutive numbers, each SHA-256(salt || content) equal to its commitment. */
static void *check_openings(void *arg)
{
    Part *part = arg;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    part->ok = 0;
    part->count = 0;
    if (ctx == NULL)
        return NULL;
    for (cursor p = part->begin; p < part->end;) {
        cursor newline = memchr(p, '\n', (size_t)(part->end - p));
        Opening opening;
        unsigned char digest[HASH_SIZE];
        if (newline == NULL || !parse_opening(p, newline, &opening)
            || opening.seq >= part->size
            || (part->count && opening.seq != part->first + part->count)
            || !sha256_two(ctx, part->md, opening.salt, HASH_SIZE, opening.content,
                           (size_t)(opening.content_end - opening.content), digest)
            || memcmp(digest, part->commitments + opening.seq * HASH_SIZE, HASH_SIZE) != 0)
            goto done;
        if (part->count++ == 0)
            part->first = opening.seq;
        p = newline + 1;
    }
    part->ok = 1;
done:
    EVP_MD_CTX_free(ctx);
    return NULL;
}

/* Tree: reduce each block of leaf hashes to its root, left at the block's first slot. */
static void *reduce_blocks(void *arg)
{
    Part *part = arg;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    part->ok = 0;
    if (ctx == NULL)
        return NULL;
    for (uint64_t b = part->first_block; b < part->last_block; b++) {
        uint64_t start = b * part->block;
        uint64_t n = part->size - start < part->block ? part->size - start : part->block;
        if (!reduce_in_place(ctx, part->md, part->leaf_hashes + start * HASH_SIZE, n))
            goto done;
    }
    part->ok = 1;
done:
    EVP_MD_CTX_free(ctx);
    return NULL;
}

/* Run work(parts[i]) for every part, on threads where they can be started. */
static void run_parts(void *(*work)(void *), Part *parts, int count)
{
    pthread_t threads[MAX_THREADS];
    int started[MAX_THREADS] = {0};
    for (int i = 1; i < count; i++)
        started[i] = pthread_create(&threads[i], NULL, work, &parts[i]) == 0;
    work(&parts[0]);
    for (int i = 1; i < count; i++) {
        if (started[i])
            pthread_join(threads[i], NULL);
        else
            work(&parts[i]);
    }
}

/* Split [buf, buf + len) (ending in '\n') into `count` runs of whole lines. */
static void split_lines(cursor buf, size_t len, Part *parts, int count)
{
    cursor end = buf + len, start = buf;
    for (int i = 0; i < count; i++) {
        cursor cut = end;
        if (i + 1 < count) {
            cut = buf + len / (size_t)count * (size_t)(i + 1);
            if (cut < start)
                cut = start;
            cursor newline = memchr(cut, '\n', (size_t)(end - cut));
            cut = newline ? newline + 1 : end;
        }
        parts[i].begin = start;
        parts[i].end = cut;
        start = cut;
    }
}

/* The parts, in order, hold numbers 0 .. size-1 once each (and, for leaves, in time). */
static int parts_continue(const Part *parts, int count, uint64_t size, int times)
{
    uint64_t next = 0;
    cursor last_time = NULL;
    for (int i = 0; i < count; i++) {
        if (!parts[i].ok)
            return 0;
        if (parts[i].count == 0)
            continue;
        if (parts[i].first != next)
            return 0;
        if (times && last_time && memcmp(last_time, parts[i].first_time, TIME_LEN) > 0)
            return 0;
        next += parts[i].count;
        last_time = parts[i].last_time;
    }
    return next == size;
}

typedef struct {
    cursor entries, contents;
    size_t entries_len, contents_len;
    const unsigned char *log_id;
    size_t log_len;
    uint64_t size;
    int threads;
    /* results */
    unsigned char root[HASH_SIZE];
    int openings_ok;
} Job;

/* Blocks of 2^k leaves, about 64 of them: enough to share among the threads. */
static uint64_t block_size(uint64_t size)
{
    uint64_t block = 1;
    while (block < size / 64)
        block <<= 1;
    return block;
}

static int tree_root(Job *job, Part *parts, unsigned char *leaf_hashes, const EVP_MD *md)
{
    uint64_t block = block_size(job->size);
    uint64_t blocks = (job->size + block - 1) / block;
    int count = (uint64_t)job->threads < blocks ? job->threads : (int)blocks;
    for (int i = 0; i < count; i++) {
        parts[i].block = block;
        parts[i].first_block = blocks * (uint64_t)i / (uint64_t)count;
        parts[i].last_block = blocks * (uint64_t)(i + 1) / (uint64_t)count;
    }
    run_parts(reduce_blocks, parts, count);
    for (int i = 0; i < count; i++)
        if (!parts[i].ok)
            return 0;
    for (uint64_t b = 1; b < blocks; b++) /* gather the blocks' roots, then the rest */
        memmove(leaf_hashes + b * HASH_SIZE, leaf_hashes + b * block * HASH_SIZE, HASH_SIZE);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int ok = ctx != NULL && reduce_in_place(ctx, md, leaf_hashes, blocks);
    EVP_MD_CTX_free(ctx);
    if (ok)
        memcpy(job->root, leaf_hashes, HASH_SIZE);
    return ok;
}

/* The whole check, without the GIL. 1: leaves accepted (root and openings_ok set). */
static int run_job(Job *job)
{
    Part parts[MAX_THREADS];
    int accepted = 0;
    size_t table = (size_t)job->size * HASH_SIZE;
    unsigned char *leaf_hashes = malloc(table), *commitments = malloc(table);
    EVP_MD *md = EVP_MD_fetch(NULL, "SHA256", NULL);
    if (leaf_hashes == NULL || commitments == NULL || md == NULL)
        goto done;
    memset(parts, 0, sizeof parts);
    for (int i = 0; i < job->threads; i++) {
        parts[i].log_id = job->log_id;
        parts[i].log_len = job->log_len;
        parts[i].size = job->size;
        parts[i].md = md;
        parts[i].leaf_hashes = leaf_hashes;
        parts[i].commitments = commitments;
    }
    split_lines(job->entries, job->entries_len, parts, job->threads);
    run_parts(check_leaves, parts, job->threads);
    if (!parts_continue(parts, job->threads, job->size, 1))
        goto done;
    job->openings_ok = 0;
    if (job->contents_len > 0 && job->contents[job->contents_len - 1] == '\n') {
        split_lines(job->contents, job->contents_len, parts, job->threads);
        run_parts(check_openings, parts, job->threads);
        job->openings_ok = parts_continue(parts, job->threads, job->size, 0);
    }
    accepted = tree_root(job, parts, leaf_hashes, md);
done:
    EVP_MD_free(md);
    free(leaf_hashes);
    free(commitments);
    return accepted;
}

static PyObject *verify_full(PyObject *module, PyObject *args)
{
    Py_buffer entries, contents, log_id;
    long long size;
    int threads;
    (void)module;
    if (!PyArg_ParseTuple(args, "y*y*y*Li:verify_full", &entries, &contents, &log_id, &size,
                          &threads))
        return NULL;
    Job job = {
        .entries = entries.buf, .entries_len = (size_t)entries.len,
        .contents = contents.buf, .contents_len = (size_t)contents.len,
        .log_id = log_id.buf, .log_len = (size_t)log_id.len,
        .size = size > 0 ? (uint64_t)size : 0, .threads = threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : threads,
    };
    /* A size the file cannot hold (a tampered checkpoint) is not worth allocating for. */
    int plausible = job.size > 0 && job.entries_len > 0 && job.entries[job.entries_len - 1] == '\n'
                    && job.size <= job.entries_len / MIN_LEAF_LINE + 1 && job.log_len > 0;
    int accepted = 0;
    if (plausible) {
        Py_BEGIN_ALLOW_THREADS
        accepted = run_job(&job);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&entries);
    PyBuffer_Release(&contents);
    PyBuffer_Release(&log_id);
    if (!accepted)
        Py_RETURN_NONE;
    return Py_BuildValue("(y#O)", (const char *)job.root, (Py_ssize_t)HASH_SIZE,
                         job.openings_ok ? Py_True : Py_False);
}

static PyMethodDef methods[] = {
    {"verify_full", verify_full, METH_VARARGS,
     "verify_full(entries, contents, log_id, size, threads) -> (root, openings_ok) | None\n\n"
     "verify.py's full-export fast path in C; None sends the bundle to its line checks."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_verifyc",
    .m_doc = "Optional compiled fast path for twohomes.core.ledger.verify (same verdicts).",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit__verifyc(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "API", 1) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
