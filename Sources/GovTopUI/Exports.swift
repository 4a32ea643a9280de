/// A canvas's cells carry `CellStyle`s and are shown in a `Theme`: whoever draws with GovTopUI
/// needs the theme model, so it comes with the import.
@_exported import GovTopTheme
