/// A part of an archive that could not be read: a WARC record, a line of a page index or of
/// `done.jsonl`, or a whole file. `score` names each one and marks the sites it touches
/// incomplete instead of scoring them as if their pages were missing.
public struct ArchiveDamage: Sendable, Hashable, CustomStringConvertible {
  /// The file, relative to the archive folder (`warc/….warc.gz`, `index/elva.ee.jsonl`).
  public var file: String
  /// Where in the file (`offset 5120`, `line 3`); nil for the whole file.
  public var place: String?
  public var problem: String

  public init(file: String, place: String? = nil, problem: String) {
    self.file = file
    self.place = place
    self.problem = problem
  }

  /// `file: place: problem`, one line.
  public var description: String {
    [file, place, problem].compactMap { $0 }.joined(separator: ": ")
  }
}
