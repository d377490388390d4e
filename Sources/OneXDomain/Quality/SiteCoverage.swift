/// Exam-site coverage (AH41-3, 001 §二(三)): "原则上有试点院校的设区市至少设置一个相关证书考核站点".
/// For every certificate, the cities with pilot schools of it, and whether each has at least one
/// working (approved) site for it. A site in a city without pilot schools of the certificate
/// covers nothing more than it would elsewhere and is not a cell.
public enum SiteCoverage {
    /// A school piloting a certificate in a city (a plan of the year not exited).
    public struct Pilot: Sendable, Hashable {
        public var certificate: String
        public var region: String
        public var school: String

        public init(certificate: String, region: String, school: String) {
            self.certificate = certificate
            self.region = region
            self.school = school
        }
    }

    /// A working site: its certificate and the city of its school.
    public struct Site: Sendable, Hashable {
        public var certificate: String
        public var region: String

        public init(certificate: String, region: String) {
            self.certificate = certificate
            self.region = region
        }
    }

    /// A certificate × city with pilot schools: how many schools pilot it there and how many
    /// working sites it has there.
    public struct Cell: Sendable, Equatable {
        public var certificate: String
        public var region: String
        public var schools: Int
        public var sites: Int

        public var covered: Bool { sites > 0 }
    }

    /// A city's summary: of the certificates piloted there, how many have a site there.
    public struct CityTally: Sendable, Equatable {
        public var region: String
        public var certificates: Int
        public var covered: Int

        public var gaps: Int { certificates - covered }
        /// Covered share in [0, 1]; a city without pilots has nothing to cover.
        public var share: Double? { certificates == 0 ? nil : Double(covered) / Double(certificates) }
    }

    /// Every certificate × city with pilot schools, by certificate and city code.
    public static func cells(pilots: [Pilot], sites: [Site]) -> [Cell] {
        var schools: [Site: Set<String>] = [:]
        for p in pilots {
            schools[Site(certificate: p.certificate, region: p.region), default: []].insert(p.school)
        }
        var count: [Site: Int] = [:]
        for s in sites { count[s, default: 0] += 1 }
        return schools.map { key, set in
            Cell(certificate: key.certificate, region: key.region, schools: set.count, sites: count[key] ?? 0)
        }
        .sorted { ($0.certificate, $0.region) < ($1.certificate, $1.region) }
    }

    /// Per city, the certificates piloted there and how many of them have a site there.
    public static func tallies(_ cells: [Cell]) -> [CityTally] {
        var by: [String: CityTally] = [:]
        for c in cells {
            var t = by[c.region] ?? CityTally(region: c.region, certificates: 0, covered: 0)
            t.certificates += 1
            if c.covered { t.covered += 1 }
            by[c.region] = t
        }
        return by.values.sorted { $0.region < $1.region }
    }
}
