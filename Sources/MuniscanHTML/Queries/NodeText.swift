import CLibXML2

/// The text inside one node, collapsed and bounded, for query snippets.
///
/// `xmlNodeGetContent` would copy all the text under the node (the whole page for `//body`);
/// this walks iteratively and stops once it has enough, skipping scripts and styles.
enum NodeText {
  static func text(of node: xmlNodePtr, maxCharacters: Int) -> String {
    let buffer = TextBuffer()
    let byteBudget = maxCharacters * 4 + 8
    switch node.pointee.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE, XML_PI_NODE:
      if let content = node.pointee.content { buffer.append(cString: content) }
      return buffer.string(maxCharacters: maxCharacters)
    case XML_ATTRIBUTE_NODE:
      let attribute = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlAttr.self)
      return TextCollapser.collapse(LibXML.string(of: attribute), maxCharacters: maxCharacters)
    default:
      break
    }
    var current = node.pointee.children
    while let child = current, buffer.count < byteBudget {
      var descend = false
      switch child.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = child.pointee.content { buffer.append(cString: content) }
      case XML_ELEMENT_NODE:
        let kind = ElementKind.of(child)
        descend = !kind.skipsContent
        if kind.breaksWords { buffer.breakWord() }
      default:
        break
      }
      if descend, let first = child.pointee.children {
        current = first
        continue
      }
      // Next sibling, or the next sibling of the nearest ancestor below `node` that has one.
      var cursor: xmlNodePtr? = child
      current = nil
      while let at = cursor, at != node {
        if let next = at.pointee.next {
          current = next
          break
        }
        cursor = at.pointee.parent
        if cursor != nil, cursor != node,
          ElementKind.of(cursor!).breaksWords
        {
          buffer.breakWord()
        }
      }
    }
    return buffer.string(maxCharacters: maxCharacters)
  }
}
