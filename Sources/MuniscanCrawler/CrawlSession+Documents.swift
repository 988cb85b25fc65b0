import Foundation
import MuniscanCore
import MuniscanHTTP

/// What a HEAD request told about a linked document, without downloading it.
struct DocumentHead: Sendable, Equatable {
  var status: Int
  var size: Int?
  var contentType: String?
  var lastModified: Day?

  init(_ response: HTTPResponse) {
    status = response.status
    size = response.header("content-length").flatMap {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    contentType = response.header("content-type").flatMap { value in
      let type = value.split(separator: ";", maxSplits: 1).first?.trimmingCharacters(
        in: .whitespaces
      ).lowercased()
      return type?.isEmpty == false ? type : nil
    }
    lastModified = response.header("last-modified").flatMap(HTTPDate.day(from:))
  }

  func apply(to document: inout DocumentLink) {
    document.status = status
    document.size = size
    document.contentType = contentType
    document.lastModified = lastModified
  }
}

/// Documents (pdf, doc, …) are recorded from their links and never downloaded; with
/// `headDocuments` each one on the site gets a paced HEAD request for its size, type and date.
extension CrawlSession {
  /// Remembers the site's documents to ask about later, up to the per-site limit.
  func noteDocuments(_ documents: [DocumentLink]) {
    guard options.headDocuments else { return }
    for document in documents where state.documentQueue.count < options.maxDocumentHeads {
      guard let url = URLNormalizer.normalize(document.url), scope.isOnSite(url),
        knownRobotsRefusal(for: url) == nil, state.documentsNoted.insert(url).inserted
      else { continue }
      state.documentQueue.append((link: document.url, normalized: url))
    }
  }

  /// Sends the HEAD requests, following redirects on the site.
  func headDocuments() async {
    for document in state.documentQueue {
      switch await fetchFollowing(document.normalized, method: .head, redirects: .onSite) {
      case .answer(let response, _, _):
        state.documentHeads[document.link] = DocumentHead(response)
        state.consecutiveFailures = 0
      case .failed(let reason):
        state.problems.append("\(document.normalized): HEAD \(reason)")
        state.noteFailure(limit: options.maxConsecutiveFailures)
        if state.gaveUp { return }
      case .skipped, .refused:
        break
      }
    }
  }
}
