import GovTopCore

/// The organization the demo pretends to be: five teams, three services, fifty customers.
enum DemoFleet {
    struct Team: Sendable {
        let name: String
        let costCenter: String
    }

    static let growth = Team(name: "growth", costCenter: "cc-4100-marketing")
    static let support = Team(name: "support", costCenter: "cc-2300-customer-ops")
    static let search = Team(name: "search", costCenter: "cc-3200-product")
    static let research = Team(name: "research", costCenter: "cc-5100-rnd")
    static let platform = Team(name: "platform", costCenter: "cc-6000-infrastructure")
    static let teams = [growth, support, search, research, platform]

    /// A service: one OTLP resource. Its index in `services` is what workloads refer to.
    struct Service: Sendable {
        let name: String
        let version: String
        let language: String
        let sdkVersion: String

        var resource: Resource {
            Resource(attributes: [
                Attribute("service.name", .string(name)),
                Attribute("service.version", .string(version)),
                Attribute("telemetry.sdk.name", .string("opentelemetry")),
                Attribute("telemetry.sdk.language", .string(language)),
                Attribute("telemetry.sdk.version", .string(sdkVersion)),
            ])
        }
    }

    static let chatGateway = 0
    static let agentRuntime = 1
    static let docPipeline = 2
    static let services = [
        Service(name: "chat-gateway", version: "3.12.0", language: "python", sdkVersion: "1.38.0"),
        Service(name: "agent-runtime", version: "0.9.4", language: "python", sdkVersion: "1.38.0"),
        Service(name: "doc-pipeline", version: "2.4.1", language: "nodejs", sdkVersion: "2.1.0"),
    ]

    /// Instrumentation scopes, by what emits the span.
    enum Scope: Int, CaseIterable, Sendable {
        case genops, openAI, anthropic, genericGenAI, openInference, vercel

        var scope: InstrumentationScope {
            switch self {
            case .genops: InstrumentationScope(name: "genops-ai", version: "0.7.2")
            case .openAI: InstrumentationScope(name: "opentelemetry.instrumentation.openai_v2", version: "2.1b0")
            case .anthropic: InstrumentationScope(name: "opentelemetry.instrumentation.anthropic", version: "0.47.3")
            case .genericGenAI: InstrumentationScope(name: "opentelemetry.instrumentation.genai", version: "0.4b0")
            case .openInference: InstrumentationScope(name: "openinference.instrumentation.litellm", version: "0.1.21")
            case .vercel: InstrumentationScope(name: "ai", version: "4.3.16")
            }
        }

        /// The auto-instrumentation that would have produced a child LLM span for this provider.
        static func instrumentation(for provider: String) -> Scope {
            switch provider {
            case "openai": .openAI
            case "anthropic": .anthropic
            default: .genericGenAI
            }
        }
    }

    /// Fifty customers; the first ones send the most traffic (weights 1/rank).
    static let customers = [
        "acme-corp", "globex", "initech", "umbrella-health", "stark-industries", "wayne-enterprises", "hooli",
        "pied-piper", "soylent", "tyrell", "cyberdyne", "wonka-foods", "oscorp", "massive-dynamic", "vandelay",
        "gringotts", "nakatomi", "monarch-solutions", "aperture-labs", "black-mesa", "dunder-mifflin", "prestige-worldwide",
        "sterling-cooper", "bluth-company", "los-pollos", "krusty-krab", "planet-express", "zorg-industries",
        "virtucon", "gekko-partners", "duff-beverages", "contoso", "fabrikam", "northwind-traders", "adventure-works",
        "tailspin-toys", "woodgrove-bank", "litware", "proseware", "wingtip", "lucerne-publishing", "margies-travel",
        "fourth-coffee", "alpine-ski-house", "coho-winery", "graphic-design-institute", "humongous-insurance",
        "trey-research", "wide-world-importers", "blue-yonder-airlines",
    ]
    static let customerWeights = (0..<customers.count).map { 1 / Double($0 + 1) }

    /// What research uses instead of a customer: its work is internal.
    static let internalCustomer = "internal"
}
