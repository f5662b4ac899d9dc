import CSystemCalls

/// How the C library's allocator is set up before any work starts.
enum AllocatorTuning {
    /// glibc grows each thread's heap one page at a time, with an `mprotect` call per page: loading
    /// 100,000 accounts made 36,000 of them, 3% of the audit's processor time and a sixth of its time in
    /// the kernel. Asking for 64 MiB of headroom at each growth (`M_TOP_PAD`, mallopt(3)) leaves 45. The
    /// headroom is address space (pages count only once written: 249 and 252 MiB JSON only); what a heap
    /// keeps when it is trimmed costs a few dozen MiB with every report (719 and 758 MiB on the adoption
    /// shape). Measured in docs/performance.md ("The allocator's headroom").
    static func apply() {
        _ = herald_set_heap_headroom(64 << 20)
    }
}
