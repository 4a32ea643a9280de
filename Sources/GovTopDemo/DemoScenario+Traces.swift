import GovTopCore

/// A generated span and where it is exported from.
typealias DemoEmission = (service: Int, scope: DemoFleet.Scope, record: SpanRecord)

/// Building the two trace shapes.
extension DemoScenario {
    /// W3C "sampled" plus OTLP's "parent is-remote known" bit, as current SDKs send.
    static let spanFlags: UInt32 = 0x101
    /// The model a `team_access` block refuses.
    static let forbiddenModel = DemoModel.claudeOpus

    /// One span with the attribution and the call: a `chat-gateway` or `doc-pipeline` request.
    mutating func singleCall(_ workload: DemoWorkload, start: UInt64) -> [DemoEmission] {
        let trace = traceID()
        let id = spanID()
        let context = context(for: workload)
        let model = workload.models[random.weighted(workload.modelWeights)]
        let convention = workload.conventions[random.weighted(workload.conventionWeights)]
        let scope: DemoFleet.Scope = switch convention {
        case .genAI, .genAILegacy: .genops
        case .openInference: .openInference
        case .vercel: .vercel
        }
        var attributes = attribution(workload, context)
        var events: [SpanEvent] = []

        if workload.signals.contains(.teamAccess), random.chance(Self.teamAccessBlockChance) {
            attributes.append(Attribute("gen_ai.operation.name", .string("chat")))
            attributes.append(Attribute("gen_ai.provider.name", .string(Self.forbiddenModel.provider)))
            attributes.append(Attribute("gen_ai.request.model", .string(Self.forbiddenModel.request)))
            attributes += Self.policy("team_access", result: "blocked", violation: "model_not_permitted_for_team", action: "block")
            let end = start + nanos([0.004, 0.008, 0.012, 0.02, 0.04])
            return [(workload.service, scope, blockedSpan(trace, id, "chat \(Self.forbiddenModel.request)", start, end, attributes,
                                                          message: "blocked by policy team_access"))]
        }
        let promptAttribute = prompt(workload)
        if workload.signals.contains(.piiFilter) {
            let decision = piiFilterEvent(at: start + nanos([0.002, 0.004, 0.006, 0.01]))
            events.append(decision.event)
            if decision.blocked {
                attributes.append(Attribute("gen_ai.operation.name", .string("chat")))
                attributes.append(Attribute("gen_ai.provider.name", .string(model.provider)))
                attributes.append(Attribute("gen_ai.request.model", .string(model.request)))
                let end = decision.event.timeUnixNano + nanos([0.001, 0.002, 0.004])
                var span = blockedSpan(trace, id, "chat \(model.request)", start, end, attributes,
                                       message: "blocked by policy pii-filter")
                span.events = events
                return [(workload.service, scope, span)]
            }
        }

        let call = DemoCall(model: model, workload: workload, random: &random)
        let reportsCost = random.chance(workload.reportedCostChance)
        let reported: DemoCall.ReportedCost? = reportsCost ? (convention == .openInference ? .openInference : .genops) : nil
        attributes += call.attributes(convention, reportedCost: reported)
        if let promptAttribute { attributes.append(promptAttribute) }
        if call.failure == nil {
            if workload.signals.contains(.evalAttributes) { attributes += evalAttributes() }
            if let cost = call.costUSD, cost > Self.sdkCostLimitUSD {
                attributes += Self.policy("cost_limit", result: "warning", violation: "cost_limit_exceeded", action: "alert")
            }
            if workload.signals.contains(.budgetReports), let cost = call.costUSD {
                attributes += campaignBudgetReport(adding: cost)
            }
        }
        let record = SpanRecord(
            traceID: trace, spanID: id, flags: Self.spanFlags, name: "chat \(model.request)", kind: .client,
            startTimeUnixNano: start, endTimeUnixNano: start + call.durationNanos, attributes: attributes, events: events,
            statusCode: call.failure == nil ? .unset : .error, statusMessage: call.failure?.message ?? "")
        return [(workload.service, scope, record)]
    }

    private func blockedSpan(_ trace: TraceID, _ id: SpanID, _ name: String, _ start: UInt64, _ end: UInt64,
                             _ attributes: [Attribute], message: String) -> SpanRecord {
        SpanRecord(traceID: trace, spanID: id, flags: Self.spanFlags, name: name, kind: .client,
                   startTimeUnixNano: start, endTimeUnixNano: end, attributes: attributes,
                   statusCode: .error, statusMessage: message)
    }

    /// An agent run on `agent-runtime`: the root carries the attribution (and any policy and evaluation
    /// events); retrieval, chat and tool spans are its children with `gen_ai.*` only. A failed chat ends
    /// the run with an error on the root.
    mutating func agentRun(_ workload: DemoWorkload, agent: String, dataSource: String, tools: [String],
                           start: UInt64) -> [DemoEmission] {
        let trace = traceID()
        let root = spanID()
        let context = context(for: workload)
        let model = workload.models[random.weighted(workload.modelWeights)]
        let convention = workload.conventions[random.weighted(workload.conventionWeights)]
        let reported: DemoCall.ReportedCost? = random.chance(workload.reportedCostChance) ? .genAIUsage : nil
        let llmScope = DemoFleet.Scope.instrumentation(for: model.provider)
        var rootEvents: [SpanEvent] = []
        var children: [DemoEmission] = []
        var cursor = start + nanos([0.001, 0.003, 0.008])
        var failure: DemoCall.Failure?
        var blocked = false

        func child(_ name: String, kind: SpanKind, scope: DemoFleet.Scope, duration: UInt64, attributes: [Attribute],
                   error: String? = nil) {
            let id = spanID()
            children.append((workload.service, scope, SpanRecord(
                traceID: trace, spanID: id, parentSpanID: root, flags: Self.spanFlags, name: name, kind: kind,
                startTimeUnixNano: cursor, endTimeUnixNano: cursor + duration, attributes: attributes,
                statusCode: error == nil ? .unset : .error, statusMessage: error ?? "")))
            cursor += duration + nanos([0.0005, 0.002, 0.006])
        }

        if workload.signals.contains(.piiFilter) {
            let decision = piiFilterEvent(at: cursor)
            rootEvents.append(decision.event)
            blocked = decision.blocked
        }
        if !blocked {
            child("retrieval \(dataSource)", kind: .client, scope: .genops, duration: nanos([0.02, 0.04, 0.07, 0.12, 0.35]),
                  attributes: [Attribute("gen_ai.operation.name", .string("retrieval")),
                               Attribute("gen_ai.data_source.id", .string(dataSource)),
                               Attribute("db.system.name", .string("pgvector"))])
            let rounds = random.chance(0.3) ? 2 : 1
            for _ in 0..<rounds {
                let choice = DemoCall(model: model, workload: workload, outputScale: 0.25, random: &random)
                child("chat \(model.request)", kind: .client, scope: llmScope, duration: choice.durationNanos,
                      attributes: choice.attributes(convention, reportedCost: reported, finishReason: "tool_calls"),
                      error: choice.failure?.message)
                if let callFailure = choice.failure {
                    failure = callFailure
                    break
                }
                let tool = random.pick(tools)
                let toolFailed = random.chance(0.03)
                child("execute_tool \(tool)", kind: .internal, scope: .genops, duration: nanos([0.02, 0.06, 0.15, 0.4, 1.8]),
                      attributes: [Attribute("gen_ai.operation.name", .string("execute_tool")),
                                   Attribute("gen_ai.tool.name", .string(tool)),
                                   Attribute("gen_ai.tool.type", .string("function")),
                                   Attribute("gen_ai.tool.call.id", .string("call_" + SpanID(random.next()).hex))],
                      error: toolFailed ? "tool \(tool) returned HTTP 503" : nil)
            }
            if failure == nil {
                let answer = DemoCall(model: model, workload: workload, random: &random)
                child("chat \(model.request)", kind: .client, scope: llmScope, duration: answer.durationNanos,
                      attributes: answer.attributes(convention, reportedCost: reported), error: answer.failure?.message)
                failure = answer.failure
            }
        }
        let end = cursor + nanos([0.001, 0.004, 0.015])
        if failure == nil, !blocked, workload.signals.contains(.evalEvents), let evaluation = evaluationEvent(at: end) {
            rootEvents.append(evaluation)
        }
        var rootAttributes = [
            Attribute("gen_ai.operation.name", .string("invoke_agent")),
            Attribute("gen_ai.agent.name", .string(agent)),
        ]
        rootAttributes += attribution(workload, context)
        let message = blocked ? "blocked by policy pii-filter" : failure.map { "agent run failed: \($0.message)" } ?? ""
        let rootRecord = SpanRecord(
            traceID: trace, spanID: root, flags: Self.spanFlags, name: "invoke_agent \(agent)", kind: .internal,
            startTimeUnixNano: start, endTimeUnixNano: end, attributes: rootAttributes, events: rootEvents,
            statusCode: failure == nil && !blocked ? .unset : .error, statusMessage: message)
        return children + [(workload.service, .genops, rootRecord)]
    }
}
