import Foundation
import SQLKit
import Vapor

/// `onex backup FILE`: a consistent copy of the SQLite database while the server runs, with
/// the ID-hash key file beside it (without the key the copy cannot recognise a student again).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "where to write the copy (must not exist)")
        var file: String
    }

    var help: String { "Writes a consistent copy of the SQLite database and its ID-hash key while OneX runs" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let result = try await Backup.write(to: signature.file, app: context.application)
        context.console.success("backup written: \(signature.file) (\(result.bytes) bytes)"
            + (result.keyFile.map { "; ID-hash key: \($0)" } ?? "; the ID-hash key is ONEX_ID_HASH_KEY: keep it with the backup"))
    }
}

enum Backup {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// SQLite's `VACUUM INTO` reads one snapshot of the database, so a write under way (an
    /// import's transaction) is either wholly in the copy or not at all, and it blocks no one.
    static func write(to path: String, app: Application) async throws -> (bytes: Int, keyFile: String?) {
        guard case .sqliteFile(let database) = app.onex.config.database else {
            throw Failed(description: "this database is PostgreSQL: back it up with pg_dump (see README)")
        }
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path) else { throw Failed(description: "\(path) exists already: choose a new file") }
        let target = URL(fileURLWithPath: path)
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try await app.db.sql().raw("VACUUM INTO \(bind: target.path)").run()
        let bytes = (try fm.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
        // The key file lives beside the database (IDHasher); the copy gets one beside it.
        let key = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("id-hash.key")
        guard fm.fileExists(atPath: key.path) else { return (bytes, nil) }
        let copy = target.deletingLastPathComponent().appendingPathComponent("id-hash.key")
        if fm.fileExists(atPath: copy.path) {
            guard fm.contentsEqual(atPath: copy.path, andPath: key.path) else {
                throw Failed(description: "\(copy.path) holds another key: write the backup to another folder")
            }
        } else {
            try fm.copyItem(at: key, to: copy)
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy.path)
        }
        return (bytes, copy.path)
    }
}
