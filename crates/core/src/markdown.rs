//! "Copy as Markdown": a run as course material can quote it, the link to it and its
//! output as a fenced block.

/// Markdown for a run: `[title](link)`, then `lines` (the output) in a fenced `text` block
/// whose fence is longer than any run of backticks in the lines. Without lines, the link alone.
pub fn run_markdown(title: &str, link: &str, lines: &[String]) -> String {
    let title = title.replace('[', "\\[").replace(']', "\\]");
    let mut out = format!("[{title}](<{link}>)\n");
    if lines.is_empty() {
        return out;
    }
    let longest = lines.iter().map(|l| longest_backtick_run(l)).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    out.push_str(&format!("\n{fence}text\n"));
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&fence);
    out.push('\n');
    out
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_then_output_in_a_fenced_block() {
        let lines = vec!["t=0.00  main started".to_string(), "t=1.00  fetch_data(1) returned".to_string()];
        assert_eq!(
            run_markdown("asyncio playground: 7 gather vs TaskGroup", "http://x/?v=1&lesson=gather", &lines),
            "[asyncio playground: 7 gather vs TaskGroup](<http://x/?v=1&lesson=gather>)\n\n```text\nt=0.00  main started\nt=1.00  fetch_data(1) returned\n```\n"
        );
    }

    #[test]
    fn the_fence_outgrows_backticks_and_brackets_are_escaped() {
        let md = run_markdown("a [b]", "l", &["x ```` y".to_string()]);
        assert_eq!(md, "[a \\[b\\]](<l>)\n\n`````text\nx ```` y\n`````\n");
        assert_eq!(run_markdown("t", "l", &[]), "[t](<l>)\n");
    }
}
