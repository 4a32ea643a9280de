import Foundation
import GovTopCore
import GovTopTerminal
import GovTopUI

extension DashboardLoop {
    enum Outcome {
        case proceed
        case stop
    }

    /// Carries out what a key asked for beyond the navigation state.
    func perform(_ action: NavigationAction, terminal: Terminal) -> Outcome {
        switch action {
        case .quit:
            return .stop
        case .openTrace(let id):
            frame.trace = nil
            switch TraceID(hex: id).map({ source.lookUpTrace($0) }) ?? .missing {
            case .found(let trace): frame.trace = trace
            case .missing: notify("trace \(id) is no longer in the store")
            case .loading: notify("loading trace \(id)…")
            }
        case .closeTrace:
            frame.trace = nil
        case .acknowledgeAlert(let id):
            notify(source.acknowledge(alertID: id))
        case .clearResolvedAlerts:
            notify(source.clearResolved())
        case .copyToClipboard(let text):
            notify(terminal.copyToClipboard(text) ? "copied \(text) (OSC 52)" : "could not write to the terminal to copy")
        case .exportTrace(let id):
            export(id)
        case .themeChanged(let index):
            do {
                theme = try themes.theme(at: index)
                frame.themeName = theme.name
                notify("theme \(theme.name)")
            } catch {
                notify("theme not changed: \(error)")
            }
        case .pauseChanged(let paused):
            logger.log(paused ? "display paused" : "display resumed")
        case .notify(let message):
            notify(message)
        case .redraw:
            break
        }
        return .proceed
    }

    private func export(_ id: String) {
        var stored: TraceDetail?
        if let traceID = TraceID(hex: id), case .found(let trace) = source.lookUpTrace(traceID) { stored = trace }
        guard let traceID = TraceID(hex: id), let trace = stored ?? frame.trace else {
            notify("trace \(id) is no longer in the store; nothing exported")
            return
        }
        do {
            let written = try TraceExport.write(trace, into: options.exportDirectory)
            notify("wrote \(written.file) (\(written.spans) span\(written.spans == 1 ? "" : "s"))")
        } catch {
            notify("cannot write \(TraceExport.fileName(for: traceID)) in \(options.exportDirectory): \(error.localizedDescription)")
        }
    }
}
