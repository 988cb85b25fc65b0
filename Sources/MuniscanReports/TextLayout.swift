/// Number formatting shared by reporters: one decimal, always.
func format(_ value: Double) -> String {
  let tenths = Int((value * 10).rounded())
  let sign = tenths < 0 ? "-" : ""
  return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
}

/// A change in total with its sign: "+5.0", "-2.5", "±0.0".
func signed(_ value: Double) -> String {
  let text = format(value)
  if text == "0.0" || text == "-0.0" { return "±0.0" }
  return value > 0 ? "+" + text : text
}

func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func leftPad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// Text from a crawled page made safe to print on a terminal: control characters (a hostile
/// page's escape sequences could move the cursor, recolour or retitle the terminal) and line
/// breaks become spaces.
func printable(_ text: String) -> String {
  String(
    String.UnicodeScalarView(
      text.unicodeScalars.map { scalar in
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? " " : scalar
      }))
}

/// A byte count for people: "830 B", "12.4 kB", "4.2 MB".
func byteCount(_ bytes: Int) -> String {
  if bytes < 1000 { return "\(bytes) B" }
  if bytes < 1_000_000 { return format(Double(bytes) / 1000) + " kB" }
  return format(Double(bytes) / 1_000_000) + " MB"
}
