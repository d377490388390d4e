import Logging
import OneXServer
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var arguments = CommandLine.arguments
        // `--no-demo` is ours, not Vapor's serve flag: take it out before Vapor parses the rest.
        var demo: Bool? = nil
        if let i = arguments.firstIndex(of: "--no-demo") {
            arguments.remove(at: i)
            demo = false
        }
        var env = try Environment.detect(arguments: arguments)
        try LoggingSystem.bootstrap(from: &env)
        let config: AppConfig
        do {
            config = try AppConfig.fromEnvironment()
        } catch {
            FileHandle.standardError.write(Data("onex: configuration error: \(error)\n".utf8))
            exit(2)
        }
        let app = try await Application.make(env)
        do {
            try await configure(app, config: config)
            if let port = Environment.get("PORT").flatMap(Int.init) { app.http.server.configuration.port = port }
            if let host = Environment.get("HOSTNAME"), !host.isEmpty { app.http.server.configuration.hostname = host }
            let command = env.arguments.dropFirst().first ?? "serve"
            if command == "serve" || command.hasPrefix("-") {
                // The address first: it is what the person who started OneX is looking for.
                let c = app.http.server.configuration
                app.logger.notice("OneX at http://\(c.hostname):\(c.port)/ (PORT and HOSTNAME change it; accounts: README.md)")
                app.logger.notice("OneX data: \(describe(config.database))")
                try await prepareDatabase(app, demo: demo ?? config.demo)
                app.lifecycle.use(JobScheduler())
                let policyLine = try await currentPolicyLine(app)
                app.logger.notice("Policy in force: \(policyLine)")
            }
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            exit(1)
        }
        do {
            // Vapor reports a failing command itself; only the exit code is ours to set.
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }

    static func describe(_ db: AppConfig.Database) -> String {
        switch db {
        case .sqliteFile(let path): "SQLite file " + (path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
        case .sqliteMemory: "SQLite in memory (nothing is kept)"
        case .postgres(let url, _): "PostgreSQL at \(url.split(separator: "@").last.map(String.init) ?? "?")"
        }
    }
}
