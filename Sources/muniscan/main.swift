import MuniscanCLI

do {
  try await MuniscanCommand.execute(nil)
} catch {
  MuniscanCommand.exit(withError: error)
}
