import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `herald audit` does when it is asked to stop: Ctrl-C (SIGINT), a CI time-out or `systemctl stop`
/// (SIGTERM), a closed terminal (SIGHUP). It removes the reports it was writing, says that the report
/// folder is as it was, and ends as the signal would have ended it (a shell shows 128 + the signal's
/// number: 130 for Ctrl-C, 143 for SIGTERM). SIGKILL cannot be caught: the next audit removes what a
/// killed one left (`ReportFolder`).
///
/// The signals are taken from a Dispatch queue, not a signal handler, so that cleaning up may allocate and
/// take locks; the work of the audit goes on meanwhile on other threads until the process ends.
final class Interruption: Sendable {
    static let shared = Interruption()

    private struct State {
        var cleanups: [Int: @Sendable () -> Bool] = [:]
        var nextToken = 0
        var sources: [any DispatchSourceSignal] = []
    }

    private let state = Mutex(State())
    private static let queue = DispatchQueue(label: "herald.interruption")
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Takes the signals over from the system's default (ending the process at once).
    func install() {
        state.withLock { state in
            guard state.sources.isEmpty else { return }
            for number in Interruption.signals {
                // A signal the caller set to be ignored stays ignored (`nohup`, a shell's background job).
                let previous = signal(number, SIG_IGN)
                guard unsafeBitCast(previous, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) else { continue }
                let source = DispatchSource.makeSignalSource(signal: number, queue: Interruption.queue)
                source.setEventHandler { [self] in stop(number) }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    /// Runs `cleanup` if a signal arrives before `forget(_:)` is called with the token returned. It returns
    /// true when it removed reports being written (then the user is told so).
    func onInterrupt(_ cleanup: @escaping @Sendable () -> Bool) -> Int {
        state.withLock { state in
            state.nextToken += 1
            state.cleanups[state.nextToken] = cleanup
            return state.nextToken
        }
    }

    func forget(_ token: Int) {
        _ = state.withLock { $0.cleanups.removeValue(forKey: token) }
    }

    /// Runs `body` with no cleanup in between: a signal that arrives meanwhile is handled after it (the
    /// swap of the report folder must not race the removal of the staging folder).
    func uninterrupted<E: Error>(_ body: () throws(E) -> Void) throws(E) {
        try state.withLock { _ throws(E) in try body() }
    }

    private func stop(_ number: Int32) {
        state.withLock { state in
            let removed = state.cleanups.sorted { $0.key < $1.key }.map { $0.value() }
            if removed.contains(true) {
                Console.error("herald: stopped by a signal (\(number)): the reports being written were removed, the report folder is as it was")
            }
            // The lock is never given back: the audit's threads wait at their next `uninterrupted` while the
            // signal, now with its default action and unblocked on this thread, ends the process.
            signal(number, SIG_DFL)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, number)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            raise(number)
            _exit(128 + number)  // only if the signal did not end the process
        }
    }
}
