import Fluent
import OneXDomain
import Vapor

/// `GET/PUT /api/v1/policy`: the policy in force, and a new version of it.
enum PolicyAPI {
    struct PolicyBody: Encodable {
        var version: Int
        var author: String
        var createdAt: Date
        var policy: Policy

        enum Key: String, CodingKey { case version, author, createdAt }

        // The document's own fields at the top level, as policies.md shows it, plus the version.
        func encode(to encoder: any Encoder) throws {
            try policy.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(version, forKey: .version)
            try c.encode(author, forKey: .author)
            try c.encode(createdAt, forKey: .createdAt)
        }
    }

    static func register(on api: any RoutesBuilder) {
        api.get("policy") { req in
            _ = try req.actor()
            guard let current = try await PolicyVersion.current(on: req.db) else { throw AppError.notFound }
            return try JSONBody.response(PolicyBody(version: current.version, author: current.author,
                                                    createdAt: current.createdAt, policy: try current.policy()))
        }
        api.put("policy") { req in
            let actor = try req.actor(in: .provinceAdmin)
            let policy = try JSONBody.decode(Policy.self, from: req)
            let saved = try await PolicyService.publish(policy, author: actor.username, at: req.now, on: req.db)
            return try JSONBody.response(PolicyBody(version: saved.version, author: saved.author,
                                                    createdAt: saved.createdAt, policy: policy))
        }
    }
}

enum PolicyService {
    /// Stores a checked policy as the next version, audited.
    static func publish(_ policy: Policy, author: String, at: Date, on db: any Database) async throws -> PolicyVersion {
        let problems = policy.problems()
        if !problems.isEmpty { throw AppError.invalid(problems, detail: "政策文件有误") }
        return try await db.writeTransaction { tx in
            let previous = try await PolicyVersion.current(on: tx)
            let row = PolicyVersion()
            row.version = (previous?.version ?? 0) + 1
            row.document = AuditWriter.json(policy)
            row.author = author
            row.createdAt = at
            try await row.create(on: tx)
            try await AuditWriter(tx).append(actor: author, action: previous == nil ? "create" : "update",
                                             entity: "policy", key: "v\(row.version)", before: previous?.document,
                                             after: row.document, at: at)
            return row
        }
    }

    /// The shipped policies by name, or a file path.
    static func load(source: String) throws -> Policy {
        let data: Data
        if ["henan", "anhui"].contains(source) {
            guard let url = Bundle.module.url(forResource: source, withExtension: "json", subdirectory: "policies") else {
                throw AppConfig.Invalid(description: "ONEX_POLICY: built-in policy '\(source)' missing from the bundle")
            }
            data = try Data(contentsOf: url)
        } else {
            guard let d = FileManager.default.contents(atPath: source) else {
                throw AppConfig.Invalid(description: "ONEX_POLICY: 'henan', 'anhui' or a readable file expected, got '\(source)'")
            }
            data = d
        }
        let policy: Policy
        do {
            policy = try JSONDecoder().decode(Policy.self, from: data)
        } catch {
            throw AppConfig.Invalid(description: "ONEX_POLICY: '\(source)' is not a valid policy document: \(error)")
        }
        let problems = policy.problems()
        if !problems.isEmpty {
            throw AppConfig.Invalid(description: "ONEX_POLICY: " + problems.map(\.message).joined(separator: "; "))
        }
        return policy
    }
}
