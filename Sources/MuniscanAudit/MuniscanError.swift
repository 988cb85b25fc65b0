/// An error that stops a command, said in one line that names the file, line or URL at fault.
public struct MuniscanError: Error, CustomStringConvertible, Equatable {
  public var description: String

  public init(_ description: String) { self.description = description }
}
