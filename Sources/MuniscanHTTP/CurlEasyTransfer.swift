import CCurl

/// A fetch handed to the event loop: the request and the continuation its caller awaits.
struct PendingFetch: Sendable {
  let id: UInt64
  let request: HTTPRequest
  let continuation: CheckedContinuation<HTTPResponse, any Error>
}

/// One request's libcurl easy handle and everything its callbacks collect. It lives on the
/// event-loop thread only: made there, driven there by `curl_multi`, finished there. libcurl
/// reaches it from C callbacks through an unretained pointer, which is valid because the loop
/// keeps the transfer alive until its handle is removed from the multi handle.
final class CurlEasyTransfer {
  let id: UInt64
  let url: String
  let handle: UnsafeMutableRawPointer
  private var continuation: CheckedContinuation<HTTPResponse, any Error>?
  private var requestHeaderList: UnsafeMutablePointer<curl_slist>?
  private let errorBuffer: UnsafeMutablePointer<CChar>
  private let maxBodyBytes: Int
  /// The client's host mappings, kept alive for as long as curl may read them.
  private let hostMappings: HostMappings
  private var body: [UInt8] = []
  private var bodyTruncated = false
  private var responseHead: [UInt8] = []
  private var responseHeadComplete = false
  private var requestHead: [UInt8] = []

  /// Makes and configures the easy handle; on failure the fetch's continuation is resumed with
  /// the error and nil is returned.
  static func make(
    _ fetch: PendingFetch, configuration: HTTPClientConfiguration,
    hostMappings: HostMappings, dnsCacheTimeout: Int
  ) -> CurlEasyTransfer? {
    guard let handle = curl_easy_init() else {
      fetch.continuation.resume(
        throwing: HTTPClientError.transfer(
          url: fetch.request.url, code: Int(CURLE_OUT_OF_MEMORY.rawValue),
          message: "curl_easy_init failed"))
      return nil
    }
    let transfer = CurlEasyTransfer(
      fetch, handle: handle, maxBodyBytes: configuration.maxBodyBytes, hostMappings: hostMappings)
    do {
      try transfer.configure(fetch.request, configuration, dnsCacheTimeout: dnsCacheTimeout)
      return transfer
    } catch {
      transfer.fail(error)
      return nil
    }
  }

  private init(
    _ fetch: PendingFetch, handle: UnsafeMutableRawPointer, maxBodyBytes: Int,
    hostMappings: HostMappings
  ) {
    id = fetch.id
    self.hostMappings = hostMappings
    url = fetch.request.url
    self.handle = handle
    continuation = fetch.continuation
    self.maxBodyBytes = max(0, maxBodyBytes)
    errorBuffer = .allocate(capacity: Int(ccurl_error_size))
    errorBuffer.initialize(repeating: 0, count: Int(ccurl_error_size))
  }

  deinit {
    // Detach the callbacks first: nothing may call back into an object being destroyed.
    _ = ccurl_easy_setopt_long(handle, CURLOPT_VERBOSE, 0)
    _ = ccurl_easy_setopt_debug_function(handle, nil)
    curl_easy_cleanup(handle)
    curl_slist_free_all(requestHeaderList)
    errorBuffer.deallocate()
    continuation?.resume(throwing: HTTPClientError.shutDown)
  }

  // MARK: Setup

  private func configure(
    _ request: HTTPRequest, _ configuration: HTTPClientConfiguration, dnsCacheTimeout: Int
  ) throws(HTTPClientError) {
    try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    try set(CURLOPT_URL, request.url)
    try set(CURLOPT_PROTOCOLS_STR, "http,https")
    try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    try set(CURLOPT_FOLLOWLOCATION, 0)
    try set(CURLOPT_NOSIGNAL, 1)
    // Never take a proxy from the environment: `resolve` and loopback fixtures must hold.
    try set(CURLOPT_PROXY, "")
    // HTTP/1.1 so that the raw heads kept for WARC are the bytes on the wire.
    try set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
    // "" = every content coding this libcurl can decode (gzip, deflate, br, zstd).
    try set(CURLOPT_ACCEPT_ENCODING, "")
    try set(CURLOPT_USERAGENT, configuration.userAgent)
    try set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(configuration.connectTimeout))
    try set(CURLOPT_TIMEOUT_MS, milliseconds(configuration.totalTimeout))
    try set(CURLOPT_LOW_SPEED_LIMIT, max(0, configuration.lowSpeedLimit))
    try set(CURLOPT_LOW_SPEED_TIME, max(0, configuration.lowSpeedTime))
    try set(CURLOPT_DNS_CACHE_TIMEOUT, dnsCacheTimeout)
    if request.method == .head { try set(CURLOPT_NOBODY, 1) }
    try check(hostMappings.apply(to: handle))
    for header in request.headers {
      let line = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
      // A CR, LF or NUL would let a header smuggle more lines into the request.
      guard !line.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else { continue }
      guard let list = curl_slist_append(requestHeaderList, line) else {
        throw .transfer(url: url, code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "out of memory")
      }
      requestHeaderList = list
    }
    if let requestHeaderList {
      try check(ccurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, requestHeaderList))
    }

    let me = Unmanaged.passUnretained(self).toOpaque()
    try check(ccurl_easy_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, curlWriteBody))
    try set(CURLOPT_WRITEDATA, pointer: me)
    try check(ccurl_easy_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader))
    try set(CURLOPT_HEADERDATA, pointer: me)
    // The request head as sent is only reported through the debug callback, which needs VERBOSE.
    try check(ccurl_easy_setopt_debug_function(handle, curlDebug))
    try set(CURLOPT_DEBUGDATA, pointer: me)
    try set(CURLOPT_VERBOSE, 1)
  }

  private func set(_ option: CURLoption, _ value: Int) throws(HTTPClientError) {
    try check(ccurl_easy_setopt_long(handle, option, value))
  }

  private func set(_ option: CURLoption, _ value: String) throws(HTTPClientError) {
    try check(value.withCString { ccurl_easy_setopt_string(handle, option, $0) })
  }

  private func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer) throws(HTTPClientError) {
    try check(ccurl_easy_setopt_pointer(handle, option, pointer))
  }

  private func check(_ code: CURLcode) throws(HTTPClientError) {
    guard code == CURLE_OK else {
      throw .transfer(
        url: url, code: Int(code.rawValue),
        message: "setting an option failed: \(String(cString: curl_easy_strerror(code)))")
    }
  }

  private func milliseconds(_ seconds: Double) -> Int {
    guard seconds.isFinite, seconds > 0 else { return 0 }
    return Int(min(seconds * 1000, Double(Int32.max)).rounded(.up))
  }

  // MARK: Callbacks (loop thread)

  /// Keeps decoded body bytes up to the cap; a short count aborts the transfer at the cap.
  fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
    let room = maxBodyBytes - body.count
    let taken = min(room, bytes.count)
    let needed = body.count + taken
    if body.capacity == 0 {
      body.reserveCapacity(min(max(needed, announcedLength), maxBodyBytes))
    } else if needed > body.capacity {
      // Grow geometrically, but never reserve past the cap.
      body.reserveCapacity(min(max(needed, body.capacity * 2), maxBodyBytes))
    }
    body.append(contentsOf: bytes.prefix(taken))
    if taken < bytes.count { bodyTruncated = true }
    return taken
  }

  /// The body length the response's head announces (its Content-Length; with a content coding
  /// the coded length, a first guess at the decoded one), at most a mebibyte, or 0: the body
  /// is given room for it with its first bytes, instead of growing a copy at a time through
  /// the 16 KiB pieces curl hands over (1 % of a thousand-site crawl's CPU, most of it the
  /// kernel clearing each new buffer's pages).
  private var announcedLength: Int {
    var length: curl_off_t = -1
    guard ccurl_easy_getinfo_off_t(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK
    else { return 0 }
    return Int(min(max(length, 0), 1 << 20))
  }

  /// Collects the head of the last response: a new status line (after a 1xx) starts over, and
  /// lines after the head's empty line are trailers, which are not part of it.
  fileprivate func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
    if bytes.starts(with: "HTTP/".utf8) {
      responseHead.removeAll(keepingCapacity: true)
      responseHeadComplete = false
    } else if responseHeadComplete {
      return
    }
    responseHead.append(contentsOf: bytes)
    if bytes.elementsEqual("\r\n".utf8) || bytes.elementsEqual("\n".utf8) {
      responseHeadComplete = true
    }
  }

  /// Collects the request head as sent; a further complete head (a retry) replaces it.
  fileprivate func sentHeader(_ bytes: UnsafeRawBufferPointer) {
    if requestHead.count >= 4 && requestHead.suffix(4).elementsEqual("\r\n\r\n".utf8) {
      requestHead.removeAll(keepingCapacity: true)
    }
    requestHead.append(contentsOf: bytes)
  }

  // MARK: Completion (loop thread)

  /// Resumes the caller with the response, or the error `code` stands for. A transfer aborted
  /// at the body cap is a successful, truncated response.
  func finish(_ code: CURLcode) {
    if code == CURLE_OK || (code == CURLE_WRITE_ERROR && bodyTruncated) {
      resume(.success(makeResponse()))
    } else {
      let message = String(cString: errorBuffer)
      resume(.failure(HTTPClientError(code: code, url: url, message: message)))
    }
  }

  func fail(_ error: HTTPClientError) {
    resume(.failure(error))
  }

  private func resume(_ result: Result<HTTPResponse, HTTPClientError>) {
    continuation?.resume(with: result)
    continuation = nil
  }

  private func makeResponse() -> HTTPResponse {
    var status = 0
    _ = ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
    var address: UnsafeMutablePointer<CChar>?
    _ = ccurl_easy_getinfo_string(handle, CURLINFO_PRIMARY_IP, &address)
    var seconds = 0.0
    _ = ccurl_easy_getinfo_double(handle, CURLINFO_TOTAL_TIME, &seconds)
    let remoteAddress = address.map { String(cString: $0) }
    return HTTPResponse(
      url: url, status: status, headers: HTTPResponseHead.headers(from: responseHead), body: body,
      bodyTruncated: bodyTruncated, rawResponseHead: responseHead, rawRequestHead: requestHead,
      remoteAddress: remoteAddress?.isEmpty == false ? remoteAddress : nil,
      elapsedSeconds: seconds)
  }
}

// C callbacks: plain functions, so they capture nothing; `userdata` is the unretained transfer.

private func curlWriteBody(
  _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
  _ userdata: UnsafeMutableRawPointer?
) -> Int {
  guard let userdata else { return 0 }
  let transfer = Unmanaged<CurlEasyTransfer>.fromOpaque(userdata).takeUnretainedValue()
  return transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: size * count))
}

private func curlWriteHeader(
  _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
  _ userdata: UnsafeMutableRawPointer?
) -> Int {
  guard let userdata else { return 0 }
  let transfer = Unmanaged<CurlEasyTransfer>.fromOpaque(userdata).takeUnretainedValue()
  transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: size * count))
  return size * count
}

private func curlDebug(
  _ handle: UnsafeMutableRawPointer?, _ type: curl_infotype, _ data: UnsafeMutablePointer<CChar>?,
  _ size: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int32 {
  guard type == CURLINFO_HEADER_OUT, let userdata else { return 0 }
  let transfer = Unmanaged<CurlEasyTransfer>.fromOpaque(userdata).takeUnretainedValue()
  transfer.sentHeader(UnsafeRawBufferPointer(start: data, count: size))
  return 0
}
