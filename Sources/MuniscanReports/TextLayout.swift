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
