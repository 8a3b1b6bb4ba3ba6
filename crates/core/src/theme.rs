//! The page's colours, as links name them (the `theme` key).

/// The page's colours: the `theme` key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Light colours, whatever the system says.
    Light,
    /// Dark colours, whatever the system says.
    Dark,
}

impl Theme {
    /// Every theme, in the order the page offers them.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The theme's name in links (and in the page's `data-theme`).
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme a link's value names, if any.
    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }
}
