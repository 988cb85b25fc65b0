// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "muniscan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "muniscan", targets: ["muniscan"]),
    .executable(name: "muniscan-fixtures", targets: ["muniscan-fixtures"]),
    .executable(name: "muniscan-bench-server", targets: ["muniscan-bench-server"]),
    .library(name: "MuniscanCLI", targets: ["MuniscanCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CCurl",
      pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"])]
    ),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    .target(name: "MuniscanCore"),
    .target(name: "MuniscanHTTP", dependencies: ["CCurl", "MuniscanCore"]),
    .target(name: "MuniscanHTML", dependencies: ["CLibXML2", "MuniscanCore"]),
    .target(
      name: "MuniscanCrawler",
      dependencies: [
        "MuniscanCore", "MuniscanHTTP", "MuniscanHTML", "CZlib",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "MuniscanStore",
      dependencies: ["MuniscanCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(name: "MuniscanRules", dependencies: ["MuniscanCore", "MuniscanHTML", "Yams"]),
    .target(name: "MuniscanEvaluation", dependencies: ["MuniscanCore", "MuniscanHTML", "MuniscanRules"]),
    .target(
      name: "MuniscanReports",
      dependencies: [
        "MuniscanCore", .product(name: "CSV", package: "CSV.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "MuniscanCLI",
      dependencies: [
        "MuniscanCore", "MuniscanHTTP", "MuniscanHTML", "MuniscanCrawler", "MuniscanRules",
        "MuniscanEvaluation", "MuniscanReports", "MuniscanStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "CSV", package: "CSV.swift"),
      ]
    ),
    .executableTarget(name: "muniscan", dependencies: ["MuniscanCLI"]),
    .target(
      name: "FixtureServer",
      dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .executableTarget(name: "muniscan-fixtures", dependencies: ["FixtureServer"]),
    .executableTarget(
      name: "muniscan-bench-analysis",
      dependencies: ["MuniscanCore", "MuniscanHTML", "MuniscanRules", "MuniscanEvaluation"]
    ),
    .executableTarget(name: "muniscan-bench-server", dependencies: ["FixtureServer"]),
    .testTarget(name: "MuniscanCoreTests", dependencies: ["MuniscanCore"]),
    .testTarget(name: "MuniscanHTTPTests", dependencies: ["MuniscanHTTP", "FixtureServer"]),
    .testTarget(name: "MuniscanHTMLTests", dependencies: ["MuniscanHTML", "FixtureServer"]),
    .testTarget(name: "MuniscanCrawlerTests", dependencies: ["MuniscanCrawler", "FixtureServer"]),
    .testTarget(name: "MuniscanRulesTests", dependencies: ["MuniscanRules", "MuniscanEvaluation", "MuniscanHTML"]),
    .testTarget(name: "MuniscanEvaluationTests", dependencies: ["MuniscanEvaluation", "MuniscanHTML"]),
    .testTarget(
      name: "MuniscanReportsTests",
      dependencies: ["MuniscanReports", .product(name: "CSV", package: "CSV.swift")]
    ),
    .testTarget(
      name: "MuniscanCLITests",
      dependencies: ["MuniscanCLI", "FixtureServer", .product(name: "CSV", package: "CSV.swift")]
    ),
    .testTarget(name: "FixtureServerTests", dependencies: ["FixtureServer"]),
    .testTarget(
      name: "MuniscanStoreTests",
      dependencies: ["MuniscanStore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
  ]
)

// libFuzzer targets, one per parser (scripts/fuzz builds and runs them). Declared only when
// MUNISCAN_FUZZ=1, since they link with -sanitize=fuzzer and a normal build must not see them.
if Context.environment["MUNISCAN_FUZZ"] == "1" {
  let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("FuzzRobots", ["MuniscanCrawler"]),
    ("FuzzSitemap", ["MuniscanCrawler", "MuniscanHTML"]),
    ("FuzzPage", ["MuniscanHTML"]),
    ("FuzzRules", ["MuniscanRules"]),
    ("FuzzSites", ["MuniscanCLI"]),
    ("FuzzArchive", ["MuniscanCrawler", "MuniscanCore", "CZlib"]),
    ("FuzzURL", ["MuniscanCore"]),
  ]
  package.targets.append(.systemLibrary(name: "CLibFuzzer"))
  for target in fuzzTargets {
    package.targets.append(
      .executableTarget(name: target.name, dependencies: ["CLibFuzzer"] + target.dependencies))
  }
}
