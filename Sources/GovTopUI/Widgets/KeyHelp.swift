/// One key binding as the footer and the help overlay show it: the keys as the user types them
/// ("q", "Ctrl-C", "↑/k"), what they do, and the help section they are listed under. Produced from
/// the key binding table, so footer, help and behaviour cannot drift apart.
public typealias KeyHelp = (keys: String, description: String, section: String)
