import Crypto
import Foundation
import OneXDomain

/// Personal ID numbers are stored only as a keyed hash (HMAC-SHA-256, truncated to 128 bits),
/// so the same student is recognised across imports without the number being recoverable
/// from the database alone. The key comes from `ONEX_ID_HASH_KEY`, or for a SQLite file
/// from a key file created beside it on first start (never in the repository).
struct IDHasher: Sendable {
    /// The HMAC with the key already absorbed: setting up the key costs as much as hashing
    /// an ID number, and an import hashes millions of them.
    private let keyed: HMAC<SHA256>

    init(secret: String) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: SHA256.hash(data: Data(secret.utf8))))
    }

    func hash(_ id: IDNumber) -> String {
        var mac = keyed
        mac.update(data: Array(id.normalized.utf8))
        return Self.hex(mac.finalize().prefix(16))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex<S: Sequence<UInt8>>(_ bytes: S) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The configured secret, or the key file beside a SQLite database (created once, mode 0600),
    /// or for an in-memory database a random one.
    static func secret(config: AppConfig) throws -> String {
        if let key = config.idHashKey { return key }
        switch config.database {
        case .sqliteMemory:
            return UUID().uuidString + UUID().uuidString
        case .postgres:
            throw AppConfig.Invalid(description: "ONEX_ID_HASH_KEY: required with PostgreSQL (at least 32 characters)")
        case .sqliteFile(let path):
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            let file = dir.isEmpty ? "id-hash.key" : dir + "/id-hash.key"
            if let existing = try? String(contentsOfFile: file, encoding: .utf8), !existing.isEmpty {
                return existing.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let fresh = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
            _ = FileManager.default.createFile(atPath: file, contents: Data(fresh.utf8), attributes: [.posixPermissions: 0o600])
            return fresh
        }
    }
}
