//! The "Embed" snippet: what a course author pastes into a page to embed the playground.

/// The folder of the page at `page_url` (`https://x/course/` for `https://x/course/` and
/// for `https://x/course/index.html`), where `embed.js` is served beside the page.
pub fn folder_of(page_url: &str) -> &str {
    page_url.rfind('/').map_or(page_url, |i| &page_url[..=i])
}

/// The HTML that embeds the page at `page_url` with `query` (`v=1&...&embed=1`): `embed.js`,
/// which sizes the frame to its content, then the 700×450 `<iframe>` titled `title`.
pub fn embed_snippet(page_url: &str, query: &str, title: &str) -> String {
    let src = format!("{page_url}?{query}").replace('&', "&amp;");
    let title = title.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<script src=\"{}embed.js\" defer></script>\n<iframe src=\"{src}\" title=\"{title}\" width=\"700\" height=\"450\" \
         style=\"border:1px solid #ccc;border-radius:6px\" loading=\"lazy\"></iframe>",
        folder_of(page_url)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_js_from_the_page_folder_then_the_frame() {
        for page in ["https://example.org/course/", "https://example.org/course/index.html"] {
            assert_eq!(
                embed_snippet(page, "v=1&lesson=gather&embed=1", "asyncio playground: gather lesson"),
                format!(
                    "<script src=\"https://example.org/course/embed.js\" defer></script>\n<iframe src=\"{page}?v=1&amp;lesson=gather&amp;embed=1\" \
                     title=\"asyncio playground: gather lesson\" width=\"700\" height=\"450\" \
                     style=\"border:1px solid #ccc;border-radius:6px\" loading=\"lazy\"></iframe>"
                )
            );
        }
    }

    #[test]
    fn a_title_cannot_break_out_of_its_attribute() {
        assert!(embed_snippet("https://x/", "v=1", "a \"b\" & c").contains("title=\"a &quot;b&quot; &amp; c\""));
    }
}
