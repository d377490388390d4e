import Fluent
import OneXDomain

/// How people and pages name an account: by its unit and role (郑州市教育局 · 市县教育局),
/// never by its login. Reviewers, importers and audit actors all read through here.
enum AccountNames {
    static func label(_ user: User, lang: Lang) throws -> String {
        let role = try user.roleValue
        let unit = user.$region.value??.name ?? user.$school.value??.name ?? user.$organization.value??.name
        return [unit, lang.pick(role.chinese, role.english)].compactMap { $0 }.joined(separator: " · ")
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
