//! A QR code as inline SVG, drawn on the server (no script, no image request, nothing
//! leaves the instance): one path of dark modules on a light square with the four-module
//! quiet zone the standard asks for. The encoding is `qrcodegen`'s.

use maud::{Markup, PreEscaped, html};
use qrcodegen::{QrCode, QrCodeEcc};

/// Modules of light margin around the code.
const QUIET: i32 = 4;

/// `text` as a QR code of `size_px` pixels, named `label` for screen readers; `None`
/// when the text is too long for any QR code.
pub fn svg(text: &str, label: &str, size_px: u32) -> Option<Markup> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let modules = code.size();
    let mut path = String::new();
    for y in 0..modules {
        for x in 0..modules {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + QUIET, y + QUIET));
            }
        }
    }
    let side = modules + 2 * QUIET;
    let view_box = format!("0 0 {side} {side}");
    Some(html! {
        svg.qr xmlns="http://www.w3.org/2000/svg" viewBox=(view_box) width=(size_px) height=(size_px)
            role="img" aria-label=(label) shape-rendering="crispEdges" {
            rect width=(side) height=(side) fill="#fff" {}
            path d=(PreEscaped(path)) fill="#000" {}
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_an_svg_of_dark_modules() {
        let uri = "otpauth://totp/OSC:kim%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        let svg = svg(uri, "QR code", 200).unwrap().into_string();
        assert!(svg.starts_with("<svg class=\"qr\""), "{svg}");
        assert!(svg.contains(r#"role="img" aria-label="QR code""#));
        // A finder pattern's corner module sits just inside the quiet zone.
        assert!(svg.contains("M4,4h1v1h-1z"));
        assert!(svg.ends_with("</svg>"));
        assert!(super::svg(&"x".repeat(8000), "QR code", 200).is_none());
    }
}
