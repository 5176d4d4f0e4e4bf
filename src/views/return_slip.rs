//! A replacement's return slip (`/tickets/{id}/return-slip`): the sheet that goes into the
//! box with the failed device, so the service team's goods-in knows at a glance what came
//! back: the RMA number in large type and as a QR code (SVG, drawn on the server), the
//! failed device's serial number and product, the request, the sender and where the box
//! goes. On screen it sits in the portal's frame; printed, only the sheet remains.

use maud::{Markup, html};

use super::layout;
use super::qr;
use crate::domain::catalog::Catalog;
use crate::i18n::args;
use crate::store::tickets::{Replacement, Ticket};
use crate::views::PageCtx;

/// `GET /tickets/{id}/return-slip` for a replacement request `t` with its `r`.
pub fn page(ctx: &PageCtx, t: &Ticket, r: &Replacement) -> Markup {
    let back = html! {
        p.no-print { a href={ "/tickets/" (t.id) } { "← " (ctx.t("return-slip-back")) } }
    };
    if r.rma.trim().is_empty() {
        let title = ctx.t("return-slip-heading");
        return layout::page(
            ctx,
            &title,
            html! {
                div.narrow {
                    (back)
                    h1 { (title) }
                    p.notice.info { (ctx.t("return-slip-none")) }
                }
            },
        );
    }
    let title = ctx.t_args("return-slip-title", &args(&[("rma", &r.rma)]));
    let product = Catalog::get().product(r.product_id).map_or_else(
        || r.product_id.to_string(),
        crate::views::devices::product_label,
    );
    let qr_label = ctx.t_args("return-slip-qr", &args(&[("rma", &r.rma)]));
    let branding = &ctx.config.branding;
    html! {
        (layout::page(ctx, &title, html! {
            (back)
            article.return-slip aria-labelledby="slip-heading" {
                header.slip-head {
                    div {
                        p.slip-instance { (branding.instance_name) }
                        h1 #slip-heading { (ctx.t("return-slip-heading")) }
                        p.slip-rma {
                            span.slip-label { (ctx.t("return-slip-rma")) }
                            strong { code { (r.rma) } }
                        }
                    }
                    @if let Some(code) = qr::svg(&r.rma, &qr_label, 160) { (code) }
                }
                dl.facts.slip-facts {
                    dt { (ctx.t("return-slip-serial")) }
                    dd { @if let Some(s) = t.serial { code.slip-serial { (s) } } @else { "—" } }
                    dt { (ctx.t("return-slip-product")) } dd { (product) }
                    dt { (ctx.t("return-slip-request")) } dd { code { (t.number) } " · " (t.subject) }
                    dt { (ctx.t("replacement-event")) } dd { code { (r.event) } }
                }
                div.slip-addresses {
                    section aria-labelledby="slip-from" {
                        h2 #slip-from { (ctx.t("return-slip-from")) }
                        (super::profile::address_text(ctx, &r.delivery))
                    }
                    section aria-labelledby="slip-to" {
                        h2 #slip-to { (ctx.t("return-slip-to")) }
                        address {
                            @let lines: Vec<&str> = branding.return_address.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
                            @if lines.is_empty() {
                                strong { (branding.team_name) }
                            }
                            @for (i, line) in lines.iter().enumerate() {
                                @if i == 0 { strong { (line) } } @else { br; (line) }
                            }
                        }
                    }
                }
                p.slip-intro { (ctx.t("return-slip-intro")) }
            }
            p.hint.no-print { (ctx.t("return-slip-print-hint")) }
        }))
    }
}
