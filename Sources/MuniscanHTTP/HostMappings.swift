import CCurl

/// curl's `--resolve` (HOST:PORT:ADDRESS) and `--connect-to` (HOST:PORT:HOST2:PORT2) lists,
/// built once per client and handed to every transfer: they send a site's requests to another
/// address (fixture servers on loopback, a staging copy) while URLs, `Host` headers and links
/// stay the site's own. Each transfer keeps the lists alive until it ends.
final class HostMappings: @unchecked Sendable {
  private let resolve: UnsafeMutablePointer<curl_slist>?
  private let connectTo: UnsafeMutablePointer<curl_slist>?

  init(resolve: [String], connectTo: [String]) throws(HTTPClientError) {
    self.resolve = try Self.list(resolve)
    do {
      self.connectTo = try Self.list(connectTo)
    } catch {
      curl_slist_free_all(self.resolve)
      throw error
    }
  }

  deinit {
    curl_slist_free_all(resolve)
    curl_slist_free_all(connectTo)
  }

  /// Sets the lists on an easy handle; returns curl's code for the first that fails.
  func apply(to handle: UnsafeMutableRawPointer) -> CURLcode {
    if let resolve {
      let code = ccurl_easy_setopt_slist(handle, CURLOPT_RESOLVE, resolve)
      guard code == CURLE_OK else { return code }
    }
    if let connectTo { return ccurl_easy_setopt_slist(handle, CURLOPT_CONNECT_TO, connectTo) }
    return CURLE_OK
  }

  private static func list(_ entries: [String]) throws(HTTPClientError) -> UnsafeMutablePointer<
    curl_slist
  >? {
    var list: UnsafeMutablePointer<curl_slist>?
    for entry in entries {
      guard let longer = curl_slist_append(list, entry) else {
        curl_slist_free_all(list)
        throw .transfer(url: "", code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "out of memory")
      }
      list = longer
    }
    return list
  }
}
