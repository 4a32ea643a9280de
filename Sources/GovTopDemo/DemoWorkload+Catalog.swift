extension DemoWorkload {
    /// The demo fleet's traffic. Rates are traces per second at the default rate of 20 spans/s; the
    /// agents average about 5.6 spans per trace, single calls one.
    ///
    /// `growth` spends about $0.067/s, all of it reported by its spans; the burst (`research`'s
    /// evaluation sweep) spends about six minutes' worth of the whole fleet's normal spend in 20 s.
    static let catalog: [DemoWorkload] = [
        DemoWorkload(
            team: DemoFleet.growth, project: "campaign-studio", feature: "campaign-writer",
            service: DemoFleet.chatGateway, shape: .single, tracesPerSecond: 1.2, schedule: .always,
            models: [.claudeSonnet, .gpt4o], modelWeights: [0.6, 0.4],
            conventions: [.genAI], conventionWeights: [1],
            inputTokens: [6000, 10000, 14000, 18000, 24000, 40000], outputTokens: [300, 600, 900, 1300, 2000, 3500],
            cacheChance: 0.4, reportedCostChance: 1, devShare: 0.2,
            signals: [.prompts, .piiFilter, .users, .budgetReports],
            prompts: [
                "Write a launch email for the spring release aimed at trial users who have not invited a teammate.",
                "Draft three subject lines for the win-back campaign; keep them under 50 characters.",
                "Rewrite this landing page hero for enterprise buyers, same facts, more formal tone.",
            ]),
        DemoWorkload(
            team: DemoFleet.growth, project: "onboarding", feature: "onboarding-guide",
            service: DemoFleet.agentRuntime,
            shape: .agent(name: "onboarding-guide", dataSource: "kb-product-docs",
                          tools: ["lookup_account", "create_checklist", "schedule_email"]),
            tracesPerSecond: 0.35, schedule: .always,
            models: [.gpt4o, .claudeHaiku], modelWeights: [0.7, 0.3],
            conventions: [.genAI, .genAILegacy], conventionWeights: [0.6, 0.4],
            inputTokens: [1500, 2500, 3500, 5000, 8000], outputTokens: [80, 200, 350, 600, 900],
            cacheChance: 0.5, reportedCostChance: 1, devShare: 0.2, signals: [.evalEvents], prompts: []),
        DemoWorkload(
            team: DemoFleet.support, project: "helpdesk-copilot", feature: "reply-suggest",
            service: DemoFleet.chatGateway, shape: .single, tracesPerSecond: 2.4, schedule: .always,
            models: [.claudeHaiku, .gpt4oMini, .northwind], modelWeights: [0.5, 0.38, 0.12],
            conventions: [.genAI, .genAILegacy], conventionWeights: [0.7, 0.3],
            inputTokens: [400, 900, 1500, 2200, 3500, 7000], outputTokens: [60, 120, 200, 300, 450, 900],
            cacheChance: 0.5, reportedCostChance: 0.5, devShare: 0.15,
            signals: [.prompts, .piiFilter, .evalAttributes, .users],
            prompts: [
                "Customer writes: I was charged twice this month. Suggest a reply.",
                "Customer writes: I can't log in after resetting my password. Suggest a reply.",
                "Customer writes: How do I export my invoices as CSV? Suggest a reply.",
                "Customer writes: Please close my account and confirm by email. Suggest a reply.",
            ]),
        DemoWorkload(
            team: DemoFleet.support, project: "helpdesk-copilot", feature: "ticket-triage",
            service: DemoFleet.agentRuntime,
            shape: .agent(name: "triage-agent", dataSource: "zendesk-tickets",
                          tools: ["search_tickets", "get_customer_plan", "set_priority"]),
            tracesPerSecond: 0.75, schedule: .always,
            models: [.gpt4oMini, .claudeHaiku], modelWeights: [0.6, 0.4],
            conventions: [.genAI, .genAILegacy], conventionWeights: [0.5, 0.5],
            inputTokens: [800, 1500, 2500, 4000, 6000], outputTokens: [40, 100, 200, 350, 600],
            cacheChance: 0.6, reportedCostChance: 0, devShare: 0.15, signals: [.evalEvents, .piiFilter], prompts: []),
        DemoWorkload(
            team: DemoFleet.search, project: "semantic-search", feature: "query-rewrite",
            service: DemoFleet.chatGateway, shape: .single, tracesPerSecond: 3.0, schedule: .always,
            models: [.geminiFlash, .mistralLarge], modelWeights: [0.7, 0.3],
            conventions: [.genAILegacy, .genAI], conventionWeights: [0.6, 0.4],
            inputTokens: [150, 300, 500, 700, 1200], outputTokens: [20, 50, 90, 150, 250],
            cacheChance: 0, reportedCostChance: 0.3, devShare: 0.2, signals: [.teamAccess, .users], prompts: []),
        DemoWorkload(
            team: DemoFleet.search, project: "product-qa", feature: "answer-synthesis",
            service: DemoFleet.agentRuntime,
            shape: .agent(name: "answer-synthesizer", dataSource: "product-catalog-index",
                          tools: ["vector_search", "fetch_product", "rank_results"]),
            tracesPerSecond: 0.75, schedule: .always,
            models: [.geminiPro, .gpt41Mini], modelWeights: [0.5, 0.5],
            conventions: [.genAI], conventionWeights: [1],
            inputTokens: [2000, 4000, 7000, 11000, 20000], outputTokens: [150, 300, 500, 800, 1500],
            cacheChance: 0.3, reportedCostChance: 0, devShare: 0.2, signals: [.evalEvents], prompts: []),
        DemoWorkload(
            team: DemoFleet.research, project: "model-lab", feature: "prompt-experiments",
            service: DemoFleet.docPipeline, shape: .single, tracesPerSecond: 0.45, schedule: .always,
            models: [.o3Mini, .claudeSonnet, .geminiPro], modelWeights: [0.5, 0.3, 0.2],
            conventions: [.openInference], conventionWeights: [1],
            inputTokens: [500, 2000, 4000, 7000, 12000], outputTokens: [200, 600, 1200, 2200, 4000],
            cacheChance: 0.2, reportedCostChance: 0.5, devShare: 0.6, signals: [.evalAttributes], prompts: []),
        DemoWorkload(
            team: DemoFleet.research, project: "eval-harness", feature: "eval-sweep",
            service: DemoFleet.docPipeline, shape: .single, tracesPerSecond: 4.5, schedule: .bursts,
            models: [.claudeOpus, .o1], modelWeights: [0.6, 0.4],
            conventions: [.genAI], conventionWeights: [1],
            inputTokens: [20000, 30000, 40000, 50000, 60000, 80000], outputTokens: [100, 200, 300, 500, 800],
            cacheChance: 0.5, reportedCostChance: 1, devShare: 0.5, signals: [.evalAttributes], prompts: []),
        DemoWorkload(
            team: DemoFleet.platform, project: "knowledge-ingest", feature: "doc-summarize",
            service: DemoFleet.docPipeline, shape: .single, tracesPerSecond: 1.8, schedule: .always,
            models: [.gpt41Mini, .claudeHaiku, .gpt4oMini], modelWeights: [0.5, 0.3, 0.2],
            conventions: [.vercel], conventionWeights: [1],
            inputTokens: [1000, 3000, 6000, 12000, 30000], outputTokens: [100, 200, 350, 500, 800],
            cacheChance: 0.2, reportedCostChance: 0, devShare: 0.1, signals: [], prompts: []),
        DemoWorkload(
            team: DemoFleet.platform, project: "knowledge-ingest", feature: "entity-extract",
            service: DemoFleet.docPipeline, shape: .single, tracesPerSecond: 0.9, schedule: .always,
            models: [.llama70b], modelWeights: [1],
            conventions: [.genAILegacy], conventionWeights: [1],
            inputTokens: [500, 1000, 1800, 2800, 4000], outputTokens: [50, 100, 180, 260, 400],
            cacheChance: 0, reportedCostChance: 0, devShare: 0.1, signals: [], prompts: []),
    ]
}
