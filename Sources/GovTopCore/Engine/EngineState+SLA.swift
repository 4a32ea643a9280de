/// SLA miss-rate alerts, checked on the alert tick over the team groups' exact totals.
extension EngineState {
    func slaMissRates() -> [AlertCondition] {
        ledger.table(.team).totalsByKey.compactMap { team, totals in
            AlertCondition.slaMissRate(team: team, checked: totals.accounting.slaChecked,
                                       missed: totals.accounting.slaViolations,
                                       threshold: spikes.settings.slaMissRateThreshold,
                                       minimumChecks: spikes.settings.slaMinimumChecks)
        }
    }
}
