import Fluent
import OneXDomain

/// The certificate an organisation names for its own course or filing: it must exist and be
/// the organisation's; otherwise the form's problem.
enum OwnCertificate {
    static func read(_ code: String?, actor: Actor, on db: any Database) async throws -> Result<
        Certificate, FieldError
    > {
        guard let code = code?.trimmingCharacters(in: .whitespaces), !code.isEmpty else {
            return .failure(.required("certificate", .trainingCertificate))
        }
        guard
            let c = try await Certificate.query(on: db).filter(\.$code == code).with(\.$organization).first(),
            c.organization.code == actor.unit
        else {
            return .failure(
                FieldError(code: "unknown_reference", .trainingOwnCertificate(code), field: "certificate"))
        }
        return .success(c)
    }
}
