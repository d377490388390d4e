// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "onex",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "onex", targets: ["onex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.30.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
    ],
    targets: [
        // The rules of the seed documents: value types and calculations, Foundation only.
        .target(name: "OneXDomain"),
        // CSV and XLSX reading and writing, independent of the web stack.
        .target(
            name: "OneXTabular",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "OneXServer",
            dependencies: [
                "OneXDomain",
                "OneXTabular",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Resources/policies"), .copy("Resources/static")]
        ),
        .executableTarget(name: "onex", dependencies: ["OneXServer"]),
        .testTarget(name: "OneXDomainTests", dependencies: ["OneXDomain"]),
        .testTarget(
            name: "OneXTabularTests",
            dependencies: ["OneXTabular", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "OneXServerTests",
            dependencies: [
                "OneXServer",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
