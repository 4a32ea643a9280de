/// Spend over a trailing window of fixed length (a rolling budget period), kept in `slices` equal
/// slices of time in a ring, so memory is fixed however much is spent.
///
/// Spend recorded at an instant counts from then until the end of its slice plus the window's
/// length: between `length` and `length + length / slices` after it was recorded (a 24h window
/// forgets spend 24h to 24h12m after it). The rounding is on the side of the budget: spend is never
/// forgotten early. Spend older than the ring reaches (it has left the window) is left out.
/// Not thread-safe: the engine owns it, behind its lock.
struct RollingSpend: Sendable, Hashable {
    static let slices: UInt64 = 120

    /// The window's length in nanoseconds.
    let length: UInt64
    /// Each slice's length in nanoseconds.
    let width: UInt64
    /// Slice number + 1 held in each slot (slice n covers [n·width, (n+1)·width)); 0 marks an empty slot.
    private var numbers: [UInt64]
    private var amounts: [Money]

    init(length: UInt64) {
        self.length = max(1, length)
        width = max(1, (self.length + Self.slices - 1) / Self.slices)
        numbers = Array(repeating: 0, count: Int(Self.slices) + 1)
        amounts = Array(repeating: .zero, count: Int(Self.slices) + 1)
    }

    mutating func add(_ amount: Money, at instant: UInt64) {
        add(amount, slice: instant / width)
    }

    private mutating func add(_ amount: Money, slice: UInt64) {
        let number = slice + 1
        let slot = Int(number % UInt64(numbers.count))
        if numbers[slot] == number {
            amounts[slot] += amount
        } else if numbers[slot] < number {
            numbers[slot] = number
            amounts[slot] = amount
        }
    }

    /// When spend of the slot's slice leaves the window.
    private func leavesAt(number: UInt64) -> UInt64 {
        let (end, overflow) = number.multipliedReportingOverflow(by: width)
        guard !overflow else { return .max }
        let (leaves, later) = end.addingReportingOverflow(length)
        return later ? .max : leaves
    }

    /// The slices still in the window at `now`, by the instant each leaves it, earliest first.
    private func live(now: UInt64) -> [(leavesAt: UInt64, amount: Money)] {
        zip(numbers, amounts).compactMap { number, amount in
            guard number != 0 else { return nil }
            let leaves = leavesAt(number: number)
            return leaves > now ? (leaves, amount) : nil
        }.sorted { $0.leavesAt < $1.leavesAt }
    }

    /// Spend in the window at `now`.
    func consumed(now: UInt64) -> Money {
        var total = Money.zero
        for (number, amount) in zip(numbers, amounts) where number != 0 && leavesAt(number: number) > now { total += amount }
        return total
    }

    /// When the earliest spend still in the window leaves it; nil when the window holds none.
    func nextDeparture(now: UInt64) -> UInt64? {
        live(now: now).first?.leavesAt
    }

    /// The first instant after `now` at which `isOver(consumption)` stops holding if nothing more is
    /// spent; nil when it does not hold at `now`. When it holds for any amount left, the instant
    /// the last spend leaves.
    func firstInstant(now: UInt64, whereNot isOver: (Money) -> Bool) -> UInt64? {
        let slices = live(now: now)
        var total = slices.reduce(Money.zero) { $0 + $1.amount }
        guard isOver(total) else { return nil }
        for slice in slices {
            total -= slice.amount
            if !isOver(total) { return slice.leavesAt }
        }
        return slices.last?.leavesAt
    }

    // ledger (issue 11): the slices with spend, for the ledger of record.
    var recorded: RollingRecord {
        RollingRecord(sliceNanos: width, slices: zip(numbers, amounts).filter { $0.0 != 0 }
            .map { RollingSlice(slice: $0.0 - 1, amount: $0.1) }.sorted { $0.slice < $1.slice })
    }

    /// A previous run's slices count again when they were cut the same way (same window length);
    /// those that have left the window by now no longer count.
    mutating func restore(_ record: RollingRecord) {
        guard record.sliceNanos == width else { return }
        for entry in record.slices.sorted(by: { $0.slice < $1.slice }) { add(entry.amount, slice: entry.slice) }
    }
}
