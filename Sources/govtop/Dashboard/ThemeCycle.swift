import GovTopConfig
import GovTopTheme

/// The themes `t` steps through: every theme the catalog finds ("default" first), with the theme
/// govtop started in at its place in that list, or first when it came from a file elsewhere.
/// Themes are read when first shown; one that fails to load says why and is skipped over.
struct ThemeCycle {
    private struct Entry {
        var name: String
        var theme: Theme?
    }

    private let catalog: ThemeCatalog
    private var entries: [Entry]
    /// Where the starting theme is.
    let startIndex: Int

    init(catalog: ThemeCatalog, initial: Theme) {
        self.catalog = catalog
        var entries = catalog.themeNames.map { Entry(name: $0, theme: nil) }
        if let index = entries.firstIndex(where: { $0.name == initial.name }) {
            entries[index].theme = initial
            startIndex = index
        } else {
            entries.insert(Entry(name: initial.name, theme: initial), at: 0)
            startIndex = 0
        }
        self.entries = entries
    }

    var count: Int { entries.count }

    /// The theme at `index` (wrapped), loading it on first use.
    mutating func theme(at index: Int) throws(ConfigError) -> Theme {
        let position = ((index % count) + count) % count
        if let theme = entries[position].theme { return theme }
        let theme = try catalog.load(entries[position].name, origin: "themes", base: "/")
        entries[position].theme = theme
        return theme
    }
}
