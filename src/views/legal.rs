//! The legal pages (privacy policy, terms of use): a small subset of Markdown — `## `
//! headings, paragraphs separated by blank lines, `- ` lists — rendered safely.

use maud::{Markup, html};

use super::layout;
use crate::views::PageCtx;

/// A block of a legal text.
enum Block<'a> {
    Heading(&'a str),
    Paragraph(String),
    List(Vec<&'a str>),
}

/// The blocks of `text`, line by line: a `## ` line is a heading, a run of `- ` lines a
/// list, other lines a paragraph until a blank line, heading or list ends it (a heading
/// may be followed by its list or paragraph at once, without a blank line).
fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<&str> = Vec::new();
    fn flush<'a>(out: &mut Vec<Block<'a>>, paragraph: &mut Vec<&'a str>, list: &mut Vec<&'a str>) {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
        if !list.is_empty() {
            out.push(Block::List(std::mem::take(list)));
        }
    }
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with("# ") {
            flush(&mut out, &mut paragraph, &mut list);
        } else if let Some(h) = line.strip_prefix("## ") {
            flush(&mut out, &mut paragraph, &mut list);
            out.push(Block::Heading(h));
        } else if let Some(item) = line.strip_prefix("- ") {
            if !paragraph.is_empty() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            list.push(item);
        } else {
            if !list.is_empty() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            paragraph.push(line);
        }
    }
    flush(&mut out, &mut paragraph, &mut list);
    out
}

/// A legal document as a page.
pub fn page(ctx: &PageCtx, title: &str, text: &str) -> Markup {
    let body = html! {
        article.prose {
            h1 { (title) }
            @for block in blocks(text) {
                @match block {
                    Block::Heading(h) => h2 { (h) },
                    Block::Paragraph(p) => p { (p) },
                    Block::List(items) => ul { @for i in items { li { (i) } } },
                }
            }
        }
    };
    layout::page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use super::{Block, blocks};

    #[test]
    fn a_heading_takes_its_list_and_paragraph_without_blank_lines() {
        let text = "# Title\n\nIntro line one\nline two.\n\n## What we keep\n- One.\n- Two.\n## Why\nBecause.\n";
        let shape: Vec<String> = blocks(text)
            .into_iter()
            .map(|b| match b {
                Block::Heading(h) => format!("h:{h}"),
                Block::Paragraph(p) => format!("p:{p}"),
                Block::List(items) => format!("ul:{}", items.join("|")),
            })
            .collect();
        assert_eq!(
            shape,
            [
                "p:Intro line one line two.",
                "h:What we keep",
                "ul:One.|Two.",
                "h:Why",
                "p:Because."
            ]
        );
    }
}
