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
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
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
      name: "CPCRE2",
      pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"])]
    ),
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    .target(name: "MuniscanCore"),
    .target(name: "MuniscanPCRE", dependencies: ["CPCRE2"]),
    .target(name: "MuniscanHTTP", dependencies: ["CCurl", "MuniscanCore"]),
    .systemLibrary(
      name: "CDeflate",
      pkgConfig: "libdeflate",
      providers: [.apt(["libdeflate-dev"])]
    ),
    .systemLibrary(
      name: "CISAL",
      pkgConfig: "libisal",
      providers: [.apt(["libisal-dev"])]
    ),
    .target(name: "MuniscanGzip", dependencies: ["CZlib", "CDeflate", "CISAL"]),
    // jemalloc replaces glibc's allocator in every program that links the crawler: the parser,
    // the page facts and the WARC records allocate and free per page, and a crawl of 100 x 100
    // dense pages took 5.5 % less CPU with it, a score of its archive 8 % less (README, "Memory").
    .systemLibrary(
      name: "CJemalloc",
      pkgConfig: "jemalloc",
      providers: [.apt(["libjemalloc-dev"])]
    ),
    // The options jemalloc starts with (one arena), in the programs that link it.
    .target(name: "CJemallocOptions"),
    .target(name: "MuniscanHTML", dependencies: ["CLibXML2", "MuniscanCore"]),
    .target(
      name: "MuniscanCrawler",
      dependencies: [
        "MuniscanCore", "MuniscanHTTP", "MuniscanHTML", "MuniscanGzip", "MuniscanPCRE",
        .target(name: "CJemalloc", condition: .when(platforms: [.linux])),
        .target(name: "CJemallocOptions", condition: .when(platforms: [.linux])),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "HeapModule", package: "swift-collections"),
      ]
    ),
    .target(
      name: "MuniscanArchive",
      dependencies: [
        "MuniscanCore", "MuniscanHTTP", "MuniscanHTML", "MuniscanCrawler", "MuniscanGzip",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "MuniscanStore",
      dependencies: [
        "MuniscanCore", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ]
    ),
    .target(name: "MuniscanRules", dependencies: ["MuniscanCore", "MuniscanPCRE", "Yams"]),
    .target(
      name: "MuniscanReports",
      dependencies: [
        "MuniscanCore", .product(name: "CSV", package: "CSV.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "MuniscanAudit",
      dependencies: [
        "MuniscanCore", "MuniscanHTTP", "MuniscanHTML", "MuniscanCrawler", "MuniscanArchive",
        "MuniscanRules", "MuniscanReports", "MuniscanStore",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "CSV", package: "CSV.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "MuniscanCLI",
      dependencies: [
        "MuniscanCore", "MuniscanHTTP", "MuniscanCrawler", "MuniscanArchive", "MuniscanRules",
        "MuniscanReports", "MuniscanStore", "MuniscanAudit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
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
    .target(
      name: "BenchNation",
      dependencies: [
        "FixtureServer", .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ]
    ),
    .executableTarget(
      name: "muniscan-bench-analysis",
      dependencies: ["BenchNation", "MuniscanCore", "MuniscanHTML", "MuniscanRules"]
    ),
    .executableTarget(
      name: "muniscan-bench-server", dependencies: ["BenchNation", "FixtureServer"]),
    .executableTarget(
      name: "muniscan-bench-queue", dependencies: ["MuniscanCore", "MuniscanStore"]),
    .testTarget(name: "MuniscanCoreTests", dependencies: ["MuniscanCore"]),
    .testTarget(name: "MuniscanHTTPTests", dependencies: ["MuniscanHTTP"]),
    .testTarget(name: "MuniscanPCRETests", dependencies: ["MuniscanPCRE", "FixtureServer"]),
    .testTarget(name: "MuniscanGzipTests", dependencies: ["MuniscanGzip", "FixtureServer"]),
    .testTarget(
      name: "MuniscanHTMLTests",
      dependencies: ["MuniscanHTML", "MuniscanRules", "FixtureServer", "MuniscanTestSupport"]),
    .testTarget(
      name: "MuniscanCrawlerTests",
      dependencies: [
        "MuniscanCrawler", "FixtureServer", "MuniscanTestSupport",
        .target(name: "CJemalloc", condition: .when(platforms: [.linux])),
      ]),
    .testTarget(
      name: "MuniscanArchiveTests",
      dependencies: ["MuniscanArchive", "MuniscanCrawler", "MuniscanGzip"]),
    .target(
      name: "MuniscanTestSupport", dependencies: ["MuniscanRules"],
      path: "Tests/MuniscanTestSupport"),
    .testTarget(
      name: "MuniscanRulesTests",
      dependencies: ["MuniscanRules", "MuniscanTestSupport", "FixtureServer"]),
    .testTarget(
      name: "MuniscanAuditTests",
      dependencies: [
        "MuniscanAudit", "MuniscanArchive", "MuniscanCore", "MuniscanCrawler", "MuniscanReports",
        "MuniscanRules", "MuniscanStore", "MuniscanHTTP", "MuniscanTestSupport", "FixtureServer",
        .product(name: "Logging", package: "swift-log"),
      ]),
    .testTarget(
      name: "MuniscanReportsTests",
      dependencies: [
        "MuniscanReports", "MuniscanRules", "MuniscanTestSupport",
        .product(name: "CSV", package: "CSV.swift"),
      ]
    ),
    .testTarget(
      name: "MuniscanCLITests",
      dependencies: [
        "MuniscanCLI", "MuniscanAudit", "MuniscanArchive", "MuniscanRules", "FixtureServer",
        "MuniscanTestSupport",
        .product(name: "CSV", package: "CSV.swift"), "Yams",
      ]
    ),
    .testTarget(
      name: "FixtureServerTests", dependencies: ["FixtureServer", "MuniscanTestSupport"]),
    .testTarget(
      name: "BenchNationTests",
      dependencies: [
        "BenchNation", "FixtureServer", "MuniscanCore", "MuniscanHTML", "MuniscanRules",
        "MuniscanTestSupport",
      ]
    ),
    .testTarget(
      name: "MuniscanStoreTests",
      dependencies: [
        "MuniscanStore", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ]
    ),
  ]
)

// libFuzzer targets, one per parser (scripts/fuzz builds and runs them). Declared only when
// MUNISCAN_FUZZ=1, since they link with -sanitize=fuzzer and a normal build must not see them.
if Context.environment["MUNISCAN_FUZZ"] == "1" {
  let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("FuzzRobots", ["MuniscanCrawler"]),
    ("FuzzSitemap", ["MuniscanCrawler", "MuniscanHTML"]),
    ("FuzzPage", ["MuniscanHTML", "MuniscanRules", "MuniscanCore"]),
    ("FuzzRules", ["MuniscanRules"]),
    ("FuzzSites", ["MuniscanAudit"]),
    ("FuzzArchive", ["MuniscanArchive", "MuniscanCrawler", "MuniscanCore", "MuniscanGzip"]),
    ("FuzzURL", ["MuniscanCore"]),
  ]
  package.targets.append(.systemLibrary(name: "CLibFuzzer"))
  for target in fuzzTargets {
    package.targets.append(
      .executableTarget(name: target.name, dependencies: ["CLibFuzzer"] + target.dependencies))
  }
}
