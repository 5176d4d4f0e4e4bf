//! What a reply says, without what it quotes: the history a mail program appends below
//! (`> ` lines, "On … wrote:", "Am … schrieb …:", "Le … a écrit :", Outlook's header
//! block, "-----Original Message-----") and the signature (`-- `, "Sent from my …") are
//! cut. The full text is kept elsewhere; this is only what the thread shows.

/// Lines that open a quoted original, lower case, matched at the start of a line.
const ORIGINAL_MARKERS: &[&str] = &[
    "-----original message-----",
    "-----ursprüngliche nachricht-----",
    "-------- original message --------",
    "-------- original-nachricht --------",
    "-------- message d'origine --------",
    "-----message d'origine-----",
    "________________________________",
];

/// Lines a phone appends, lower case.
const SENT_FROM: &[&str] = &[
    "sent from my ",
    "von meinem ",
    "envoyé de mon ",
    "gesendet von ",
    "get outlook for ",
];

/// Whether `line` (with the next one, as some programs wrap it) introduces a quote:
/// "On Mon, 1 Dec 2026, Anna wrote:", "Am 01.12.2026 um 10:00 schrieb Anna:",
/// "Le lun. 1 déc. 2026 à 10:00, Anna a écrit :".
fn is_attribution(line: &str, next: Option<&str>) -> bool {
    let joined = match next {
        Some(n) => format!("{} {}", line.trim(), n.trim()),
        None => line.trim().to_owned(),
    };
    let one = line.trim().to_lowercase();
    let two = joined.to_lowercase();
    let opens = |s: &str| s.starts_with("on ") || s.starts_with("am ") || s.starts_with("le ");
    let ends = |s: &str| {
        s.ends_with("wrote:")
            || s.ends_with("schrieb:")
            || (s.starts_with("am ") && s.contains(" schrieb ") && s.ends_with(':'))
            || s.ends_with("a écrit :")
            || s.ends_with("a écrit:")
    };
    opens(&one) && (ends(&one) || (next.is_some() && ends(&two)))
}

/// Whether `lines[i..]` is Outlook's header block: "From:" / "Von:" / "De :" followed by
/// "Sent:" / "Gesendet:" / "Envoyé :" (or "Date:") within the next lines.
fn is_header_block(lines: &[&str], i: usize) -> bool {
    let l = lines[i].trim().to_lowercase();
    let from = l.starts_with("from:")
        || l.starts_with("von:")
        || l.starts_with("de :")
        || l.starts_with("de:");
    from && lines[i + 1..].iter().take(3).any(|n| {
        let n = n.trim().to_lowercase();
        n.starts_with("sent:")
            || n.starts_with("gesendet:")
            || n.starts_with("envoyé :")
            || n.starts_with("envoyé:")
            || n.starts_with("date:")
            || n.starts_with("datum:")
    })
}

/// The reply without the history it quotes and without its signature; the whole text
/// when nothing would be left.
pub fn new_part(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_end();
        let lower = t.trim_start().to_lowercase();
        if t == "--"
            || t == "-- "
            || line.trim_end_matches('\r') == "-- "
            || ORIGINAL_MARKERS.iter().any(|m| lower.starts_with(m))
            || SENT_FROM.iter().any(|m| lower.starts_with(m))
            || is_attribution(t, lines.get(i + 1).copied())
            || is_header_block(&lines, i)
        {
            end = i;
            break;
        }
        // A run of `>` lines reaching the end (or only blank lines after it) is the quote.
        if t.starts_with('>')
            && lines[i..]
                .iter()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('>'))
        {
            end = i;
            break;
        }
    }
    let kept: Vec<&str> = lines[..end].to_vec();
    let kept = kept.join("\n");
    let kept = kept.trim();
    if kept.is_empty() {
        text.trim().to_owned()
    } else {
        kept.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::new_part;

    #[test]
    fn quotes_and_signatures_are_cut() {
        let gmail = "Thanks, the device is back online.\n\nOn Mon, 1 Dec 2026 at 10:00, Service <service@example.com> wrote:\n> Dear Anna,\n> please restart it.\n";
        assert_eq!(new_part(gmail), "Thanks, the device is back online.");
        let thunderbird = "Danke!\n\nAm 01.12.2026 um 10:00 schrieb Service:\n> Hallo Anna,\n";
        assert_eq!(new_part(thunderbird), "Danke!");
        let wrapped = "Merci.\n\nLe lun. 1 déc. 2026 à 10:00, Service du portail <service@example.com>\na écrit :\n> Bonjour,\n";
        assert_eq!(new_part(wrapped), "Merci.");
        let outlook = "Anbei das Foto.\n\nVon: Service <service@example.com>\nGesendet: Montag, 1. Dezember 2026 10:00\nAn: Anna\nBetreff: Ihre Anfrage\n\nHallo Anna,\n";
        assert_eq!(new_part(outlook), "Anbei das Foto.");
        let signed = "See the photo.\n\n-- \nAnna Müller\nSolar GmbH\n";
        assert_eq!(new_part(signed), "See the photo.");
        let phone = "Ok\n\nSent from my iPhone\n";
        assert_eq!(new_part(phone), "Ok");
        let original = "Yes.\n\n-----Original Message-----\nFrom: x\n";
        assert_eq!(new_part(original), "Yes.");
    }

    #[test]
    fn interleaved_answers_and_plain_text_are_kept() {
        let inline = "> Is it on?\nYes, since noon.\n> Which serial?\n3001234567\n";
        assert_eq!(new_part(inline), inline.trim());
        let plain = "Mein Wechselrichter zeigt Fehler 3501.\nBitte um Rückruf.";
        assert_eq!(new_part(plain), plain);
        // Only a quote: the whole text stays rather than nothing.
        assert_eq!(new_part("> just a quote\n"), "> just a quote");
    }
}
