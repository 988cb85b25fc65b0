import Foundation
import Testing

@testable import MuniscanStore

/// `--store` values: which store they name, how a PostgreSQL URL is read, and that its password
/// is never shown.
@Suite struct PostgresLocationTests {
  @Test func aURLIsReadAsLibpqReadsIt() throws {
    let location = try PostgresLocation(
      "postgres://anna:s%40cret@db.example.org:6543/audits?sslmode=verify-full"
        + "&sslrootcert=/etc/ca.pem")
    #expect(location.endpoint == .tcp(host: "db.example.org", port: 6543))
    #expect(location.user == "anna")
    #expect(location.password == "s@cret")
    #expect(location.database == "audits")
    #expect(location.tlsMode == .verifyFull)
    #expect(location.rootCertificate == "/etc/ca.pem")
    #expect(
      location.description
        == "postgres://anna:***@db.example.org:6543/audits?sslmode=verify-full&sslrootcert=/etc/ca.pem"
    )
  }

  @Test func aSocketFolderIsTheHostParameter() throws {
    let location = try PostgresLocation("postgresql://muniscan@/runs?host=/tmp/pg&port=5433")
    #expect(location.endpoint == .socket(directory: "/tmp/pg", port: 5433))
    #expect(location.socketPath == "/tmp/pg/.s.PGSQL.5433")
    let local = try PostgresLocation("postgres:///runs")
    #expect(local.endpoint == .socket(directory: "/var/run/postgresql", port: 5432))
    #expect(local.user == NSUserName())
  }

  @Test func defaultsAreLibpqs() throws {
    let location = try PostgresLocation("postgres://db.example.org")
    #expect(location.endpoint == .tcp(host: "db.example.org", port: 5432))
    #expect(location.database == location.user)
    #expect(location.tlsMode == .prefer)
    #expect(location.password == nil)
    let v6 = try PostgresLocation("postgres://u@[::1]:5433/db?sslmode=disable")
    #expect(v6.endpoint == .tcp(host: "::1", port: 5433))
    #expect(v6.tlsMode == .disable)
  }

  @Test func passwordsAreRedactedWhereverTheyStand() throws {
    let cases = [
      ("postgres://u:pw@h/db", "postgres://u:***@h/db"),
      ("postgres://u:p@ss/w?rd@h:1/db", "postgres://u:***@h:1/db"),
      (
        "postgres://u@h/db?password=pw&sslmode=require",
        "postgres://u@h/db?password=***&sslmode=require"
      ),
      ("postgres://u@h/db", "postgres://u@h/db"),
      ("postgres://h/db?sslmode=disable", "postgres://h/db?sslmode=disable"),
    ]
    for (url, shown) in cases {
      #expect(PostgresLocation.redact(url) == shown)
    }
    let location = try PostgresLocation("postgres://u:hunter2@h/db")
    for text in [
      location.description, "\(location)", String(reflecting: location),
      String(describing: RunStoreLocation.postgres(location)), dumped(location),
    ] {
      #expect(!text.contains("hunter2"))
    }
  }

  @Test func aMalformedURLIsOneLineWithoutThePassword() {
    let cases = [
      (
        "postgres://u:pw@h/db?sslmode=maybe",
        "unknown sslmode 'maybe' (disable, prefer, require, verify-ca, verify-full)"
      ),
      (
        "postgres://u:pw@h/db?colour=blue",
        "unknown parameter 'colour' (known: dbname, host, password, port, sslmode, sslrootcert, user)"
      ),
      ("postgres://u:pw@h:99999/db", "port '99999' is not a number from 1 to 65535"),
      ("postgres://u:pw@h1,h2/db", "several hosts are not supported"),
      ("postgres://u:pw@h/%zz", "malformed percent-encoding in the database name"),
    ]
    for (url, problem) in cases {
      let error = #expect(throws: StoreError.self) { try RunStoreLocation(url) }
      #expect(error?.description == "\(PostgresLocation.redact(url)): \(problem)")
      #expect(error?.description.contains("pw") == false)
    }
  }

  @Test func aStoreValueIsAFileUnlessItIsAPostgresURL() throws {
    #expect(try RunStoreLocation("runs.sqlite") == .sqlite(path: "runs.sqlite"))
    #expect(try RunStoreLocation("postgres.sqlite") == .sqlite(path: "postgres.sqlite"))
    guard case .postgres = try RunStoreLocation("PostgreSQL://h/db") else {
      Issue.record("a postgresql:// URL in capitals is a PostgreSQL location")
      return
    }
  }

  private func dumped(_ value: some Any) -> String {
    var text = ""
    dump(value, to: &text)
    return text
  }
}
