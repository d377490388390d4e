import Foundation
import OneXDomain

/// Everything OneX reads from its environment, checked once at start so a mistake fails fast
/// and names the variable.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        /// A PostgreSQL URL and, for tests, a schema to work in.
        case postgres(url: String, schema: String?)
    }

    public var database: Database
    /// `henan`, `anhui` or the path of a policy file: the policy loaded into an empty database.
    public var policySource: String
    public var adminPassword: String?
    public var manualClock: Bool
    public var demo: Bool
    /// With the demo, a year of the pilot played through (`DemoYear`); `serve` only.
    public var demoActivity: Bool
    /// bcrypt work factor; tests lower it so hundreds of logins stay fast.
    public var bcryptCost: Int
    /// How long an API token lives.
    public var tokenLifetime: TimeInterval
    /// The key of the personal-ID hash (`ONEX_ID_HASH_KEY`); see `IDHasher`.
    public var idHashKey: String?
    /// Whether the session cookie is `Secure`: on when `ONEX_PUBLIC_URL` is https, or as
    /// `ONEX_SECURE_COOKIES` says.
    public var secureCookies: Bool
    /// A bearer token that may read `/metrics` from anywhere (`ONEX_METRICS_TOKEN`); without
    /// it only loopback without a proxy in between may.
    public var metricsToken: String?
    /// The address people open (`ONEX_PUBLIC_URL`), for links that leave the page (feeds).
    public var publicURL: String?

    public init(
        database: Database, policySource: String = "henan", adminPassword: String? = nil,
        manualClock: Bool = false, demo: Bool = true, demoActivity: Bool = false, bcryptCost: Int = 12,
        tokenLifetime: TimeInterval = 12 * 3600, idHashKey: String? = nil, secureCookies: Bool = false,
        metricsToken: String? = nil, publicURL: String? = nil
    ) {
        self.database = database
        self.policySource = policySource
        self.adminPassword = adminPassword
        self.manualClock = manualClock
        self.demo = demo
        self.demoActivity = demoActivity
        self.bcryptCost = bcryptCost
        self.tokenLifetime = tokenLifetime
        self.idHashKey = idHashKey
        self.secureCookies = secureCookies
        self.metricsToken = metricsToken
        self.publicURL = publicURL
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfig
    {
        let database: Database
        switch env["DATABASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
        case nil:
            database = .sqliteFile("data/onex.sqlite")
        case let url? where url.hasPrefix("sqlite://"):
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else {
                throw Invalid(description: "DATABASE_URL: sqlite:///path/to/file.sqlite expected")
            }
            database = path == ":memory:" ? .sqliteMemory : .sqliteFile(path)
        case let url? where url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"):
            database = .postgres(url: url, schema: nil)
        case let url?:
            throw Invalid(
                description:
                    "DATABASE_URL: unsupported scheme in '\(url.prefix(20))…' (use sqlite:// or postgres://)")
        }
        let cost = Int(env["ONEX_BCRYPT_COST"] ?? "") ?? 12
        guard (4...31).contains(cost) else { throw Invalid(description: "ONEX_BCRYPT_COST: must be 4…31") }
        let clock = env["ONEX_CLOCK"] ?? ""
        guard clock == "" || clock == "manual" || clock == "system" else {
            throw Invalid(description: "ONEX_CLOCK: 'manual' or unset expected, got '\(clock)'")
        }
        let idKey = env["ONEX_ID_HASH_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        if let idKey, idKey.count < 32 {
            throw Invalid(description: "ONEX_ID_HASH_KEY: at least 32 characters")
        }
        let publicURL = env["ONEX_PUBLIC_URL"] ?? ""
        if !publicURL.isEmpty, !publicURL.hasPrefix("http://"), !publicURL.hasPrefix("https://") {
            throw Invalid(
                description: "ONEX_PUBLIC_URL: an http:// or https:// address expected, got '\(publicURL)'")
        }
        let secureCookies: Bool
        switch (env["ONEX_SECURE_COOKIES"] ?? "").lowercased() {
        case "": secureCookies = publicURL.hasPrefix("https://")
        case "1", "true", "yes": secureCookies = true
        case "0", "false", "no": secureCookies = false
        case let other: throw Invalid(description: "ONEX_SECURE_COOKIES: 1 or 0 expected, got '\(other)'")
        }
        return AppConfig(
            database: database,
            policySource: env["ONEX_POLICY"].flatMap { $0.isEmpty ? nil : $0 } ?? "henan",
            adminPassword: env["ONEX_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            manualClock: clock == "manual",
            demo: !["0", "false", "no"].contains((env["ONEX_DEMO"] ?? "1").lowercased()),
            demoActivity: !["0", "false", "no"].contains((env["ONEX_DEMO_ACTIVITY"] ?? "1").lowercased()),
            bcryptCost: cost,
            idHashKey: idKey,
            secureCookies: secureCookies,
            metricsToken: env["ONEX_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            publicURL: publicURL.isEmpty ? nil : String(publicURL.reversed().drop { $0 == "/" }.reversed())
        )
    }
}
