/// Spend per hour over the trailing 15 minutes, from per-minute buckets in a ring of 16.
///
/// The window slides smoothly: the bucket of the minute that is leaving the window counts by the
/// fraction of it still inside (the usual sliding-window counter). Until 15 minutes have been
/// observed, the rate is over the time observed, but at least one minute, so the first requests
/// after start-up neither vanish nor read as a huge rate.
struct BurnRateMeter: Sendable, Hashable {
    static let windowMinutes: UInt64 = 15
    private static let slots = 16

    /// Minute number (Unix minutes) + 1 of each slot; 0 marks an empty slot.
    private var minutes = [UInt64](repeating: 0, count: slots)
    private var amounts = [Money](repeating: .zero, count: slots)
    private var observedSince: UInt64 // var for the ledger's restore (issue 11)

    init(observedSince: UInt64) {
        self.observedSince = observedSince
    }

    /// Adds spend at an instant. Spend more than 15 minutes older than the newest recorded minute
    /// is outside any window the meter can still report, and is left out.
    mutating func add(_ amount: Money, at instant: UInt64) {
        let minute = instant / BudgetWindow.nanosPerMinute + 1
        let slot = Int(minute % UInt64(Self.slots))
        if minutes[slot] == minute {
            amounts[slot] += amount
        } else if minutes[slot] < minute {
            minutes[slot] = minute
            amounts[slot] = amount
        }
    }

    // ledger (issue 11): the recorded minutes (Unix minutes) and since when spend was observed.
    var recorded: BurnRecord {
        BurnRecord(observedSince: observedSince, minutes: zip(minutes, amounts).filter { $0.0 != 0 }.map { BurnMinute(minute: $0.0 - 1, amount: $0.1) })
    }

    // ledger (issue 11): a previous run's minutes count again (those still in the ring's reach).
    mutating func restore(_ record: BurnRecord) {
        observedSince = min(observedSince, record.observedSince)
        for entry in record.minutes { add(entry.amount, at: entry.minute &* BudgetWindow.nanosPerMinute) }
    }

    func usdPerHour(now: UInt64) -> Double {
        let current = now / BudgetWindow.nanosPerMinute + 1
        let intoMinute = Double(now % BudgetWindow.nanosPerMinute) / Double(BudgetWindow.nanosPerMinute)
        var whole = Money.zero
        var leaving = Money.zero
        for (minute, amount) in zip(minutes, amounts) where minute != 0 && minute <= current {
            let age = current - minute
            if age < Self.windowMinutes {
                whole += amount
            } else if age == Self.windowMinutes {
                leaving += amount
            }
        }
        let sum = whole.usd + leaving.usd * (1 - intoMinute)
        let window = Self.windowMinutes * BudgetWindow.nanosPerMinute
        let elapsed = now > observedSince ? now - observedSince : 0
        let span = min(window, max(BudgetWindow.nanosPerMinute, elapsed))
        return max(0, sum / Double(span) * Double(BudgetWindow.nanosPerHour))
    }
}
