/*
 * iofail.c -- an LD_PRELOAD shim that makes writes fail, for tests/faults.
 *
 *   IOFAIL=MODE:MATCH:AFTER  entente ...
 *
 * applies to every file descriptor whose path (/proc/self/fd/N) contains
 * MATCH, once AFTER bytes have been written to such files:
 *   enospc     write/pwrite fail with ENOSPC (a full disk)
 *   eio        write/pwrite fail with EIO (a failing disk)
 *   short      every write writes at most 3 bytes (a correct writer loops)
 *   fsync-eio  fsync/fdatasync fail with EIO
 * SQLite reaches pwrite64/write through its own syscall table, which the
 * dynamic linker resolves to these; entente's -o writer calls write().
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static char mode[16], match[256];
static long long after = -1, written;
static int ready;

static void setup(void)
{
    const char *e;
    if (ready)
        return;
    ready = 1;
    if (!(e = getenv("IOFAIL")) || sscanf(e, "%15[^:]:%255[^:]:%lld", mode, match, &after) != 3)
        after = -1;
}

static int targeted(int fd)
{
    char link[64], path[4096];
    ssize_t n;
    setup();
    if (after < 0)
        return 0;
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    if ((n = readlink(link, path, sizeof path - 1)) <= 0)
        return 0;
    path[n] = 0;
    return strstr(path, match) != NULL;
}

/* gate decides a write of n bytes to fd: -1 (errno set) to fail it, else the
 * number of bytes to let through. */
static ssize_t gate(int fd, size_t n)
{
    if (!targeted(fd))
        return (ssize_t)n;
    if (!strcmp(mode, "short"))
        return n > 3 ? 3 : (ssize_t)n;
    if (written + (long long)n > after) {
        if (!strcmp(mode, "enospc")) {
            errno = ENOSPC;
            return -1;
        }
        if (!strcmp(mode, "eio")) {
            errno = EIO;
            return -1;
        }
    }
    written += (long long)n;
    return (ssize_t)n;
}

ssize_t write(int fd, const void *buf, size_t n)
{
    static ssize_t (*real)(int, const void *, size_t);
    ssize_t k;
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    if ((k = gate(fd, n)) < 0)
        return -1;
    return real(fd, buf, (size_t)k);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    static ssize_t (*real)(int, const void *, size_t, off_t);
    ssize_t k;
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
    if ((k = gate(fd, n)) < 0)
        return -1;
    return real(fd, buf, (size_t)k, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    static ssize_t (*real)(int, const void *, size_t, off_t);
    ssize_t k;
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite64");
    if ((k = gate(fd, n)) < 0)
        return -1;
    return real(fd, buf, (size_t)k, off);
}

static int sync_gate(int fd)
{
    if (targeted(fd) && !strcmp(mode, "fsync-eio")) {
        errno = EIO;
        return -1;
    }
    return 0;
}

int fsync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    return sync_gate(fd) ? -1 : real(fd);
}

int fdatasync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    return sync_gate(fd) ? -1 : real(fd);
}
