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

fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    for chunk in text.split("\n\n") {
        let lines: Vec<&str> = chunk
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        if let Some(h) = lines[0].strip_prefix("## ") {
            out.push(Block::Heading(h));
            if lines.len() > 1 {
                out.push(Block::Paragraph(lines[1..].join(" ")));
            }
        } else if lines.iter().all(|l| l.starts_with("- ")) {
            out.push(Block::List(lines.iter().map(|l| &l[2..]).collect()));
        } else if !lines[0].starts_with("# ") {
            out.push(Block::Paragraph(lines.join(" ")));
        }
    }
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
