/*
 * Optional compiled fast path for verify.py (TwoHomes record bundles).
 *
 * verify.py is the verifier and stays one readable file needing only the Python standard
 * library and `cryptography`. This module repeats exactly one of its steps, the
 * full-export fast path (`_python_fast_full`), in C: for a bundle whose leaves are all
 * canonical and in order it returns the same tree root and the same "every opening
 * matches" answer, and for anything else it returns None, which sends the bundle through
 * verify.py's line-by-line checks. It never decides a failure, so a bundle's verdict is the
 * same with or without it (tests/core/ledger/test_accelerator.py compares them).
 *
 *   verify_full(entries, contents, log_id, size, threads)
 *       -> (root, commitments, digests | None) | None
 *
 * entries, contents  the zip members entries.jsonl and contents.jsonl, each given as
 *          (bytes as stored, deflated?, stated size, stated CRC-32). Each is inflated a
 *          mebibyte at a time and checked line by line as it comes, on its own thread, so
 *          the files are never held inflated (hundreds of megabytes for a large log).
 *          A file that does not inflate to exactly its stated size and CRC-32 is not
 *          accepted; zipfile then reads it and names what is wrong.
 * None     unless line i of entries.jsonl is exactly a canonical leaf of `log_id` with
 *          "seq":i, for i = 0 .. size-1 and no more, with times that never go backwards:
 *          the layout of verify.py's _exported_leaf_lines(), byte for byte.
 * root     the RFC 9162 root over the leaf hashes SHA-256(0x00 || leaf);
 * commitments  the leaves' commitments, 32 bytes each, in order;
 * digests  SHA-256(salt || content) of each line of contents.jsonl, when line i is
 *          {"seq":i,"salt":"<64 hex>","content":...} for every i and nothing else (else
 *          None). Every opening matches exactly when digests == commitments.
 *
 * Hashing is OpenSSL's SHA-256 and inflating is zlib, the libraries Python's hashlib and
 * zlib use. The tree is reduced in blocks of 2^k leaves aligned to the tree, on `threads`
 * threads; the blocks' roots are nodes of the whole tree.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <limits.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#if OPENSSL_VERSION_NUMBER < 0x30000000L
#error "OpenSSL 3 is needed (EVP_MD_fetch); without it verify.py checks in Python"
#endif

#define HASH_SIZE 32
#define TIME_LEN 27 /* 2025-01-31T21:04:00.000000Z */
#define MAX_THREADS 64
#define MAX_SEQ_DIGITS 19
/* No canonical leaf line is shorter (its commitment alone is 64 hex digits). */
#define MIN_LEAF_LINE 128
#define DEFLATE_RATIO 1032 /* deflate's largest expansion */

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

/* Reduce n adjacent hashes in place to their RFC 9162 root, left in hashes[0]. Neighbours
 * are paired (SHA-256(0x01 || left || right)) and an odd last node is carried up
 * unchanged, level by level. */
static int reduce_in_place(EVP_MD_CTX *ctx, const EVP_MD *md, unsigned char *hashes,
                           uint64_t n)
{
    static const unsigned char prefix = 0x01;
    unsigned char node[HASH_SIZE];
    while (n > 1) {
        uint64_t pairs = n / 2;
        for (uint64_t i = 0; i < pairs; i++) {
            if (!sha256_two(ctx, md, &prefix, 1, hashes + 2 * i * HASH_SIZE, 2 * HASH_SIZE,
                            node))
                return 0;
            memcpy(hashes + i * HASH_SIZE, node, HASH_SIZE); /* i <= 2i: already read */
        }
        if (n % 2)
            memmove(hashes + pairs * HASH_SIZE, hashes + (n - 1) * HASH_SIZE, HASH_SIZE);
        n = pairs + n % 2;
    }
    return 1;
}

/* --- one file, line by line, as it is inflated ------------------------------------------ */

#define CHUNK (1u << 20)  /* inflated a mebibyte at a time, kept in the cache */
#define MAX_LINE (1u << 30) /* a longer line is left to the Python checks */

typedef struct {
    cursor data;      /* the member's bytes as stored in the zip */
    size_t data_len;
    int deflated;     /* raw deflate data, else stored as is */
    uint64_t size;    /* the stated size and CRC-32 of the file */
    unsigned long crc;
} Member;

typedef int (*LineCheck)(void *state, cursor line, cursor end); /* end: at the '\n' */

/* Feed each line of a stored file to `check`; the file must end with '\n'. */
static int stored_lines(const Member *member, LineCheck check, void *state)
{
    cursor p = member->data, end = member->data + member->data_len;
    if (member->data_len != member->size)
        return 0;
    unsigned long crc = crc32(0L, Z_NULL, 0);
    for (size_t done = 0; done < member->data_len;) { /* crc32 takes 32-bit lengths */
        size_t step = member->data_len - done < UINT_MAX ? member->data_len - done : UINT_MAX;
        crc = crc32(crc, member->data + done, (uInt)step);
        done += step;
    }
    if (crc != member->crc)
        return 0;
    while (p < end) {
        cursor newline = memchr(p, '\n', (size_t)(end - p));
        if (newline == NULL || !check(state, p, newline))
            return 0;
        p = newline + 1;
    }
    return 1;
}

/* Inflate a file a chunk at a time, feeding each whole line to `check`. Exactly the stated
 * size and CRC-32, the deflate stream's end, and a last line ending in '\n', or 0. */
static int inflated_lines(const Member *member, LineCheck check, void *state)
{
    z_stream stream;
    size_t room = CHUNK, held = 0, given = 0;
    uint64_t made = 0;
    unsigned long crc = crc32(0L, Z_NULL, 0);
    unsigned char *buffer = malloc(room);
    int status = Z_OK, ok = 1;
    memset(&stream, 0, sizeof stream);
    if (buffer == NULL || inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
        free(buffer);
        return 0;
    }
    while (ok && status == Z_OK) {
        if (held == room) { /* one line fills the buffer: make room for it */
            unsigned char *larger = room < MAX_LINE ? realloc(buffer, 2 * room) : NULL;
            if (larger == NULL)
                break;
            buffer = larger;
            room *= 2;
        }
        if (stream.avail_in == 0 && given < member->data_len) {
            size_t step = member->data_len - given < UINT_MAX ? member->data_len - given
                                                              : UINT_MAX;
            stream.next_in = (unsigned char *)member->data + given;
            stream.avail_in = (uInt)step;
            given += step;
        }
        size_t free_space = room - held < UINT_MAX ? room - held : UINT_MAX;
        stream.next_out = buffer + held;
        stream.avail_out = (uInt)free_space;
        status = inflate(&stream, Z_NO_FLUSH);
        size_t fresh = free_space - stream.avail_out; /* Z_BUF_ERROR: stuck, cut short */
        crc = crc32(crc, buffer + held, (uInt)fresh);
        made += fresh;
        cursor p = buffer, end = buffer + held + fresh;
        for (cursor newline; ok && (newline = memchr(p, '\n', (size_t)(end - p))) != NULL;) {
            ok = check(state, p, newline);
            p = newline + 1;
        }
        held = (size_t)(end - p);
        memmove(buffer, p, held);
        if (made > member->size)
            ok = 0;
    }
    inflateEnd(&stream);
    free(buffer);
    return ok && status == Z_STREAM_END && made == member->size && crc == member->crc
           && held == 0;
}

static int each_line(const Member *member, LineCheck check, void *state)
{
    return member->deflated ? inflated_lines(member, check, state)
                            : stored_lines(member, check, state);
}

/* --- the two files' checks ------------------------------------------------------------------ */

typedef struct {
    const unsigned char *log_id;
    size_t log_len;
    uint64_t size, next;
    unsigned char last_time[TIME_LEN];
    EVP_MD_CTX *ctx;
    const EVP_MD *md;
    unsigned char *leaf_hashes, *commitments; /* size * 32 each, indexed by seq */
} Leaves;

/* Line `next` is the canonical leaf numbered `next`, no earlier than the line before. */
static int check_leaf(void *state, cursor line, cursor end)
{
    static const unsigned char prefix = 0x00;
    Leaves *leaves = state;
    Leaf leaf;
    if (leaves->next >= leaves->size
        || !parse_leaf(line, end, leaves->log_id, leaves->log_len, &leaf)
        || leaf.seq != leaves->next
        || (leaf.seq > 0 && memcmp(leaves->last_time, leaf.time, TIME_LEN) > 0))
        return 0;
    memcpy(leaves->last_time, leaf.time, TIME_LEN);
    memcpy(leaves->commitments + leaf.seq * HASH_SIZE, leaf.commitment, HASH_SIZE);
    leaves->next++;
    return sha256_two(leaves->ctx, leaves->md, &prefix, 1, line, (size_t)(end - line),
                      leaves->leaf_hashes + leaf.seq * HASH_SIZE);
}

typedef struct {
    uint64_t size, next;
    EVP_MD_CTX *ctx;
    const EVP_MD *md;
    unsigned char *digests; /* size * 32, indexed by seq */
} Openings;

/* Line `next` opens entry `next`: its digest SHA-256(salt || content). */
static int hash_opening(void *state, cursor line, cursor end)
{
    Openings *openings = state;
    Opening opening;
    if (openings->next >= openings->size || !parse_opening(line, end, &opening)
        || opening.seq != openings->next)
        return 0;
    openings->next++;
    return sha256_two(openings->ctx, openings->md, opening.salt, HASH_SIZE, opening.content,
                      (size_t)(opening.content_end - opening.content),
                      openings->digests + opening.seq * HASH_SIZE);
}

typedef struct {
    const Member *member;
    Leaves *leaves;     /* one of these two */
    Openings *openings;
    int ok;
} FileJob;

static void *run_file(void *arg)
{
    FileJob *job = arg;
    if (job->leaves != NULL) {
        Leaves *leaves = job->leaves;
        leaves->ctx = EVP_MD_CTX_new();
        job->ok = leaves->ctx != NULL && each_line(job->member, check_leaf, leaves)
                  && leaves->next == leaves->size;
        EVP_MD_CTX_free(leaves->ctx);
    } else {
        Openings *openings = job->openings;
        openings->ctx = EVP_MD_CTX_new();
        job->ok = openings->ctx != NULL && each_line(job->member, hash_opening, openings)
                  && openings->next == openings->size;
        EVP_MD_CTX_free(openings->ctx);
    }
    return NULL;
}

/* --- the tree, in blocks on threads ---------------------------------------------------------- */

typedef struct {
    const EVP_MD *md;
    unsigned char *hashes;
    uint64_t size, block, first_block, last_block;
    int ok;
} TreePart;

/* Reduce each of this part's blocks of leaf hashes to its root, left at its first slot. */
static void *reduce_blocks(void *arg)
{
    TreePart *part = arg;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    part->ok = ctx != NULL;
    for (uint64_t b = part->first_block; part->ok && b < part->last_block; b++) {
        uint64_t start = b * part->block;
        uint64_t n = part->size - start < part->block ? part->size - start : part->block;
        part->ok = reduce_in_place(ctx, part->md, part->hashes + start * HASH_SIZE, n);
    }
    EVP_MD_CTX_free(ctx);
    return NULL;
}

/* The RFC 9162 root of `size` leaf hashes (overwritten). Blocks of 2^k leaves aligned to
 * the tree are reduced on `threads` threads; their roots are nodes of the whole tree. */
static int tree_root(unsigned char *hashes, uint64_t size, const EVP_MD *md, int threads,
                     unsigned char *root)
{
    TreePart parts[MAX_THREADS];
    pthread_t ids[MAX_THREADS];
    int started[MAX_THREADS] = {0};
    uint64_t block = 1;
    while (block < size / 64) /* about 64 blocks: enough to share */
        block <<= 1;
    uint64_t blocks = (size + block - 1) / block;
    int count = (uint64_t)threads < blocks ? threads : (int)blocks, ok = 1;
    for (int i = 0; i < count; i++) {
        parts[i] = (TreePart){
            .md = md, .hashes = hashes, .size = size, .block = block,
            .first_block = blocks * (uint64_t)i / (uint64_t)count,
            .last_block = blocks * (uint64_t)(i + 1) / (uint64_t)count,
        };
        if (i > 0)
            started[i] = pthread_create(&ids[i], NULL, reduce_blocks, &parts[i]) == 0;
    }
    reduce_blocks(&parts[0]);
    for (int i = 1; i < count; i++) {
        if (started[i])
            pthread_join(ids[i], NULL);
        else
            reduce_blocks(&parts[i]);
    }
    for (int i = 0; i < count; i++)
        ok &= parts[i].ok;
    for (uint64_t b = 1; ok && b < blocks; b++) /* gather the blocks' roots, then the rest */
        memmove(hashes + b * HASH_SIZE, hashes + b * block * HASH_SIZE, HASH_SIZE);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ok = ok && ctx != NULL && reduce_in_place(ctx, md, hashes, blocks);
    EVP_MD_CTX_free(ctx);
    if (ok)
        memcpy(root, hashes, HASH_SIZE);
    return ok;
}

/* --- verify_full ------------------------------------------------------------------------------ */

typedef struct {
    Member entries, contents;
    const unsigned char *log_id;
    size_t log_len;
    uint64_t size;
    int threads;
    unsigned char *commitments, *digests; /* size * 32 each, Python bytes */
    /* results */
    unsigned char root[HASH_SIZE];
    int openings_ok;
} Check;

/* Without the GIL: both files at once (one thread each), then the tree. 1: leaves accepted. */
static int run_check(Check *check)
{
    int accepted = 0;
    unsigned char *leaf_hashes = malloc((size_t)check->size * HASH_SIZE);
    EVP_MD *md = EVP_MD_fetch(NULL, "SHA256", NULL);
    if (leaf_hashes != NULL && md != NULL) {
        Leaves leaves = {
            .log_id = check->log_id, .log_len = check->log_len, .size = check->size,
            .md = md, .leaf_hashes = leaf_hashes, .commitments = check->commitments,
        };
        Openings openings = {.size = check->size, .md = md, .digests = check->digests};
        FileJob entries = {.member = &check->entries, .leaves = &leaves};
        FileJob contents = {.member = &check->contents, .openings = &openings};
        pthread_t id;
        int started = check->threads > 1 && pthread_create(&id, NULL, run_file, &contents) == 0;
        run_file(&entries);
        if (started)
            pthread_join(id, NULL);
        else if (entries.ok)
            run_file(&contents);
        if (entries.ok) {
            check->openings_ok = contents.ok;
            accepted = tree_root(leaf_hashes, check->size, md, check->threads, check->root);
        }
    }
    EVP_MD_free(md);
    free(leaf_hashes);
    return accepted;
}

static int clamp_threads(int threads)
{
    return threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : threads;
}

/* Room for `size` hashes, to fill without the GIL; NULL (no error set) if it cannot be had. */
static PyObject *hash_table(uint64_t size)
{
    if (size > (uint64_t)(PY_SSIZE_T_MAX / HASH_SIZE))
        return NULL;
    PyObject *table = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(size * HASH_SIZE));
    if (table == NULL)
        PyErr_Clear(); /* too large to hold: the Python checks' turn */
    return table;
}

/* A file that could hold `size` lines of at least `shortest` bytes once inflated: a
 * tampered checkpoint's size is not worth allocating for. */
static int could_hold(const Member *member, uint64_t size, size_t shortest)
{
    uint64_t most = member->deflated ? (uint64_t)member->data_len * DEFLATE_RATIO + 64
                                     : (uint64_t)member->data_len;
    return member->size <= most && size <= member->size / shortest + 1;
}

static int parse_member(PyObject *tuple, Member *member, Py_buffer *view)
{
    unsigned long long size;
    int deflated;
    /* A zip64 size may be up to 2^64 - 1: unsigned. A CRC-32 beyond 32 bits never matches. */
    if (!PyArg_ParseTuple(tuple, "y*pKk", view, &deflated, &size, &member->crc))
        return 0;
    member->data = view->buf;
    member->data_len = (size_t)view->len;
    member->deflated = deflated;
    member->size = (uint64_t)size;
    return 1;
}

static PyObject *verify_full(PyObject *module, PyObject *args)
{
    PyObject *entries_arg, *contents_arg;
    Py_buffer entries_view, contents_view, log_id;
    long long size;
    int threads, accepted = 0;
    Check check;
    (void)module;
    memset(&check, 0, sizeof check);
    if (!PyArg_ParseTuple(args, "O!O!y*Li:verify_full", &PyTuple_Type, &entries_arg,
                          &PyTuple_Type, &contents_arg, &log_id, &size, &threads))
        return NULL;
    if (!parse_member(entries_arg, &check.entries, &entries_view)) {
        PyBuffer_Release(&log_id);
        return NULL;
    }
    if (!parse_member(contents_arg, &check.contents, &contents_view)) {
        PyBuffer_Release(&entries_view);
        PyBuffer_Release(&log_id);
        return NULL;
    }
    check.log_id = log_id.buf;
    check.log_len = (size_t)log_id.len;
    check.size = size > 0 ? (uint64_t)size : 0;
    check.threads = clamp_threads(threads);
    PyObject *commitments = NULL, *digests = NULL;
    if (check.size > 0 && check.log_len > 0
        && could_hold(&check.entries, check.size, MIN_LEAF_LINE)) {
        commitments = hash_table(check.size);
        digests = hash_table(check.size);
    }
    if (commitments != NULL && digests != NULL) {
        check.commitments = (unsigned char *)PyBytes_AS_STRING(commitments);
        check.digests = (unsigned char *)PyBytes_AS_STRING(digests);
        Py_BEGIN_ALLOW_THREADS
        accepted = run_check(&check);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&entries_view);
    PyBuffer_Release(&contents_view);
    PyBuffer_Release(&log_id);
    PyObject *answer = NULL;
    if (accepted)
        answer = Py_BuildValue("(y#OO)", (const char *)check.root, (Py_ssize_t)HASH_SIZE,
                               commitments, check.openings_ok ? digests : Py_None);
    else
        answer = Py_NewRef(Py_None);
    Py_XDECREF(commitments);
    Py_XDECREF(digests);
    return answer;
}

static PyMethodDef methods[] = {
    {"verify_full", verify_full, METH_VARARGS,
     "verify_full(entries, contents, log_id, size, threads)\n"
     "    -> (root, commitments, digests | None) | None\n\n"
     "entries and contents: (data as stored, deflated, size, crc32). None sends the bundle\n"
     "to verify.py's line checks; see the top of _verifyc.c."},
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
    if (m != NULL && PyModule_AddIntConstant(m, "API", 5) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
