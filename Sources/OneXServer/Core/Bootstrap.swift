import Fluent
import OneXDomain
import Vapor

/// First-start work on an empty database: the initial policy, the `admin` account, the demo.
enum Bootstrap {
    static func run(_ app: Application, demo: Bool) async throws {
        let db = app.db
        let config = app.onex.config
        let now = app.onex.clock.now()
        if try await PolicyVersion.query(on: db).count() == 0 {
            let policy = try PolicyService.load(source: config.policySource)
            _ = try await PolicyService.publish(policy, author: "system", at: now, on: db)
            app.logger.notice("Loaded initial policy '\(config.policySource)' (\(policy.province))")
        }
        if try await User.query(on: db).count() == 0 {
            let generated = config.adminPassword == nil
            let password = config.adminPassword ?? Tokens.generate().prefix(16) + "9a"
            let admin = User()
            admin.credentialEpoch = 0
            admin.username = "admin"
            admin.passwordHash = try app.password.hash(String(password))
            admin.role = Role.provinceAdmin.rawValue
            admin.active = true
            admin.failedLogins = 0
            admin.createdAt = now
            try await db.writeTransaction { tx in
                try await admin.create(on: tx)
                try await AuditWriter(tx).append(actor: "system", action: "create", entity: "users", key: "admin",
                                                 before: nil as String?, after: "provinceAdmin", at: now)
            }
            if generated {
                // Printed once, on the database's first start; it is not stored anywhere in clear.
                app.logger.notice("Created account 'admin' with generated password: \(password)")
            } else {
                app.logger.notice("Created account 'admin' with the password from ONEX_ADMIN_PASSWORD")
            }
            if demo {
                try await DemoProvince.load(into: app)
                app.logger.notice("Loaded the demo province: demo accounts use the password '\(DemoProvince.password)'")
                if config.demoActivity {
                    try await DemoYear.load(into: app)
                    app.logger.notice("Played a year of the pilot into the demo (ONEX_DEMO_ACTIVITY=0 leaves it out)")
                }
            }
        }
    }
}
