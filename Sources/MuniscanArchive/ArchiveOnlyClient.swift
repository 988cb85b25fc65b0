import MuniscanHTTP

/// An HTTP client that never touches the network: scoring from an archive crawls with it behind
/// the archive's replay, so a URL the archive lacks fails (as its fetch failed when crawling)
/// instead of being fetched today.
public struct ArchiveOnlyClient: HTTPFetching {
  public init() {}

  public func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
    throw ArchiveError.notArchived(request.url)
  }
}
