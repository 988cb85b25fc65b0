/// What the crawler needs from an HTTP client, so that its tests can put a fake in its place.
public protocol HTTPFetching: Sendable {
  func fetch(_ request: HTTPRequest) async throws -> HTTPResponse
}
