// What Swift cannot reach of the C library: three system calls (glibc declares them only for _GNU_SOURCE,
// and `syscall` is variadic), and glibc's allocator settings (<malloc.h>, which Swift's Glibc module leaves out).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE; macOS renamex_np with RENAME_SWAP):
// a reader sees the report folder of one audit or of the other, never a mix. Fails with EINVAL or ENOSYS
// where the file system cannot (NFS, for one); the caller then falls back to renaming file by file.
static inline int herald_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
#elif defined(__APPLE__)
    return renamex_np(first, second, RENAME_SWAP);
#else
    (void)first; (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

// Starts writing a range of a file to disk without waiting for it (Linux's sync_file_range with
// SYNC_FILE_RANGE_WRITE), so that a later fdatasync finds little left to do. Elsewhere it does nothing.
static inline int herald_start_writeback(int descriptor, long long offset, long long count) {
#if defined(__linux__) && defined(SYS_sync_file_range)
    return (int)syscall(SYS_sync_file_range, descriptor, offset, count, 2 /* SYNC_FILE_RANGE_WRITE */);
#else
    (void)descriptor; (void)offset; (void)count;
    return 0;
#endif
}

// Writes every file of the file system that holds `descriptor` to disk and waits (Linux's syncfs): one call
// for a folder report of thousands of small files (an action list per person), where waiting on each file
// in turn took 12 s for 17,646 files. Elsewhere returns -1 with ENOSYS: the caller then syncs file by file.
static inline int herald_sync_file_system(int descriptor) {
#if defined(__linux__) && defined(SYS_syncfs)
    return (int)syscall(SYS_syncfs, descriptor);
#else
    (void)descriptor;
    errno = ENOSYS;
    return -1;
#endif
}

// Asks glibc's allocator for `bytes` of headroom each time a heap grows (mallopt M_TOP_PAD). Elsewhere does
// nothing. Returns 1 on success, as mallopt does.
static inline int herald_set_heap_headroom(int bytes) {
#if defined(__GLIBC__)
    return mallopt(M_TOP_PAD, bytes);
#else
    (void)bytes;
    return 1;
#endif
}
