import Fluent
import OneXDomain

/// How people and pages name an account: the person and the unit (张伟 · 郑州市教育局), the
/// role where there is no unit (李敏 · 省级审核员), the unit and role where no person is named;
/// never the login. Reviewers, importers and the page header all read through here.
enum AccountNames {
    static func label(_ user: User, lang: Lang) throws -> String {
        let role = try user.roleValue
        return label(name: user.displayName, unit: user.unitName, role: role, lang: lang)
    }

    static func label(name: String?, unit: String?, role: Role, lang: Lang) -> String {
        let roleText = lang(role)
        return switch (name, unit) {
        case (let name?, let unit?): "\(name) · \(unit)"
        case (let name?, nil): "\(name) · \(roleText)"
        case (nil, let unit?): "\(unit) · \(roleText)"
        case (nil, nil): roleText
        }
    }

    /// Labels of several accounts by username; an account that no longer exists keeps its login.
    static func labels(_ usernames: Set<String>, lang: Lang, on db: any Database) async throws -> [String:
        String]
    {
        guard !usernames.isEmpty else { return [:] }
        let users = try await User.withUnits(on: db).filter(\.$username ~~ Array(usernames)).all()
        return try Dictionary(
            users.map { ($0.username, try label($0, lang: lang)) }, uniquingKeysWith: { a, _ in a })
    }
}
