import CCurl

/// libcurl's process-wide initialisation, done exactly once before the first handle is made
/// (a static `let` is initialised lazily and thread-safely by the Swift runtime).
enum CurlGlobal {
  private static let initCode: CURLcode = curl_global_init(ccurl_global_all)

  /// Initialises libcurl if needed; throws when `curl_global_init` failed.
  static func ensureInitialized() throws(HTTPClientError) {
    let code = initCode
    guard code == CURLE_OK else {
      throw .transfer(url: "", code: Int(code.rawValue), message: "curl_global_init failed")
    }
  }

  /// True when `url` parses (by libcurl's own parser) as an http or https URL with a host.
  static func isFetchable(_ url: String) -> Bool {
    guard let handle = curl_url() else { return false }
    defer { curl_url_cleanup(handle) }
    guard curl_url_set(handle, CURLUPART_URL, url, 0) == CURLUE_OK else { return false }
    guard let scheme = part(handle, CURLUPART_SCHEME), scheme == "http" || scheme == "https"
    else { return false }
    guard let host = part(handle, CURLUPART_HOST), !host.isEmpty else { return false }
    return true
  }

  private static func part(_ handle: OpaquePointer, _ which: CURLUPart) -> String? {
    var value: UnsafeMutablePointer<CChar>?
    guard curl_url_get(handle, which, &value, 0) == CURLUE_OK, let value else { return nil }
    defer { curl_free(value) }
    return String(cString: value).lowercased()
  }
}

extension HTTPClientError {
  /// Maps a failed transfer's CURLcode to the kind of failure the crawler acts on.
  init(code: CURLcode, url: String, message: String) {
    let message = message.isEmpty ? String(cString: curl_easy_strerror(code)) : message
    switch code {
    case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
      self = .dns(url: url, message: message)
    case CURLE_COULDNT_CONNECT:
      self = .connect(url: url, message: message)
    case CURLE_OPERATION_TIMEDOUT:
      self = .timeout(url: url, message: message)
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
      CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
      CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED, CURLE_SSL_CACERT_BADFILE,
      CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
      CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
      self = .tls(url: url, message: message)
    case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
      self = .invalidURL(url)
    default:
      self = .transfer(url: url, code: Int(code.rawValue), message: message)
    }
  }
}
